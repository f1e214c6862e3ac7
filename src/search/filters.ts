/**
 * Search filters as index tokens. Each article's outlet, story and
 * publication month and year are indexed as tokens of a column BM25 gives no
 * weight (`meta`), so a filtered search asks FTS5 for `(query) AND (filter
 * tokens)`: FTS5 intersects the posting lists, skipping, instead of the
 * Newsroom testing every match against a table. The tokens narrow the
 * matches to a superset of the answer (a month is coarser than a day); the
 * exact conditions are then checked in SQL on what is left.
 *
 * Tokens: `src_<hash of the outlet's name>`, `story_<slug>`, `y<yyyy>` and
 * `m<yyyymm>` (Vietnam time). A period asked for becomes its whole years
 * and the months of its partial years: at most 22 months and one token a
 * year, however long the period.
 *
 * Pure: no runtime imports.
 */
import { type Interval, VIETNAM_OFFSET_MS } from './dates.js'
import { quote } from './match.js'
import type { SearchFilters } from './request.js'

/** The filter column: BM25 weight 0, so filter tokens never change a score. */
export const FILTER_COLUMN = 'meta'

/**
 * The years a period is expanded within. A period starting earlier, or with
 * no `from`, is left to the SQL check alone (an article may be dated before
 * 1990); an open `to` runs to LAST_YEAR. So a period is at most 22 month
 * tokens and one token a year of this span.
 */
const FIRST_YEAR = 1990
const LAST_YEAR = 2100

/**
 * The filter tokens of an article.
 *
 * @example
 * filterTokensOf({ source: 'Tuổi Trẻ', storyId: 'lu-mien-trung', period: periodOf('2013-10-23') })
 * // => 'src_… story_lu_mien_trung y2013 m201310'
 */
export function filterTokensOf(article: { source: string | null; storyId: string | null; period: Interval }): string {
  const tokens: string[] = []
  if (article.source !== null) tokens.push(sourceToken(article.source))
  if (article.storyId !== null) tokens.push(storyToken(article.storyId))
  const first = monthOf(article.period.start)
  const last = monthOf(article.period.end)
  for (let month = first; month <= last; month++) tokens.push(`y${Math.floor(month / 12)}`, `m${monthName(month)}`)
  return [...new Set(tokens)].join(' ')
}

/**
 * The FTS5 expression narrowing a search to its filters, or null without any
 * that tokens can narrow.
 *
 * @example
 * filterExpressionOf({ sources: [], from: Date.parse('2013-10-01T00:00+07:00'), to: Date.parse('2014-12-31T23:59+07:00'), storyId: null })
 * // => '({meta}: "m201310" OR {meta}: "m201311" OR {meta}: "m201312" OR {meta}: "y2014")'
 */
export function filterExpressionOf(filters: SearchFilters): string | null {
  const groups: string[] = []
  if (filters.sources.length > 0) groups.push(anyOf(filters.sources.map(sourceToken)))
  if (filters.storyId !== null) groups.push(anyOf([storyToken(filters.storyId)]))
  const first = filters.from === null ? null : monthOf(filters.from)
  const last = filters.to === null ? LAST_YEAR * 12 + 11 : Math.min(monthOf(filters.to), LAST_YEAR * 12 + 11)
  if (first !== null && first >= FIRST_YEAR * 12) groups.push(anyOf(periodTokens(first, last)))
  return groups.length === 0 ? null : groups.join(' AND ')
}

/** Whole years as `y` tokens, the months of partial years as `m` tokens. */
function periodTokens(first: number, last: number): string[] {
  const tokens: string[] = []
  for (let month = first; month <= last; ) {
    const year = Math.floor(month / 12)
    if (month % 12 === 0 && year * 12 + 11 <= last) {
      tokens.push(`y${year}`)
      month += 12
    } else {
      tokens.push(`m${monthName(month)}`)
      month += 1
    }
  }
  return tokens
}

function anyOf(tokens: readonly string[]): string {
  // An empty period (to before from) is refused by the route; keep the expression valid regardless.
  if (tokens.length === 0) return `{${FILTER_COLUMN}}: "none"`
  return `(${tokens.map((token) => `{${FILTER_COLUMN}}: ${quote(token)}`).join(' OR ')})`
}

/** Months since year 0 of the Vietnam-time month an instant falls in. */
function monthOf(instant: number): number {
  const local = new Date(instant + VIETNAM_OFFSET_MS)
  return local.getUTCFullYear() * 12 + local.getUTCMonth()
}

function monthName(month: number): string {
  return `${Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`
}

/** An outlet's token: a hash of its name as stored (names are free text; tokens are letters, digits and `_`). */
function sourceToken(source: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ source.length
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return `src_${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
}

/** A story's token: its slug with `_` for `-` (the tokenizer keeps `_` inside a token). */
function storyToken(storyId: string): string {
  return `story_${storyId.replace(/-/g, '_')}`
}
