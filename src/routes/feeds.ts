/**
 * Feeds for feed readers — `/feeds/stories.atom`, `.rss`, `.json` (Atom 1.0,
 * RSS 2.0, JSON Feed 1.1) — and `/sitemap.xml` for crawlers. Thin: one KV
 * read (the stored digests of the newest stories, an outlet's value for
 * `?source=`, the stories head for the sitemap) and, for `?q=`, one story
 * search (routes/search.ts) that narrows it, render (src/feeds, pure),
 * answer with an ETag of the document and, on the feeds, `Last-Modified`:
 * when the writer last changed their list (a story leaving it counts), so a
 * reader polling with either validator gets a 304 (http/conditional.ts).
 * Bad input is problem+json, as in the API.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { renderAtom } from '../feeds/atom.js'
import { type FeedInfo, entriesOf, feedQueryOf } from '../feeds/entries.js'
import { renderJsonFeed } from '../feeds/json-feed.js'
import { renderRss } from '../feeds/rss.js'
import { renderSitemap } from '../feeds/sitemap.js'
import { ApiError } from '../http/problem.js'
import { CACHE_POLICY } from '../http/respond.js'
import { parseQuery } from '../http/validate.js'
import { etagOf } from '../store/hot-cache.js'
import { outletSlugOf } from '../store/outlet-slug.js'
import type { StoryDigest } from '../store/reading-schemas.js'
import { FeedQuerySchema } from './queries.js'
import { type PreparedSearch, type SearchParams, findStories, searchRequestOf } from './search.js'
import { MAX_SOURCES } from './search-schemas.js'

export const feedRoutes = new Hono<AppEnv>()

type Format = 'atom' | 'rss' | 'json'

const FORMATS: Record<Format, { type: string; render: (info: FeedInfo, entries: ReturnType<typeof entriesOf>) => string }> = {
  atom: { type: 'application/atom+xml; charset=utf-8', render: renderAtom },
  rss: { type: 'application/rss+xml; charset=utf-8', render: renderRss },
  json: { type: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
}

feedRoutes.get('/feeds/stories.atom', (c) => feed(c, 'atom'))
feedRoutes.get('/feeds/stories.rss', (c) => feed(c, 'rss'))
feedRoutes.get('/feeds/stories.json', (c) => feed(c, 'json'))

feedRoutes.get('/sitemap.xml', async (c) => {
  const origin = new URL(c.req.url).origin
  const head = await c.var.store.storiesHead()
  const stories = head.items.map((card) => ({ url: `${origin}/stories/${card.id}`, title: card.title, updatedAt: card.updatedAt, firstPublishedAt: card.firstPublishedAt }))
  // ETag only: the stories head does not say when a story left it, so its newest update is no honest Last-Modified.
  return document(c, renderSitemap(`${origin}/`, stories, Date.now()), 'application/xml; charset=utf-8', null)
})

async function feed(c: Context<AppEnv>, format: Format): Promise<Response> {
  const { source, q } = parseQuery(c, FeedQuerySchema)
  // A search is checked before anything is read: a q the API refuses is the same 400 problem here.
  const search = q === undefined ? null : await searchRequestOf(c, 'stories', feedSearchOf(q, []))
  const url = new URL(c.req.url)
  const list = source === undefined ? await siteStories(c, url.origin) : await outletStories(c, source, url.origin)
  const { digests, changedAt, title, description, homeUrl, slug } = search === null || q === undefined ? list : await matching(c, list, q, search, url.origin)
  // The feed names itself canonically (the outlet by its slug, the query normalized, no stray parameters): its Atom id must not vary with how it was asked for.
  const query = feedQueryOf(slug, search?.canonical ?? null)
  const info: FeedInfo = { title, description, selfUrl: `${url.origin}${url.pathname}${query}`, homeUrl, updated: changedAt }
  return document(c, FORMATS[format].render(info, entriesOf(digests, url.origin)), FORMATS[format].type, info.updated)
}

/**
 * Stories for a feed, when their list last changed (null before any write),
 * what the feed calls itself, its outlet's slug (null: the whole site) and
 * the exact names that outlet's newest reports credit it by.
 */
