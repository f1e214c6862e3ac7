/**
 * Every route of the API as data: what /openapi.json documents. Request and
 * response shapes are the zod schemas the routes validate with and the store
 * checks with; openapi-doc.ts turns this table into OpenAPI 3.1 and adds what
 * every operation shares (304 on GETs, 405, 500, the write errors of
 * authenticated routes, response headers). A worker test checks that the
 * table and the router list the same routes, and that every status and
 * problem code listed here is one some request produces.
 *
 * Build time only: the Worker ships the generated document, not this table.
 */
import * as z from 'zod/mini'
import type { ProblemCode } from '../http/problem.js'
import { ArticleInputSchema, ArticlePageSchema, ArticleSchema, ArticleSummarySchema, StoryPageSchema, StorySchema, StorySummarySchema } from '../store/schemas.js'
import { SourceInputSchema, SourcePageSchema, SourceSchema, SourceUpdateSchema } from '../store/source-schemas.js'
import { EmbedQuerySchema, FeedQuerySchema, FrontPageQuerySchema, ListQuerySchema, OEmbedQuerySchema, SummaryQuerySchema, TextIngestQuerySchema } from './queries.js'
import { SearchPageSchema, SearchQuerySchema, StoriesQuerySchema, StorySearchPageSchema } from './search-schemas.js'

/** Response headers the document declares (components.headers). */
export type HeaderName = 'ETag' | 'Cache-Control' | 'Location' | 'Allow' | 'WWW-Authenticate' | 'Accept-Post' | 'X-Request-Id' | 'Content-Security-Policy' | 'Last-Modified'

export type ResponseSpec = {
  description: string
  json?: z.ZodMiniType
  /** The media type of a `json` answer, when not application/json (JSON Feed's application/feed+json). */
  jsonType?: string
  /** A text answer of this media type (XML feeds, the sitemap). */
  text?: string
  /** A problem+json answer, and the codes it may carry. */
  problem?: readonly ProblemCode[]
  html?: true
  javascript?: true
  headers?: readonly HeaderName[]
}

/** A path parameter: what it is and the form it must have. */
export type ParamSpec = { description: string; pattern?: string; maxLength?: number }

export type RouteSpec = {
  method: 'get' | 'post' | 'put' | 'delete'
  /** OpenAPI path template: `{id}` for a path parameter. */
  path: string
  /** The name a generated client gives the call. */
  operationId: string
  summary: string
  /** Needs the ingest token (and answers 401 and 503 `writes-disabled`). */
  auth?: true
  query?: z.ZodMiniObject
  params?: Record<string, ParamSpec>
  /** `text` documents a text/plain alternative; without it the route takes JSON only. */
  body?: { json: z.ZodMiniType; text?: string }
  responses: Record<number, ResponseSpec>
}

/** `{ status: "ok" }`. */
export const HealthSchema = z.object({ status: z.literal('ok') })
z.globalRegistry.add(HealthSchema, { id: 'Health' })

/** The oEmbed 1.0 `rich` answer (oembed.com §2.3.4), as widget/oembed.ts builds it. */
export const OEmbedSchema = z.object({
  type: z.literal('rich'),
  version: z.literal('1.0'),
  title: z.string(),
  provider_name: z.literal('bantin'),
  provider_url: z.string(),
  html: z.string().check(z.meta({ description: 'An iframe of the embed page, keeping the `theme` and `lang` of the URL asked for' })),
  width: z.number().check(z.int(), z.positive()),
  height: z.number().check(z.int(), z.positive()),
  cache_age: z.number().check(z.int(), z.nonnegative()),
})
z.globalRegistry.add(OEmbedSchema, { id: 'OEmbed', description: 'oEmbed 1.0 rich response' })

/** JSON Feed 1.1 as feeds/json-feed.ts writes it (jsonfeed.org/version/1.1). */
export const JsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  description: z.string(),
  language: z.literal('vi'),
  authors: z.array(z.object({ name: z.string() })),
  items: z.array(
    z.object({
      id: z.string().check(z.meta({ description: 'The story page’s URL: stable as reports join' })),
      url: z.string(),
      title: z.string(),
      content_html: z.string().check(z.meta({ description: 'The story summary, each sentence linked to its report’s page and named by its outlet' })),
      content_text: z.string(),
      summary: z.string().check(z.meta({ description: 'The short (40-word) summary' })),
      date_published: z.optional(z.string().check(z.meta({ description: 'First publication of the earliest report, when that is an instant (RFC 3339)' }))),
      date_modified: z.string(),
      tags: z.array(z.string()).check(z.meta({ description: 'The outlets that reported the story' })),
    }),
  ),
})
z.globalRegistry.add(JsonFeedSchema, { id: 'JsonFeed', description: 'JSON Feed 1.1 of stories' })

