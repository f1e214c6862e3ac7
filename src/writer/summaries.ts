/**
 * Summaries as the API stores and serves them. The writer plans each article
 * and story once (src/summarize/plan.ts: the sentences scored, their overlaps)
 * and stores the plan with what a summary shows beside its text — headline,
 * outlet and link, and for a story each report's outlet and link — plus the
 * default-length summary selected from it. A summary of any other length is
 * a selection from the stored plan (`articleSummaryFromPlan`,
 * `storySummaryFromPlan`), never a fresh scoring.
 */
import type { Article, ArticlePlanRecord, ArticleSummaryRecord, StoryPlanRecord, StorySummaryRecord } from '../store/schemas.js'
import { DEFAULT_ARTICLE_SUMMARY_WORDS, DEFAULT_STORY_SUMMARY_WORDS } from '../summarize/defaults.js'
import { planStory } from '../summarize/multi-document.js'
import { type Budget, selectFromPlan } from '../summarize/select.js'
import { planArticle } from '../summarize/single-document.js'

/** An article's plan and its default-length summary, as the writer stores them. */
export function articleSummaries(article: Article): { plan: ArticlePlanRecord; summary: ArticleSummaryRecord } {
  const plan: ArticlePlanRecord = { articleId: article.id, title: article.title, source: article.source, url: article.url, plan: planArticle(article) }
  return { plan, summary: articleSummaryFromPlan(plan, { words: DEFAULT_ARTICLE_SUMMARY_WORDS }) }
}

/** A story's plan (from its reports, oldest first) and its default-length summary, as the writer stores them. */
export function storySummaries(storyId: string, title: string, ordered: readonly Article[]): { plan: StoryPlanRecord; summary: StorySummaryRecord } {
  const credits: StoryPlanRecord['credits'] = {}
  for (const article of ordered) credits[article.id] = { source: article.source, url: article.url }
  const plan: StoryPlanRecord = { storyId, title, credits, plan: planStory(ordered) }
  return { plan, summary: storySummaryFromPlan(plan, { words: DEFAULT_STORY_SUMMARY_WORDS }) }
}

/**
 * An article summary of some length from its stored plan: whole sentences in
 * article order, with the article's headline, outlet and link.
 *
 * @example
 * articleSummaryFromPlan(record, { words: 40 })
 */
export function articleSummaryFromPlan(record: ArticlePlanRecord, budget: Budget): ArticleSummaryRecord {
  const chosen = selectFromPlan(record.plan, budget)
  return {
    articleId: record.articleId,
    title: record.title,
    source: record.source,
    url: record.url,
    text: chosen.map((s) => s.text).join(' '),
    sentences: chosen.map(({ text, paragraph, index }) => ({ text, paragraph, index })),
    words: chosen.reduce((sum, s) => sum + s.words, 0),
  }
}

/**
 * A story summary of some length from its stored plan, each sentence credited
 * with its report's outlet and link (what a widget shows).
 *
 * @example
 * storySummaryFromPlan(record, { words: 200 })
 */
export function storySummaryFromPlan(record: StoryPlanRecord, budget: Budget): StorySummaryRecord {
  const chosen = selectFromPlan(record.plan, budget)
  return {
    storyId: record.storyId,
    title: record.title,
    text: chosen.map((s) => s.text).join(' '),
    sentences: chosen.map(({ text, articleId }) => ({ text, articleId, source: record.credits[articleId]?.source ?? null, url: record.credits[articleId]?.url ?? null })),
    words: chosen.reduce((sum, s) => sum + s.words, 0),
  }
}
