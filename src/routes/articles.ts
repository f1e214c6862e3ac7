/**
 * /v1/articles: ingest (POST), read (GET list, GET one) and corrections (PUT,
 * DELETE). Thin: validate, call the store or the writer, shape the answer.
 * Documented in spec.ts.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env.js'
import { requireIngestToken } from '../http/auth.js'
import { bodyKindOf, limitBody, readJson, readUtf8 } from '../http/body.js'
import { ApiError } from '../http/problem.js'
import { serveStored } from '../http/respond.js'
import { parseQuery } from '../http/validate.js'
import { prepareFromJson, prepareFromText } from '../ingest/prepare.js'
import { type CursorKey, sortKeyOf } from '../store/cursor.js'
import { hotClear } from '../store/hot-cache.js'
import { ARTICLE_ID, type ArticleCard } from '../store/schemas.js'
import { newsroomOf } from '../writer/client.js'
import { listPage } from './list.js'
import { TextIngestQuerySchema } from './queries.js'

export const articleRoutes = new Hono<AppEnv>()

articleRoutes.get('/v1/articles', (c) =>
  listPage(c, {
    list: 'articles',
    head: () => c.var.store.articlesHead(),
    after: (after, limit) => newsroomOf(c.env).listArticles(after, limit),
    keyOf: cursorKeyOf,
    arity: 3,
  }),
)

articleRoutes.get('/v1/articles/:id', async (c) => {
  const id = c.req.param('id')
  const article = ARTICLE_ID.test(id) ? await c.var.store.article(id) : null
  if (article === null) throw notFound(id)
  return serveStored(c, article, 'item')
})

articleRoutes.post('/v1/articles', requireIngestToken, limitBody, async function ingestArticle(c) {
  const article = await prepareBody(c)
  const result = await newsroomOf(c.env).ingest(article)
  hotClear()
  c.header('Location', `/v1/articles/${result.article.id}`)
  c.header('Cache-Control', 'no-store')
  return c.json(result.article, result.created ? 201 : 200)
})

articleRoutes.put('/v1/articles/:id', requireIngestToken, limitBody, async function replaceArticle(c) {
  const id = c.req.param('id')
  if (!ARTICLE_ID.test(id)) throw notFound(id)
  const article = await prepareBody(c)
  const result = await newsroomOf(c.env).replace(id, article)
  hotClear()
  if (result.status === 'not-found') throw notFound(id)
  if (result.status === 'duplicate') throw new ApiError('duplicate-article', `That content is already stored as article ${result.existingId}.`)
  if (result.status !== 'replaced') throw new ApiError('internal', 'Unexpected writer answer.')
  c.header('Cache-Control', 'no-store')
  return c.json(result.article, 200)
})

articleRoutes.delete('/v1/articles/:id', requireIngestToken, async function removeArticle(c) {
  const id = c.req.param('id')
  if (!ARTICLE_ID.test(id)) throw notFound(id)
  const result = await newsroomOf(c.env).remove(id)
  hotClear()
  if (result.status === 'not-found') throw notFound(id)
  return c.body(null, 204)
})

function notFound(id: string): ApiError {
  return new ApiError('article-not-found', `No article has id "${id}".`)
}

/**
 * Parse a write body by its media type (same rules for POST and PUT). The
 * query string carries `storyId` and `url` for a text body only; on a JSON
 * body they are refused, never silently ignored (the body has its own fields).
 */
async function prepareBody(c: Context<AppEnv>) {
  const meta = parseQuery(c, TextIngestQuerySchema)
  if (bodyKindOf(c) === 'text') return prepareFromText(await readUtf8(c, 'text'), meta)
  const misplaced = (['storyId', 'url'] as const).filter((name) => meta[name] !== undefined)
  if (misplaced.length > 0) {
    throw new ApiError('invalid-query', `${misplaced.join(' and ')} in the query string go with a text/plain body; a JSON body carries them as fields.`, {
      errors: misplaced.map((field) => ({ field, message: 'only with a text/plain body; send it as a JSON field' })),
    })
  }
  return prepareFromJson(await readJson(c))
}

/** The sort position of a card, as cursors name it. */
function cursorKeyOf(card: ArticleCard): CursorKey {
  return [sortKeyOf(card.publishedAt, card.ingestedAt), card.ingestedAt, card.id]
}