type FeedSource = { digests: readonly StoryDigest[]; changedAt: string | null; title: string; description: string; homeUrl: string; slug: string | null; names: readonly string[] }

/**
 * Stories a `?q=` feed asks for, at most: as many as the stored list it
 * narrows holds (DIGESTS_HEAD_SIZE in writer/reading.ts, 50; an outlet's list
 * holds 20). Stories come newest first in both, so any story of the list that
 * matches is among the list's-size newest matching stories: the intersection
 * is exact for the site's feed, whatever the archive's size, at the cost of
 * one search. A copy, not an import: importing the writer's module here
 * reorders the bundle's modules and costs 1 KiB gzipped; a test keeps the two equal.
 */
export const FEED_MATCHES = 50

/** The search behind a `?q=` feed: stories, newest first, optionally with a report credited to one of these names. */
function feedSearchOf(q: string, names: readonly string[]): SearchParams {
  return { q, sort: 'recent', limit: String(FEED_MATCHES), ...(names.length === 0 ? {} : { source: names.slice(0, MAX_SOURCES) }) }
}

/**
 * Of a feed's stored stories, those with a matching report: one story search
 * (the API's, cached per location like it), intersected with the stored
 * digests, which carry the summaries an entry needs and keep their order.
 * An outlet's feed searches that outlet's reports (by the names its newest
 * reports credit it with): its stories about q, not stories about q that it
 * also covered. Last-Modified stays the list's: a change in what matches is a
 * write, which changes the list of the story it touches.
 */
async function matching(c: Context<AppEnv>, list: FeedSource, q: string, site: PreparedSearch, origin: string): Promise<FeedSource> {
  const search = list.names.length === 0 ? site : await searchRequestOf(c, 'stories', feedSearchOf(q, list.names))
  const found = new Set((await findStories(c, search)).items.map((story) => story.id))
  const quoted = `“${search.canonical}”`
  const home = new URLSearchParams({ q: search.canonical })
  for (const name of list.names) home.append('source', name)
  return {
    ...list,
    digests: list.digests.filter((digest) => found.has(digest.id)),
    title: `${list.title} — ${quoted}`,
    description: `${list.title}: sự kiện có bài nói về ${quoted}.`,
    homeUrl: `${origin}/search?${home}`,
  }
}

/** The newest stories, as the front page shows them. */
async function siteStories(c: Context<AppEnv>, origin: string): Promise<FeedSource> {
  const head = await c.var.store.digestsHead()
  return {
    digests: head?.value.items ?? [],
    changedAt: head?.value.changedAt ?? null,
    title: 'bantin — tin tổng hợp',
    description: 'Những sự kiện mới nhất từ các báo Việt Nam, mỗi sự kiện một bản tóm tắt ghi nguồn từng câu.',
    homeUrl: `${origin}/`,
    slug: null,
    names: [],
  }
}

/** The stories an outlet's newest reports joined, as its page shows them. */
async function outletStories(c: Context<AppEnv>, source: string, origin: string): Promise<FeedSource> {
  const slug = outletSlugOf(source)
  if (slug === null) throw new ApiError('invalid-query', 'source must name an outlet: its name or its slug.', { errors: [{ field: 'source', message: 'has no letter or digit' }] })
  const outlet = await c.var.store.outlet(slug)
  if (outlet === null) throw new ApiError('outlet-not-found', `No stored report credits an outlet "${source}".`)
  return {
    digests: outlet.value.stories,
    changedAt: outlet.value.changedAt,
    title: `bantin — ${outlet.value.name}`,
    description: `Các sự kiện có bài của ${outlet.value.name}, mỗi sự kiện một bản tóm tắt ghi nguồn từng câu.`,
    homeUrl: `${origin}/sources/${slug}`,
    slug,
    names: [...new Set(outlet.value.reports.flatMap((report) => (report.source === null ? [] : [report.source])))],
  }
}

/** A rendered document with its ETag, and Last-Modified when its list says when it changed. */
function document(c: Context<AppEnv>, body: string, type: string, updated: string | null): Response {
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': CACHE_POLICY.list, ETag: etagOf(body), 'X-Content-Type-Options': 'nosniff' }
  if (updated !== null) headers['Last-Modified'] = new Date(updated).toUTCString()
  return c.body(body, 200, headers)
}
