/**
 * /v1/articles: ingest (POST) and read (GET list, GET one).
 * Thin: validate, call the store or the writer, shape the answer.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
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
  const kind = bodyKindOf(c)
  const article =
    kind === 'json'
      ? await prepareFromJson(await readJson(c))
      : await prepareFromText(await readUtf8(c, 'text'), { storyId: c.req.query('storyId'), url: c.req.query('url') })
  const result = await newsroomOf(c.env).ingest(article)
  c.header('Location', `/v1/articles/${result.article.id}`)
  c.header('Cache-Control', 'no-store')
  return c.json(result.article, result.created ? 201 : 200)
})

/** The sort position of a card, as cursors name it. */
function cursorKeyOf(card: ArticleCard): CursorKey {
  return [sortKeyOf(card.publishedAt, card.ingestedAt), card.ingestedAt, card.id]
}
