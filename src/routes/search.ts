/**
 * GET /v1/search (articles) and the `q` form of GET /v1/stories. Thin:
 * validate the query string into a SearchRequest, ask the Newsroom (which
 * holds the index) unless this location answered the same normalized search
 * in the last 10 s, shape the page. Every refusal is an `invalid-query`
 * problem naming its parameter, and reads nothing.
 *
 * The same two steps serve people and feed readers: `searchRequestOf` checks
 * and normalizes a search, `findArticles` / `findStories` return its page as
 * data (cached here), and the search page (routes/pages.ts) and the feeds'
 * `?q=` (routes/feeds.ts) render that data instead of JSON.
 */
import { type Context, Hono } from 'hono'
import type * as z from 'zod/mini'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy } from '../http/respond.js'
import { periodOf } from '../search/dates.js'
import { canonicalQueryOf, isQueryProblem, parseSearchQuery } from '../search/query.js'
import { RepeatedAsks } from '../search/repeats.js'
import { CURSOR_ARITY, type SearchList, type SearchPosition, type SearchRequest, cursorPartsOf, fingerprintOf, positionOf } from '../search/request.js'
import { cursorKeyOf, decodeCursor, encodeCursor } from '../store/cursor.js'
import { ARTICLE_ID, STORY_ID } from '../store/schemas.js'
import { hotGeneration } from '../store/hot-cache.js'
import { newsroomOf } from '../writer/client.js'
import { SearchPageSchema, SearchQuerySchema, StorySearchPageSchema } from './search-schemas.js'

export const searchRoutes = new Hono<AppEnv>()

searchRoutes.get('/v1/search', async function searchArticles(c) {
  return jsonWithPolicy(c, await findArticles(c, await searchRequestOf(c, 'articles', searchParamsOf(c))), 'list')
})

/** GET /v1/stories?q=…: stories with a matching report (stories.ts hands over when q is present). */
export async function searchStoriesPage(c: Context<AppEnv>): Promise<Response> {
  return jsonWithPolicy(c, await findStories(c, await searchRequestOf(c, 'stories', searchParamsOf(c))), 'list')
}

/** Raw query parameters of a search, as a query string gives them (`source` may repeat). */
export type SearchParams = Readonly<Record<string, string | readonly string[] | undefined>>

/** A request's query string as search parameters. */
export function searchParamsOf(c: Context): SearchParams {
  const sources = c.req.queries('source')
  return { ...c.req.query(), ...(sources === undefined ? {} : { source: sources }) }
}

/** A search checked and normalized, ready to run: what the Newsroom is asked, and how its answer is cached and paged. */
export type PreparedSearch = {
  list: SearchList
  request: SearchRequest
  /** The query in its canonical line (`canonicalQueryOf`): what equivalent queries share. */
  canonical: string
  fingerprint: string
  cacheKey: string
  key: CryptoKey
}

/**
 * A page of articles found: from this location's cache, or the Newsroom's
 * index. The JSON route and the search page (routes/pages.ts) both answer from it.
 */
export function findArticles(c: Context<AppEnv>, search: PreparedSearch) {
  return cachedPage(c, search.cacheKey, SearchPageSchema, async () => {
    const slice = await newsroomOf(c.env).searchArticles(search.request)
    return { items: slice.items, nextCursor: await nextCursorOf(search, slice.next) }
  })
}

/** A page of stories with a matching report: the JSON route and the feeds' `?q=` (routes/feeds.ts) answer from it. */
export function findStories(c: Context<AppEnv>, search: PreparedSearch) {
  return cachedPage(c, search.cacheKey, StorySearchPageSchema, async () => {
    const slice = await newsroomOf(c.env).searchStories(search.request)
    return { items: slice.items, nextCursor: await nextCursorOf(search, slice.next) }
  })
}

function nextCursorOf(search: PreparedSearch, next: SearchPosition | null): Promise<string> | null {
  return next === null ? null : encodeCursor(search.list === 'articles' ? 'search-articles' : 'search-stories', cursorPartsOf(search.fingerprint, next), search.key)
}

/**
 * How long a search answer is reused at this location: the lists' own
 * freshness (`CACHE_POLICY.list`). A popular query then costs the Newsroom one
 * search per location per 10 s, however often it is asked.
 */
const SEARCH_CACHE_SECONDS = 10

/** Origin of cache keys: never fetched, only a namespace for Cache API entries. */
const CACHE_ORIGIN = 'https://search.bantin.internal'

