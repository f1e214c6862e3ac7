/**
 * Story summaries: one extract across every report of a story, each sentence
 * credited to its article, no two sentences saying the same thing, ordered
 * oldest report first and, within a report, in reading order.
 *
 * Sentences are scored by position, cross-report support, headline overlap
 * and centrality (features.ts) with the story weights (weights.ts), then taken
 * best first without restatements (select.ts). With one report, the article
 * model applies.
 *
 * Pure and deterministic.
 */
import { type SummaryArticle, candidatesOf } from './candidates.js'
import { type FeatureWeights, featuresOf, scoreOf } from './features.js'
import { type Budget, REDUNDANCY_PENALTY, selectSentences } from './select.js'
import { ARTICLE_WEIGHTS, STORY_WEIGHTS } from './weights.js'

export type StorySummarySentence = { text: string; articleId: string }
export type StorySummary = { storyId: string; text: string; sentences: StorySummarySentence[]; words: number }

/**
 * Summarize a story's reports within a word budget. Pass the reports oldest
 * first: that is the order of the summary.
 *
 * @example
 * summarizeStory('bau-cu-campuchia', reports, { words: 120 })
 */
export function summarizeStory(
  storyId: string,
  articles: readonly SummaryArticle[],
  budget: Budget,
  models: { story: FeatureWeights; article: FeatureWeights } = { story: STORY_WEIGHTS, article: ARTICLE_WEIGHTS },
): StorySummary {
  const candidates = articles.flatMap((article, order) => candidatesOf(article, order))
  const weights = articles.length > 1 ? models.story : models.article
  const scores = featuresOf(candidates, articles.map((article) => article.title)).map((features) => scoreOf(features, weights))
  const chosen = selectSentences(candidates, scores, budget, articles.length > 1 ? REDUNDANCY_PENALTY.story : REDUNDANCY_PENALTY.article).sort((a, b) => a.article - b.article || a.index - b.index)
  return {
    storyId,
    text: chosen.map((c) => c.text).join(' '),
    sentences: chosen.map((c) => ({ text: c.text, articleId: c.articleId })),
    words: chosen.reduce((sum, c) => sum + c.words, 0),
  }
}
