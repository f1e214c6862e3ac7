/**
 * Stable identifiers. An article id is derived from what the article is, so
 * that posting it again (or from two clients at once) lands on the same id:
 * from its canonical URL when it has one, else from its normalized text.
 */

/** Hex digits kept from SHA-256: 64 bits, collision-free far beyond 10^8 articles (birthday bound ~4·10^9). */
const ID_HEX_DIGITS = 16

/** Query parameters that track campaigns and never change what a URL points at. */
const TRACKING_PARAM = /^(?:utm_[a-z]+|fbclid|gclid|zarsrc|zalo_source)$/i

/**
 * The canonical form of an article URL: no fragment, no tracking parameters,
 * lowercase host (the URL parser does that), no trailing slash on the path.
 *
 * @example
 * canonicalUrl('https://VnExpress.net/a.html?utm_source=fb#top') // => 'https://vnexpress.net/a.html'
 */
export function canonicalUrl(raw: string): string {
  const url = new URL(raw)
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name)
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '')
  return url.toString()
}

/** SHA-256 of a string, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Fingerprint of an article's text: its lead and paragraphs, lowercased, with
 * whitespace folded. The title is left out: outlets re-title the same copy.
 */
export async function contentHashOf(parts: { lead: string | null; paragraphs: readonly string[] }): Promise<string> {
  const text = [parts.lead ?? '', ...parts.paragraphs].join('\n').toLowerCase().replace(/\s+/g, ' ').trim()
  return sha256Hex(text)
}

/** The article id: from the canonical URL when there is one, else from the content hash. */
export async function articleIdOf(url: string | null, contentHash: string): Promise<string> {
  const basis = url === null ? `text:${contentHash}` : `url:${url}`
  return (await sha256Hex(basis)).slice(0, ID_HEX_DIGITS)
}
