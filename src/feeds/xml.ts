/**
 * Text into XML 1.0, safely: the five markup characters become entities, and
 * any character XML 1.0 does not allow (C0 controls other than tab and line
 * ends, lone surrogates, U+FFFE and U+FFFF) — or that no reader wants in text
 * (DEL and the C1 controls) — becomes U+FFFD, so an article title with `&`, `<`, `]]>` or
 * a stray control character still makes a well-formed feed. Entities are
 * used everywhere, never CDATA: `]]>` inside a CDATA section would end it,
 * while `>` as `&gt;` is always safe. The ingest already refuses control
 * characters; this does not rely on it.
 */

/** Characters outside XML 1.0's `Char` production (§2.2), plus DEL and the C1 controls. */
const NOT_XML_TEXT = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text as XML character data or an attribute value.
 *
 * @example
 * escapeXml('Giá <xăng> & dầu ]]>') // => 'Giá &lt;xăng&gt; &amp; dầu ]]&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_TEXT, '\ufffd').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
}
