/**
 * Vietnamese sentence splitting for news text.
 *
 * Rule-based, in the spirit of Punkt/ICU sentence breaking but with the cases
 * that Vietnamese news actually produces and ICU gets wrong:
 * - abbreviations before a capitalized word (TS. Nguyễn, PGS.TS. Lê, Q.1, v.v.);
 *   a period with no space after it (TP.HCM, 5.000, 2,5) is never a candidate;
 * - sentence-final punctuation inside or after closing quotes (“…” and "…");
 * - inline photo credits that a page flattens into the text with no period:
 *   `… sáng nay - Ảnh: AFP Theo Hãng tin AFP, …`, `… (Ảnh: Đỗ Tuấn Anh) Tại …`;
 * - lines with no final punctuation at all (the line is one sentence).
 *
 * Input is one paragraph of normalized text (see normalize.ts).
 * Pure: no runtime imports.
 */
import { isStopword, toSyllables } from './syllables.js'

/**
 * Tokens that end in a period without ending a sentence. Case-sensitive:
 * Vietnamese titles and units as newsrooms write them (TS = tiến sĩ, PGS =
 * phó giáo sư, ThS = thạc sĩ, TP = thành phố, Q = quận, P = phường, …) and the
 * few foreign honorifics that appear in translated wire copy.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'TP', 'Tp', 'TS', 'Ts', 'PGS', 'GS', 'ThS', 'Th', 'S', 'BS', 'KS', 'CN', 'NXB', 'TX', 'TT', 'ĐH',
  'Q', 'P', 'H', 'X', 'St', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Jr', 'Sr', 'No', 'Co', 'Inc', 'Ltd', 'Corp',
  'v', 'vv', 'tr', 'vd', 'VD', 'Tel', 'ĐT',
])

/** Sentence-final punctuation, with any closing quotes or brackets on either side. */
const TERMINAL = /[”"’»)\]]*(?:[.!?]+|…|\.\.\.)[”"’»)\]]*/gu

/** What may open a sentence: a capital, a digit, an opening quote or bracket, a dash. */
const OPENER = /^[\p{Lu}\p{N}“"‘«(\[–—-]/u

/** A photo credit flattened into the text: ` - Ảnh: `, ` – Nguồn: `. */
const DASH_CREDIT = /\s[-–—]\s*(?:Ảnh|Nguồn|Photo|Video|Clip)(?:\s+minh\s+họa)?\s*:\s*/gu

/** A parenthesized photo credit followed by more text: `(Ảnh: Đỗ Tuấn Anh) Tại`. */
const PAREN_CREDIT = /\((?:Ảnh|Nguồn|Photo|Video)(?:\s+minh\s+họa)?\s*:[^()]{1,60}\)(?=\s+[\p{Lu}“"])/gu

/**
 * Longest credit name we accept after `Ảnh:` (AFP; Reuters; Getty Images;
 * Đỗ Tuấn Anh): Vietnamese full names run to four syllables.
 */
const MAX_CREDIT_TOKENS = 4

/** A sentence that is only a photo caption or credit, not reporting. */
const CAPTION_TAIL = /(?:[-–—]\s*|\(\s*)(?:Ảnh|Nguồn|Photo|Video|Clip)(?:\s+minh\s+họa)?\s*:[^.!?]{0,60}\)?$/u

/**
 * Split a paragraph into sentences, keeping every character of the original
 * except the spaces between sentences.
 *
 * @example
 * splitSentences('PGS.TS. Lê Văn A nói 5.000 người đến TP.HCM. Họ về.')
 * // => ['PGS.TS. Lê Văn A nói 5.000 người đến TP.HCM.', 'Họ về.']
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim()
  if (text === '') return []
  const cuts = [...terminalCuts(text), ...creditCuts(text)].sort((a, b) => a - b)
  const sentences: string[] = []
  let start = 0
  for (const cut of cuts) {
    if (cut <= start) continue
    const sentence = text.slice(start, cut).trim()
    if (sentence !== '') sentences.push(sentence)
    start = cut
  }
  const rest = text.slice(start).trim()
  if (rest !== '') sentences.push(rest)
  return sentences
}

/**
 * Whether a sentence is a photo caption or credit (`… - Ảnh: AFP`), which a
 * summary should never quote.
 *
 * @example
 * isCaption('Người biểu tình ở Phnom Penh - Ảnh: AFP') // => true
 */
export function isCaption(sentence: string): boolean {
  return CAPTION_TAIL.test(sentence)
}

/** Offsets just after sentence-final punctuation that is followed by a new sentence. */
function terminalCuts(text: string): number[] {
  const cuts: number[] = []
  for (const match of text.matchAll(TERMINAL)) {
    const end = match.index + match[0].length
    const after = text.slice(end)
    if (after === '' || !/^\s/.test(after)) continue
    if (!OPENER.test(after.trimStart())) continue
    if (match[0] === '.' && endsWithAbbreviation(text.slice(0, match.index))) continue
    cuts.push(end)
  }
  return cuts
}

/** Whether the text before a lone period ends in an abbreviation or an initial. */
function endsWithAbbreviation(before: string): boolean {
  const token = /[^\s(“"]+$/u.exec(before)?.[0]
  if (token === undefined) return false
  // PGS.TS, Th.S, v.v: every dotted part must be a known abbreviation.
  return token.split('.').every((part) => ABBREVIATIONS.has(part) || /^\p{Lu}$/u.test(part))
}

/** Offsets just after a flattened photo credit, where the next sentence starts. */
function creditCuts(text: string): number[] {
  const cuts: number[] = []
  for (const match of text.matchAll(PAREN_CREDIT)) cuts.push(match.index + match[0].length)
  for (const match of text.matchAll(DASH_CREDIT)) {
    const end = creditNameEnd(text, match.index + match[0].length)
    if (end !== null) cuts.push(end)
  }
  return cuts
}

/**
 * Where a credit name that starts at `from` ends, when a new sentence follows it:
 * capitalized tokens, at most MAX_CREDIT_TOKENS, stopping before a token that
 * is a stopword (Theo, Tại, Trong… open sentences, never names).
 */
function creditNameEnd(text: string, from: number): number | null {
  const tokenPattern = /\S+/gu
  tokenPattern.lastIndex = from
  let end: number | null = null
  let count = 0
  for (let token = tokenPattern.exec(text); token; token = tokenPattern.exec(text)) {
    const word = token[0]
    const capitalized = /^[\p{Lu}\p{N}]/u.test(word)
    const opensSentence = count > 0 && (isStopword(toSyllables(word).join(' ')) || !capitalized)
    if (opensSentence || count === MAX_CREDIT_TOKENS) {
      return capitalized || /^[“"]/.test(word) ? end : null
    }
    if (!capitalized || /[.!?]$/.test(word)) return null
    end = token.index + word.length
    count += 1
  }
  return null
}
