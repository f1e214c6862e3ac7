/**
 * Turn a Vietnamese news article, as a page delivers it, into clean parts:
 * title, lead (sapo), body paragraphs, photo captions, the closing source credit
 * and an optional publication date.
 *
 * Raw text (`parseArticleText`) looks like the seeds in data/: an optional
 * `date YYYY-MM[-DD]` marker, a title line, paragraphs, inline captions, a
 * closing credit such as `(TTXVN/Vietnam+)`, then site furniture ("Tin cùng
 * chuyên mục", "Tin liên quan") that we cut with everything after it.
 * Structured input (`cleanParagraphs`) goes through the same paragraph cleaning.
 *
 * Pure: no runtime imports. "No article here" is a value (`null`), not an exception.
 */
import { stripDateline } from './dateline.js'
import { normalizeLine, normalizeText } from './normalize.js'
import { isCaption, splitSentences } from './sentences.js'

/** The parts of an article the parser recovers. */
export type ParsedArticle = {
  title: string
  /** True when the text had no title line and the title was built from its first sentence. */
  titleDerived: boolean
  lead: string | null
  paragraphs: string[]
  captions: string[]
  /** The outlet: named by the dateline tag (`TTO - `), else by the closing credit, else null. */
  source: string | null
  /** `YYYY-MM` or `YYYY-MM-DD` from a leading `date` marker, else null. */
  publishedAt: string | null
}

/** Paragraphs after cleaning, with what was moved out of them. */
export type CleanParagraphs = {
  paragraphs: string[]
  captions: string[]
  /** The closing credit's outlet (`(TTXVN/Vietnam+)`, `(Theo Reuters)`), else null. */
  source: string | null
}

/**
 * Headings of site furniture that follow the article on Vietnamese news pages.
 * A line that is one of these (alone, short) ends the article.
 */
const BOILERPLATE_HEADINGS = [
  'tin cùng chuyên mục',
  'tin liên quan',
  'bài liên quan',
  'xem thêm',
  'đọc thêm',
  'tin khác',
  'tin mới nhất',
  'tin mới',
  'tin nổi bật',
  'tin đọc nhiều',
  'đọc nhiều nhất',
  'có thể bạn quan tâm',
  'bạn có thể quan tâm',
  'các tin khác',
  'bài viết liên quan',
  'chủ đề liên quan',
  'từ khóa',
  'tags',
  'bình luận',
  'ý kiến bạn đọc',
  'gửi bình luận',
  'chia sẻ',
  'video liên quan',
  'tin ảnh',
]

/**
 * A line that points to another article — `>> Pháp, Mexico giận dữ …`,
 * `Xem thêm: …`, `Tin liên quan: …`, `Clip: …`, `Video: …` — is never part of
 * this one; it is dropped (unlike a heading alone, it does not end the article).
 * Only a line of a headline's length: a longer one is a body flattened onto
 * one line, where the sentence splitter marks the link instead.
 */
const RELATED_LINE = /^(?:>>|»|›|(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|tin cùng chuyên mục|clip|video|mời xem|xem clip|xem video)\s*[:>»-])/iu

/**
 * A heading line is short: longer lines that merely start with "Xem thêm" are
 * prose. 8 syllables covers "Có thể bạn quan tâm:" and its variants.
 */
const MAX_HEADING_WORDS = 8

/** A leading `date 2017-03` / `date 2017-03-05` marker (seed 001 has one, inline with text). */
const DATE_MARKER = /^date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*/iu

/**
 * Inline image of vietnamplus-style pages: the alt text (usually the title)
 * then `ảnh N` glued to the caption: `Liên quân … IS ảnh 1Bộ trưởng … Carter.`
 */
const INLINE_IMAGE = /\sảnh \d+(?=\p{Lu})/u

/** A line that ends in a photo credit: `(Nguồn: …)`, `(Ảnh: …)`, `Ảnh: …`. */
const CREDITED_LINE = /(?:\((?:Nguồn|Ảnh|Photo)\s*:[^()]*\)|(?:^|[-–—]\s*)(?:Ảnh|Photo)(?:\s+minh\s+họa)?\s*:\s*[^.]{1,60})\s*$/u

