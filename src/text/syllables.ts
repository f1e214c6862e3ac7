/**
 * Vietnamese syllable tokens: the unit every score in bantin counts.
 *
 * Vietnamese writes one syllable per space-separated token and most words are
 * two syllables ("hội nghị", "quốc phòng"), so a bag of syllables plus syllable
 * bigrams approximates a bag of words without a word segmenter.
 *
 * Tokens are lowercased NFC with the two tone-placement conventions unified:
 * the 1980s reform puts the tone of open `oa`, `oe`, `uy` on the second vowel
 * (hoà, khoẻ, thuỷ) while most newsrooms keep it on the first (hòa, khỏe,
 * thủy). Both spellings appear in one corpus, often in one article, so we map
 * the reformed placement onto the traditional one.
 *
 * Pure: no runtime imports.
 */
import { STOPWORDS_VI } from './stopwords-vi.js'

/** The five Vietnamese tone marks as combining characters (NFD). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/

/** A syllable ending in a toned a, e or y (NFC): the only ones the two conventions write differently. */
const TONED_FINAL = /[àáảãạèéẻẽẹỳýỷỹỵ]$/u

/** Letters and digits: everything else separates tokens (ROUGE convention of the dev set). */
const TOKEN = /[\p{L}\p{N}]+/gu

/**
 * Open syllables ending in oa/oe/uy, where the two conventions differ.
 * `qu` + `y` is excluded: there `u` belongs to the consonant (quý, never qúy).
 */
const SHIFTABLE_RIME = /(?<!q)(o|u)(a|e|y)$/

/**
 * Put the tone of an open oa/oe/uy syllable on the first vowel.
 * Input must be lowercased; output is NFC.
 *
 * @example
 * unifyTonePlacement('hoà') // => 'hòa'
 * unifyTonePlacement('thuỷ') // => 'thủy'
 * unifyTonePlacement('quý') // => 'quý'
 */
export function unifyTonePlacement(syllable: string): string {
  // Fast path: only a toned final a/e/y can be in the wrong place.
  if (!TONED_FINAL.test(syllable)) return syllable
  const decomposed = syllable.normalize('NFD')
  const tone = TONE_MARKS.exec(decomposed)
  if (!tone) return syllable
  const bare = decomposed.replace(TONE_MARKS, '')
  const rime = SHIFTABLE_RIME.exec(bare)
  if (!rime) return syllable
  // The rime is two plain letters at the end: tone goes right after the first.
  const at = bare.length - 1
  return (bare.slice(0, at) + tone[0] + bare.slice(at)).normalize('NFC')
}

/**
 * Split text into lowercased, tone-unified syllables (letters and digits only).
 *
 * @example
 * toSyllables('Hoà bình ở TP.HCM, 5.000 người') // => ['hòa', 'bình', 'ở', 'tp', 'hcm', '5', '000', 'người']
 */
export function toSyllables(text: string): string[] {
  const tokens = text.normalize('NFC').toLowerCase().match(TOKEN)
  return tokens ? tokens.map(unifyTonePlacement) : []
}

/** Stopword entries, tone-unified like tokens. Both single syllables and multi-syllable phrases. */
const STOPWORD_SET: ReadonlySet<string> = new Set(STOPWORDS_VI.map((entry) => toSyllables(entry).join(' ')))

/**
 * Whether a syllable, or a space-joined syllable n-gram, is a Vietnamese stopword.
 *
 * @example
 * isStopword('các') // => true
 * isStopword('bởi vì') // => true
 * isStopword('khủng') // => false
 */
export function isStopword(tokens: string): boolean {
  return STOPWORD_SET.has(tokens)
}