/**
 * A page from the Cache API under the normalized request, or computed and,
 * when this isolate answered the same search in the last minute
 * (`RepeatedAsks`), put there once answered. The key carries this isolate's count of writes, so
 * a client sees its own correction at once; elsewhere within 10 s.
 * `Server-Timing` says which, and how long the lookup and the Newsroom took.
 */
async function cachedPage<T>(c: Context<AppEnv>, key: string, schema: z.ZodMiniType<T>, compute: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const cache = await caches.open('bantin:search:v1')
  const request = new Request(`${CACHE_ORIGIN}/${encodeURIComponent(`${hotGeneration()}:${key}`)}`)
  const hit = await cache.match(request)
  if (hit !== undefined) {
    const cached = schema.safeParse(await hit.json().catch(() => null))
    if (cached.success) {
      c.header('Server-Timing', `search-cache;dur=${(performance.now() - started).toFixed(1)};desc="hit"`, { append: true })
      return cached.data
    }
  }
  const looked = performance.now()
  const page = await compute()
  const timing = [`search-cache;dur=${(looked - started).toFixed(1)};desc="miss"`, `newsroom;dur=${(performance.now() - looked).toFixed(1)}`]
  c.header('Server-Timing', timing.join(', '), { append: true })
  if (!repeatedAsks.isRepeat(request.url, Date.now())) return page
  // Stored after the answer goes out: the client does not wait for the cache (a write took 2–3 ms locally).
  const stored = new Response(JSON.stringify(page), { headers: { 'Content-Type': 'application/json', 'Cache-Control': `public, max-age=${SEARCH_CACHE_SECONDS}` } })
  const write = cache.put(request, stored).finally(() => cacheWrites.delete(write))
  cacheWrites.add(write)
  c.executionCtx.waitUntil(write)
  return page
}

/** Searches this isolate answered once: a page is stored when its search is asked again (src/search/repeats.ts). */
const repeatedAsks = new RepeatedAsks()

/** Pages being stored after their answer went out. */
const cacheWrites = new Set<Promise<void>>()

/** Resolves when every page being stored in this isolate is stored (tests wait for it before wiping storage). */
export async function searchCacheWritten(): Promise<void> {
  await Promise.allSettled([...cacheWrites])
}

/**
 * Check a search's parameters; every failure is a 400 `invalid-query`
 * problem naming the parameter, and reads nothing.
 *
 * @example
 * const search = await searchRequestOf(c, 'articles', { q: 'ha noi', sort: 'recent' })
 */
export async function searchRequestOf(c: Context<AppEnv>, list: SearchList, params: SearchParams): Promise<PreparedSearch> {
  const parsed = SearchQuerySchema.safeParse(params)
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'query'), message: issue.message }))
    throw new ApiError('invalid-query', `Invalid ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, { errors })
  }
  const { q, limit, cursor, sort } = parsed.data
  const query = parseSearchQuery(q)
  if (isQueryProblem(query)) throw invalid('q', query.detail)
  const from = boundOf('from', parsed.data.from, 'start')
  const to = boundOf('to', parsed.data.to, 'end')
  if (from !== null && to !== null && from > to) throw invalid('to', 'to is before from.')
  const filters = { sources: [...new Set(parsed.data.source ?? [])].sort(), from, to, storyId: parsed.data.storyId ?? null }
  const canonical = canonicalQueryOf(query)
  const normalized = [list, sort, canonical, JSON.stringify(filters.sources), String(from), String(to), String(filters.storyId)]
  const fingerprint = fingerprintOf(normalized)
  const key = await cursorKeyOf(c.env.INGEST_TOKEN)
  let after: SearchPosition | null = null
  if (cursor !== undefined) {
    const isId = (id: string) => (list === 'articles' ? ARTICLE_ID.test(id) : STORY_ID.test(id))
    const parts = await decodeCursor(cursor, list === 'articles' ? 'search-articles' : 'search-stories', CURSOR_ARITY[sort], key)
    after = parts === null ? null : positionOf(parts, sort, fingerprint, isId)
    if (after === null) throw invalid('cursor', 'cursor is not one this API issued for this search.')
  }
  return { list, request: { query, filters, sort, limit, after }, canonical, fingerprint, cacheKey: JSON.stringify([...normalized, limit, cursor ?? null]), key }
}

/** A from/to bound as an instant: the first (from) or last (to) instant of the period it names. */
function boundOf(field: string, value: string | undefined, edge: 'start' | 'end'): number | null {
  if (value === undefined) return null
  const period = periodOf(value)
  if (period === null) throw invalid(field, `${field} is not a real month, day or timestamp.`)
  return period[edge]
}

function invalid(field: string, detail: string): ApiError {
  return new ApiError('invalid-query', detail, { errors: [{ field, message: detail }] })
}
