/**
 * The outlet's dateline tag at the start of a lead or body: `TTO - `,
 * `VOV.VN - `, `(Dân trí) - `, `(NLĐO) – `, `(TNO) `, `QĐND Online - `,
 * `(Kienthuc.net.vn) - `, `GiadinhNet - `, or a bare leading dash. It names the
 * outlet, not the news, so it is cut from the text and, when the client gave
 * no `source`, kept as the source.
 *
 * Recognised by the shape of the tag, not by a list of outlets (a list is out
 * of date the day a new outlet appears):
 * - in parentheses, followed by a dash: any short name that opens with a
 *   capital or a digit (`(Dân trí) -`, `(Tin tức thời sự) -`, `(GD& TĐ) -`);
 * - in parentheses without a dash, or without parentheses before a dash: a
 *   name shaped like an outlet's — an acronym of two or more capitals
 *   (`TTO`, `ANTĐ`, `(CAO)`), a domain (`VOV.VN`, `(Soha.vn)`), a brand in
 *   camel case (`GiadinhNet`, `ICTnews`), optionally with `Online` or `News`;
 *   or a capitalized word and at most two lowercase ones before a dash
 *   (`Dân trí -`, `Tin dịch vụ -`);
 * and in every case the news must follow: a capital, a digit or a quote.
 *
 * What is not a tag, and why it is safe: a person before a dash is followed by
 * a lowercase description (`Đàm Văn Hiếu – nghi phạm …`); two countries joined
 * by a dash are single capitalized words (`Nga - Mỹ`), not outlet-shaped; a
 * photo label in parentheses (`(Ảnh: AFP)`) has a colon.
 *
 * Pure: no runtime imports beyond the text core.
 */

/** What a dateline cut leaves: the text without the tag, and the outlet it named (null if none, or no tag). */
export type Dateline = { text: string; outlet: string | null }

/** Longest tag name we accept, in words: `(Tin tức thời sự)`, `(TBKTSG Online)`. */
const MAX_TAG_WORDS = 4

/** Longest tag name, in characters. */
const MAX_TAG_CHARS = 40

/** Dashes a tag ends with: hyphen, en dash, em dash. */
const DASH = '[-–—]'

/** What follows a tag: the news, which opens with a capital, a digit or a quote. */
const NEWS_OPENS = /^[\p{Lu}\p{N}“"'‘«]/u

/** `(name)` at the very start, an optional period (`(SGGPO). -`), an optional dash. */
const PARENTHESIZED = new RegExp(`^\\(\\s*([^()]{1,${MAX_TAG_CHARS}}?)\\s*\\)\\.?\\s*(${DASH}\\s*)?`, 'u')

/** `NAME -` at the very start (at most MAX_TAG_WORDS words), spaces around the dash optional (`VOV.VN-Những`). */
const BARE = new RegExp(`^((?:[^\\s()]+\\s+){0,${MAX_TAG_WORDS - 1}}?[^\\s()]+?)\\s*${DASH}\\s*`, 'u')

/** A bare leading dash: the page dropped the tag and kept its dash. */
const LEADING_DASH = new RegExp(`^${DASH}\\s+`, 'u')

/** Words a tag may add after the outlet's name: `QĐND Online`, `VTC News`. */
const TAG_SUFFIX = /^(?:Online|online|News|news|Plus|TV|Radio|\.vn|\.net|\.com)$/u

/** Photo and media labels, which look like a parenthesized tag but are captions. */
const MEDIA_LABEL = /^(?:ảnh|hình|nguồn|video|clip|photo|trong ảnh|xem|theo)\b/iu

/**
 * Cut the dateline tag from the start of a lead or body paragraph.
 *
 * @example
 * stripDateline('TTO - Ngày 23-10, hàng nghìn người…') // => { text: 'Ngày 23-10, hàng nghìn người…', outlet: 'TTO' }
 * stripDateline('(Dân trí) - Không khí lạnh…') // => { text: 'Không khí lạnh…', outlet: 'Dân trí' }
 * stripDateline('Nga - Mỹ ký thỏa thuận') // => { text: 'Nga - Mỹ ký thỏa thuận', outlet: null }
 */
export function stripDateline(text: string): Dateline {
  const paren = PARENTHESIZED.exec(text)
  if (paren !== null) {
    const name = (paren[1] ?? '').trim()
    const rest = text.slice(paren[0].length)
    const dashed = paren[2] !== undefined
    if (NEWS_OPENS.test(rest) && isTagName(name, dashed)) return { text: rest, outlet: name }
    return { text, outlet: null }
  }
  const bare = BARE.exec(text)
  if (bare !== null) {
    const name = (bare[1] ?? '').trim()
    const rest = text.slice(bare[0].length)
    if (NEWS_OPENS.test(rest) && (isOutletShaped(name) || isPlainName(name))) return { text: rest, outlet: name }
  }
  const dash = LEADING_DASH.exec(text)
  if (dash !== null && NEWS_OPENS.test(text.slice(dash[0].length))) return { text: text.slice(dash[0].length), outlet: null }
  return { text, outlet: null }
}

/** A parenthesized name is a tag when a dash follows it and it reads as a name, or when it is outlet-shaped. */
function isTagName(name: string, dashed: boolean): boolean {
  if (name === '' || MEDIA_LABEL.test(name) || /[:;,!?]/.test(name) || /^\d+$/.test(name)) return false
  if (name.split(/\s+/).length > MAX_TAG_WORDS) return false
  if (isOutletShaped(name)) return true
  return dashed && /^[\p{Lu}\p{N}]/u.test(name)
}

/**
 * An outlet-shaped name: its first word an acronym (two or more capitals, `&`
 * allowed: `TTO`, `GD&TĐ`), a domain (`VOV.VN`, `Kienthuc.net.vn`) or a camel-case
 * brand (`GiadinhNet`, `ICTnews`), and any further words outlet suffixes or acronyms.
 */
function isOutletShaped(name: string): boolean {
  const [first = '', ...rest] = name.split(/\s+/)
  return isOutletWord(first) && rest.every((word) => TAG_SUFFIX.test(word) || isAcronym(word) || word === '&')
}

function isOutletWord(word: string): boolean {
  return isAcronym(word) || isDomain(word) || /^\p{Lu}*\p{Ll}+\p{Lu}[\p{L}]*$/u.test(word) || /^\p{Lu}{2,}\p{Ll}+$/u.test(word)
}

/** Two or more capitals (and `&`), no lowercase: `TTO`, `ANTĐ`, `GD&`, `TĐ`. */
function isAcronym(word: string): boolean {
  return /^[\p{Lu}&]{2,}$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word)
}

/** A host name: `VOV.VN`, `Soha.vn`, `Kienthuc.net.vn`, `TinTheThao.com.vn`. */
function isDomain(word: string): boolean {
  return /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:vn|com|net|org|info|tv)$/iu.test(word)
}

/** `Dân trí`, `Tin dịch vụ`: a capitalized word and one or two lowercase ones (a name or a section, before a dash). */
function isPlainName(name: string): boolean {
  return /^\p{Lu}\p{Ll}*(?: \p{Ll}+){1,2}$/u.test(name)
}
