/**
 * Shared response shaping for GET routes: JSON with the Cache-Control policy
 * of its kind and a strong ETag (a `304 Not Modified` for a client that has
 * that version comes from http/conditional.ts). Stored values are served as
 * the exact JSON KV holds, so a hot-cache hit answers without parsing,
 * serializing or hashing anything.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from './problem.js'
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
  // If-None-Match is answered by the conditional-GET middleware (http/conditional.ts) from this tag.
  return c.body(json, 200, { ETag: etag, 'Cache-Control': CACHE_POLICY[policy], 'Content-Type': 'application/json; charset=utf-8' })
}

/**
 * A static asset the build writes to public/ (the OpenAPI document, the
 * problem pages, the widget script), fetched through the ASSETS binding for a
 * route that serves it with the API's headers. Missing, it is an internal
 * fault: the deployment was built without it. Answers the asset's body.
 */
export async function staticAsset(c: Context<AppEnv>, path: string): Promise<ReadableStream> {
  const asset = await c.env.ASSETS.fetch(new URL(path, c.req.url))
  if (!asset.ok || asset.body === null) throw new ApiError('internal', `${path} is missing from the static assets.`)
  return asset.body
}
