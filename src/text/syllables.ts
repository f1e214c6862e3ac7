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

/** Toned a, e and y (NFC): a syllable ending in one is the only kind the two conventions write differently. */
const TONED_FINALS: ReadonlySet<string> = new Set('àáảãạèéẻẽẹỳýỷỹỵ')

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
  // Fast path: only a toned final a/e/y can be in the wrong place, and every one is above U+00DF.
  if (syllable.charCodeAt(syllable.length - 1) < 0xe0 || !TONED_FINALS.has(syllable.charAt(syllable.length - 1))) return syllable
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
  const lower = text.normalize('NFC').toLowerCase()
  const tokens: string[] = []
  let start = -1
  for (let i = 0; i <= lower.length; i++) {
    const inToken = i < lower.length && isWordChar(lower, i)
    if (inToken && start === -1) start = i
    else if (!inToken && start !== -1) {
      tokens.push(unifyTonePlacement(lower.slice(start, i)))
      start = -1
    }
  }
  return tokens
}

/**
 * Whether the character at `i` is a letter or digit — a token is a run of
 * them and everything else separates tokens (the dev set's ROUGE convention) — tested
 * by code point range for ASCII and the Latin blocks Vietnamese is written
 * in — scanning a sentence char by char beats a Unicode-property regex
 * several times over — and by the regex for anything else.
 */
export function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
  // Latin-1 letters (not × ÷), Latin Extended-A and -B, Latin Extended Additional (ạ … ỹ).
  if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)) return true
  // Surrogate pairs and everything else: ask the Unicode properties.
  const char = String.fromCodePoint(text.codePointAt(i) ?? code)
  if (code >= 0xdc00 && code <= 0xdfff) return /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i - 1) ?? code))
  return /^[\p{L}\p{N}]/u.test(char)
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
