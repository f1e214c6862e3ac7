/**
 * Feeds for feed readers — `/feeds/stories.atom`, `.rss`, `.json` (Atom 1.0,
 * RSS 2.0, JSON Feed 1.1) — and `/sitemap.xml` for crawlers. Thin: one KV
 * read (the stored digests of the newest stories, an outlet's value for
 * `?source=`, the stories head for the sitemap), render (src/feeds, pure),
 * answer with an ETag of the document and, on the feeds, `Last-Modified`:
 * when the writer last changed their list (a story leaving it counts), so a
 * reader polling with either validator gets a 304 (http/conditional.ts).
 * Bad input is problem+json, as in the API.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { renderAtom } from '../feeds/atom.js'
import { type FeedInfo, entriesOf } from '../feeds/entries.js'
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
  const { source } = parseQuery(c, FeedQuerySchema)
  const url = new URL(c.req.url)
  const { digests, changedAt, title, description, homeUrl, query } = source === undefined ? await siteStories(c, url.origin) : await outletStories(c, source, url.origin)
  // The feed names itself canonically (the outlet by its slug, no stray parameters): its Atom id must not vary with how it was asked for.
  const info: FeedInfo = { title, description, selfUrl: `${url.origin}${url.pathname}${query}`, homeUrl, updated: changedAt }
  return document(c, FORMATS[format].render(info, entriesOf(digests, url.origin)), FORMATS[format].type, info.updated)
}

/** Stories for a feed, when their list last changed (null before any write), and what the feed calls itself. */
type FeedSource = { digests: readonly StoryDigest[]; changedAt: string | null; title: string; description: string; homeUrl: string; query: string }

/** The newest stories, as the front page shows them. */
async function siteStories(c: Context<AppEnv>, origin: string): Promise<FeedSource> {
  const head = await c.var.store.digestsHead()
  return {
    digests: head?.value.items ?? [],
    changedAt: head?.value.changedAt ?? null,
    title: 'bantin — tin tổng hợp',
    description: 'Những sự kiện mới nhất từ các báo Việt Nam, mỗi sự kiện một bản tóm tắt ghi nguồn từng câu.',
    homeUrl: `${origin}/`,
    query: '',
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
    query: `?source=${slug}`,
  }
}

/** A rendered document with its ETag, and Last-Modified when its list says when it changed. */
function document(c: Context<AppEnv>, body: string, type: string, updated: string | null): Response {
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': CACHE_POLICY.list, ETag: etagOf(body), 'X-Content-Type-Options': 'nosniff' }
  if (updated !== null) headers['Last-Modified'] = new Date(updated).toUTCString()
  return c.body(body, 200, headers)
}