/** GET /v1/stories answers a StoryPage, or with `q` a StorySearchPage (defined here: build time only, so the Worker carries no union). */
const StoriesAnswerSchema = z.union([StoryPageSchema, StorySearchPageSchema])
z.globalRegistry.add(StoriesAnswerSchema, { id: 'StoriesAnswer', description: 'Without q, a StoryPage; with q, a StorySearchPage' })

const problem = (description: string, codes: readonly ProblemCode[], headers?: readonly HeaderName[]): ResponseSpec =>
  headers === undefined ? { description, problem: codes } : { description, problem: codes, headers }

const articleId: Record<string, ParamSpec> = { id: { description: 'Article id: 16 hex digits (another form is simply not found)', pattern: '^[0-9a-f]{16}$' } }
const storyId: Record<string, ParamSpec> = { id: { description: 'Story id: a slug', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 } }
const writeErrors: Record<number, ResponseSpec> = {
  400: problem('Malformed JSON or text, forbidden characters, or `storyId`/`url` in the query string of a JSON body', ['malformed-json', 'malformed-text', 'invalid-characters', 'invalid-query']),
  413: problem('Body over 1 MiB, or article text over 100,000 characters or 2,000 sentences', ['payload-too-large', 'article-too-large']),
  415: problem('Not JSON or plain UTF-8 text', ['unsupported-media-type'], ['Accept-Post']),
  422: problem('Fields that fail validation (named in `errors`), or no article text', ['invalid-article', 'empty-article']),
}
const articleBody = {
  json: ArticleInputSchema,
  text: 'Raw article as a site delivers it (README, "Plain-text articles"): an optional first line `date YYYY-MM[-DD]`, a title line, the lead, paragraphs; captions, closing credit and site furniture are recognized. `storyId` and `url` may come in the query string.',
}
const listQuery = 'A page; `nextCursor` is null on the last'
const embedPage: ResponseSpec = { description: 'HTML, self-contained, under a strict CSP', html: true, headers: ['Content-Security-Policy'] }
const readingPage: ResponseSpec = { description: 'HTML for people: no script, one inline stylesheet allowed by hash in the CSP', html: true, headers: ['Content-Security-Policy'] }
const missingPage = (what: string): ResponseSpec => ({ description: `An HTML page saying no ${what} is here (people get HTML on these routes; the API answers problem+json)`, html: true })
const feedQuery =
  'Newest first: the 50 most recently updated stories, or with `source` the (at most 20) stories of that outlet’s newest reports; with `q`, those of them with a matching report (with `source`, a report of that outlet), found by one story search as /v1/stories?q= and sort=recent. The feed’s self link and Atom id carry the query normalized'
const feedErrors: Record<number, ResponseSpec> = {
  400: problem('`source` is empty, over 200 characters, or has no letter or digit; `q` is empty, without letters or digits, or over 200 characters', ['invalid-query']),
  404: problem('No stored report credits that outlet', ['outlet-not-found']),
}

/** The feeds' query as documented: `q` described as the search API describes it (build time only; the Worker checks q with the search's own parser). */
const FeedDocQuerySchema = z.extend(FeedQuerySchema, { q: z.optional(SearchQuerySchema.shape.q) })

/** The search page takes the search API's parameters but `limit` (its pages are the API's default 20), and `q` may be absent (the empty form). */
const SearchPageQuerySchema = z.omit(z.extend(SearchQuerySchema, { q: z.optional(SearchQuerySchema.shape.q) }), { limit: true })

const sourceId: Record<string, ParamSpec> = { id: { description: 'Source id: 16 hex digits (another form is simply not found)', pattern: '^[0-9a-f]{16}$' } }
const sourceWriteErrors: Record<number, ResponseSpec> = {
  400: problem('Malformed JSON, or forbidden characters', ['malformed-json', 'invalid-characters']),
  413: problem('Body over 1 MiB', ['payload-too-large']),
  415: problem('Not JSON', ['unsupported-media-type'], ['Accept-Post']),
}

