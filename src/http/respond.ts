/**
 * Shared response shaping for GET routes: JSON with the Cache-Control policy
 * of its kind. ETags and 304s come from hono's etag middleware (app.ts).
 */
import type { Context } from 'hono'

/**
 * How long shared caches and browsers may keep each kind of answer.
 * Articles change only by correction; lists change with every ingest.
 */
export const CACHE_POLICY = {
  item: 'public, max-age=60, stale-while-revalidate=600',
  list: 'public, max-age=10, stale-while-revalidate=60',
  docs: 'public, max-age=300',
  none: 'no-store',
} as const

export function jsonWithPolicy<T>(c: Context, body: T, policy: keyof typeof CACHE_POLICY) {
  c.header('Cache-Control', CACHE_POLICY[policy])
  return c.json(body, 200)
}
