/**
 * Every route of the API as data: what /openapi.json documents. Request and
 * response shapes are the zod schemas the routes validate with and the store
 * checks with; openapi-doc.ts turns this table into OpenAPI 3.1, and a worker
 * test checks that the table and the router list the same routes.
 */
import type * as z from 'zod/mini'
import {
  ArticleInputSchema,
  ArticlePageSchema,
  ArticleSchema,
  ArticleSummarySchema,
  StoryPageSchema,
  StorySchema,
  StorySummarySchema,
} from '../store/schemas.js'
import { EmbedQuerySchema, ListQuerySchema, OEmbedQuerySchema, SummaryQuerySchema, TextIngestQuerySchema } from './queries.js'

export type ResponseSpec = { description: string; json?: z.ZodMiniType; problem?: true; html?: true; javascript?: true }

export type RouteSpec = {
  method: 'get' | 'post' | 'put' | 'delete'
  /** OpenAPI path template: `{id}` for a path parameter. */
  path: string
  summary: string
  auth?: true
  query?: z.ZodMiniObject
  params?: Record<string, string>
  body?: { json: z.ZodMiniType; text: string }
  responses: Record<number, ResponseSpec>
}

const problem = (description: string): ResponseSpec => ({ description, problem: true })
const articleId = { id: 'article id: 16 hex digits' }
const storyId = { id: 'story id: a slug' }
const writeErrors = {
  400: problem('Malformed JSON or text'),
  401: problem('Missing or wrong ingest token'),
  413: problem('Body over 1 MiB'),
  415: problem('Not JSON or plain UTF-8 text'),
  422: problem('Fields that fail validation (named in `errors`), or no article text'),
}
const articleBody = { json: ArticleInputSchema, text: 'Raw article as a site delivers it: optional `date YYYY-MM[-DD]`, a title line, paragraphs' }

export const ROUTES: readonly RouteSpec[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness', responses: { 200: { description: '`{ status: "ok" }`' } } },
  { method: 'get', path: '/openapi.json', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
  {
    method: 'post',
    path: '/v1/articles',
    summary: 'Ingest an article (raw text as delivered, or JSON); it joins the story it names or the one grouping picks',
    auth: true,
    query: TextIngestQuerySchema,
    body: articleBody,
    responses: {
      201: { description: 'Stored; `Location` names it', json: ArticleSchema },
      200: { description: 'Already stored (same URL or text): the stored article', json: ArticleSchema },
      ...writeErrors,
    },
  },
  {
    method: 'get',
    path: '/v1/articles',
    summary: 'Articles, newest first (publication time, then ingest time)',
    query: ListQuerySchema,
    responses: { 200: { description: 'A page; `nextCursor` is null on the last', json: ArticlePageSchema }, 400: problem('Bad limit or cursor') },
  },
  { method: 'get', path: '/v1/articles/{id}', summary: 'One article', params: articleId, responses: { 200: { description: 'The article', json: ArticleSchema }, 404: problem('No such article') } },
  {
    method: 'put',
    path: '/v1/articles/{id}',
    summary: 'Correct an article (same body as POST); its story, the story title and the summaries follow',
    auth: true,
    params: articleId,
    query: TextIngestQuerySchema,
    body: articleBody,
    responses: { 200: { description: 'The corrected article', json: ArticleSchema }, ...writeErrors, 404: problem('No such article'), 409: problem('The new content is another stored article') },
  },
  {
    method: 'delete',
    path: '/v1/articles/{id}',
    summary: 'Delete an article; its story loses it, and goes when empty',
    auth: true,
    params: articleId,
    responses: { 204: { description: 'Deleted' }, 401: problem('Missing or wrong ingest token'), 404: problem('No such article') },
  },
  {
    method: 'get',
    path: '/v1/articles/{id}/summary',
    summary: 'Summary of an article: whole sentences, article order, at most `words` (default 60) or exactly `sentences`',
    params: articleId,
    query: SummaryQuerySchema,
    responses: { 200: { description: 'The summary', json: ArticleSummarySchema }, 400: problem('Bad words or sentences'), 404: problem('No such article') },
  },
  {
    method: 'get',
    path: '/v1/stories',
    summary: 'Stories, most recently updated first',
    query: ListQuerySchema,
    responses: { 200: { description: 'A page; `nextCursor` is null on the last', json: StoryPageSchema }, 400: problem('Bad limit or cursor') },
  },
  {
    method: 'get',
    path: '/v1/stories/{id}',
    summary: 'One story with its reports, oldest first',
    params: storyId,
    responses: { 200: { description: 'The story', json: StorySchema }, 400: problem('The id is not a slug'), 404: problem('No such story') },
  },
  {
    method: 'get',
    path: '/v1/stories/{id}/summary',
    summary: 'Summary across the reports of a story (default 120 words; past 20 reports, the first and the 19 newest), each sentence credited',
    params: storyId,
    query: SummaryQuerySchema,
    responses: { 200: { description: 'The summary', json: StorySummarySchema }, 400: problem('Bad words, sentences or id'), 404: problem('No such story') },
  },
  { method: 'get', path: '/widget.js', summary: 'The <bantin-summary> custom element', responses: { 200: { description: 'JavaScript', javascript: true } } },
  {
    method: 'get',
    path: '/widget/{file}',
    summary: 'The same script under an immutable, versioned URL',
    params: { file: '`<version>.js`' },
    responses: { 200: { description: 'JavaScript', javascript: true }, 404: problem('Unknown version') },
  },
  {
    method: 'get',
    path: '/embed/stories/{id}',
    summary: 'Self-contained HTML of a story summary, for an iframe',
    params: storyId,
    query: EmbedQuerySchema,
    responses: { 200: { description: 'HTML', html: true }, 400: problem('Bad theme or lang'), 404: { description: 'A small HTML page', html: true } },
  },
  {
    method: 'get',
    path: '/embed/articles/{id}',
    summary: 'Self-contained HTML of an article summary, for an iframe',
    params: articleId,
    query: EmbedQuerySchema,
    responses: { 200: { description: 'HTML', html: true }, 400: problem('Bad theme or lang'), 404: { description: 'A small HTML page', html: true } },
  },
  {
    method: 'get',
    path: '/oembed',
    summary: 'oEmbed 1.0 (rich) for the embed pages of this host',
    query: OEmbedQuerySchema,
    responses: {
      200: { description: '`{ type: "rich", version: "1.0", html, width, height, title, provider_name, provider_url }`' },
      400: problem('Missing url, or bad maxwidth/maxheight'),
      404: problem('Not an embed URL of this host, or nothing there'),
      501: problem('Only format=json is implemented'),
    },
  },
  {
    method: 'get',
    path: '/problems/{code}',
    summary: 'What a problem type means (each problem `type` URI resolves here)',
    params: { code: 'a problem code, as in `code` of a problem' },
    responses: { 200: { description: 'A short HTML page', html: true }, 404: problem('No such problem type') },
  },
]
