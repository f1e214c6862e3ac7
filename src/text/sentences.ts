/**
 * Vietnamese sentence splitting for news text.
 *
 * Rule-based, in the spirit of Punkt/ICU sentence breaking but with the cases
 * that Vietnamese news actually produces and ICU gets wrong:
 * - abbreviations before a capitalized word (TS. Nguyễn, PGS.TS. Lê, Q.1, v.v.);
 *   a period with no space after it (TP.HCM, 5.000, 2,5) is never a candidate;
 * - sentence-final punctuation inside or after closing quotes (“…” and "…");
 * - inline photo credits that a page flattens into the text with no period:
 *   `… sáng nay - Ảnh: AFP Theo Hãng tin AFP, …`, `… (Ảnh: Đỗ Tuấn Anh) Tại …`,
 *   `… của Mỹ. (Nguồn DPA) Tổ chức …`, `(Trong ảnh: Máy bay FA-50) Lý giải …`;
 * - lines with no final punctuation at all (the line is one sentence).
 *
 * Input is one paragraph of normalized text (see normalize.ts).
 * Pure: no runtime imports.
 */
import { SENTENCE_OPENERS } from './openers.generated.js'
import { isStopword, toSyllables, unifyTonePlacement } from './syllables.js'

/**
 * Tokens that end in a period without ending a sentence. Case-sensitive:
 * Vietnamese titles and units as newsrooms write them (TS = tiến sĩ, PGS =
 * phó giáo sư, ThS = thạc sĩ, TP = thành phố, Q = quận, P = phường, …) and the
 * few foreign honorifics that appear in translated wire copy.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'TP',
  'Tp',
  'TS',
  'Ts',
  'PGS',
  'GS',
  'ThS',
  'Th',
  'S',
  'BS',
  'KS',
  'CN',
  'NXB',
  'TX',
  'TT',
  'ĐH',
  'Q',
  'P',
  'H',
  'X',
  'St',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Jr',
  'Sr',
  'No',
  'Co',
  'Inc',
  'Ltd',
  'Corp',
  'v',
  'vv',
  'tr',
  'vd',
  'VD',
  'Tel',
  'ĐT',
])

/** Sentence-final punctuation, with any closing quotes or brackets on either side. */
const TERMINAL = /[”"’»)\]]*(?:[.!?]+|…|\.\.\.)[”"’»)\]]*/gu