/** A line that is only an image label: `(Ảnh minh họa)`, `Ảnh: Reuters`. */
const IMAGE_LABEL = /^\(?\s*(?:ảnh|hình|photo)(?:\s+minh\s+họa)?\s*(?::[^.]{0,60})?\)?\.?$/iu

/** A caption is a short line; a long line ending in a credit is still prose with a credit. */
const MAX_CAPTION_WORDS = 40

/** `(TTXVN/Vietnam+)`, `(Theo Reuters)`, `Theo VnExpress`: a closing credit line. */
const SOURCE_LINE = /^(?:\((?:theo\s+)?([^()]{2,60})\)|theo\s+([^.()]{2,40}))\.?$/iu

/**
 * A pointer to a photo the text no longer shows: `(ảnh)`, `(ảnh trên)`,
 * `(trong ảnh)`, `(Ảnh minh họa)` inside a sentence. Cut, spaces and all.
 */
const PHOTO_MARKER = /\s*\((?:[Tt]rong\s+)?[ảẢ]nh(?:\s+(?:trên|dưới|bên|minh\s+h(?:ọa|oạ)))?\)/gu

/** A closing credit names an outlet or agency: a few words at most. */
const MAX_SOURCE_WORDS = 6

/** Title line: short, and not a finished sentence. 40 syllables is longer than any headline. */
const MAX_TITLE_WORDS = 40

/** A derived title quotes the first sentence up to this many words, then `…`. */
const MAX_DERIVED_TITLE_WORDS = 20

/**
 * Parse a raw article as delivered (see module comment). Returns null when no
 * article text is left after cleaning (only boilerplate, only captions, empty).
 *
 * @example
 * parseArticleText('Tiêu đề\n\nĐoạn một.\n\nTin liên quan\nTin khác.')
 * // => { title: 'Tiêu đề', titleDerived: false, lead: 'Đoạn một.', paragraphs: [], … }
 */
export function parseArticleText(raw: string): ParsedArticle | null {
  let text = normalizeText(raw).trim()
  let publishedAt: string | null = null
  const date = DATE_MARKER.exec(text)
  if (date?.[1] !== undefined && isValidPartialDate(date[1])) {
    publishedAt = date[1]
    text = text.slice(date[0].length)
  }

  const all = text.split('\n').filter((line) => line !== '')
  const furniture = all.findIndex(isBoilerplateHeading)
  const lines = furniture === -1 ? all : all.slice(0, furniture)
  const first = lines[0]
  const hasTitle = first !== undefined && lines.length > 1 && looksLikeTitle(first)
  const title = hasTitle ? first : null
  const cleaned = cleanParagraphs(hasTitle ? lines.slice(1) : lines, title)
  const [opening, ...more] = cleaned.paragraphs
  if (opening === undefined) return null
  // A page with a title line prints its sapo first; a fragment without one starts mid-story.
  const { lead, paragraphs, outlet } = cutDateline(title === null ? null : opening, title === null ? cleaned.paragraphs : more)
  const head = lead ?? paragraphs[0]
  if (head === undefined) return null

  return {
    title: title ?? deriveTitle(head),
    titleDerived: title === null,
    lead,
    paragraphs,
    captions: cleaned.captions,
    source: outlet ?? cleaned.source,
    publishedAt,
  }
}

/**
 * Cut the outlet's dateline tag (dateline.ts) from the lead and from the first
 * body paragraph (a page without a lead opens its body with the tag; some print
 * it on both). A paragraph that was only the tag goes.
 *
 * @example
 * cutDateline('TTO - Ngày 23-10, …', ['…']) // => { lead: 'Ngày 23-10, …', paragraphs: ['…'], outlet: 'TTO' }
 */
export function cutDateline(lead: string | null, paragraphs: readonly string[]): { lead: string | null; paragraphs: string[]; outlet: string | null } {
  const fromLead = lead === null ? null : stripDateline(lead)
  const [first, ...rest] = paragraphs
  const fromBody = first === undefined ? null : stripDateline(first)
  const body = fromBody === null ? [] : [fromBody.text, ...rest].filter((paragraph) => paragraph !== '')
  return {
    lead: fromLead === null || fromLead.text === '' ? null : fromLead.text,
    paragraphs: body,
    outlet: fromLead?.outlet ?? fromBody?.outlet ?? null,
  }
}

