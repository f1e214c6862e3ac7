/**
 * robots.txt (RFC 9309): whether bantin may fetch a URL, and the delay a site
 * asks for between fetches. Matching is robots-parser's (Google's algorithm:
 * the longest matching rule wins, `Allow` on a tie, `*` and `$` patterns); this
 * module adds what the RFC says about fetching the file itself and the
 * product token bantin answers to.
 *
 * Pure: no runtime imports.
 */
import robotsParser from 'robots-parser'

/** The product token bantin matches `User-agent:` lines with (and names in its User-Agent header). */
export const ROBOTS_TOKEN = 'bantin'

/** RFC 9309 §2.5: crawlers must parse at least 500 KiB; more than that is ignored. */
export const MAX_ROBOTS_BYTES = 500 * 1024

/** A Crawl-delay above this is read as this: a site asking for minutes still gets checked. */
const MAX_CRAWL_DELAY_MS = 60_000

/** What an unreachable robots.txt means (RFC 9309 §2.3.1.4): assume everything is disallowed. */
export const DISALLOW_ALL = 'User-agent: *\nDisallow: /\n'

/** The rules of one host, ready to ask. */
export type RobotsRules = {
  /** Whether the URL (on this host) may be fetched. */
  allows(url: string): boolean
  /** The Crawl-delay for bantin in milliseconds, or null when the site sets none. */
  crawlDelayMs: number | null
}

/**
 * The robots.txt URL for a page.
 *
 * @example
 * robotsUrlOf('https://tin.example.vn/a/b.html?x=1') // => 'https://tin.example.vn/robots.txt'
 */
export function robotsUrlOf(pageUrl: string): string {
  return new URL('/robots.txt', pageUrl).toString()
}

/**
 * The robots.txt text to apply after fetching it with this outcome
 * (RFC 9309 §2.3.1): a success is read as served; "unavailable" (4xx) means
 * no rules; "unreachable" (5xx, network error: `status` null) means
 * everything is disallowed until it can be read.
 *
 * @example
 * robotsTextFor(404, null) // => ''
 * robotsTextFor(503, null) // => DISALLOW_ALL
 */
export function robotsTextFor(status: number | null, body: string | null): string {
  if (status !== null && status >= 200 && status < 300) return (body ?? '').slice(0, MAX_ROBOTS_BYTES)
  if (status !== null && status >= 400 && status < 500) return ''
  return DISALLOW_ALL
}

/**
 * Parse a host's robots.txt for bantin.
 *
 * @example
 * robotsRulesOf('https://tin.example.vn/robots.txt', 'User-agent: *\nDisallow: /private/').allows('https://tin.example.vn/private/a') // => false
 */
export function robotsRulesOf(robotsUrl: string, text: string): RobotsRules {
  const robots = robotsParser(robotsUrl, text)
  const delay = robots.getCrawlDelay(ROBOTS_TOKEN)
  return {
    // robots-parser answers undefined for another origin's URL: not ours to allow.
    allows: (url) => robots.isAllowed(url, ROBOTS_TOKEN) === true,
    crawlDelayMs: delay === undefined || !Number.isFinite(delay) || delay < 0 ? null : Math.min(delay * 1000, MAX_CRAWL_DELAY_MS),
  }
}
