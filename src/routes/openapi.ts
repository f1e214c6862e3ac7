/**
 * Helpers shared by every OpenAPI route: the validation hook that turns zod
 * failures on query and path into 400 problems naming the field, and the
 * problem+json response entry for route definitions.
 */
import { type OpenAPIHonoOptions, z } from '@hono/zod-openapi'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { ProblemSchema } from '../store/schemas.js'

export const defaultHook: NonNullable<OpenAPIHonoOptions<AppEnv>['defaultHook']> = (result) => {
  if (result.success) return
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || String(result.target),
    message: issue.message,
  }))
  throw new ApiError('invalid-query', `Invalid ${errors.map((e) => e.field).join(', ')}.`, { errors })
}

export function problemContent(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } }
}

/** Page size bounds for list routes: each KV head holds 100 cards, so any first page is one read. */
const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).openapi({ example: 20 }),
  cursor: z.string().optional().openapi({ description: 'nextCursor from the previous page' }),
})
