/**
 * HTML character references → text. HTMLRewriter hands text and attribute
 * values over as written (`Gi&aacute; x&#259;ng &amp; d&#7847;u`), and feed
 * item HTML carries them too, so everything read from a page or a feed's HTML
 * passes through here once.
 *
 * Follows the HTML standard's rules for numeric references (§13.2.5.80):
 * 0x80–0x9F name windows-1252 characters (old CMSes write `&#147;` for “),
 * and zero, surrogates and values past U+10FFFF become U+FFFD. Named
 * references come from a generated subset of the WHATWG table
 * (html-entities.generated.ts); an unknown name is left as written.
 *
 * Pure: no runtime imports.
 */
import { HTML_ENTITIES, WINDOWS_1252_C1 } from './html-entities.generated.js'

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g

/** C0 controls but tab and line ends, and DEL: a CMS's stray bytes, which render as nothing and which the ingest path refuses. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g

let named: Map<string, string> | null = null

/**
 * Decode character references in a string of HTML text.
 *
 * @example
 * decodeEntities('Gi&aacute; x&#259;ng &amp; d&#x1EA7;u') // => 'Giá xăng & dầu'
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return namedEntities().get(name) ?? composedLetter(name) ?? whole
    return fromCodePoint(hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal))
  })
}

/** The character a numeric reference names, by the standard's replacement rules. */
function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD'
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252_C1[code - 0x80] ?? '\uFFFD'
  return String.fromCodePoint(code)
}

/** Combining marks of HTML's letter-and-accent names (`agrave` = a + U+0300). */
const ACCENTS: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030A', cedil: '\u0327' }

/** `&agrave;`, `&Ecirc;`, `&ccedil;`: a letter and its accent composed (NFC), when that is one character. */
function composedLetter(name: string): string | null {
  const accent = ACCENTS[name.slice(1)]
  if (accent === undefined) return null
  const letter = `${name[0]}${accent}`.normalize('NFC')
  return letter.length === 1 ? letter : null
}

function namedEntities(): Map<string, string> {
  if (named !== null) return named
  named = new Map()
  for (const entry of HTML_ENTITIES.split(' ')) {
    const [hex = '', names = ''] = entry.split(':')
    const character = String.fromCodePoint(Number.parseInt(hex, 16))
    for (const name of names.split(',')) named.set(name, character)
  }
  return named
}

/**
 * Text without control characters (see CONTROL_CHARACTERS).
 *
 * @example
 * withoutControls('Gi\u0008á') // => 'Giá'
 */
export function withoutControls(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '')
}
