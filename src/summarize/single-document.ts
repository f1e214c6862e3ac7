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
import { Lexicon } from './lexicon.js'
import { type SummaryPlan, planOf } from './plan.js'
import { type Budget, REDUNDANCY_PENALTY, selectFromPlan } from './select.js'
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
 * The plan of an article summary (plan.ts): its sentences scored once.
 *
 * @example
 * selectFromPlan(planArticle(article), { words: 60 })
 */
export function planArticle(article: SummaryArticle, weights: FeatureWeights = ARTICLE_WEIGHTS): SummaryPlan {
  const lexicon = new Lexicon()
  const candidates = candidatesOf(article, 0, lexicon)
  const scores = featuresOf(candidates, contextOf([article]), lexicon).map((features) => scoreOf(features, weights))
  return planOf(candidates, scores, REDUNDANCY_PENALTY.article, lexicon)
}

/**
 * An article summary of some length, from its plan.
 *
 * @example
 * articleSummaryFromPlan('a', planArticle(article), { sentences: 2, words: Infinity })
 */
export function articleSummaryFromPlan(articleId: string, plan: SummaryPlan, budget: Budget): ArticleSummary {
  const chosen = selectFromPlan(plan, budget)
  return {
    articleId,
    text: chosen.map((c) => c.text).join(' '),
    sentences: chosen.map((c) => ({ text: c.text, paragraph: c.paragraph, index: c.index })),
    words: chosen.reduce((sum, c) => sum + c.words, 0),
  }
}

/**
 * Summarize one article within a budget of words (or sentences).
 *
 * @example
 * summarizeArticle({ id: 'a', title: 'Giá xăng giảm', lead: null, paragraphs: ['Giá xăng giảm 500 đồng mỗi lít từ chiều nay.'] }, { words: 60 })
 */
export function summarizeArticle(article: SummaryArticle, budget: Budget, weights: FeatureWeights = ARTICLE_WEIGHTS): ArticleSummary {
  return articleSummaryFromPlan(article.id, planArticle(article, weights), budget)
}
