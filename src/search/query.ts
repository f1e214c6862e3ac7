/**
 * A user's search text → terms and quoted phrases of syllables. Nothing the
 * user types is syntax beyond double quotes: `*`, `-`, `:`, parentheses,
 * `AND`/`OR`/`NOT`/`NEAR` are punctuation or plain words here, and only
 * syllables (letters and digits) come out, which `match.ts` then quotes for
 * FTS5. An expected refusal is a value (`{ problem }`), not an exception.
 *
 * Pure: no runtime imports.
 */
import { exactFormOf, foldSyllable, searchTokensOf } from './fold.js'

/** Longest query accepted, in characters (code points, after NFC): a long headline fits. */
export const MAX_QUERY_LENGTH = 200

/** A query syllable: its exact form, its folded form, and whether the user wrote any diacritic on it. */
export type QuerySyllable = { exact: string; folded: string; marked: boolean }

/** A term (one syllable, `quoted` false) or a quoted phrase (syllables in order). */
export type QueryUnit = { syllables: QuerySyllable[]; quoted: boolean }

/** A parsed query: units in the order typed. */
export type SearchQuery = { units: QueryUnit[] }

export type QueryProblem = { problem: 'empty' | 'too-long' | 'no-words'; detail: string }

/**
 * Quote characters that open or close a phrase: the ASCII one and the
 * typographic ones Vietnamese keyboards and phones produce (“…”, „…“).
 */
const QUOTES = /["“”„]/

/**
 * Parse a search text. A phrase is the text between two quotes; a quote left
 * open runs to the end. Outside quotes every syllable is a term of its own
 * (a word like `TP.HCM` or `covid-19` splits into syllables, which rank higher
 * when they stay adjacent).
 *
 * @example
 * parseSearchQuery('"Hà Nội" mưa')
 * // => { units: [{ quoted: true, syllables: [hà, nội] }, { quoted: false, syllables: [mưa] }] }
 * parseSearchQuery('  ***  ') // => { problem: 'no-words', … }
 */
export function parseSearchQuery(raw: string): SearchQuery | QueryProblem {
  const text = raw.normalize('NFC')
  if (text.trim() === '') return { problem: 'empty', detail: 'q is empty.' }
  const length = [...text].length
  if (length > MAX_QUERY_LENGTH) return { problem: 'too-long', detail: `q has ${length} characters; at most ${MAX_QUERY_LENGTH} are accepted.` }
  const units: QueryUnit[] = []
  const parts = text.split(QUOTES)
  parts.forEach((part, index) => {
    // split() alternates outside, inside, outside, … quotes.
    const syllables = searchTokensOf(part).map((token) => syllableOf(part.slice(token.start, token.end)))
    if (index % 2 === 1) {
      if (syllables.length > 0) units.push({ syllables, quoted: true })
    } else {
      for (const syllable of syllables) units.push({ syllables: [syllable], quoted: false })
    }
  })
  if (units.length === 0) return { problem: 'no-words', detail: 'q has no letters or digits to search for.' }
  return { units }
}

/** Whether a parse result is a refusal. */
export function isQueryProblem(value: SearchQuery | QueryProblem): value is QueryProblem {
  return 'problem' in value
}

/**
 * The query in one canonical line: what two equivalent queries share (cache
 * keys, cursor binding). Exact forms, phrases in quotes.
 *
 * @example
 * canonicalQueryOf(parseSearchQuery('  HOÀ   “bình yên”')) // => 'hòa "bình yên"'
 */
export function canonicalQueryOf(query: SearchQuery): string {
  return query.units
    .map((unit) => {
      const words = unit.syllables.map((syllable) => syllable.exact).join(' ')
      return unit.quoted ? `"${words}"` : words
    })
    .join(' ')
}

function syllableOf(written: string): QuerySyllable {
  const exact = exactFormOf(written)
  const folded = foldSyllable(exact)
  return { exact, folded, marked: exact !== folded }
}
