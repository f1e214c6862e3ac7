/**
 * Conditional GET (RFC 9110 §13.1.2): one mechanism for every route — the
 * JSON API, the embed pages, /widget.js, /openapi.json, /problems/*. Handlers
 * set the `ETag` of what they serve (a stored value's tag, a build-time hash,
 * a hash of a rendered page), and hono's etag middleware compares it with
 * `If-None-Match` without hashing the body again: weak comparison (`W/"x"`
 * matches `"x"`), lists of tags, and `*`, for GET and HEAD with a 2xx answer.
 * A 200 without a tag (only /healthz) is hashed by the middleware.
 *
 * A 304 keeps the headers a 200 would have had that matter to caches and to
 * cross-origin readers (RFC 9110 §15.4.5): Cache-Control, ETag, Vary and the
 * CORS headers (a widget revalidating from a publisher's page reads them).
 */
import { RETAINED_304_HEADERS, etag } from 'hono/etag'

export const conditionalGet = etag({
  retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'],
})
