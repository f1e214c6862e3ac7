/**
 * Shared response shaping for GET routes: JSON with the Cache-Control policy
 * of its kind, a strong ETag, and `304 Not Modified` when the client already
 * has that version. Stored values are served as the exact JSON KV holds, so a
 * hot-cache hit answers without parsing, serializing or hashing anything.
 */
import type { Context } from 'hono'
import { etagOf } from '../store/hot-cache.js'
import type { Stored } from '../store/kv.js'

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

type Policy = keyof typeof CACHE_POLICY

/** A computed JSON answer. */
export function jsonWithPolicy<T>(c: Context, body: T, policy: Policy): Response {
  const json = JSON.stringify(body)
  return sendJson(c, json, etagOf(json), policy)
}

/** A stored value, as stored. */
export function serveStored<T>(c: Context, stored: Stored<T>, policy: Policy): Response {
  return sendJson(c, stored.raw, stored.etag, policy)
}

function sendJson(c: Context, json: string, etag: string, policy: Policy): Response {
  const headers = { ETag: etag, 'Cache-Control': CACHE_POLICY[policy] }
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers)
  return c.body(json, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
}

/** RFC 9110 §13.1.2: weak comparison, `*` matches any current representation. */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  return header.split(',').some((tag) => {
    const candidate = tag.trim()
    return candidate === '*' || candidate.replace(/^W\//, '') === etag
  })
}