/** Sources: the outlets' feeds bantin gathers from (routes/sources.ts, gather/). */
const SOURCE_ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/v1/sources',
    operationId: 'registerSource',
    summary: 'Register an outlet feed (RSS 2.0, Atom 1.0, JSON Feed 1.1) to gather from; the feed is fetched and read once first, and checked from the next Cron run (every 5 minutes)',
    auth: true,
    body: { json: SourceInputSchema },
    responses: {
      201: { description: 'Registered; `Location` names it', json: SourceSchema, headers: ['Location'] },
      200: { description: 'That feed is already registered: the source', json: SourceSchema, headers: ['Location'] },
      ...sourceWriteErrors,
      409: problem('The deployment keeps no more sources', ['too-many-sources']),
      422: problem('Fields that fail validation (named in `errors`), a feed URL bantin does not fetch, or no readable feed there', ['invalid-source', 'feed-unreadable']),
      502: problem('The feed could not be fetched (no answer in 10 s, 5xx, 429, or the site asked to wait)', ['feed-unreachable']),
    },
  },
  {
    method: 'get',
    path: '/v1/sources',
    operationId: 'listSources',
    summary: 'Sources with their health, newest first',
    query: ListQuerySchema,
    responses: { 200: { description: listQuery, json: SourcePageSchema }, 400: problem('Bad limit, or a cursor this list did not issue', ['invalid-query']) },
  },
  {
    method: 'get',
    path: '/v1/sources/{id}',
    operationId: 'getSource',
    summary: 'One source and its health',
    params: sourceId,
    responses: { 200: { description: 'The source', json: SourceSchema }, 404: problem('No such source', ['source-not-found']) },
  },
  {
    method: 'put',
    path: '/v1/sources/{id}',
    operationId: 'updateSource',
    summary: 'Change a source: its name, its check interval, or pause and resume it (resuming clears its failures and makes it due at once)',
    auth: true,
    params: sourceId,
    body: { json: SourceUpdateSchema },
    responses: {
      200: { description: 'The changed source', json: SourceSchema },
      ...sourceWriteErrors,
      404: problem('No such source', ['source-not-found']),
      422: problem('Fields that fail validation, or no field at all (named in `errors`)', ['invalid-source']),
    },
  },
  {
    method: 'delete',
    path: '/v1/sources/{id}',
    operationId: 'deleteSource',
    summary: 'Stop gathering from a source (its articles stay)',
    auth: true,
    params: sourceId,
    responses: { 204: { description: 'Removed' }, 404: problem('No such source', ['source-not-found']) },
  },
]

