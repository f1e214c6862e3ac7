/**
 * Which character encoding a fetched feed or page is in, and its text.
 *
 * Order (the WHATWG Encoding and HTML standards' sniffing, cut to what a
 * server-side reader needs): a byte order mark wins; then the `charset` of
 * the Content-Type header; then what the document says of itself in its
 * first 1,024 bytes — the XML declaration's `encoding` for a feed, a
 * `<meta charset>` or `<meta http-equiv="Content-Type">` for a page; then
 * UTF-8. A label the runtime cannot decode (TCVN3, VISCII) falls back to
 * UTF-8 rather than failing the fetch. Older Vietnamese sites serve
 * windows-1258, whose tone marks decode as combining characters: text is
 * NFC-normalized downstream (src/text/normalize.ts).
 *
 * Pure: no runtime imports (TextDecoder is a web standard).
 */

/** What kind of document, which decides where it may declare its encoding. */
export type DocumentKind = 'xml' | 'html'

/** The HTML standard's prescan reads the first 1,024 bytes for a meta charset. */
const PRESCAN_BYTES = 1024

const XML_DECLARATION = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i

/**
 * The encoding label to decode with (always one TextDecoder accepts).
 *
 * @example
 * charsetOf('text/html', new TextEncoder().encode('<meta charset="windows-1258">'), 'html') // => 'windows-1258'
 */
export function charsetOf(contentType: string | null, bytes: Uint8Array, kind: DocumentKind): string {
  const bom = bomCharset(bytes)
  if (bom !== null) return bom
  const fromHeader = HEADER_CHARSET.exec(contentType ?? '')?.[1]
  if (fromHeader !== undefined && isSupported(fromHeader)) return fromHeader.toLowerCase()
  const head = asciiHead(bytes)
  const declared = (kind === 'xml' ? XML_DECLARATION.exec(head.trimStart()) : META_CHARSET.exec(head))?.[1]
  if (declared !== undefined && isSupported(declared)) return declared.toLowerCase()
  return 'utf-8'
}

/**
 * Decode a fetched body to text by `charsetOf`. Malformed bytes become U+FFFD
 * (a page with one bad byte is still worth reading).
 *
 * @example
 * decodeBody(new Uint8Array([0x48, 0xe0]), 'text/xml; charset=windows-1258', 'xml') // => 'Hà'
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null, kind: DocumentKind): string {
  return new TextDecoder(charsetOf(contentType, bytes, kind)).decode(bytes)
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

/** The first bytes as Latin-1: enough to read ASCII declarations in any ASCII-compatible encoding. */
function asciiHead(bytes: Uint8Array): string {
  let head = ''
  const end = Math.min(bytes.length, PRESCAN_BYTES)
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i] ?? 0)
  return head
}

function isSupported(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}
