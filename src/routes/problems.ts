/**
 * GET /problems/:code: the page each problem `type` URI resolves to (RFC 9457
 * §3.1.1 asks that a type URI, when dereferenced, explain the problem to a
 * human). The pages are static assets (public/problems/<code>.html, written
 * from http/problem-docs.ts by scripts/build-openapi.ts): the Worker checks
 * the code against its problem table and serves the page with the API's
 * headers, so their prose is not in the script.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError, problemInfo } from '../http/problem.js'
import { CACHE_POLICY, staticAsset } from '../http/respond.js'
import { etagOf } from '../store/hot-cache.js'

export const problemRoutes = new Hono<AppEnv>()

problemRoutes.get('/problems/:code', async (c) => {
  const code = c.req.param('code')
  if (problemInfo(code) === undefined) throw new ApiError('route-not-found', `There is no problem type "${code}"; see /openapi.json for the list.`)
  const page = await new Response(await staticAsset(c, `/problems/${code}.html`)).text()
  return c.body(page, 200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': CACHE_POLICY.docs,
    'Content-Security-Policy': "default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    ETag: etagOf(page),
  })
})
