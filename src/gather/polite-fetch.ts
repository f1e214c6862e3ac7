/**
 * A fetch that asks the host first: a slot from the registry (per-host
 * concurrency and spacing, back-off after 429/503), the host's robots.txt
 * (fetched and cached when the registry has no fresh copy), then the fetch
 * itself through fetchSafely, and the slot given back with what the host
 * answered. Feeds, article pages and the registration probe all go through it.
 */
import type { Bindings } from '../env.js'
import { fetchRefusal } from './address.js'
import { retryAfterMsOf } from './politeness.js'
import { registryOf } from './registry.js'
import { robotsRulesOf, robotsTextFor, robotsUrlOf } from './robots.js'
import { allowsLocal, type FetchOptions, type FetchOutcome, fetchSafely } from './safe-fetch.js'

export type PoliteOutcome = FetchOutcome | { kind: 'wait'; url: string; waitMs: number } | { kind: 'disallowed'; url: string }

type Env = Pick<Bindings, 'SOURCES' | 'CONTACT_URL' | 'ALLOW_LOCAL_SOURCES'>

/** robots.txt is read again after a day (RFC 9309 §2.4: a cached copy should not be used for more than 24 hours). */
const ROBOTS_TTL_MS = 24 * 3600_000

/** An unreachable robots.txt (5xx, no answer) means nothing may be fetched; it is asked again after an hour, not a day. */
const ROBOTS_RETRY_MS = 3600_000

/**
 * Fetch `url` politely. When the host's slot is not free within `maxWaitMs`,
 * the answer is `wait` with how long: the caller puts the work back rather
 * than hold a Worker waiting.
 *
 * @example
 * const outcome = await fetchPolitely(env, pageUrl, { accept: 'text/html', readBody: true }, 5000)
 */
export async function fetchPolitely(env: Env, url: string, options: FetchOptions, maxWaitMs: number): Promise<PoliteOutcome> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return { kind: 'failed', url, reason: 'not a valid URL' }
  }
  // Refuse before asking for a slot: a refused URL is never fetched, robots.txt included.
  const refusal = fetchRefusal(target, allowsLocal(env))
  if (refusal !== null) return { kind: 'refused', url, reason: refusal }
  const registry = registryOf(env)
  const host = target.host
  let gate = await registry.acquireHost(host, Date.now())
  let patience = maxWaitMs
  while (!gate.granted) {
    const waitMs = gate.waitMs
    if (waitMs > patience) return { kind: 'wait', url, waitMs }
    patience -= waitMs
    await new Promise((resolve) => setTimeout(resolve, waitMs))
    gate = await registry.acquireHost(host, Date.now())
  }
  let status: number | null = null
  let retryAfterMs: number | null = null
  try {
    let robots = gate.robots
    if (robots === null) {
      const fetched = await fetchSafely(env, robotsUrlOf(url), { accept: 'text/plain', readBody: true })
      const fetchedStatus = fetched.kind === 'response' ? fetched.status : null
      const body = fetched.kind === 'response' && fetched.body !== null ? new TextDecoder().decode(fetched.body) : null
      robots = robotsTextFor(fetchedStatus, body)
      // A read robots.txt (or a 4xx: no rules) holds for a day (RFC 9309 §2.4); an unreachable one disallows everything, for an hour.
      const now = Date.now()
      const unreachable = fetchedStatus === null || fetchedStatus >= 500
      await registry.storeRobots(host, robots, robotsRulesOf(robotsUrlOf(url), robots).crawlDelayMs, now, now + (unreachable ? ROBOTS_RETRY_MS : ROBOTS_TTL_MS))
    }
    if (!robotsRulesOf(robotsUrlOf(url), robots).allows(url)) return { kind: 'disallowed', url }
    const outcome = await fetchSafely(env, url, options)
    if (outcome.kind === 'response') {
      status = outcome.status
      retryAfterMs = retryAfterMsOf(outcome.headers.get('Retry-After'), Date.now())
    }
    return outcome
  } finally {
    await registry.releaseHost(host, Date.now(), status, retryAfterMs)
  }
}