/**
 * Clean body paragraphs (one per line or block): cut site furniture and all that
 * follows, move photo captions out, take a closing credit as the source, drop
 * a paragraph the page printed twice, and strip the `/.` end mark of wire copy.
 *
 * @example
 * cleanParagraphs(['Một.', 'Một.', '(TTXVN)', 'Tin liên quan']).paragraphs // => ['Một.']
 */
export function cleanParagraphs(blocks: readonly string[], title: string | null = null): CleanParagraphs {
  const lines = blocks.flatMap((block) => normalizeText(block).split('\n')).filter((line) => line !== '')
  const end = lines.findIndex(isBoilerplateHeading)
  const body = (end === -1 ? lines : lines.slice(0, end)).filter((line) => !(RELATED_LINE.test(line) && line.split(' ').length <= MAX_TITLE_WORDS))

  const paragraphs: string[] = []
  const captions: string[] = []
  const seen = new Set<string>()
  for (const raw of body) {
    const line = raw.replace(PHOTO_MARKER, '')
    const caption = captionOf(line, title)
    if (caption !== null) {
      if (caption !== '') captions.push(caption)
      continue
    }
    const key = line.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    paragraphs.push(line)
  }

  let source: string | null = null
  const last = paragraphs.at(-1)
  const credit = last === undefined ? null : sourceOf(last)
  if (credit !== null) {
    source = credit
    paragraphs.pop()
  } else if (last !== undefined && isSignature(last) && paragraphs.length > 1) {
    // The reporter's name on a line of its own (`NGUYỆT PHƯƠNG`, `Hoàng Nhi (tổng hợp)`).
    paragraphs.pop()
  }
  const closing = paragraphs.length - 1
  const final = paragraphs[closing]
  if (final !== undefined) {
    const { text, credit: tailCredit } = cutClosingSignature(final.replace(WIRE_END_MARK, '$1'))
    paragraphs[closing] = text.replace(/\s*\/\.$/u, '.')
    source ??= tailCredit
  }
  return { paragraphs: paragraphs.filter((paragraph) => paragraph !== ''), captions, source }
}

