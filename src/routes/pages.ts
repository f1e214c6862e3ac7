/**
 * The HTML pages for people: `/` (the front page), `/stories/:id`,
 * `/articles/:id`, `/sources/:name` and `/search` (the search API's answer,
 * rendered). Thin: read the stored values (one or
 * two KV reads a page; deep front pages ask the Newsroom), render (src/pages,
 * pure), answer with an ETag of the page (304 through http/conditional.ts),
 * the Cache-Control of its kind and a CSP that allows the one inline
 * stylesheet and no script. An unknown story, report or outlet is a 404
 * page, a malformed query a 400 page: people get HTML here, the API keeps
 * answering problem+json.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError, problemResponse } from '../http/problem.js'
import { CACHE_POLICY } from '../http/respond.js'
import { parseQuery } from '../http/validate.js'
import { renderArticlePage } from '../pages/article.js'
import { type ErrorKind, renderErrorPage } from '../pages/error.js'
import { renderFrontPage } from '../pages/front.js'
import type { PageContext } from '../pages/layout.js'
import { renderOutletPage } from '../pages/outlet.js'
import { renderSearchPage } from '../pages/search.js'
import { PAGE_STYLE } from '../pages/style.js'
import { renderStoryPage } from '../pages/story.js'
import { type CursorKey, cursorKeyOf, decodeCursor, encodeCursor, pageFromHead } from '../store/cursor.js'
import { etagOf } from '../store/hot-cache.js'
import { outletSlugOf } from '../store/outlet-slug.js'
import type { StoryDigest } from '../store/reading-schemas.js'
import { ARTICLE_ID, isStoryId } from '../store/schemas.js'
import { newsroomOf } from '../writer/client.js'
import { FrontPageQuerySchema } from './queries.js'
import { type PreparedSearch, findArticles, searchParamsOf, searchRequestOf } from './search.js'

export const pageRoutes = new Hono<AppEnv>()

/** Stories on a front page: two pages come from the stored digests (50), deeper ones from the Newsroom. */
export const FRONT_PAGE_SIZE = 25

pageRoutes.get('/', async (c) => {
  const { cursor } = parseQuery(c, FrontPageQuerySchema)
  const key = await cursorKeyOf(c.env.INGEST_TOKEN)
  const after = cursor === undefined ? null : await decodeCursor(cursor, 'stories', 2, key)
  if (cursor !== undefined && after === null) {
    throw new ApiError('invalid-query', 'cursor is not one this site issued.', { errors: [{ field: 'cursor', message: 'malformed cursor' }] })
  }
  const head = (await c.var.store.digestsHead())?.value ?? { total: 0, items: [] }
  const page = pageFromHead(head.items, head.total, after, FRONT_PAGE_SIZE, digestKey) ?? (await newsroomOf(c.env).listDigests(after, FRONT_PAGE_SIZE))
  const last = page.items.at(-1)
  const nextHref = page.hasMore && last !== undefined ? `/?cursor=${encodeURIComponent(await encodeCursor('stories', digestKey(last), key))}` : null
  const selfHref = cursor === undefined ? '/' : `/?cursor=${encodeURIComponent(cursor)}`
  return htmlPage(c, renderFrontPage({ stories: page.items, nextHref, selfHref }, contextOf(c)), 'list')
})

pageRoutes.get('/stories/:id', async (c) => {
  const id = c.req.param('id')
  if (!isStoryId(id)) return missingPage(c, 'story')
  const [story, summary] = await Promise.all([c.var.store.story(id), c.var.store.storySummary(id)])
  if (story === null) return missingPage(c, 'story')
  return htmlPage(c, renderStoryPage(story.value, summary?.value ?? null, contextOf(c)), 'item')
})

pageRoutes.get('/articles/:id', async (c) => {
  const id = c.req.param('id')
  if (!ARTICLE_ID.test(id)) return missingPage(c, 'article')
  const [article, summary] = await Promise.all([c.var.store.article(id), c.var.store.articleSummary(id)])
  if (article === null) return missingPage(c, 'article')
  return htmlPage(c, renderArticlePage(article.value, summary?.value ?? null, contextOf(c)), 'item')
})

pageRoutes.get('/sources/:name', async (c) => {
  const name = c.req.param('name')
  const slug = outletSlugOf(name)
  if (slug === null) return missingPage(c, 'source')
  // The page lives at its slug; `/sources/Tuổi Trẻ` is a link someone typed, sent on permanently.
  if (slug !== name) return c.redirect(`/sources/${slug}`, 301)
  const outlet = await c.var.store.outlet(slug)
  if (outlet === null) return missingPage(c, 'source')
  return htmlPage(c, renderOutletPage(outlet.value, contextOf(c)), 'list')
})

