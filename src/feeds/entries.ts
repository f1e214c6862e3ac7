/**
 * What every feed format says, built once from stored story digests: the
 * feed's own title, links and update time, and per story an entry whose id
 * is its story page's URL (stable: a story keeps its slug as reports join),
 * whose content is its summary with each sentence credited to the report it
 * came from (the report's page on bantin, which links to the original), and
 * whose dates are what the story knows. The format modules only spell this
 * out in Atom, RSS or JSON Feed. Pure.
 */
import type { StoryDigest } from '../store/reading-schemas.js'
import { escapeXml } from './xml.js'

/** The feed as a whole. */
export type FeedInfo = {
  title: string
  description: string
  /** This feed's own URL, as asked for (the `?source=` variant included). */
  selfUrl: string
  /** The HTML page this feed follows. */
  homeUrl: string
  /** When the feed's list last changed (ISO 8601), or null when nothing was ever written. */
  updated: string | null
}

export type FeedSentence = { text: string; source: string | null; reportUrl: string }

export type FeedEntry = {
  /** The story page's URL: the entry's permanent id and its link. */
  id: string
  url: string
  title: string
  /** Outlets that reported the story. */
  sources: string[]
  /** Last change of the story (a report joined or left, a correction). */
  updated: string
  /** First publication of its earliest report, when that is a full timestamp (a bare day or month is not an instant). */
  published: string | null
  /** The short (40-word) summary, as plain text. */
  short: string
  sentences: FeedSentence[]
}

/**
 * The query string that names a feed: its outlet's slug, then its search in
 * canonical form (src/search/query.ts), so a feed asked for in any spelling
 * calls itself one way (its self link and Atom id) and pages link it that way.
 *
 * @example
 * feedQueryOf('tuoi-tre', 'hà nội') // => '?source=tuoi-tre&q=h%C3%A0%20n%E1%BB%99i'
 * feedQueryOf(null, null) // => ''
 */
export function feedQueryOf(slug: string | null, q: string | null): string {
  const parts = [...(slug === null ? [] : [`source=${encodeURIComponent(slug)}`]), ...(q === null ? [] : [`q=${encodeURIComponent(q)}`])]
  return parts.length === 0 ? '' : `?${parts.join('&')}`
}

/** The label of a sentence whose report names no outlet. */
const UNNAMED_SOURCE = 'bài gốc'

/**
 * Entries for stories, newest first as stored.
 *
 * @example
 * entriesOf(head.items, 'https://bantin.example')[0].id // => 'https://bantin.example/stories/lien-minh-chong-is'
 */
export function entriesOf(digests: readonly StoryDigest[], origin: string): FeedEntry[] {
  return digests.map((digest) => ({
    id: `${origin}/stories/${digest.id}`,
    url: `${origin}/stories/${digest.id}`,
    title: digest.title,
    sources: digest.sources,
    updated: instantOf(digest.updatedAt) ?? digest.updatedAt,
    published: digest.firstPublishedAt === null ? null : instantOf(digest.firstPublishedAt),
    short: digest.short,
    sentences: digest.sentences.map((s) => ({ text: s.text, source: s.source, reportUrl: `${origin}/articles/${s.articleId}` })),
  }))
}

/**
 * An entry's content as HTML (escaped text inside; the formats escape the
 * whole again as the text of their content element): one paragraph per
 * sentence, each ending with a link to its report named by its outlet.
 */
export function contentHtmlOf(entry: FeedEntry): string {
  return entry.sentences.map((s) => `<p>${escapeXml(s.text)} — <a href="${escapeXml(s.reportUrl)}">${escapeXml(s.source ?? UNNAMED_SOURCE)}</a></p>`).join('')
}

/** An entry's content as plain text: each sentence with its outlet in parentheses. */
export function contentTextOf(entry: FeedEntry): string {
  return entry.sentences.map((s) => `${s.text} (${s.source ?? UNNAMED_SOURCE})`).join('\n\n')
}

/**
 * A stored publication time as an ISO instant (UTC), or null when it is a
 * day or a month (`2016-07-21`, `2016-07`): feeds need instants, and
 * inventing a time of day would misdate the report.
 *
 * @example
 * instantOf('2016-07-21T09:30:00+07:00') // => '2016-07-21T02:30:00.000Z'
 * instantOf('2016-07-21') // => null
 */
export function instantOf(value: string): string | null {
  if (value.length <= 10) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
