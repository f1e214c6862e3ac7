/**
 * Unicode and whitespace normalization for Vietnamese text as delivered by
 * news sites: mixed NFC/NFD (macOS copy-paste and some CMSes emit decomposed
 * diacritics), non-breaking and zero-width spaces, Windows line endings.
 *
 * Everything downstream (hashing, dedupe, tokens, sentence splitting) assumes
 * the output of `normalizeText`, so two deliveries of one article that differ
 * only in encoding details normalize to the same string.
 *
 * Pure: no runtime imports.
 */

/** Zero-width characters some CMSes leave between syllables (ZWSP, ZWNJ, ZWJ, BOM). */
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g

/** Horizontal spaces other than U+0020 (tab, NBSP, en/em/thin spaces, ideographic space). */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/**
 * Normalize a whole document: NFC, `\n` line endings, plain spaces, no
 * zero-width characters, runs of spaces folded, each line trimmed.
 * Blank lines are kept (they separate paragraphs).
 *
 * @example
 * normalizeText('Ho\u0300a  bi\u0300nh\r\n') // => 'Hòa bình\n'
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
}

/**
 * Normalize one line of text (a title, a field): as `normalizeText`, with
 * line breaks folded into spaces.
 *
 * @example
 * normalizeLine('  Tin\n nóng ') // => 'Tin nóng'
 */
export function normalizeLine(raw: string): string {
  return normalizeText(raw).replace(/\n+/g, ' ').replace(/ {2,}/g, ' ').trim()
}

/**
 * Count words as the API defines them: whitespace-separated syllables.
 *
 * @example
 * countWords('Hội nghị ở TP.HCM') // => 4
 */
export function countWords(text: string): number {
  // One pass counting where words start: no trimmed copy, no array of words.
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const space =
      code === 32 ||
      (code >= 9 && code <= 13) ||
      code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff
    if (!space && !inWord) words += 1
    inWord = !space
  }
  return words
}

/**
 * The words of a text folded to lowercase ASCII for URLs: diacritics
 * dropped, đ → d, anything but letters and digits separating words. The
 * slugs of stories and outlets are made of these.
 *
 * @example
 * asciiWordsOf('Đà Nẵng: Liên quân') // => ['da', 'nang', 'lien', 'quan']
 */
export function asciiWordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}
