/**
 * Per-request observability: a request id, a KV reader that counts its reads,
 * a `Server-Timing` header (total and KV time, reads and hot-cache hits) and
 * one structured JSON log line per request:
 * `{ "level", "requestId", "method", "route", "path", "status", "durationMs", "kvReads", "kvMs", "hotHits" }`.
 * Workers Logs (observability in wrangler.toml) indexes these fields.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'
import { newReadStats, storeReader } from '../store/kv.js'

export const observe: MiddlewareHandler<AppEnv> = async function observe(c, next) {
  const started = performance.now()
  const requestId = c.req.header('cf-ray') ?? crypto.randomUUID()
  const stats = newReadStats()
  c.set('requestId', requestId)
  c.set('store', storeReader(c.env.KV, stats))
  await next()
  const durationMs = performance.now() - started
  c.res.headers.set('X-Request-Id', requestId)
  c.res.headers.append('Server-Timing', `total;dur=${durationMs.toFixed(1)}, kv;dur=${stats.kvMs.toFixed(1)};desc="${stats.kvReads} reads", hot;desc="${stats.hotHits} hits"`)
  const status = c.res.status
  console.log(
    JSON.stringify({
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      path: c.req.path,
      status,
      durationMs: Math.round(durationMs * 10) / 10,
      kvReads: stats.kvReads,
      kvMs: Math.round(stats.kvMs * 10) / 10,
      hotHits: stats.hotHits,
    }),
  )
}