/** The `/.` end mark of wire copy after a sentence (`…bình thường./.`), wherever it is followed by a signature. */
const WIRE_END_MARK = /([.!?…”"])\s*\/\.(?=\s|$)/gu

/** A signature is a few names at most: `Thục Ninh - Bình Giang Theo L’Humanité, Telegraph`. */
const MAX_SIGNATURE_NAMES = 8

/** Share of capitalized words that makes a short unpunctuated line a signature rather than a sentence. */
const SIGNATURE_NAME_SHARE = 0.6

/** Words a signature may hold besides names: `theo`, `tổng hợp`, `dịch`, `từ` (a place), dashes and slashes. */
const SIGNATURE_FILLER = /^(?:theo|tổng|hợp|dịch|từ|và|lược|biên|ghi|[-–—/&,]+)$/iu

/**
 * Cut the signature a flattened body ends with after its last sentence:
 * `… khẳng định. CT (Theo AP/RIA Novosti)`, `… làm rõ. H.Y (tổng hợp)`,
 * `… năm 2014. Lê Hoàng (theo AFP)`. The text is kept when what follows the
 * last sentence reads as reporting (lowercase words: an unpunctuated last sentence).
 * A `(Theo X)` credit in it names the wire (returned as `credit`).
 */
function cutClosingSignature(paragraph: string): { text: string; credit: string | null } {
  const end = lastSentenceEnd(paragraph)
  if (end === -1) return { text: paragraph, credit: null }
  const tail = paragraph.slice(end).trim()
  if (tail === '' || !isSignature(tail)) return { text: paragraph, credit: null }
  const credit = /\(\s*theo\s+([^()]{2,60})\)\s*$/iu.exec(tail)?.[1]?.trim() ?? null
  return { text: paragraph.slice(0, end).trim(), credit }
}

/** Offset just after the last sentence-final punctuation followed by a space, or -1. */
function lastSentenceEnd(paragraph: string): number {
  let end = -1
  for (const match of paragraph.matchAll(/[.!?…]["”’)»]*(?=\s)/gu)) end = match.index + match[0].length
  return end
}

/**
 * Whether a short unpunctuated line is a byline or credit: mostly capitalized
 * names and initials (`NGUYỆT PHƯƠNG`, `T.N`, `Đỗ Tuấn Anh/VOV-Phnom Penh`),
 * or a credit phrase (`Theo BBC`, `(Tổng hợp)`, `Nguồn: Yahoo`).
 */
function isSignature(line: string): boolean {
  if (/[.!?…]["”’»]*$/u.test(line) && !/(?:^|\s)(?:\p{Lu}\.)+$/u.test(line)) return false
  if (/^\(?\s*(?:theo|tổng hợp|nguồn\s*:)/iu.test(line)) return line.split(/\s+/).length <= MAX_SIGNATURE_NAMES
  const words = line
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !SIGNATURE_FILLER.test(word))
  if (words.length === 0 || words.length > MAX_SIGNATURE_NAMES) return false
  const names = words.filter((word) => /^[\p{Lu}\p{N}“"]/u.test(word) || /^(?:\p{Lu}\.)+/u.test(word)).length
  // Mostly names: `Thành Đạt Thể thao & Văn hóa` (a reporter and a paper whose name has lowercase syllables).
  return names / words.length >= SIGNATURE_NAME_SHARE
}

/** Whether a line is a site-furniture heading (see BOILERPLATE_HEADINGS). */
function isBoilerplateHeading(line: string): boolean {
  const words = line.split(' ')
  if (words.length > MAX_HEADING_WORDS) return false
  const plain = line
    .toLowerCase()
    .replace(/[:：>»\-–—|.]+$/u, '')
    .trim()
  return BOILERPLATE_HEADINGS.some((heading) => plain === heading || plain.startsWith(`${heading}:`))
}

/**
 * The caption text if the line is a photo caption ('' for a bare image label),
 * or null if it is article text.
 */
function captionOf(line: string, title: string | null): string | null {
  const inline = INLINE_IMAGE.exec(line)
  if (inline) {
    const alt = line.slice(0, inline.index).trim()
    // vietnamplus repeats the title as alt text; anything else before `ảnh N` is part of the caption.
    const caption = line.slice(inline.index + inline[0].length).trim()
    return title !== null && normalizeLine(alt) === normalizeLine(title) ? caption : `${alt} ${caption}`.trim()
  }
  if (IMAGE_LABEL.test(line)) return ''
  const words = line.split(' ').length
  if (words <= MAX_CAPTION_WORDS && (CREDITED_LINE.test(line) || isCaption(line))) {
    // A credited line with several sentences of reporting is prose, not a caption.
    return splitSentences(line).length <= 2 ? line : null
  }
  return null
}

/** The outlet named by a closing credit line, or null. */
function sourceOf(line: string): string | null {
  const match = SOURCE_LINE.exec(line)
  const name = (match?.[1] ?? match?.[2])?.trim()
  if (name === undefined || name.split(' ').length > MAX_SOURCE_WORDS) return null
  return name
}

/** A title line: not too long and not ending like a sentence. */
function looksLikeTitle(line: string): boolean {
  if (line.split(' ').length > MAX_TITLE_WORDS) return false
  return !/[.,;:…]["”’)]?$/u.test(line) || (/[?!]["”’)]?$/u.test(line) && splitSentences(line).length === 1)
}

/** A title made from the first sentence of the text, cut at a word boundary. */
function deriveTitle(paragraph: string): string {
  const sentence = splitSentences(paragraph)[0] ?? paragraph
  const words = sentence.replace(/[.!?…]+$/u, '').split(' ')
  if (words.length <= MAX_DERIVED_TITLE_WORDS) return words.join(' ')
  return `${words
    .slice(0, MAX_DERIVED_TITLE_WORDS)
    .join(' ')
    .replace(/[,;:]$/u, '')}…`
}

/**
 * Whether a `YYYY-MM` or `YYYY-MM-DD` string names a real month or day.
 *
 * @example
 * isValidPartialDate('2017-02-29') // => false
 */
export function isValidPartialDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const month = Number(match[2])
  if (month < 1 || month > 12) return false
  if (match[3] === undefined) return true
  const day = Number(match[3])
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day >= 1 && day <= daysInMonth
}
