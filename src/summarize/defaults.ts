/**
 * Default summary lengths, in words. About 60 words is the length of a
 * Vietnamese sapo (two sentences) and 120 a story brief a widget can show
 * without scrolling; these are the lengths the writer precomputes and stores.
 */
export const DEFAULT_ARTICLE_SUMMARY_WORDS = 60
export const DEFAULT_STORY_SUMMARY_WORDS = 120
