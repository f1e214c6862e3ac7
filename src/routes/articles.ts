/**
 * /v1/articles: ingest (POST) and read (GET list, GET one).
 * Thin: validate, call the store or the writer, shape the answer.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { requireIngestToken } from '../http/auth.js'
import { bodyKindOf, limitBody, readJson, readUtf8 } from '../http/body.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy } from '../http/respond.js'
import { prepareFromJson, prepareFromText } from '../ingest/prepare.js'
import { type CursorKey, decodeCursor, encodeCursor, pageFromHead, sortKeyOf } from '../store/cursor.js'
import { readArticle, readArticlesHead } from '../store/kv.js'
import {
  ARTICLE_ID,
  ArticleInputSchema,
  ArticlePageSchema,
  ArticleSchema,
  StoryIdSchema,
  type ArticleCard,
} from '../store/schemas.js'
import { newsroomOf } from '../writer/client.js'
import { ListQuerySchema, defaultHook, problemContent } from './openapi.js'


const listArticlesRoute = createRoute({
  method: 'get',
  path: '/v1/articles',
  summary: 'Articles, newest first',
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'A page of articles', content: { 'application/json': { schema: ArticlePageSchema } } },
    400: problemContent('Bad limit or cursor'),
  },
})

const getArticleRoute = createRoute({
  method: 'get',
  path: '/v1/articles/{id}',
  summary: 'One article',
  request: { params: z.object({ id: z.string().openapi({ example: '3f9c2a17b40e5d21' }) }) },
  responses: {
    200: { description: 'The article', content: { 'application/json': { schema: ArticleSchema } } },
    404: problemContent('No article with that id'),
  },
})

export const articleRoutes = new OpenAPIHono<AppEnv>({ defaultHook })

articleRoutes.openapi(listArticlesRoute, async (c) => {
  const { limit, cursor } = c.req.valid('query')
  const after = cursor === undefined ? null : decodeCursor(cursor, 3)
  const head = await readArticlesHead(c.env.KV)
  const fromHead = pageFromHead(head.items, head.total, after, limit, cursorKeyOf)
  const page = fromHead ?? (await newsroomOf(c.env).listArticles(after, limit))
  const last = page.items.at(-1)
  const nextCursor = page.hasMore && last !== undefined ? encodeCursor(cursorKeyOf(last)) : null
  return jsonWithPolicy(c, { items: page.items, nextCursor }, 'list')
})

articleRoutes.openapi(getArticleRoute, async (c) => {
  const { id } = c.req.valid('param')
  const article = ARTICLE_ID.test(id) ? await readArticle(c.env.KV, id) : null
  if (article === null) throw new ApiError('article-not-found', `No article has id "${id}".`)
  return jsonWithPolicy(c, article, 'item')
})

articleRoutes.openAPIRegistry.registerPath({
  method: 'post',
  path: '/v1/articles',
  summary: 'Ingest an article (raw text as delivered, or JSON)',
  security: [{ ingestToken: [] }],
  request: {
    query: z.object({
      storyId: StoryIdSchema.optional().openapi({ description: 'text/plain only: the story to join' }),
      url: z.string().optional().openapi({ description: 'text/plain only: the canonical URL of the article' }),
    }),
    body: {
      required: true,
      content: {
        'application/json': { schema: ArticleInputSchema },
        'text/plain': { schema: z.string().openapi({ description: 'Raw article: optional `date YYYY-MM[-DD]`, title line, paragraphs' }) },
      },
    },
  },
  responses: {
    201: { description: 'Stored; Location names it', content: { 'application/json': { schema: ArticleSchema } } },
    200: { description: 'Already stored (same URL or text); the stored article', content: { 'application/json': { schema: ArticleSchema } } },
    400: problemContent('Malformed JSON or text'),
    401: problemContent('Missing or wrong ingest token'),
    413: problemContent('Body over 1 MiB'),
    415: problemContent('Not JSON or plain UTF-8 text'),
    422: problemContent('Fields that fail validation, or no article text'),
  },
})

articleRoutes.post('/v1/articles', requireIngestToken, limitBody, async function ingestArticle(c) {
  const article = await prepareBody(c)
  const result = await newsroomOf(c.env).ingest(article)
  c.header('Location', `/v1/articles/${result.article.id}`)
  c.header('Cache-Control', 'no-store')
  return c.json(result.article, result.created ? 201 : 200)
})

const correctionResponses = {
  400: problemContent('Malformed JSON or text'),
  401: problemContent('Missing or wrong ingest token'),
  404: problemContent('No article with that id'),
  409: problemContent('The new content is another stored article'),
  413: problemContent('Body over 1 MiB'),
  415: problemContent('Not JSON or plain UTF-8 text'),
  422: problemContent('Fields that fail validation, or no article text'),
}

articleRoutes.openAPIRegistry.registerPath({
  method: 'put',
  path: '/v1/articles/{id}',
  summary: 'Correct an article: replace its content (same body as POST); its story and summaries follow',
  security: [{ ingestToken: [] }],
  request: {
    params: z.object({ id: z.string() }),
    body: { required: true, content: { 'application/json': { schema: ArticleInputSchema }, 'text/plain': { schema: z.string() } } },
  },
  responses: { 200: { description: 'The corrected article', content: { 'application/json': { schema: ArticleSchema } } }, ...correctionResponses },
})

articleRoutes.openAPIRegistry.registerPath({
  method: 'delete',
  path: '/v1/articles/{id}',
  summary: 'Delete an article; its story loses it, and goes when empty',
  security: [{ ingestToken: [] }],
  request: { params: z.object({ id: z.string() }) },
  responses: { 204: { description: 'Deleted' }, 401: correctionResponses[401], 404: correctionResponses[404] },
})

articleRoutes.put('/v1/articles/:id', requireIngestToken, limitBody, async function replaceArticle(c) {
  const id = c.req.param('id')
  if (!ARTICLE_ID.test(id)) throw new ApiError('article-not-found', `No article has id "${id}".`)
  const article = await prepareBody(c)
  const result = await newsroomOf(c.env).replace(id, article)
  if (result.status === 'not-found') throw new ApiError('article-not-found', `No article has id "${id}".`)
  if (result.status === 'duplicate') throw new ApiError('duplicate-article', `That content is already stored as article ${result.existingId}.`)
  if (result.status !== 'replaced') throw new ApiError('internal', 'Unexpected writer answer.')
  c.header('Cache-Control', 'no-store')
  return c.json(result.article, 200)
})

articleRoutes.delete('/v1/articles/:id', requireIngestToken, async function removeArticle(c) {
  const id = c.req.param('id')
  if (!ARTICLE_ID.test(id)) throw new ApiError('article-not-found', `No article has id "${id}".`)
  const result = await newsroomOf(c.env).remove(id)
  if (result.status === 'not-found') throw new ApiError('article-not-found', `No article has id "${id}".`)
  return c.body(null, 204)
})

/** Parse a write body by its media type (same rules for POST and PUT). */
async function prepareBody(c: Context<AppEnv>) {
  return bodyKindOf(c) === 'json'
    ? prepareFromJson(await readJson(c))
    : prepareFromText(await readUtf8(c, 'text'), { storyId: c.req.query('storyId'), url: c.req.query('url') })
}

/** The sort position of a card, as cursors name it. */
function cursorKeyOf(card: ArticleCard): CursorKey {
  return [sortKeyOf(card.publishedAt, card.ingestedAt), card.ingestedAt, card.id]
}
