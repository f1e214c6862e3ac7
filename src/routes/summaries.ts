/**
 * GET /v1/articles/:id/summary and GET /v1/stories/:id/summary.
 * The default length is stored by the writer (one KV read); other lengths are
 * computed here from the stored article(s) and cached by version.
 */
import { Hono } from 'hono'
import * as z from 'zod/mini'
import type { AppEnv } from '../env.js'
import { cachedJson } from '../http/cache.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy, serveStored } from '../http/respond.js'
import { parseQuery } from '../http/validate.js'
import { ARTICLE_ID, type Article, ArticleSummarySchema, StorySummarySchema } from '../store/schemas.js'
import { DEFAULT_ARTICLE_SUMMARY_WORDS, DEFAULT_STORY_SUMMARY_WORDS } from '../summarize/defaults.js'
import type { Budget } from '../summarize/select.js'
import { reportsToSummarize } from '../summarize/multi-document.js'
import { articleSummaryOf, defaultArticleSummary, storySummaryOf } from '../writer/summaries.js'
import { storyIdParam } from './params.js'
import { SummaryQuerySchema } from './queries.js'

export const summaryRoutes = new Hono<AppEnv>()

summaryRoutes.get('/v1/articles/:id/summary', async (c) => {
  const id = c.req.param('id')
  const budget = budgetOf(parseQuery(c, SummaryQuerySchema), DEFAULT_ARTICLE_SUMMARY_WORDS)
  if (!ARTICLE_ID.test(id)) throw new ApiError('article-not-found', `No article has id "${id}".`)
  if (budget === null) {
    const stored = await c.var.store.articleSummary(id)
    if (stored !== null) return serveStored(c, stored, 'item')
  }
  const article = (await c.var.store.article(id))?.value ?? null
  if (article === null) throw new ApiError('article-not-found', `No article has id "${id}".`)
  const summary =
    budget === null
      ? defaultArticleSummary(article)
      : await cachedJson(`article/${id}/${article.updatedAt}/${budgetKey(budget)}`, () => articleSummaryOf(article, budget), decodeWith(ArticleSummarySchema))
  return jsonWithPolicy(c, summary, 'item')
})

summaryRoutes.get('/v1/stories/:id/summary', async (c) => {
  const id = c.req.param('id')
  const budget = budgetOf(parseQuery(c, SummaryQuerySchema), DEFAULT_STORY_SUMMARY_WORDS)
  storyIdParam(id)
  if (budget === null) {
    const stored = await c.var.store.storySummary(id)
    if (stored !== null) return serveStored(c, stored, 'item')
  }
  const story = (await c.var.store.story(id))?.value ?? null
  if (story === null) throw new ApiError('story-not-found', `No story has id "${id}".`)
  const wanted = budget ?? { words: DEFAULT_STORY_SUMMARY_WORDS }
  const summary = await cachedJson(
    `story/${id}/${story.updatedAt}/${budgetKey(wanted)}`,
    async () => {
      // Only the reports the summary reads: a bounded number of KV reads however long the story runs.
      const reports = await Promise.all(reportsToSummarize(story.articles).map(async (member) => (await c.var.store.article(member.id))?.value ?? null))
      return storySummaryOf(id, story.title, reports.filter((report): report is Article => report !== null), wanted)
    },
    decodeWith(StorySummarySchema),
  )
  return jsonWithPolicy(c, summary, 'item')
})

/** The requested budget, or null for the stored default. */
function budgetOf(query: { words?: number | undefined; sentences?: number | undefined }, defaultWords: number): Budget | null {
  if (query.words !== undefined && query.sentences !== undefined) {
    throw new ApiError('invalid-query', 'Ask for words or sentences, not both.', {
      errors: [{ field: 'sentences', message: 'not allowed together with words' }],
    })
  }
  if (query.sentences !== undefined) return { words: Number.POSITIVE_INFINITY, sentences: query.sentences }
  if (query.words !== undefined && query.words !== defaultWords) return { words: query.words }
  return null
}

function budgetKey(budget: Budget): string {
  return budget.sentences === undefined ? `w${budget.words}` : `s${budget.sentences}`
}

function decodeWith<T>(schema: z.ZodMiniType<T>): (value: unknown) => T | null {
  return (value) => {
    const result = schema.safeParse(value)
    return result.success ? result.data : null
  }
}
