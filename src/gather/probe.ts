/**
 * Registration's look at a feed before it is stored: fetched once (politely,
 * within the same bounds as every fetch) and parsed, so `POST /v1/sources`
 * refuses a URL that is not a readable feed, and names the outlet and its
 * homepage from the feed itself. Loaded by the route with a dynamic
 * `import()`: the read path never evaluates the feed parser.
 */
import type { Bindings } from '../env.js'
import { decodeBody } from './charset.js'
import { FEED_ACCEPT } from './check-feeds.js'
import { type Feed, parseFeed } from './feed.js'
import { fetchPolitely } from './polite-fetch.js'

/** Registration waits this long at most for the feed's host to be free. */
const MAX_PROBE_WAIT_MS = 5000

export type Probe = { ok: true; feed: Feed } | { ok: false; code: 'feed-unreadable' | 'feed-unreachable'; reason: string }

/**
 * Fetch and parse a feed to register.
 *
 * @example
 * const probe = await probeFeed(env, 'https://tin.example.vn/rss/tin-moi.rss')
 * if (probe.ok) probe.feed.title // => 'Tin mới'
 */
export async function probeFeed(env: Bindings, feedUrl: string): Promise<Probe> {
  const outcome = await fetchPolitely(env, feedUrl, { accept: FEED_ACCEPT, readBody: true }, MAX_PROBE_WAIT_MS)
  switch (outcome.kind) {
    case 'refused':
      return { ok: false, code: 'feed-unreadable', reason: `bantin does not fetch this URL: ${outcome.reason}` }
    case 'disallowed':
      return { ok: false, code: 'feed-unreadable', reason: 'the site’s robots.txt disallows fetching the feed' }
    case 'wait':
      return { ok: false, code: 'feed-unreachable', reason: `the site asked bantin to wait ${Math.ceil(outcome.waitMs / 1000)} s; try again later` }
    case 'failed':
      return { ok: false, code: 'feed-unreachable', reason: outcome.reason }
    case 'response': {
      if (outcome.status >= 500 || outcome.status === 429) return { ok: false, code: 'feed-unreachable', reason: `the feed answered ${outcome.status}` }
      if (outcome.status !== 200 || outcome.body === null) return { ok: false, code: 'feed-unreadable', reason: `the feed answered ${outcome.status}` }
      const feed = parseFeed(decodeBody(outcome.body, outcome.headers.get('Content-Type'), 'xml'), outcome.url)
      if (feed === null) return { ok: false, code: 'feed-unreadable', reason: 'the URL does not serve an RSS 2.0, Atom 1.0 or JSON Feed 1.1 document' }
      return { ok: true, feed }
    }
  }
}
