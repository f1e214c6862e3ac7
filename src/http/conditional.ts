/**
 * Conditional GET (RFC 9110 §13.1): one mechanism for every route — the
 * JSON API, the pages, the feeds, the embed pages, /widget.js, /openapi.json,
 * /problems/*. Handlers set the `ETag` of what they serve (a stored value's
 * tag, a build-time hash, a hash of a rendered page), and hono's etag
 * middleware compares it with `If-None-Match` without hashing the body
 * again: weak comparison (`W/"x"` matches `"x"`), lists of tags, and `*`,
 * for GET and HEAD with a 2xx answer. A 200 without a tag (only /healthz) is
 * hashed by the middleware.
 *
 * A handler may also set `Last-Modified` (the feeds and the sitemap do, for
 * feed readers that only send `If-Modified-Since`): a request without
 * `If-None-Match` whose `If-Modified-Since` is at or after it gets a 304
 * (§13.1.3; §13.2.2 gives If-None-Match precedence when both are sent).
 *
 * A 304 keeps the headers a 200 would have had that matter to caches and to
 * cross-origin readers (RFC 9110 §15.4.5): Cache-Control, ETag, Vary,
 * Last-Modified and the CORS headers (a widget revalidating from a
 * publisher's page reads them).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { RETAINED_304_HEADERS, etag } from 'hono/etag'

const RETAINED = [...RETAINED_304_HEADERS, 'last-modified', 'access-control-allow-origin', 'access-control-expose-headers']

const matchTags = etag({ retainedHeaders: RETAINED })

export const conditionalGet: MiddlewareHandler = async function conditionalGet(c, next) {
  await matchTags(c, async () => {
    await next()
    answerIfModifiedSince(c)
  })
}

/** Turn a 200 that has not changed since the client's copy (by date) into a 304. */
function answerIfModifiedSince(c: Context): void {
  if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return
  if (c.req.header('If-None-Match') !== undefined) return
  const since = Date.parse(c.req.header('If-Modified-Since') ?? '')
  const modified = Date.parse(c.res.headers.get('Last-Modified') ?? '')
  // A date that does not parse is ignored (§13.1.3); a copy as new as what we serve or newer is current.
  if (Number.isNaN(since) || Number.isNaN(modified) || modified > since) return
  const headers = new Headers()
  for (const [name, value] of c.res.headers) if (RETAINED.includes(name)) headers.set(name, value)
  void c.res.body?.cancel()
  c.res = undefined
  c.res = new Response(null, { status: 304, headers })
}
