/**
 * Story summaries: one extract across every report of a story, each sentence
 * credited to its article, no two sentences saying the same thing, ordered
 * oldest report first and, within a report, in reading order.
 *
 * Sentences are scored by position, cross-report support, headline overlap
 * and centrality (features.ts) with the story weights (weights.ts), then taken
 * best first without restatements (select.ts) from a plan (plan.ts) that the
 * writer keeps, so any length is a cheap selection. With one report, the
 * article model applies.
 *
 * Pure and deterministic.
 */
import { type SummaryArticle, candidatesOf, contextOf } from './candidates.js'
import { type FeatureWeights, featuresOf, scoreOf } from './features.js'
import { Lexicon } from './lexicon.js'
import { type SummaryPlan, planOf } from './plan.js'
import { type Budget, REDUNDANCY_PENALTY, selectFromPlan } from './select.js'
import { ARTICLE_WEIGHTS, STORY_WEIGHTS } from './weights.js'

/**
 * Most reports one story summary reads. Summary work grows faster than the
 * number of reports (cross-report support compares every sentence with the
 * other reports: 5 reports ≈ 4 ms, 200 ≈ 300 ms in Node), and the stored
 * summary is recomputed on every report that joins, so a long-running story
 * must not make each ingest slower. Twenty covers every human cluster in the
 * dev set (2–5 reports) four times over.
 */
export const MAX_SUMMARY_REPORTS = 20

/**
 * The reports a story summary reads, oldest first: all of them up to
 * MAX_SUMMARY_REPORTS; beyond that the first report (it broke the event) and
 * the most recent ones (where the story stands now).
 *
 * @example
 * reportsToSummarize(storyArticles).map((a) => a.id)
 */
export function reportsToSummarize<T>(ordered: readonly T[]): T[] {
  if (ordered.length <= MAX_SUMMARY_REPORTS) return [...ordered]
  return [ordered[0] as T, ...ordered.slice(ordered.length - (MAX_SUMMARY_REPORTS - 1))]
}

export type StorySummarySentence = { text: string; articleId: string }
export type StorySummary = { storyId: string; text: string; sentences: StorySummarySentence[]; words: number }

/**
 * The plan of a story summary (plan.ts): its reports scored once. Pass the
 * reports oldest first; stories longer than MAX_SUMMARY_REPORTS are planned
 * from `reportsToSummarize(articles)`.
 *
 * @example
 * selectFromPlan(planStory(reports), { words: 120 })
 */
export function planStory(articles: readonly SummaryArticle[], models: { story: FeatureWeights; article: FeatureWeights } = { story: STORY_WEIGHTS, article: ARTICLE_WEIGHTS }): SummaryPlan {
  const read = reportsToSummarize(articles)
  const lexicon = new Lexicon()
  const candidates = read.flatMap((article, order) => candidatesOf(article, order, lexicon))
  const weights = read.length > 1 ? models.story : models.article
  const scores = featuresOf(candidates, contextOf(read), lexicon).map((features) => scoreOf(features, weights))
  return planOf(candidates, scores, read.length > 1 ? REDUNDANCY_PENALTY.story : REDUNDANCY_PENALTY.article, lexicon)
}

/**
 * A story summary of some length, from its plan.
 *
 * @example
 * storySummaryFromPlan('bau-cu-campuchia', planStory(reports), { words: 40 })
 */
export function storySummaryFromPlan(storyId: string, plan: SummaryPlan, budget: Budget): StorySummary {
  const chosen = selectFromPlan(plan, budget)
  return {
    storyId,
    text: chosen.map((c) => c.text).join(' '),
    sentences: chosen.map((c) => ({ text: c.text, articleId: c.articleId })),
    words: chosen.reduce((sum, c) => sum + c.words, 0),
  }
}

/**
 * Summarize a story's reports within a word budget. Pass the reports oldest
 * first: that is the order of the summary.
 *
 * @example
 * summarizeStory('bau-cu-campuchia', reports, { words: 120 })
 */
export function summarizeStory(storyId: string, articles: readonly SummaryArticle[], budget: Budget, models?: { story: FeatureWeights; article: FeatureWeights }): StorySummary {
  return storySummaryFromPlan(storyId, planStory(articles, models), budget)
}
