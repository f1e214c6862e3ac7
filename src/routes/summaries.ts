/**
 * GET /v1/articles/:id/summary and GET /v1/stories/:id/summary.
 * The default length is stored by the writer (one KV read). Any other length
 * is a selection from the plan the writer stored (one KV read and a few
 * hundred comparisons: src/summarize/select.ts), so no request, whatever
 * `words` or `sentences` it asks for, scores a sentence.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy, serveStored } from '../http/respond.js'
import { parseQuery } from '../http/validate.js'
import { ARTICLE_ID } from '../store/schemas.js'
import { DEFAULT_ARTICLE_SUMMARY_WORDS, DEFAULT_STORY_SUMMARY_WORDS } from '../summarize/defaults.js'
import type { Budget } from '../summarize/select.js'
import { articleSummaryFromPlan, storySummaryFromPlan } from '../writer/summaries.js'
import { storyIdParam } from './params.js'
import { SummaryQuerySchema } from './queries.js'

export const summaryRoutes = new Hono<AppEnv>()

summaryRoutes.get('/v1/articles/:id/summary', async (c) => {
  const id = c.req.param('id')
  const budget = budgetOf(parseQuery(c, SummaryQuerySchema), DEFAULT_ARTICLE_SUMMARY_WORDS)
  if (!ARTICLE_ID.test(id)) throw new ApiError('article-not-found', `No article has id "${id}".`)
  if (budget === null) {
    const stored = await c.var.store.articleSummary(id)
    if (stored === null) throw new ApiError('article-not-found', `No article has id "${id}".`)
    return serveStored(c, stored, 'item')
  }
  const plan = (await c.var.store.articlePlan(id))?.value ?? null
  if (plan === null) throw new ApiError('article-not-found', `No article has id "${id}".`)
  return jsonWithPolicy(c, articleSummaryFromPlan(plan, budget), 'item')
})

summaryRoutes.get('/v1/stories/:id/summary', async (c) => {
  const id = c.req.param('id')
  const budget = budgetOf(parseQuery(c, SummaryQuerySchema), DEFAULT_STORY_SUMMARY_WORDS)
  storyIdParam(id)
  if (budget === null) {
    const stored = await c.var.store.storySummary(id)
    if (stored === null) throw new ApiError('story-not-found', `No story has id "${id}".`)
    return serveStored(c, stored, 'item')
  }
  const plan = (await c.var.store.storyPlan(id))?.value ?? null
  if (plan === null) throw new ApiError('story-not-found', `No story has id "${id}".`)
  return jsonWithPolicy(c, storySummaryFromPlan(plan, budget), 'item')
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
