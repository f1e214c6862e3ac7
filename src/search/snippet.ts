/**
 * The snippet of a search hit: plain text around the best match in an
 * article's body, and where the query's words are in it, as `[start, end)`
 * offsets into the snippet (UTF-16 code units, i.e. JavaScript string
 * indices; for Vietnamese NFC text, characters). Nothing here is markup:
 * clients decide how to show a highlight.
 *
 * Matching mirrors the index (fold.ts, match.ts): a term matches a syllable
 * whose folded form is its folded form; a phrase matches consecutive
 * syllables. The window is the one with the most distinct query units, then
 * the most exact spellings, then the most hits, earliest first.
 *
 * Pure: no runtime imports.
 */
import { exactFormOf, foldText } from './fold.js'
import type { SearchQuery } from './query.js'

/**
 * Longest snippet, in characters, before ellipses: about two lines of a
 * result list, or 35–40 Vietnamese syllables (a search engine's ~160).
 */
export const SNIPPET_CHARS = 180

/** Characters of context kept before the first hit of the chosen window. */
const LEAD_IN_CHARS = 50

/** Hits considered (per unit, and in all): bounds the work on a body that repeats a word thousands of times. */
const MAX_HITS = 200

const ELLIPSIS = '…'

/** One letter or digit: what tokens are made of (fold.ts). */
const WORD = /^[\p{L}\p{N}]$/u

