/**
 * GET /problems/:code: the page each problem `type` URI resolves to (RFC 9457
 * §3.1.1 asks that a type URI, when dereferenced, explain the problem to a
 * human). Short, self-contained HTML from the one problem table (http/problem.ts).
 */
import { Hono } from 'hono'
import { html } from 'hono/html'
import type { AppEnv } from '../env.js'
import { ApiError, problemInfo } from '../http/problem.js'
import { CACHE_POLICY } from '../http/respond.js'
import { etagOf } from '../store/hot-cache.js'

export const problemRoutes = new Hono<AppEnv>()

problemRoutes.get('/problems/:code', (c) => {
  const code = c.req.param('code')
  const info = problemInfo(code)
  if (info === undefined) throw new ApiError('route-not-found', `There is no problem type "${code}"; see /openapi.json for the list.`)
  const page = html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${info.title} (${info.status})</title></head>
<body>
<main>
<h1>${info.title}</h1>
<p>HTTP ${info.status}. Problem type <code>/problems/${code}</code>, code <code>${code}</code>.</p>
<p>${info.explanation}</p>
<p>bantin answers every error as RFC 9457 <code>application/problem+json</code>: <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> (what was wrong with this request), <code>instance</code>, <code>code</code>, and <code>errors</code> naming the fields at fault.</p>
</main>
</body>
</html>`.toString()
  return c.body(page, 200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': CACHE_POLICY.docs,
    'Content-Security-Policy': "default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    ETag: etagOf(page),
  })
})
