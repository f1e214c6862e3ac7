/**
 * Which methods each route answers, said the way RFC 9110 asks: `Allow` on a
 * 405 (§15.5.6) and on an OPTIONS answer (§9.3.7), listing every method the
 * path answers — HEAD wherever GET is (§9.3.2), and OPTIONS everywhere a route
 * exists. OPTIONS on a path no route serves is a 404, not a blanket 204.
 *
 * The table is built once from the app's own routes (as hono's
 * method-not-allowed middleware does), so it cannot drift from the router.
 */
import type { Hono, MiddlewareHandler } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'
import type { AppEnv } from '../env.js'
import { ApiError } from './problem.js'

/** The order methods are listed in `Allow`: reads, writes, then OPTIONS. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/** A lookup from a request path to the methods its route answers (empty when no route serves it). */
export type MethodLookup = (path: string) => string[]

/**
 * The methods of every route of `app`, looked up by request path.
 *
 * @example
 * methodsOf(app)('/v1/articles') // => ['GET', 'HEAD', 'POST', 'OPTIONS']
 */
export function methodsOf(app: Hono<AppEnv>): MethodLookup {
  let router: TrieRouter<string> | undefined
  return (path) => {
    if (router === undefined) {
      router = new TrieRouter<string>()
      for (const route of app.routes) {
        if (route.method === 'ALL') continue
        router.add('ALL', route.path, route.method)
        if (route.method === 'GET') router.add('ALL', route.path, 'HEAD')
      }
    }
    const found = new Set(router.match('ALL', path)[0].map(([method]) => method))
    if (found.size > 0) found.add('OPTIONS')
    return METHOD_ORDER.filter((method) => found.has(method))
  }
}

/**
 * Answer OPTIONS with 204 and `Allow` (through `preflight`, which adds the
 * CORS headers of a preflight), and turn a 404 for a path that exists under
 * other methods into a 405 `method-not-allowed` problem with `Allow`.
 */
export function answerMethods(lookup: MethodLookup, preflight: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async function answerMethods(c, next) {
    const methods = lookup(c.req.path)
    if (c.req.method === 'OPTIONS') {
      if (methods.length === 0) throw new ApiError('route-not-found', `There is no route ${c.req.path}.`)
      c.header('Allow', methods.join(', '))
      return preflight(c, next)
    }
    await next()
    if (c.res.status !== 404 || c.error !== undefined || methods.length === 0 || methods.includes(c.req.method)) return
    throw new ApiError('method-not-allowed', `${c.req.method} is not allowed here; use ${methods.join(', ')}.`, { headers: { Allow: methods.join(', ') } })
  }
}
