/**
 * When two sentences state one fact: the test selection uses to never quote
 * a fact twice. Outlets restate each other's facts in their own words, so
 * shared phrases (content bigrams, candidates.ts) miss many restatements;
 * the fact's skeleton — its quantities and its names — does not change.
 *
 * Two sentences restate each other when
 * - half the phrases of the shorter one are in the other (MAX_OVERLAP); or
 * - they give the same quantity — an amount in thousands, millions or
 *   billions at two significant digits (`2.538 tỷ đồng` and `hơn 2.500 tỷ`
 *   are both 2,5 nghìn tỷ), or an exact count with the word it counts
 *   (`35 thành viên`, `5,3%`) — and share RESTATED_SHARE of their content
 *   syllables (the same event verb and names: `thông xe`, `cầu Nhật Tân`).
 *
 * Shared names alone do not make a restatement: every sentence of a story
 * names its actors.
 *
 * Pure: no runtime imports.
 */
import type { Lexicon } from './lexicon.js'

/** Above this share of shared phrases (over the shorter sentence), two sentences say the same thing. */
export const MAX_OVERLAP = 0.5

/**
 * Share of content syllables (over the shorter sentence) two sentences with
 * the same quantity or the same names must have to state one fact: lower and
 * two sentences about one budget but different lines of it would count.
 */
export const RESTATED_SHARE = 0.4

/** What restatement compares, computed once per candidate. */
export type FactSkeleton = {
  /** Distinct content syllables, no bare numbers (lexicon ids, ascending: `Lexicon.termsOf`); empty without a quantity. */
  terms: Int32Array
  /** Quantities: a scaled amount at two significant digits, or `<exact value> <counted word>`. */
  quantities: ReadonlySet<string>
}

/**
 * Units that scale a number, so `2.538 tỷ` and `2,5 nghìn tỷ` compare; the
 * word after the unit (đồng, USD, người) is what is counted.
 */
const SCALES: Readonly<Record<string, number>> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 }

/**
 * A number as newsrooms write it (`2.538`, `2,5`, `40.000`, `6,3`) and the
 * word after it. Not a date or a time (`23/10`, `23-10`, `15h30`, `20:02`),
 * which every sentence of a day's story shares.
 */
const QUANTITY = /(?<![\p{L}\d/.,:-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d/:-]|[.,]\d|h\d|g\d)(?:\s*(%)|\s+(\p{L}+))?/gu

/** A year (`năm 2013`): a date, not a quantity. */
const YEAR = /^(?:19|20)\d\d$/

/** No terms: a sentence without a quantity never compares them (`restates`). */
const NO_TERMS = new Int32Array(0)

/**
 * The skeleton of a sentence, from its text and its content syllables
 * (`Candidate.content`, ids in `lexicon`).
 *
 * @example
 * skeletonOf('Dự án có tổng vốn 2.538 tỷ đồng.', candidate.content, lexicon).quantities // => Set { '2.5e+12' }
 */
export function skeletonOf(text: string, content: Int32Array, lexicon: Lexicon): FactSkeleton {
  const quantities = new Set<string>()
  // Most sentences hold no digit: skip the scan.
  if (/\d/.test(text))
    for (const match of text.matchAll(QUANTITY)) {
      const digits = match[1] ?? ''
      const value = Number(digits.replace(/\./g, '').replace(',', '.'))
      const unit = match[2] ?? match[3]?.toLowerCase() ?? ''
      const scale = SCALES[unit]
      if (!Number.isFinite(value) || YEAR.test(digits)) continue
      if (scale !== undefined) {
        // A scaled amount is rounded (`2.538 tỷ` ≈ `hơn 2.500 tỷ`): outlets round it and differ on the word after it.
        quantities.add((value * scale).toPrecision(2))
      } else if (unit === '%' || (unit !== '' && value >= 10)) {
        // An exact count of something (`35 thành viên`, `5,3 %`); small counts (ages, 1–9) say little.
        quantities.add(`${value} ${unit}`)
      }
    }
  // Numbers are compared as quantities, not as syllables (terms leave them out).
  return { terms: quantities.size === 0 ? NO_TERMS : lexicon.termsOf(content), quantities }
}

/**
 * Whether two sentences restate one fact (see the module comment). `overlap`
 * is their share of phrases (content bigrams, over the shorter sentence's),
 * computed by the caller (plan.ts).
 *
 * @example
 * restates(skeletonOf(a.text, a.content, lexicon), skeletonOf(b.text, b.content, lexicon), overlap)
 */
export function restates(a: FactSkeleton, b: FactSkeleton, overlap: number): boolean {
  if (overlap > MAX_OVERLAP) return true
  // The cheap test first: most pairs share no quantity.
  if (a.quantities.size === 0 || b.quantities.size === 0 || !intersects(a.quantities, b.quantities)) return false
  return sharedShare(a.terms, b.terms) >= RESTATED_SHARE
}

/** Shared items of two ascending id lists, over the shorter one: a merge. */
function sharedShare(a: Int32Array, b: Int32Array): number {
  const small = Math.min(a.length, b.length)
  if (small === 0) return 0
  let count = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      count += 1
      i += 1
      j += 1
    } else if (x < y) i += 1
    else j += 1
  }
  return count / small
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const item of small) if (large.has(item)) return true
  return false
}
