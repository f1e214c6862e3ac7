/**
 * Summaries as the API stores and serves them: the pure summarizers' output,
 * with story sentences carrying their outlet and link (what a widget shows).
 * Used by the writer for the stored defaults and by the routes for other lengths.
 */
import type { Article, ArticleSummaryRecord, StorySummaryRecord } from '../store/schemas.js'
import { DEFAULT_ARTICLE_SUMMARY_WORDS } from '../summarize/defaults.js'
import { summarizeStory } from '../summarize/multi-document.js'
import type { Budget } from '../summarize/select.js'
import { summarizeArticle } from '../summarize/single-document.js'

/** The default-length summary of an article, as stored for GET …/summary. */
export function defaultArticleSummary(article: Article): ArticleSummaryRecord {
  return articleSummaryOf(article, { words: DEFAULT_ARTICLE_SUMMARY_WORDS })
}

/** An article summary with the article's headline, outlet and link. */
export function articleSummaryOf(article: Article, budget: Budget): ArticleSummaryRecord {
  const { articleId, ...summary } = summarizeArticle(article, budget)
  return { articleId, title: article.title, source: article.source, url: article.url, ...summary }
}

/** A story summary with each sentence's outlet and link, for readers and widgets. */
export function storySummaryOf(storyId: string, title: string, ordered: readonly Article[], budget: Budget): StorySummaryRecord {
  const { storyId: _id, ...summary } = summarizeStory(storyId, ordered, budget)
  const byId = new Map(ordered.map((article) => [article.id, article]))
  return {
    storyId,
    title,
    ...summary,
    sentences: summary.sentences.map((sentence) => {
      const article = byId.get(sentence.articleId)
      return { ...sentence, source: article?.source ?? null, url: article?.url ?? null }
    }),
  }
}

