/**
 * /v1/sources: the outlets' feeds bantin gathers from, with their health.
 * Register (POST: the feed is fetched and parsed once first), list and read
 * (GET, from KV), change and remove (PUT, DELETE). Thin: validate, call the
 * source registry, shape. Documented in spec.ts.
 */
import { Hono, type Context } from 'hono'
import * as z from 'zod/mini'
import type { AppEnv } from '../env.js'
import { fetchRefusal } from '../gather/address.js'
import { registryOf } from '../gather/registry.js'
import { DEFAULT_CHECK_MINUTES } from '../gather/schedule.js'
import { allowsLocal } from '../gather/safe-fetch.js'
import { requireIngestToken } from '../http/auth.js'
import { bodyKindOf, limitBody, readJson } from '../http/body.js'
import { ApiError } from '../http/problem.js'
import { serveStored } from '../http/respond.js'
import type { CursorKey } from '../store/cursor.js'
import { hotClear } from '../store/hot-cache.js'
import { canonicalUrl } from '../store/ids.js'
import { SOURCE_ID, type Source, SourceInputSchema, SourceUpdateSchema } from '../store/source-schemas.js'
import { listPage } from './list.js'

export const sourceRoutes = new Hono<AppEnv>()

sourceRoutes.get('/v1/sources', (c) =>
  listPage(c, {
    list: 'sources',
    head: () => c.var.store.sourcesHead(),
    // The head holds every source (the registry keeps at most MAX_SOURCES), so no page lies past it.
    after: async () => ({ items: [], hasMore: false }),
    keyOf: cursorKeyOf,
    arity: 2,
  }),
)

sourceRoutes.get('/v1/sources/:id', async (c) => {
  const id = c.req.param('id')
  const source = SOURCE_ID.test(id) ? await c.var.store.source(id) : null
  if (source === null) throw notFound(id)
  return serveStored(c, source, 'list')
})

sourceRoutes.post('/v1/sources', requireIngestToken, limitBody, async function registerSource(c) {
  const input = parseBody(SourceInputSchema, await readJsonBody(c))
  const feedUrl = canonicalUrl(input.feedUrl)
  const refusal = fetchRefusal(new URL(feedUrl), allowsLocal(c.env))
  if (refusal !== null) {
    throw new ApiError('invalid-source', `bantin does not fetch ${feedUrl}: ${refusal}.`, { errors: [{ field: 'feedUrl', message: `refused: ${refusal}` }] })
  }
  const registry = registryOf(c.env)
  const existing = await registry.findByFeedUrl(feedUrl)
  if (existing !== null) return answer(c, existing, 200)
  const { probeFeed } = await import('../gather/probe.js')
  const probe = await probeFeed(c.env, feedUrl)
  if (!probe.ok) throw new ApiError(probe.code, `${feedUrl}: ${probe.reason}.`, { errors: [{ field: 'feedUrl', message: probe.reason }] })
  const result = await registry.register(
    {
      feedUrl,
      name: input.name ?? probe.feed.title ?? new URL(feedUrl).hostname,
      homepage: probe.feed.homepage,
      checkEveryMinutes: input.checkEveryMinutes ?? DEFAULT_CHECK_MINUTES,
    },
    new Date().toISOString(),
  )
  if (result.status === 'limit') throw new ApiError('too-many-sources', 'This deployment already gathers from as many sources as it keeps; remove one first.')
  return answer(c, result.source, result.status === 'created' ? 201 : 200)
})

sourceRoutes.put('/v1/sources/:id', requireIngestToken, limitBody, async function updateSource(c) {
  const id = c.req.param('id')
  if (!SOURCE_ID.test(id)) throw notFound(id)
  const patch = parseBody(SourceUpdateSchema, await readJsonBody(c))
  const source = await registryOf(c.env).update(id, patch, new Date().toISOString())
  if (source === null) throw notFound(id)
  return answer(c, source, 200)
})

sourceRoutes.delete('/v1/sources/:id', requireIngestToken, async function removeSource(c) {
  const id = c.req.param('id')
  if (!SOURCE_ID.test(id) || !(await registryOf(c.env).remove(id))) throw notFound(id)
  hotClear()
  return c.body(null, 204)
})

function answer(c: Context<AppEnv>, source: Source, status: 200 | 201): Response {
  hotClear()
  c.header('Location', `/v1/sources/${source.id}`)
  c.header('Cache-Control', 'no-store')
  return c.json(source, status)
}

/** A JSON body (sources take JSON only). */
async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  if (bodyKindOf(c) !== 'json') throw new ApiError('unsupported-media-type', 'Send the source as application/json.', { headers: { 'Accept-Post': 'application/json' } })
  return readJson(c)
}

/** Check a body against its schema; each failing field is named in a 422 `invalid-source` problem. */
function parseBody<T extends z.ZodMiniType>(schema: T, body: unknown): z.output<T> {
  const result = z.safeParse(schema, body)
  if (result.success) return result.data
  const errors = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }))
  throw new ApiError('invalid-source', `The source has ${errors.length} invalid field(s): ${errors.map((error) => error.field).join(', ')}.`, { errors })
}

function notFound(id: string): ApiError {
  return new ApiError('source-not-found', `No source has id "${id}".`)
}

function cursorKeyOf(source: Source): CursorKey {
  return [source.createdAt, source.id]
}