/**
 * The search page: the API's own article search (routes/search.ts: its
 * checks, ranking, Newsroom call and per-location cache), rendered. No `q`
 * (or a blank one) is the empty form; a text the API refuses is this page
 * saying why, a broken cursor or filter the 400 page, both with status 400.
 * Results pages are `noindex`.
 */
pageRoutes.get('/search', async (c) => {
  const q = c.req.query('q') ?? ''
  if (q.trim() === '') return htmlPage(c, renderSearchPage({ q: '', selfHref: '/search', outcome: { kind: 'form' } }, contextOf(c)), 'item')
  const given = new URLSearchParams()
  for (const [name, value] of new URL(c.req.url).searchParams) if (SEARCH_LINK_PARAMS.includes(name)) given.append(name, value)
  /** This search with some parameters set, or dropped (null). */
  const href = (changes: Record<string, string | null>) => {
    const query = new URLSearchParams(given)
    for (const [name, value] of Object.entries(changes)) value === null ? query.delete(name) : query.set(name, value)
    return `/search?${query}`
  }
  let search: PreparedSearch
  try {
    // The page's size is the API's default: a `limit` in the address is not the page's to take.
    search = await searchRequestOf(c, 'articles', { ...searchParamsOf(c), limit: undefined })
  } catch (err) {
    // A refused text is this page again, saying why; a broken cursor or filter is the pages' 400 page (onError).
    if (!(err instanceof ApiError) || err.errors?.[0]?.field !== 'q') throw err
    return uncachedPage(c, renderSearchPage({ q, selfHref: href({}), outcome: { kind: 'refused' } }, contextOf(c)), 400)
  }
  const page = await findArticles(c, search)
  const cursor = c.req.query('cursor') ?? null
  const hrefs = {
    relevance: href({ sort: null }),
    recent: href({ sort: 'recent' }),
    next: page.nextCursor === null ? null : href({ cursor: page.nextCursor }),
    first: cursor === null ? null : href({}),
  }
  const outcome = { kind: 'results' as const, hits: page.items, sort: search.request.sort, hrefs, feedQ: search.canonical }
  return htmlPage(c, renderSearchPage({ q, selfHref: cursor === null ? href({}) : href({ cursor }), outcome }, contextOf(c)), 'list')
})

/** What a search page's links carry over, as given (the search checks them before any link is made); not `limit`. */
const SEARCH_LINK_PARAMS = ['q', 'sort', 'source', 'from', 'to', 'storyId']

/** What goes wrong on a page (a malformed cursor, a fault) is a page too; faults are still logged by problemResponse. */
pageRoutes.onError(async (err, c) => {
  const status = problemResponse(c, err).status === 400 ? 400 : 500
  return uncachedPage(c, renderErrorPage(status === 400 ? 'bad-request' : 'fault', c.req.path, contextOf(c)), status)
})

function digestKey(digest: StoryDigest): CursorKey {
  return [digest.updatedAt, digest.id]
}

function contextOf(c: Context<AppEnv>): PageContext {
  return { origin: new URL(c.req.url).origin, now: Date.now() }
}

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

/**
 * A rendered page with its ETag. The tag is of the page as rendered, not of
 * the stored value: relative dates ("2 giờ trước") change the page as time
 * passes, and a 304 must never keep a stale label past its own max-age.
 */
async function htmlPage(c: Context<AppEnv>, html: string, policy: 'item' | 'list'): Promise<Response> {
  return c.body(html, 200, { ...HTML_HEADERS, 'Content-Security-Policy': await pagePolicy(), 'Cache-Control': CACHE_POLICY[policy], ETag: etagOf(html) })
}

function missingPage(c: Context<AppEnv>, kind: ErrorKind): Promise<Response> {
  // Not cached: a story may appear within seconds of its first report (KV is eventually consistent).
  return uncachedPage(c, renderErrorPage(kind, c.req.path, contextOf(c)), 404)
}

/** A page that says something went wrong or is missing: never cached, no ETag. */
async function uncachedPage(c: Context<AppEnv>, html: string, status: 400 | 404 | 500): Promise<Response> {
  return c.body(html, status, { ...HTML_HEADERS, 'Content-Security-Policy': await pagePolicy(), 'Cache-Control': 'no-store' })
}

let policy: Promise<string> | undefined

/**
 * CSP of every page: the one inline stylesheet by its SHA-256, no script at
 * all, forms only to this site (the search box), not framed elsewhere (pages
 * are for reading here; embeds are /embed/*). Hashed once per isolate.
 */
function pagePolicy(): Promise<string> {
  policy ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(PAGE_STYLE)).then((digest) => {
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)))
    return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`
  })
  return policy
}
