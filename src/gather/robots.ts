/**
 * robots.txt (RFC 9309): whether bantin may fetch a URL, and the delay a site
 * asks for between fetches.
 *
 * The groups that name bantin's product token apply, combined; else the `*`
 * groups. Among their rules the longest matching path pattern wins, `Allow`
 * on a tie (RFC 9309 §2.2.2); `*` matches any run of characters and a final
 * `$` anchors the end; paths are compared percent-encoded with upper-case
 * hex, as the RFC asks. `Crawl-delay` is not in the RFC but widely used; it is
 * honoured up to a minute. Written here rather than taken from robots-parser
 * (3 KB in the Worker, CommonJS, with sitemaps and line numbers bantin has no
 * use for): the matching is these few lines, and the tests beside this file
 * pin it.
 *
 * Pure: no runtime imports.
 */

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

type Rule = { allow: boolean; pattern: string; match: RegExp }
type Group = { agents: string[]; rules: Rule[]; delay: number | null }

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
  const groups = groupsOf(text)
  const ours = groups.filter((group) => group.agents.includes(ROBOTS_TOKEN))
  const applied = ours.length > 0 ? ours : groups.filter((group) => group.agents.includes('*'))
  const rules = applied.flatMap((group) => group.rules)
  const delay = applied.find((group) => group.delay !== null)?.delay ?? null
  const origin = new URL(robotsUrl).origin
  return {
    allows: (url) => {
      const target = new URL(url)
      if (target.origin !== origin) return false
      const path = encodePath(target.pathname + target.search)
      if (path === '/robots.txt') return true
      let best: Rule | null = null
      for (const rule of rules) {
        if (!rule.match.test(path)) continue
        if (best === null || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule
      }
      return best?.allow ?? true
    },
    crawlDelayMs: delay === null ? null : Math.min(delay * 1000, MAX_CRAWL_DELAY_MS),
  }
}

/** The groups of a robots.txt: user-agent lines in a row open one, the rules after them fill it. */
function groupsOf(text: string): Group[] {
  const groups: Group[] = []
  let current: Group | null = null
  let lastWasAgent = false
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim()
    const colon = line.indexOf(':')
    if (colon === -1) continue
    const key = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (key === 'user-agent') {
      if (current === null || !lastWasAgent) {
        current = { agents: [], rules: [], delay: null }
        groups.push(current)
      }
      // The product token: `bantin/0.1` names bantin; matching ignores case (RFC 9309 §2.2.1).
      current.agents.push(value.split('/')[0]?.trim().toLowerCase() ?? '')
      lastWasAgent = true
      continue
    }
    lastWasAgent = false
    if (current === null) continue
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      const pattern = encodePath(value)
      current.rules.push({ allow: key === 'allow', pattern, match: patternRegex(pattern) })
    } else if (key === 'crawl-delay') {
      const seconds = Number(value)
      if (Number.isFinite(seconds) && seconds >= 0) current.delay = seconds
    }
  }
  return groups
}

/** A rule's path pattern as a regular expression anchored at the start: `*` any run, a final `$` the end. */
function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$')
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}${anchored ? '$' : ''}`)
}

/** A path percent-encoded as RFC 9309 compares it: non-ASCII encoded, hex upper-case, existing escapes kept. */
function encodePath(path: string): string {
  let encoded: string
  try {
    encoded = encodeURI(path).replace(/%25([0-9a-f]{2})/gi, '%$1')
  } catch {
    encoded = path
  }
  return encoded.replace(/%[0-9a-f]{2}/gi, (hex) => hex.toUpperCase())
}
