/**
 * Builds the bantin Hono app: cross-cutting middleware, routes, the OpenAPI
 * document, and the one place errors become RFC 9457 problem+json.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv } from './env.js'
import { conditionalGet } from './http/conditional.js'
import { answerMethods, methodsOf } from './http/methods.js'
import { observe } from './http/observe.js'
import { ApiError, problemResponse } from './http/problem.js'
import { CACHE_POLICY, jsonWithPolicy, staticAsset } from './http/respond.js'
import { OPENAPI_ETAG } from './openapi.generated.js'
import { articleRoutes } from './routes/articles.js'
import { embedRoutes } from './routes/embed.js'
import { feedRoutes } from './routes/feeds.js'
import { pageRoutes } from './routes/pages.js'
import { problemRoutes } from './routes/problems.js'
import { searchRoutes } from './routes/search.js'
import { sourceRoutes } from './routes/sources.js'
import { storyRoutes } from './routes/stories.js'
import { summaryRoutes } from './routes/summaries.js'

/** Methods open to any origin: widgets read from publishers' pages; writes stay same-origin. */
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS']

const readCors = cors({ origin: '*', allowMethods: READ_METHODS, maxAge: 86400, exposeHeaders: ['ETag', 'Server-Timing', 'X-Request-Id'] })

const corsForReads: MiddlewareHandler<AppEnv> = async function corsForReads(c, next) {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return readCors(c, next)
  await next()
}

export function createApp() {
  const app = new Hono<AppEnv>()

  app.use('*', observe)
  app.use('*', corsForReads)
  app.use('*', answerMethods(methodsOf(app), readCors))
  app.use('*', conditionalGet)

  app.get('/healthz', (c) => jsonWithPolicy(c, { status: 'ok' }, 'none'))
  app.route('/', articleRoutes)
  app.route('/', summaryRoutes)
  app.route('/', storyRoutes)
  app.route('/', embedRoutes)
  app.route('/', problemRoutes)
  app.route('/', pageRoutes)
  app.route('/', feedRoutes)
  app.route('/', sourceRoutes)
  app.route('/', searchRoutes)

  // The document is a static asset (scripts/build-openapi.ts says why); the Worker answers for it so
  // it gets the same CORS, conditional GET, headers and logs as every route.
  app.get('/openapi.json', async (c) => {
    return c.body(await staticAsset(c, '/openapi.json'), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': CACHE_POLICY.docs, ETag: OPENAPI_ETAG })
  })

  app.notFound((c) => problemResponse(c, new ApiError('route-not-found', `There is no route ${c.req.path}.`)))
  app.onError((err, c) => problemResponse(c, err))
  return app
}