/** What may open a sentence: a capital, a digit, an opening quote or bracket, a dash. */
const OPENER = /^[\p{Lu}\p{N}“"‘«([–—-]/u

/**
 * Labels of a photo or media credit (`Ảnh: AFP`, `Nguồn: Reuters`, `Đồ họa: USGS`),
 * optionally `minh họa` (an illustration), spelled with either tone placement.
 */
const CREDIT_LABEL = '(?:Ảnh|Nguồn|Photo|Video|Clip|Đồ họa|Đồ hoạ|Hình)(?:\\s+minh\\s+h(?:ọa|oạ))?'

/**
 * A photo credit flattened into the text: ` - Ảnh: `, `Nam- Ảnh: `, ` – Nguồn: `,
 * after a finished caption sentence (`. Ảnh: `), or straight after the
 * caption (`… hôm 28-10 Ảnh: Reuters Do thám …`): a capitalized label with a
 * colon inside a sentence is a credit.
 */
const DASH_CREDIT = new RegExp(`(?:\\s?[-–—]\\s*|\\s|(?<=[.!?]\\s)|^)${CREDIT_LABEL}\\s*:\\s*`, 'gu')

/** Where a credit starts after a finished sentence (`… nhiệm vụ. Ảnh: AFP …`): the caption before it ends there. */
const CREDIT_AFTER_SENTENCE = new RegExp(`(?<=[.!?]\\s)${CREDIT_LABEL}\\s*:`, 'gu')

/** An illustration label glued to the next sentence: `Ảnh minh họa Thủ tướng Nhật Bản …`. */
const ILLUSTRATION_LABEL = /(?:^|(?<=[.!?]\s))(?:Ảnh|Hình)\s+minh\s+h(?:ọa|oạ)\.?(?=\s+[\p{Lu}“"])/gu

/**
 * Words that open a sentence and are never capitalized mid-sentence: when one
 * follows an unpunctuated word, a caption was flattened into the text with no
 * period (`… RS-20V Voyevoda của Nga Ngày 30/10, Tổng thống …`). Time openers
 * count only before a number (`Ngày 30/10`), to spare names like "Ngày Nhà giáo".
 */
const FUSED_OPENER =
  /(?:(?:Ngày|Hôm|Sáng|Chiều|Tối|Trưa|Đêm|Rạng sáng|Tháng|Năm)\s+(?:qua\b|nay\b|\d)|Theo\s+\p{Ll}|(?:Trong khi|Tuy nhiên|Ngoài ra|Bên cạnh đó|Cùng ngày|Trước đó|Như vậy|Hiện nay)[\s,])/gu

/**
 * Syllables that open sentences and are almost never capitalized inside one
 * (from VietNews: scripts/generate-vietnews-tables.ts): `Sau`, `Đúng`,
 * `Những`, `Theo` … Capitalized right after an unpunctuated word, and not
 * followed by another capitalized word (a name: `Trên không Nhật Bản`,
 * `Theo dõi Nhân quyền` still slip through, rarely), one opens a sentence
 * that a page fused onto a caption or a crosshead: `… - Ảnh do người dân cung
 * cấp Sau cơn mưa lớn …`, `Trận đấu khá tốt của U23 VN Đúng như dự đoán …`.
 */
const OPENER_SET: ReadonlySet<string> = new Set(SENTENCE_OPENERS)

/** A space, then a capitalized word (not all capitals) that ends at a space, a comma or a colon. */
const CAPITALIZED_WORD = /\s(\p{Lu}\p{Ll}*)(?=[\s,:])/gu

/** The capitalized words a flattened credit starts with (`ảnh hưởng`, lowercase, is everywhere and never one). */
const CAPITAL_LABEL = /Ảnh|Nguồn|Photo|Video|Clip|Đồ h|Hình/u

/**
 * A related-article link a page flattened into the text (`>> Pháp, Mexico
 * giận dữ …`): the segment it opens is never reporting.
 */
const RELATED_MARK = /(?:^|\s)(?:>>|»)\s*(?=\S)/gu

/**
 * A parenthesized photo credit followed by more text: `(Ảnh: Đỗ Tuấn Anh) Tại`,
 * `(Ảnh AP)`, `(Nguồn DPA)`, `(ảnh)`. Without a colon the credit must be a
 * capitalized name or nothing, so `(ảnh hưởng …)` is not taken for one.
 */
const PAREN_CREDIT = /\((?:Ảnh|ảnh|Nguồn|nguồn|Photo|Video)(?:\s+minh\s+họa)?(?:\s*:[^()]{1,60}|\s+\p{Lu}[^()]{0,40})?\)(?=\s+[\p{Lu}“"])/gu

/** A parenthesized description of a photo: `(Trong ảnh: Máy bay FA-50 của Indonesia) Lý giải …`. */
const PAREN_PHOTO_NOTE = /\((?:Trong|trong)\s+ảnh\s*:[^()]{1,80}\)(?=\s+[\p{Lu}“"])/gu

/**
 * Longest credit name we accept after `Ảnh:` (AFP; Reuters; Getty Images;
 * Đỗ Tuấn Anh): Vietnamese full names run to four syllables.
 */
const MAX_CREDIT_TOKENS = 4

/** A sentence that ends in a photo credit (`… - Ảnh: Yahoo!.`, `… - Ảnh Theverge`, `… (ảnh: Việt Hưng).`): a caption, not reporting. */
const CAPTION_TAIL = new RegExp(`(?:[-–—]\\s*${CREDIT_LABEL}|\\(\\s*(?:${CREDIT_LABEL}|ảnh|nguồn))(?:\\s*:(?:[^.!?]|[.!](?=\\S)){0,60}|\\s+\\p{Lu}[^.!?:]{0,40})\\)?[.!]*$`, 'u')

/** A credit on its own: `Ảnh: AFP`, `(Nguồn: Reuters)`, `Ảnh: Telegraph.`, `Ảnh minh họa`. */
const CREDIT_ONLY = new RegExp(`^\\(?${CREDIT_LABEL}(?:\\s*:(?:[^.!?]|\\.(?=\\S)){0,60})?\\)?[.!]?$`, 'u')

/**
 * A related-article link (`>> …`, `» …`), a leading all-capitals label
 * (`TIN BÀI LIÊN QUAN: …`, or without its colon: `TIN LIÊN QUAN HLV Arsene
 * Wenger thừa nhận …`, the linked headlines run together), or a photo
 * described by what it shows (`Ảnh Góa phụ Trắng khoe con trai …`, `Ảnh -
 * Đối tượng trong các vụ án …`, `Ảnh chụp màn hình tài khoản Twitter của CCTV
 * …`; `ảnh hưởng` is lowercase and never matches). What a photo shows
 * (`Ảnh chụp vệ tinh … cho thấy …`) is reporting. In VietNews (40,000 train
 * articles) the `Ảnh chụp` rule takes 150 of the 159 captions that open so,
 * and 12 of the 19 body sentences, most of them captions left in the body
 * (`Ảnh chụp hàng ngàn ôtô Volkswagen và Audi nằm bên ngoài sân bay …`).
 */
const LINK_OR_LABEL = /^(?:>>|»|\p{Lu}{2,}(?:\s+\p{Lu}{2,}){1,3}\s*:|(?:Ảnh|Hình)\s+(?:[-–—]\s+)?\p{Lu}|Ảnh\s+chụp\s(?!.*\scho\s+thấy\s)|(?:TIN BÀI|TIN|BÀI VIẾT|BÀI) LIÊN QUAN\b|(?:XEM|ĐỌC) THÊM\b)/u

/**
 * Longest sentence, in words. A run of text without sentence punctuation (a
 * table flattened into one line, a page with no periods) is cut into pieces
 * no longer than this, at a comma or semicolon when there is one, so that no
 * unit a summary quotes or a splitter scans is unbounded. In the dev set's
 * bodies the 99th percentile is 101 words and the longest sentence 175, so
 * 200 never cuts a real sentence.
 */
export const MAX_SENTENCE_WORDS = 200

/** A sentence of a paragraph, and whether it is a photo caption rather than reporting. */
export type Sentence = { text: string; caption: boolean }

/** Why a paragraph is cut at some offset; `caption` cuts end a caption segment. */
type Cut = { at: number; caption: boolean }

/**
 * Split a paragraph into sentences, keeping every character of the original
 * except the spaces between sentences.
 *
 * @example
 * splitSentences('PGS.TS. Lê Văn A nói 5.000 người đến TP.HCM. Họ về.')
 * // => ['PGS.TS. Lê Văn A nói 5.000 người đến TP.HCM.', 'Họ về.']
 */
export function splitSentences(paragraph: string): string[] {
  return segmentSentences(paragraph).map((sentence) => sentence.text)
}

/**
 * Split a paragraph into sentences and mark the photo captions among them:
 * a credit (`Ảnh: AFP`), the caption sentence right before a credit, and
 * unpunctuated text that a page fused onto the next sentence.
 *
 * @example
 * segmentSentences('Một chuyên gia OPCW làm nhiệm vụ. Ảnh: AFP Người phát ngôn nói vậy.')
 * // => [{ text: 'Một chuyên gia OPCW làm nhiệm vụ.', caption: true }, { text: 'Ảnh: AFP', caption: true }, { text: 'Người phát ngôn nói vậy.', caption: false }]
 */
export function segmentSentences(paragraph: string): Sentence[] {
  const text = paragraph.trim()
  if (text === '') return []
  const cuts = [...terminalCuts(text), ...creditCuts(text), ...fusedCuts(text), ...relatedCuts(text)].sort((a, b) => a.at - b.at || Number(b.caption) - Number(a.caption))
  const sentences: Sentence[] = []
  let start = 0
  for (const cut of cuts) {
    if (cut.at <= start) {
      // Two cuts at one offset: the segment before is a caption if either says so.
      const last = sentences.at(-1)
      if (cut.at === start && cut.caption && last !== undefined) last.caption = true
      continue
    }
    const sentence = text.slice(start, cut.at).trim()
    if (sentence !== '') sentences.push({ text: sentence, caption: cut.caption || isCaption(sentence) })
    else if (cut.caption && sentences.length > 0) (sentences.at(-1) as Sentence).caption = true
    start = cut.at
  }
  const rest = text.slice(start).trim()
  if (rest !== '') sentences.push({ text: rest, caption: isCaption(rest) })
  return sentences.flatMap(boundLength)
}

/** A sentence cut into pieces of at most MAX_SENTENCE_WORDS words (see the constant). */
function boundLength(sentence: Sentence): Sentence[] {
  // Fewer characters than two per word allowed cannot hold too many words.
  if (sentence.text.length < 2 * MAX_SENTENCE_WORDS) return [sentence]
  const words = sentence.text.split(' ')
  if (words.length <= MAX_SENTENCE_WORDS) return [sentence]
  const pieces: Sentence[] = []
  let start = 0
  while (start < words.length) {
    let end = Math.min(words.length, start + MAX_SENTENCE_WORDS)
    if (end < words.length) {
      // Prefer to end a piece after a comma or semicolon in its second half.
      for (let i = end - 1; i > start + MAX_SENTENCE_WORDS / 2; i--) {
        if (/[,;:]$/.test(words[i] ?? '')) {
          end = i + 1
          break
        }
      }
    }
    pieces.push({ text: words.slice(start, end).join(' '), caption: sentence.caption })
    start = end
  }
  return pieces
}

/**
 * Whether a sentence is a photo caption or credit (`… - Ảnh: AFP`), which a
 * summary should never quote.
 *
 * @example
 * isCaption('Người biểu tình ở Phnom Penh - Ảnh: AFP') // => true
 */
export function isCaption(sentence: string): boolean {
  return CAPTION_TAIL.test(sentence) || CREDIT_ONLY.test(sentence) || LINK_OR_LABEL.test(sentence)
}

/** Offsets just after sentence-final punctuation that is followed by a new sentence. */
function terminalCuts(text: string): Cut[] {
  const cuts: Cut[] = []
  for (const match of text.matchAll(TERMINAL)) {
    const end = match.index + match[0].length
    // A new sentence follows after whitespace (looked at in place: slicing the rest of a long paragraph per period is quadratic).
    let next = end
    while (next < text.length && /\s/.test(text.charAt(next))) next += 1
    if (next === end || next === text.length) continue
    if (!OPENER.test(text.charAt(next))) continue
    if (match[0] === '.' && endsWithAbbreviation(text.slice(0, match.index))) continue
    // `“Tôi… Tôi không biết”`: an ellipsis inside an open quotation is a pause, not an end.
    if (/^(?:…|\.\.\.)$/.test(match[0]) && insideQuote(text, match.index)) continue
    cuts.push({ at: end, caption: false })
  }
  return cuts
}

/** Whether a curly quotation opened before `at` is still open there (the quote closes after it). */
function insideQuote(text: string, at: number): boolean {
  const open = text.lastIndexOf('“', at)
  return open !== -1 && text.lastIndexOf('”', at) < open && text.indexOf('”', at) !== -1
}

/** Whether the text before a lone period ends in an abbreviation or an initial. */
function endsWithAbbreviation(before: string): boolean {
  // Walk back to the token start (a regex anchored at the end would rescan the whole prefix).
  let start = before.length
  while (start > 0 && !/[\s(“"]/u.test(before[start - 1] ?? ' ')) start -= 1
  const token = before.slice(start)
  if (token === '') return false
  // `v.v.` (and so on) closes an enumeration: before a capital, the sentence ends.
  if (token === 'v.v') return false
  // `40 độ C.`: a unit letter after `độ` is not an initial.
  if (/^[CFK]$/.test(token) && /\sđộ\s*$/u.test(before.slice(Math.max(0, start - 5), start))) return false
  // PGS.TS, Th.S, v.v: every dotted part must be a known abbreviation.
  return token.split('.').every((part) => ABBREVIATIONS.has(part) || isInitial(part))
}

/**
 * A single capital letter, as an initial (`ông M.`, `V.I. Lenin`, `Đ.`) — not
 * one with a tone mark, which is a whole syllable: `Ảnh: Như Ý. Từ bức thư
 * …` ends a photographer's name and a sentence.
 */
function isInitial(part: string): boolean {
  return /^\p{Lu}$/u.test(part) && !/[\u0300\u0301\u0303\u0309\u0323]/u.test(part.normalize('NFD'))
}

/** Offsets just after a flattened photo credit, where the next sentence starts. */
function creditCuts(text: string): Cut[] {
  const cuts: Cut[] = []
  // Most paragraphs credit no photo: cheap scans for the words each pattern needs before the pattern.
  const labelled = CAPITAL_LABEL.test(text)
  if (labelled) for (const match of text.matchAll(CREDIT_AFTER_SENTENCE)) cuts.push({ at: match.index, caption: true })
  if (text.includes('minh h')) for (const match of text.matchAll(ILLUSTRATION_LABEL)) cuts.push({ at: match.index, caption: false }, { at: match.index + match[0].length, caption: true })
  if (text.includes('(')) {
    for (const match of text.matchAll(PAREN_PHOTO_NOTE)) {
      cuts.push({ at: match.index, caption: false }, { at: match.index + match[0].length, caption: true })
    }
    for (const match of text.matchAll(PAREN_CREDIT)) {
      cuts.push({ at: match.index + match[0].length, caption: true })
      // `Một chiếc UAV của Mỹ. (Nguồn DPA) Tổ chức …`: the sentence before the credit is its caption.
      if (/[.!?]\s+$/u.test(text.slice(Math.max(0, match.index - 2), match.index))) cuts.push({ at: match.index, caption: true })
    }
  }
  if (labelled) {
    for (const match of text.matchAll(DASH_CREDIT)) {
      const end = creditNameEnd(text, match.index + match[0].length)
      if (end !== null) cuts.push({ at: end, caption: true })
    }
  }
  return cuts
}

/** Offsets where a related-article link or label starts: the sentence before it ends there, and the link's segment is marked by isCaption. */
function relatedCuts(text: string): Cut[] {
  const cuts: Cut[] = []
  if (text.includes('>>') || text.includes('»')) for (const match of text.matchAll(RELATED_MARK)) cuts.push({ at: match.index + (match[0].startsWith(' ') ? 1 : 0), caption: false })
  if (text.includes('LIÊN QUAN') || text.includes('THÊM')) for (const match of text.matchAll(RELATED_LABEL)) cuts.push({ at: match.index + 1, caption: false })
  return cuts
}

/** An all-capitals related-articles label inside a paragraph: `… bởi chấn thương TIN LIÊN QUAN HLV Arsene Wenger …`. */
const RELATED_LABEL = /\s(?:(?:TIN BÀI|TIN|BÀI VIẾT|BÀI) LIÊN QUAN|(?:XEM|ĐỌC) THÊM)\b/gu

/**
 * Offsets where a caption without punctuation was fused onto the next
 * sentence: an opener (FUSED_OPENER) right after a space that follows a letter
 * or digit. (The pattern starts at the opener's capital and the context is
 * checked here: a look-behind tried at every character was the splitter's
 * slowest step.)
 */
function fusedCuts(text: string): Cut[] {
  const cuts: Cut[] = []
  for (const match of text.matchAll(FUSED_OPENER)) {
    const at = match.index
    if (at < 2 || !/\s/.test(text.charAt(at - 1))) continue
    let before = at - 1
    while (before > 0 && /\s/.test(text.charAt(before))) before -= 1
    if (/[\p{L}\p{N}]/u.test(text.charAt(before))) cuts.push({ at, caption: true })
  }
  for (const match of text.matchAll(CAPITALIZED_WORD)) {
    const word = match[1] as string
    const at = match.index + 1
    if (!OPENER_SET.has(unifyTonePlacement(word.toLowerCase()))) continue
    // The word before: lowercase or a number (not a name), ending in a letter or digit (no punctuation).
    const previous = wordBefore(text, at)
    if (previous === null || !/^[\p{Ll}\p{N}]/u.test(previous) || !/[\p{L}\p{N}]$/u.test(previous)) continue
    // The word after: not capitalized, or the two are one name (`Sông Tranh`, `Người Lao Động`).
    if (/^\s+\p{Lu}/u.test(text.slice(at + word.length, at + word.length + 4))) continue
    cuts.push({ at, caption: true })
  }
  return cuts
}

/**
 * Whether a sentence may hold a caption or crosshead fused onto it that the
 * splitter left whole: a sentence opener (OPENER_SET) capitalized after a
 * word of any case ending in a letter, digit or `)`, before a lowercase word
 * (`… Thượng Hải Masters Mọi thứ đã …`, `… (từ trái qua phải) Theo đó, …`).
 * The splitter cuts only after a lowercase word: after a capitalized one the
 * opener is as often a personal name (`Nguyễn Văn Được (20 tuổi)`), and a
 * cut would drop half a sentence as a caption. Callers that only prefer a
 * sentence (a lede quoted cut, summarize/select.ts) can afford the doubt.
 *
 * @example
 * mayHoldFusedCaption('Trận đấu khá tốt của U23 VN Đúng như dự đoán, đội nhà thắng.') // => true
 * mayHoldFusedCaption('Nguyễn Văn An (20 tuổi) bị bắt.') // => false
 */
export function mayHoldFusedCaption(sentence: string): boolean {
  for (const match of sentence.matchAll(CAPITALIZED_WORD)) {
    const word = match[1] as string
    const at = match.index + 1
    if (!OPENER_SET.has(unifyTonePlacement(word.toLowerCase()))) continue
    const previous = wordBefore(sentence, at)
    if (previous === null || !/[\p{L}\p{N})]$/u.test(previous)) continue
    if (/^\s+\p{Ll}/u.test(sentence.slice(at + word.length, at + word.length + 4))) return true
  }
  return false
}

/** The whitespace-delimited word that ends before the whitespace before `at`, or null at the start. */
function wordBefore(text: string, at: number): string | null {
  let end = at
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end -= 1
  let start = end
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start -= 1
  return start === end ? null : text.slice(start, end)
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
  let previousEnd: number | null = null
  let lastWord = ''
  let count = 0
  // End of a leading run of all-capitals tokens (AFP, AFP/TTXVN, ANH HÒA), or null.
  let acronymEnd: number | null = null
  let inAcronym = true
  for (let token = tokenPattern.exec(text); token; token = tokenPattern.exec(text)) {
    const word = token[0]
    // `Nguồn: scmp.com Ông …`: a lowercase host name is a credit too.
    const capitalized = /^[\p{Lu}\p{N}]/u.test(word) || (count === 0 && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|vn|net|org|info|tv)$/i.test(word))
    // `Ảnh: KCNA KCNA dẫn lời …`: the agency credited, then named again as the subject.
    if (count > 0 && word === lastWord) return end
    // `Ảnh: Hoàng Hải - TTXVN Tại buổi tiếp …`: a dash between the photographer and the agency.
    if (count > 0 && /^[-–—]$/u.test(word)) continue
    const opensSentence = count > 0 && (isStopword(toSyllables(word).join(' ')) || !capitalized)
    if (opensSentence || count === MAX_CREDIT_TOKENS) {
      if (capitalized || /^[“"]/.test(word)) return end
      if (count >= 2 && /^\p{Ll}/u.test(word) && acronymEnd !== null && acronymEnd !== end) {
        // `Ảnh: AFP Đức Giáo hoàng …`: an agency's acronym is the whole credit;
        // the capitalized words after it opened the sentence.
        return acronymEnd
      }
      // `Ảnh: Sky News Cảnh sát tìm thấy …`: a lowercase syllable continues the
      // word whose first syllable opened the sentence, so the credit ended one
      // token earlier. A credit is at least one token.
      return count >= 2 && /^\p{Ll}/u.test(word) && /^\p{Lu}\p{Ll}*$/u.test(lastWord) ? previousEnd : null
    }
    if (!capitalized || /[.!?]$/.test(word)) return null
    previousEnd = end
    lastWord = word
    end = token.index + word.length
    // Capitals, digits, `/` and `-` only, with at least two capitals.
    inAcronym = inAcronym && /^[\p{Lu}\p{N}/-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word)
    if (inAcronym) acronymEnd = end
    count += 1
  }
  return null
}
