/**
 * Article summaries: whole sentences of one article, in article order, within
 * a word (or sentence) budget, never the headline again.
 *
 * Sentences are scored by position, headline overlap, centrality and length
 * (features.ts) with the article weights (weights.ts), then taken best first
 * without restatements (select.ts).
 *
 * Pure and deterministic.
 */
import { type SummaryArticle, candidatesOf, contextOf } from './candidates.js'
import { type FeatureWeights, featuresOf, scoreOf } from './features.js'
import { type Budget, REDUNDANCY_PENALTY, selectSentences } from './select.js'
import { ARTICLE_WEIGHTS } from './weights.js'

export type ArticleSummarySentence = {
  text: string
  /** Index into the article's `paragraphs`, or null for a sentence of its lead. */
  paragraph: number | null
  /** Ordinal of the sentence in the article, lead sentences first. */
  index: number
}
export type ArticleSummary = { articleId: string; text: string; sentences: ArticleSummarySentence[]; words: number }

/**
 * Summarize one article within a budget of words (or sentences).
 *
 * @example
 * summarizeArticle({ id: 'a', title: 'Giá xăng giảm', lead: null, paragraphs: ['Giá xăng giảm 500 đồng mỗi lít từ chiều nay.'] }, { words: 60 })
 */
export function summarizeArticle(article: SummaryArticle, budget: Budget, weights: FeatureWeights = ARTICLE_WEIGHTS): ArticleSummary {
  const candidates = candidatesOf(article, 0)
  const scores = featuresOf(candidates, contextOf([article])).map((features) => scoreOf(features, weights))
  const chosen = selectSentences(candidates, scores, budget, REDUNDANCY_PENALTY.article).sort((a, b) => a.index - b.index)
  return {
    articleId: article.id,
    text: chosen.map((c) => c.text).join(' '),
    sentences: chosen.map((c) => ({ text: c.text, paragraph: c.paragraph, index: c.index })),
    words: chosen.reduce((sum, c) => sum + c.words, 0),
  }
}
