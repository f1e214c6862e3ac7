/**
 * What an article may be: its size, and when it may say it was published.
 * Pure: `now` is passed in.
 */

/**
 * Most characters an article's text may hold once cleaned (title, lead,
 * paragraphs and captions): the longest news features run to about 40,000;
 * 100,000 leaves room for a long report while keeping what every summary and
 * grouping step reads bounded. Beyond it: 413 `article-too-large`.
 */
export const MAX_ARTICLE_CHARACTERS = 100_000

/**
 * Most sentences an article's lead and paragraphs may hold: 2,000 sentences is
 * past 100,000 characters at the 50–60 characters of a short news sentence,
 * so it only refuses text cut into fragments. Beyond it: 413 `article-too-large`.
 */
export const MAX_ARTICLE_SENTENCES = 2_000

/** The earliest publication date accepted: before the first Vietnamese news sites, so earlier dates are typos. */
export const EARLIEST_PUBLISHED_AT = '1990-01-01'

/** How far ahead a publication time may be: an embargoed story scheduled for the day after tomorrow, at most. */
export const PUBLISHED_AHEAD_MS = 2 * 86_400_000

/**
 * Whether a publication time (already a real date, at its precision) lies
 * within EARLIEST_PUBLISHED_AT … now + PUBLISHED_AHEAD_MS. A month or a day
 * counts from its first instant (UTC); the lower bound compares the calendar
 * date as written.
 *
 * @example
 * isPublishedInRange('1989-12', Date.parse('2026-11-25')) // => false
 * isPublishedInRange('2026-11-27', Date.parse('2026-11-25T12:00:00Z')) // => true
 */
export function isPublishedInRange(publishedAt: string, now: number): boolean {
  const day = publishedAt.length === 7 ? `${publishedAt}-01` : publishedAt.slice(0, 10)
  if (day < EARLIEST_PUBLISHED_AT) return false
  const start = publishedAt.length <= 10 ? Date.parse(`${day}T00:00:00Z`) : Date.parse(publishedAt)
  return start <= now + PUBLISHED_AHEAD_MS
}