export const ROUTES: readonly RouteSpec[] = [
  { method: 'get', path: '/healthz', operationId: 'getHealth', summary: 'Liveness', responses: { 200: { description: 'Alive', json: HealthSchema } } },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1', json: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'post',
    path: '/v1/articles',
    operationId: 'ingestArticle',
    summary: 'Ingest an article (raw text as delivered, or JSON); it joins the story it names or the one grouping picks',
    auth: true,
    query: TextIngestQuerySchema,
    body: articleBody,
    responses: {
      201: { description: 'Stored; `Location` names it', json: ArticleSchema, headers: ['Location'] },
      200: { description: 'Already stored (same URL or text): the stored article', json: ArticleSchema, headers: ['Location'] },
      ...writeErrors,
    },
  },
  {
    method: 'get',
    path: '/v1/articles',
    operationId: 'listArticles',
    summary: 'Articles, newest first (publication time, then ingest time; an undated article at its ingest time)',
    query: ListQuerySchema,
    responses: { 200: { description: listQuery, json: ArticlePageSchema }, 400: problem('Bad limit, or a cursor this list did not issue', ['invalid-query']) },
  },
  {
    method: 'get',
    path: '/v1/articles/{id}',
    operationId: 'getArticle',
    summary: 'One article',
    params: articleId,
    responses: { 200: { description: 'The article', json: ArticleSchema }, 404: problem('No such article', ['article-not-found']) },
  },
  {
    method: 'put',
    path: '/v1/articles/{id}',
    operationId: 'replaceArticle',
    summary: 'Correct an article (same body as POST); its story, the story title and the summaries follow',
    auth: true,
    params: articleId,
    query: TextIngestQuerySchema,
    body: articleBody,
    responses: {
      200: { description: 'The corrected article', json: ArticleSchema },
      ...writeErrors,
      404: problem('No such article', ['article-not-found']),
      409: problem('The new content is another stored article', ['duplicate-article']),
    },
  },
  {
    method: 'delete',
    path: '/v1/articles/{id}',
    operationId: 'deleteArticle',
    summary: 'Delete an article; its story loses it, and goes when empty',
    auth: true,
    params: articleId,
    responses: { 204: { description: 'Deleted' }, 404: problem('No such article', ['article-not-found']) },
  },
  {
    method: 'get',
    path: '/v1/articles/{id}/summary',
    operationId: 'getArticleSummary',
    summary: 'Summary of an article: whole sentences, article order, at most `words` (default 60, at most 500) or `sentences` (at most 30); a lede longer than `words` is quoted cut, ending in …',
    params: articleId,
    query: SummaryQuerySchema,
    responses: {
      200: { description: 'The summary', json: ArticleSummarySchema },
      400: problem('Bad words or sentences, or both', ['invalid-query']),
      404: problem('No such article', ['article-not-found']),
    },
  },
  {
    method: 'get',
    path: '/v1/stories',
    operationId: 'listStories',
    summary: 'Stories, most recently updated first; with `q`, stories with a matching report, ranked by their best report (filters and `sort` as /v1/search)',
    query: StoriesQuerySchema,
    responses: {
      200: { description: `${listQuery}: a StoryPage, or with \`q\` a StorySearchPage`, json: StoriesAnswerSchema },
      400: problem('Bad limit, or a cursor this list did not issue; with q: q empty, without letters or digits, or over 200 characters, or a bad source, from, to, storyId or sort', ['invalid-query']),
    },
  },
  {
    method: 'get',
    path: '/v1/search',
    operationId: 'searchArticles',
    summary: 'Search articles, with or without diacritics: best match first (or `sort=recent`), each with a plain-text snippet and highlight offsets into it',
    query: SearchQuerySchema,
    responses: {
      200: { description: listQuery, json: SearchPageSchema },
      400: problem('q empty, without letters or digits, or over 200 characters; a bad source, from, to, storyId, sort or limit; a cursor this search did not issue', ['invalid-query']),
    },
  },
  {
    method: 'get',
    path: '/v1/stories/{id}',
    operationId: 'getStory',
    summary: 'One story with its reports, oldest first',
    params: storyId,
    responses: { 200: { description: 'The story', json: StorySchema }, 400: problem('The id is not a slug', ['invalid-id']), 404: problem('No such story', ['story-not-found']) },
  },
  {
    method: 'get',
    path: '/v1/stories/{id}/summary',
    operationId: 'getStorySummary',
    summary: 'Summary across the reports of a story (default 120 words, at most 500 words or 30 sentences; past 20 reports, the first and the 19 newest), each sentence credited',
    params: storyId,
    query: SummaryQuerySchema,
    responses: {
      200: { description: 'The summary', json: StorySummarySchema },
      400: problem('Bad words or sentences, or an id that is not a slug', ['invalid-query', 'invalid-id']),
      404: problem('No such story', ['story-not-found']),
    },
  },
  ...SOURCE_ROUTES,
  { method: 'get', path: '/widget.js', operationId: 'getWidget', summary: 'The <bantin-summary> custom element', responses: { 200: { description: 'JavaScript', javascript: true } } },
  {
    method: 'get',
    path: '/widget/{file}',
    operationId: 'getVersionedWidget',
    summary: 'The same script under an immutable, versioned URL',
    params: { file: { description: '`<version>.js`', pattern: '^[0-9a-f]+\\.js$' } },
    responses: { 200: { description: 'JavaScript', javascript: true }, 404: problem('Unknown version', ['route-not-found']) },
  },
  {
    method: 'get',
    path: '/embed/stories/{id}',
    operationId: 'getStoryEmbed',
    summary: 'Self-contained HTML of a story summary, for an iframe (`lang` changes the labels; the text stays `lang="vi"`)',
    params: storyId,
    query: EmbedQuerySchema,
    responses: { 200: embedPage, 400: problem('Bad theme or lang', ['invalid-query']), 404: { description: 'A small HTML page', html: true } },
  },
  {
    method: 'get',
    path: '/embed/articles/{id}',
    operationId: 'getArticleEmbed',
    summary: 'Self-contained HTML of an article summary, for an iframe (`lang` changes the labels; the text stays `lang="vi"`)',
    params: articleId,
    query: EmbedQuerySchema,
    responses: { 200: embedPage, 400: problem('Bad theme or lang', ['invalid-query']), 404: { description: 'A small HTML page', html: true } },
  },
  {
    method: 'get',
    path: '/oembed',
    operationId: 'getOEmbed',
    summary: 'oEmbed 1.0 (rich) for the embed pages of this host; the iframe keeps the `theme` and `lang` of the URL',
    query: OEmbedQuerySchema,
    responses: {
      200: { description: 'The iframe and its size', json: OEmbedSchema },
      400: problem('Missing url, or bad maxwidth/maxheight', ['invalid-query']),
      404: problem('Not an embed URL of this host, or nothing there', ['route-not-found', 'story-not-found', 'article-not-found']),
      501: problem('Only format=json is implemented', ['format-not-implemented']),
    },
  },
  {
    method: 'get',
    path: '/problems/{code}',
    operationId: 'getProblemType',
    summary: 'What a problem type means (each problem `type` URI resolves here)',
    params: { code: { description: 'A problem code, as in `code` of a problem', pattern: '^[a-z]+(?:-[a-z]+)*$' } },
    responses: { 200: { description: 'A short HTML page', html: true }, 404: problem('No such problem type', ['route-not-found']) },
  },
  // Reading: pages for people and feeds for feed readers, from the same stored stories and summaries.
  {
    method: 'get',
    path: '/',
    operationId: 'getFrontPage',
    summary: 'The front page: the most recently updated stories (25 a page) with their short summaries, outlets and dates',
    query: FrontPageQuerySchema,
    responses: { 200: readingPage, 400: { description: 'An HTML page: the cursor is not one this site issued', html: true } },
  },
  {
    method: 'get',
    path: '/stories/{id}',
    operationId: 'getStoryPage',
    summary: 'A story’s page: its summary with each sentence linked to its report, and its reports',
    params: { id: { description: 'Story id (another form is simply not found)' } },
    responses: { 200: readingPage, 404: missingPage('story') },
  },
  {
    method: 'get',
    path: '/articles/{id}',
    operationId: 'getArticlePage',
    summary: 'A report’s page: headline, outlet, time, its summary and a link to read it at the outlet',
    params: { id: { description: 'Article id (another form is simply not found)' } },
    responses: { 200: readingPage, 404: missingPage('report') },
  },
  {
    method: 'get',
    path: '/sources/{name}',
    operationId: 'getOutletPage',
    summary: 'An outlet’s page: its newest reports and the stories they joined',
    params: { name: { description: 'The outlet’s slug (its name folded to ASCII: `tuoi-tre`); its name is redirected there' } },
    responses: { 200: readingPage, 301: { description: 'To the page at the outlet’s slug', headers: ['Location'] }, 404: missingPage('outlet') },
  },
  {
    method: 'get',
    path: '/search',
    operationId: 'getSearchPage',
    summary:
      'Search results for people: the articles /v1/search finds (20 a page, its ranking and filters), each headline linked to its page, with outlet, time, the snippet with its words in `<mark>` and a link to its story; the next page; `noindex`. Without q, or with a blank one, the empty search form',
    query: SearchPageQuerySchema,
    responses: {
      200: readingPage,
      400: { description: 'An HTML page: q without letters or digits or over 200 characters (the search page again, saying why), or a bad cursor, sort, source, from, to or storyId', html: true },
    },
  },
  {
    method: 'get',
    path: '/feeds/stories.atom',
    operationId: 'getAtomFeed',
    summary: 'Atom 1.0 feed of stories, each entry its summary with credits (ETag and Last-Modified)',
    query: FeedDocQuerySchema,
    responses: { 200: { description: feedQuery, text: 'application/atom+xml', headers: ['Last-Modified'] }, ...feedErrors },
  },
  {
    method: 'get',
    path: '/feeds/stories.rss',
    operationId: 'getRssFeed',
    summary: 'RSS 2.0 feed of stories, each item its summary with credits (ETag and Last-Modified)',
    query: FeedDocQuerySchema,
    responses: { 200: { description: feedQuery, text: 'application/rss+xml', headers: ['Last-Modified'] }, ...feedErrors },
  },
  {
    method: 'get',
    path: '/feeds/stories.json',
    operationId: 'getJsonFeed',
    summary: 'JSON Feed 1.1 of stories, each item its summary with credits (ETag and Last-Modified)',
    query: FeedDocQuerySchema,
    responses: { 200: { description: feedQuery, json: JsonFeedSchema, jsonType: 'application/feed+json', headers: ['Last-Modified'] }, ...feedErrors },
  },
  {
    method: 'get',
    path: '/sitemap.xml',
    operationId: 'getSitemap',
    summary: 'Sitemap of the front page and the 100 most recently updated story pages, with the news extension for stories first published in the last two days',
    responses: { 200: { description: 'sitemaps.org 0.9 with Google News', text: 'application/xml' } },
  },
]
