/**
 * Query validation against a zod schema; a failure is a 400 problem that
 * names each bad parameter.
 */
import type { Context } from 'hono'
import type * as z from 'zod/mini'
import { ApiError } from './problem.js'

export function parseQuery<T extends z.ZodMiniType>(c: Context, schema: T): z.output<T> {
  const result = schema.safeParse(c.req.query())
  if (result.success) return result.data
  const errors = result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'query', message: issue.message }))
  throw new ApiError('invalid-query', `Invalid ${errors.map((e) => e.field).join(', ')}.`, { errors })
}
