/**
 * The canonical URL of a feed item: the link resolved against the feed's own
 * URL (or an Atom `xml:base`), http(s) only, then the same canonical form the
 * ingest path stores (`canonicalUrl` in store/ids.ts: no fragment, no
 * tracking parameters, no trailing slash). One form for both, so "already
 * stored" and "already seen" compare like with like, and an article gathered
 * twice lands on one id.
 *
 * Pure: no runtime imports.
 */
import { canonicalUrl } from '../store/ids.js'

/** Longest URL kept: what the article schema accepts. */
const MAX_URL_LENGTH = 2048

/**
 * The canonical URL of an item link, or null when it is not a usable web address.
 *
 * @example
 * itemUrlOf('/the-gioi/a-1.html?utm_source=rss#cmt', 'https://Tin.example.vn/rss/the-gioi.rss')
 * // => 'https://tin.example.vn/the-gioi/a-1.html'
 */
export function itemUrlOf(link: string | null | undefined, base: string): string | null {
  const raw = link?.trim() ?? ''
  if (raw === '') return null
  let url: URL
  try {
    url = new URL(raw, base)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const canonical = canonicalUrl(url.toString())
  return canonical.length > MAX_URL_LENGTH ? null : canonical
}