/** The end of a sentence or a paragraph: a window may start right after one. */
const SENTENCE_END = /[.!?…:;](?:["”’)\]]*)\s+|\n/g

export type Snippet = { snippet: string; highlights: [number, number][] }

type Hit = { start: number; end: number; unit: number; exact: boolean }

/**
 * The snippet of `text` for `query`. Without any hit, the opening of the
 * text and no highlights.
 *
 * @example
 * snippetOf('Mưa lớn ở Hà Nội chiều nay.', parseSearchQuery('ha noi'))
 * // => { snippet: 'Mưa lớn ở Hà Nội chiều nay.', highlights: [[10, 12], [13, 16]] }
 */
export function snippetOf(text: string, query: SearchQuery, maxChars = SNIPPET_CHARS): Snippet {
  const hits = hitsOf(text, query)
  const window = bestWindow(text, hits, maxChars)
  const inside = hits.filter((hit) => hit.start >= window.start && hit.end <= window.end)
  const prefix = window.start > 0 ? ELLIPSIS : ''
  const suffix = window.end < text.length ? ELLIPSIS : ''
  // Line breaks between paragraphs become spaces: same length, so offsets stay.
  const snippet = prefix + text.slice(window.start, window.end).replace(/\s/g, ' ') + suffix
  const shift = prefix.length - window.start
  return { snippet, highlights: mergeSpans(inside.map((hit): [number, number] => [hit.start + shift, hit.end + shift])) }
}

/**
 * The first MAX_HITS places a unit of the query matches, in text order. The text is folded once (`foldText`, same length) and each
 * unit's first syllable found with `indexOf`: a body of a few thousand
 * characters is not tokenized whole for a page of snippets.
 */
function hitsOf(text: string, query: SearchQuery): Hit[] {
  const folded = foldText(text)
  const hits: Hit[] = []
  query.units.forEach((unit, index) => {
    const [first, ...rest] = unit.syllables
    if (first === undefined || first.folded === '') return
    let found = 0
    for (let at = folded.indexOf(first.folded); at >= 0 && found < MAX_HITS; at = folded.indexOf(first.folded, at + 1)) {
      const spans = wholeSyllablesAt(
        text,
        folded,
        at,
        first.folded.length,
        rest.map((syllable) => syllable.folded),
      )
      if (spans === null) continue
      const exact = unit.syllables.every((syllable, k) => !syllable.marked || exactFormOf(text.slice(spans[k]?.[0], spans[k]?.[1])) === syllable.exact)
      hits.push({ start: at, end: spans.at(-1)?.[1] ?? at, unit: index, exact })
      found += 1
    }
  })
  return hits.sort((a, b) => a.start - b.start || a.end - b.end).slice(0, MAX_HITS)
}

/**
 * The spans of a syllable found at `at` and of the next syllables after it,
 * when each is a whole token (letters and digits, as `searchTokensOf` cuts
 * them) and they follow one another with only separators between; else null.
 */
function wholeSyllablesAt(text: string, folded: string, at: number, length: number, next: readonly string[]): [number, number][] | null {
  if (isWordBefore(text, at) || isWordAt(text, at + length)) return null
  const spans: [number, number][] = [[at, at + length]]
  let position = at + length
  for (const syllable of next) {
    while (position < text.length && !isWordAt(text, position)) position++
    const start = position
    while (position < text.length && isWordAt(text, position)) position += (text.codePointAt(position) ?? 0) > 0xffff ? 2 : 1
    if (folded.slice(start, position) !== syllable) return null
    spans.push([start, position])
  }
  return spans
}

/**
 * Whether each UTF-16 unit of the Basic Multilingual Plane is a letter or
 * digit: 0 not yet asked, 1 yes, 2 no. A headline query's common syllables
 * (`a`, `o`, `va`) occur inside many words, and each such place is checked
 * for a word boundary: a table read instead of a regular expression per check
 * made a page of snippets about twice as fast.
 */
const wordUnits = new Uint8Array(0x10000)

/** A letter or digit (the token definition of fold.ts) at a UTF-16 index, surrogate pairs read whole. */
function isWordAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false
  const unit = text.charCodeAt(at)
  if (unit >= 0xd800 && unit <= 0xdfff) return WORD.test(String.fromCodePoint(text.codePointAt(at) ?? 0))
  let known = wordUnits[unit]
  if (known === 0) {
    known = WORD.test(String.fromCharCode(unit)) ? 1 : 2
    wordUnits[unit] = known
  }
  return known === 1
}

/** Whether the character ending just before `at` is a letter or digit. */
function isWordBefore(text: string, at: number): boolean {
  const low = text.charCodeAt(at - 1)
  return isWordAt(text, low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1)
}

/**
 * The span of text to show: around the best cluster of hits, cut at syllable
 * boundaries. Windows of `maxChars` from LEAD_IN_CHARS before each hit are
 * compared in one sweep (hits are in text order, so both ends move forward): linear in the hits, where comparing every window anew was
 * quadratic and made a page of snippets for common words cost milliseconds.
 */
function bestWindow(text: string, hits: readonly Hit[], maxChars: number): { start: number; end: number } {
  const perUnit = new Map<number, number>()
  let exact = 0
  let low = 0
  let high = 0
  let best: { anchor: Hit; score: number[] } | null = null
  for (const anchor of hits) {
    const start = Math.max(0, anchor.start - LEAD_IN_CHARS, anchor.end - maxChars)
    for (let hit = hits[high]; hit !== undefined && hit.end <= start + maxChars; hit = hits[++high]) {
      perUnit.set(hit.unit, (perUnit.get(hit.unit) ?? 0) + 1)
      if (hit.exact) exact += 1
    }
    for (let hit = hits[low]; hit !== undefined && low < high && hit.start < start; hit = hits[++low]) {
      const left = (perUnit.get(hit.unit) ?? 1) - 1
      if (left === 0) perUnit.delete(hit.unit)
      else perUnit.set(hit.unit, left)
      if (hit.exact) exact -= 1
    }
    const score = [perUnit.size, exact, high - low]
    if (best === null || isBetter(score, best.score)) best = { anchor, score }
  }
  const from = best === null ? 0 : Math.max(windowStartFor(text, best.anchor.start), best.anchor.end - maxChars)
  return cutAtSyllables(text, from, maxChars)
}

/**
 * Where a window around a hit starts: the beginning of the hit's sentence
 * when that is at most LEAD_IN_CHARS back (a snippet reads best from a
 * sentence start), else LEAD_IN_CHARS before the hit.
 */
function windowStartFor(text: string, hitStart: number): number {
  const earliest = Math.max(0, hitStart - LEAD_IN_CHARS)
  const before = text.slice(earliest, hitStart)
  let boundary = -1
  for (const match of before.matchAll(SENTENCE_END)) boundary = match.index + match[0].length
  if (boundary >= 0) return earliest + boundary
  return earliest
}

function isBetter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0)
  return false
}

/**
 * Fill the window when the text ends before it would, and move its ends off
 * the middle of a syllable: the start forward to the
 * beginning of a word (or back to the text's start when only a few characters
 * precede it), the end back to the end of one.
 */
function cutAtSyllables(text: string, from: number, maxChars: number): { start: number; end: number } {
  // Near the end of the text, start earlier rather than show a short window.
  let start = Math.min(from, Math.max(0, text.length - maxChars))
  if (start > 0 && isWordChar(text, start - 1)) while (start < text.length && isWordChar(text, start)) start++
  while (start < text.length && /\s/.test(text.charAt(start))) start++
  let end = Math.min(text.length, start + maxChars)
  if (end < text.length && isWordChar(text, end)) while (end > start && isWordChar(text, end - 1)) end--
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  // Never split a surrogate pair (a character outside the BMP, such as an emoji).
  if (isLowSurrogate(text, start)) start++
  if (isLowSurrogate(text, end)) end--
  return { start, end: Math.max(start, end) }
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code >= 0xdc00 && code <= 0xdfff && at > 0
}

function isWordChar(text: string, at: number): boolean {
  return /[\p{L}\p{N}\p{M}]/u.test(text.charAt(at))
}

/** Overlapping or touching spans (a phrase hit and its syllables' hits) as one. */
function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([span[0], span[1]])
  }
  return merged
}
