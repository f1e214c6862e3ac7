/**
 * Search tokens: each syllable of a text with where it is, its exact form and
 * its folded form. The index, the query and the highlighter all tokenize
 * through here, so what is found is what gets highlighted.
 *
 * - exact: lowercased NFC with the two tone placements unified (hoà → hòa,
 *   thuỷ → thủy; `unifyTonePlacement`, the same rule the summarizer and the
 *   grouping count syllables by).
 * - folded: the exact form without any diacritic — NFD, combining marks
 *   dropped, `đ → d`. SQLite's `unicode61 remove_diacritics 2` leaves `đ`
 *   alone (it is a letter of its own, not d plus a mark), so folding happens
 *   here, before text reaches FTS5, for the index and the query alike.
 *
 * A token is a run of letters and digits (`\p{L}\p{N}`), as in `toSyllables`;
 * everything else separates tokens. Offsets are UTF-16 code units into the
 * text as given (JavaScript string indices).
 *
 * Pure: no runtime imports.
 */
import { unifyTonePlacement } from '../text/syllables.js'
import { pairTokenOf } from './match.js'

/** One syllable of a text, with its span and both forms. */
export type SearchToken = { start: number; end: number; exact: string; folded: string }

/** Letters and digits: the same token definition as `toSyllables`. */
const TOKEN = /[\p{L}\p{N}]+/gu

/** Combining marks left by NFD: tones, breve, circumflex, horn (and any other script's). */
const COMBINING_MARKS = /\p{M}/gu

/**
 * The syllables of a text with their spans. The text should be NFC (stored
 * articles are): a decomposed mark separates tokens, as in `toSyllables`.
 *
 * @example
 * searchTokensOf('Hoà Bình, Đà Nẵng')
 * // => [{ start: 0, end: 3, exact: 'hòa', folded: 'hoa' }, { start: 4, end: 8, exact: 'bình', folded: 'binh' },
 * //     { start: 10, end: 12, exact: 'đà', folded: 'da' }, { start: 13, end: 17, exact: 'nẵng', folded: 'nang' }]
 */
export function searchTokensOf(text: string): SearchToken[] {
  const tokens: SearchToken[] = []
  for (const match of text.matchAll(TOKEN)) {
    const { exact, folded } = formsOf(match[0])
    tokens.push({ start: match.index, end: match.index + match[0].length, exact, folded })
  }
  return tokens
}

/**
 * Distinct raw tokens whose forms are remembered. Normalizing costs about a
 * microsecond a token, which made tokenizing a body for its snippet cost
 * 0.4 ms; an archive's vocabulary (syllables in their spellings and cases)
 * is a few tens of thousands, so a lookup replaces nearly all of that work.
 * Past the limit the memory starts again: bounded, and the result is the same.
 */
const MAX_REMEMBERED_TOKENS = 50_000

const rememberedForms = new Map<string, { exact: string; folded: string }>()

function formsOf(raw: string): { exact: string; folded: string } {
  let forms = rememberedForms.get(raw)
  if (forms === undefined) {
    if (rememberedForms.size >= MAX_REMEMBERED_TOKENS) rememberedForms.clear()
    const exact = exactFormOf(raw)
    forms = { exact, folded: foldSyllable(exact) }
    rememberedForms.set(raw, forms)
  }
  return forms
}

/**
 * A syllable's exact form: NFC, lowercase, tone placement unified.
 *
 * @example
 * exactFormOf('HOÀ') // => 'hòa'
 */
export function exactFormOf(syllable: string): string {
  return unifyTonePlacement(syllable.normalize('NFC').toLowerCase())
}

/**
 * A syllable without diacritics: NFC, then each character folded (`foldText`).
 *
 * @example
 * foldSyllable('Đường') // => 'duong'
 * foldSyllable('nghiêng') // => 'nghieng'
 */
export function foldSyllable(syllable: string): string {
  return foldText(syllable.normalize('NFC'))
}

