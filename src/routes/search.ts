/**
 * GET /v1/search (articles) and the `q` form of GET /v1/stories. Thin:
 * validate the query string into a SearchRequest, ask the Newsroom (which
 * holds the index), shape the page. Every refusal is an `invalid-query`
 * problem naming its parameter, and reads nothing.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy } from '../http/respond.js'
import { periodOf } from '../search/dates.js'
import { canonicalQueryOf, isQueryProblem, parseSearchQuery } from '../search/query.js'
import { CURSOR_ARITY, type SearchList, type SearchPosition, type SearchRequest, cursorPartsOf, fingerprintOf, positionOf } from '../search/request.js'
import { decodeCursor, encodeCursor } from '../store/cursor.js'
import { ARTICLE_ID, STORY_ID } from '../store/schemas.js'
import { newsroomOf } from '../writer/client.js'
import { SearchQuerySchema } from './search-schemas.js'

export const searchRoutes = new Hono<AppEnv>()

searchRoutes.get('/v1/search', async function searchArticles(c) {
  const { request, fingerprint } = searchRequestOf(c, 'articles')
  const slice = await newsroomOf(c.env).searchArticles(request)
  const nextCursor = slice.next === null ? null : encodeCursor(cursorPartsOf('articles', fingerprint, slice.next))
  return jsonWithPolicy(c, { items: slice.items, nextCursor }, 'list')
})

/** GET /v1/stories?q=…: stories with a matching report (stories.ts hands over when q is present). */
export async function searchStoriesPage(c: Context<AppEnv>): Promise<Response> {
  const { request, fingerprint } = searchRequestOf(c, 'stories')
  const slice = await newsroomOf(c.env).searchStories(request)
  const nextCursor = slice.next === null ? null : encodeCursor(cursorPartsOf('stories', fingerprint, slice.next))
  return jsonWithPolicy(c, { items: slice.items, nextCursor }, 'list')
}

/** Validate the query string of a search; every failure is a 400 problem naming the parameter. */
function searchRequestOf(c: Context<AppEnv>, list: SearchList): { request: SearchRequest; fingerprint: string } {
  const sources = c.req.queries('source')
  const parsed = SearchQuerySchema.safeParse({ ...c.req.query(), ...(sources === undefined ? {} : { source: sources }) })
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
  const fingerprint = fingerprintOf([list, sort, canonicalQueryOf(query), ...filters.sources, String(from), String(to), String(filters.storyId)])
  let after: SearchPosition | null = null
  if (cursor !== undefined) {
    const isId = (id: string) => (list === 'articles' ? ARTICLE_ID.test(id) : STORY_ID.test(id))
    after = positionOf(decodeCursor(cursor, CURSOR_ARITY[sort]), list, sort, fingerprint, isId)
    if (after === null) throw invalid('cursor', 'cursor is not one this API issued for this search.')
  }
  return { request: { query, filters, sort, limit, after }, fingerprint }
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
