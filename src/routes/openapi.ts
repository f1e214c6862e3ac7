/**
 * Helpers shared by every OpenAPI route: the validation hook that turns zod
 * failures on query and path into 400 problems naming the field, and the
 * problem+json response entry for route definitions.
 */
import type { OpenAPIHonoOptions } from '@hono/zod-openapi'
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