/**
 * Fold a text character by character: lowercase, NFD, combining marks
 * dropped, đ → d — wherever that leaves one UTF-16 unit for one (every
 * Vietnamese letter does). A character that would become more or fewer
 * (a Hangul syllable, a lone combining mark) stays as it is, lowercased when
 * that is one unit too. So the folded text has the length of the text, and
 * an offset found in one is an offset in the other: snippets look for the
 * query's folded syllables in the folded body with `indexOf`.
 *
 * @example
 * foldText('Thuỷ điện Hoà Bình') // => 'thuy dien hoa binh'
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase()
  // When lowercasing changed a character's length (rare), the text is folded as given.
  const source = lower.length === text.length ? lower : text
  // Unit by unit through a table: a snippet folds each result's body, and a
  // replace() calling back for every non-ASCII character (a third of a
  // Vietnamese text) cost ~100 µs a body.
  const units = new Uint16Array(source.length)
  let surrogates = false
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i)
    if (unit >= 0x41 && foldedUnits[unit] === 0) foldedUnits[unit] = foldUnit(unit)
    units[i] = unit < 0x41 ? unit : (foldedUnits[unit] ?? unit)
    if (unit >= 0xd800 && unit <= 0xdfff) surrogates = true
  }
  // Units to a string at once (`String.fromCharCode` over slices took as long again as folding), unless a
  // surrogate is among them: the decoder would replace a lone one, and the text would not stay as it is.
  if (!surrogates) return UTF16.decode(units)
  let folded = ''
  for (let at = 0; at < units.length; at += UNITS_PER_CALL) folded += String(Reflect.apply(String.fromCharCode, null, units.subarray(at, at + UNITS_PER_CALL)))
  return folded
}

const UTF16 = new TextDecoder('utf-16le')

/** Units per `String.fromCharCode` call: well under any engine's limit on arguments. */
const UNITS_PER_CALL = 4096

/** Each UTF-16 unit's folded unit (0: not yet known), filled as units are met. */
const foldedUnits = new Uint16Array(0x10000)

/** One unit folded to one unit: lowercase, marks dropped, đ → d; kept lowercased or as it is when that would not be one unit. */
function foldUnit(code: number): number {
  const unit = String.fromCharCode(code)
  const lower = unit.toLowerCase()
  const bare = lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd')
  return (bare.length === 1 ? bare : lower.length === 1 ? lower : unit).charCodeAt(0)
}

/**
 * The text FTS5 indexes for one field: its exact syllables, its folded ones,
 * and each pair of adjacent folded syllables as one token (match.ts), each
 * list joined by single spaces, so the tokenizer sees exactly our tokens.
 *
 * @example
 * indexFormsOf('Hoà bình Hà Nội') // => { exact: 'hòa bình hà nội', folded: 'hoa binh ha noi', pairs: 'hoa_binh binh_ha ha_noi' }
 */
export function indexFormsOf(text: string): { exact: string; folded: string; pairs: string } {
  const tokens = searchTokensOf(text.normalize('NFC'))
  const pairs = tokens.slice(1).map((token, i) => pairTokenOf(tokens[i]?.folded ?? '', token.folded))
  return { exact: tokens.map((token) => token.exact).join(' '), folded: tokens.map((token) => token.folded).join(' '), pairs: pairs.join(' ') }
}

/**
 * The two fields of an article that search reads: its title, and its body as
 * the lead and the paragraphs, one per line. The index and the snippets read
 * the same text, so a snippet's offsets are offsets into what was indexed.
 *
 * @example
 * searchFieldsOf({ title: 'Tin', lead: 'Mở đầu.', paragraphs: ['Một.', 'Hai.'] }) // => { title: 'Tin', body: 'Mở đầu.\nMột.\nHai.' }
 */
export function searchFieldsOf(article: { title: string; lead: string | null; paragraphs: readonly string[] }): { title: string; body: string } {
  return { title: article.title, body: (article.lead === null ? article.paragraphs : [article.lead, ...article.paragraphs]).join('\n') }
}
