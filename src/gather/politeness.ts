/**
 * Behaving well on other people's servers: how many fetches one host may
 * have in flight, how far apart they start, how long to stay away after a
 * `429`/`503`, and how a failed page waits before its retry.
 *
 * The state of a host is plain data kept by the source registry (one Durable
 * Object, so every consumer sees the same state); the decisions are here, as
 * functions of that state and `now`, so they are tested without clocks.
 *
 * Pure: no runtime imports.
 */

/** Fetches in flight per host at most: the polite norm for crawlers (one or two connections). */
export const HOST_CONCURRENCY = 2

/** Start-to-start spacing of fetches to one host when its robots.txt asks for no Crawl-delay. */
export const DEFAULT_HOST_DELAY_MS = 1000

/**
 * A slot not released within this long is taken back: the fetch limit (10 s)
 * plus room for reading and ingesting, so a consumer that died cannot hold a
 * host's slot forever.
 */
export const LEASE_MS = 30_000

/** Stay away this long after a 429/503 that gave no Retry-After. */
export const DEFAULT_BACKOFF_MS = 60_000

/** A Retry-After is honoured up to this long; past it, the queue's own retries take over. */
export const MAX_BACKOFF_MS = 3600_000

/** First retry of a failed page waits this long; each further attempt doubles it. */
const RETRY_BASE_SECONDS = 30

/** Cloudflare Queues accept a retry delay of at most 12 hours; bantin stops well before. */
const MAX_RETRY_SECONDS = 3600

/** A host as the registry keeps it: times are milliseconds since the epoch. */
export type HostState = {
  /** No fetch may start before this (start-to-start spacing). */
  nextAllowedAt: number
  /** No fetch at all before this (after a 429 or 503). */
  backoffUntil: number
  /** Expiry times of the slots in use. */
  leases: number[]
}

export type Gate = { granted: true; state: HostState } | { granted: false; waitMs: number; state: HostState }

export const IDLE_HOST: HostState = { nextAllowedAt: 0, backoffUntil: 0, leases: [] }

/**
 * Ask for a fetch slot on a host. Granted: the state with the slot taken and
 * the next start pushed `delayMs` on. Refused: how long to wait first.
 *
 * @example
 * acquireSlot(IDLE_HOST, 1000, 1000) // => { granted: true, state: { nextAllowedAt: 2000, backoffUntil: 0, leases: [31000] } }
 */
export function acquireSlot(host: HostState, now: number, delayMs: number): Gate {
  const leases = host.leases.filter((expiry) => expiry > now)
  const state = { ...host, leases }
  if (host.backoffUntil > now) return { granted: false, waitMs: host.backoffUntil - now, state }
  if (host.nextAllowedAt > now) return { granted: false, waitMs: host.nextAllowedAt - now, state }
  if (leases.length >= HOST_CONCURRENCY) {
    // A slot frees when a fetch ends; no sooner than the spacing allows.
    return { granted: false, waitMs: Math.max(delayMs, 1000), state }
  }
  return { granted: true, state: { nextAllowedAt: now + delayMs, backoffUntil: host.backoffUntil, leases: [...leases, now + LEASE_MS] } }
}

/**
 * Give a slot back after a fetch. A `429` or `503` keeps the whole host away
 * for its Retry-After (or DEFAULT_BACKOFF_MS), within MAX_BACKOFF_MS.
 *
 * @example
 * releaseSlot({ nextAllowedAt: 2000, backoffUntil: 0, leases: [31000] }, 1500, 429, 120_000).backoffUntil // => 121500
 */
export function releaseSlot(host: HostState, now: number, status: number | null, retryAfterMs: number | null): HostState {
  const leases = host.leases.filter((expiry) => expiry > now).slice(1)
  if (!isBusyStatus(status)) return { ...host, leases }
  const wait = Math.min(Math.max(retryAfterMs ?? DEFAULT_BACKOFF_MS, 1000), MAX_BACKOFF_MS)
  return { ...host, leases, backoffUntil: Math.max(host.backoffUntil, now + wait) }
}

/** The answers that ask a client to slow down: retry later, not a failure of the page. */
export function isBusyStatus(status: number | null): boolean {
  return status === 429 || status === 503
}

/**
 * A Retry-After header (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) in
 * milliseconds from `now`; null when absent or unreadable.
 *
 * @example
 * retryAfterMsOf('120', 0) // => 120000
 */
export function retryAfterMsOf(header: string | null, now: number): number | null {
  const value = header?.trim() ?? ''
  if (value === '') return null
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/**
 * How long a page that failed on its `attempts`-th try waits before the next
 * (exponential: 30 s, 60 s, 120 s, …, at most an hour).
 *
 * @example
 * retryDelaySeconds(3) // => 120
 */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_SECONDS)
}
