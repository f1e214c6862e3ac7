/**
 * Every KV key bantin uses, built here and nowhere else. Keys are prefixed by
 * kind and versioned (`article:v1:<id>`) so a change of value shape can be
 * rolled out under a new version without reading old values as new ones.
 * See ARCHITECTURE.md for what each key holds and why.
 */

/** One article, as GET /v1/articles/:id serves it. */
export function articleKey(articleId: string): string {
  return `article:v1:${articleId}`
}

/** The newest articles (cards), as the first page of GET /v1/articles serves them. */
export const ARTICLES_HEAD_KEY = 'articles:v1:head'

/** One story with its reports, as GET /v1/stories/:id serves it. */
export function storyKey(storyId: string): string {
  return `story:v1:${storyId}`
}

/** The most recently updated stories (cards), as the first page of GET /v1/stories serves them. */
export const STORIES_HEAD_KEY = 'stories:v1:head'

/** An article's default-length summary, kept current by the writer. */
export function articleSummaryKey(articleId: string): string {
  return `summary:v1:article:${articleId}`
}

/** A story's default-length summary, kept current by the writer as reports join or leave. */
export function storySummaryKey(storyId: string): string {
  return `summary:v1:story:${storyId}`
}

/** What an article summary of any length is selected from (the writer scores once; GET selects). */
export function articlePlanKey(articleId: string): string {
  return `plan:v1:article:${articleId}`
}

/** What a story summary of any length is selected from, kept current as reports join or leave. */
export function storyPlanKey(storyId: string): string {
  return `plan:v1:story:${storyId}`
}

/** The most recently updated stories with their short and default summaries, as the front page and the feeds read them. */
export const DIGESTS_HEAD_KEY = 'digests:v1:head'

/** One outlet's newest reports and the stories they joined, as its page and its feeds read them (`slug` from store/outlet-slug.ts). */
export function outletKey(slug: string): string {
  return `outlet:v1:${slug}`
}
/** One source (an outlet's feed) with its health, as GET /v1/sources/:id serves it. */
export function sourceKey(sourceId: string): string {
  return `source:v1:${sourceId}`
}

/** Every source with its health, newest first, as GET /v1/sources serves it. */
export const SOURCES_HEAD_KEY = 'sources:v1:head'
