/**
 * When a source's feed is checked next, and when a failing source is paused.
 *
 * Every time here is measured from the Cron event's `scheduledTime`, never
 * the wall clock: a check judged "due" at 10:05 is due whenever the handler
 * for 10:05 actually runs, and replaying that event judges the same way.
 *
 * Pure: no runtime imports.
 */

/** Default minutes between checks of one feed (the Cron runs every 5; a news feed changes every few minutes). */
export const DEFAULT_CHECK_MINUTES = 10

/** Fewest minutes between checks: the Cron's own period. */
export const MIN_CHECK_MINUTES = 5

/** Most minutes between checks that an operator may ask for: once a day. */
export const MAX_CHECK_MINUTES = 1440

/** Failed checks in a row after which a source is paused until an operator resumes it. */
export const MAX_CONSECUTIVE_FAILURES = 5

/** A failing source waits at most this long between its retries (before it is paused). */
const MAX_FAILURE_WAIT_MS = 6 * 3600_000

/** How a check ended, as far as the schedule cares. */
export type CheckOutcome = { ok: true } | { ok: false; retryAfterMs: number | null }

/**
 * When to check next, after a check for `scheduledTime`. A failure doubles
 * the wait per failure in a row (10, 20, 40, 80 minutes by default), and a
 * Retry-After from the outlet is waited out in full.
 *
 * @example
 * nextCheckAt(0, 10, { ok: true }, 0)                       // => 600000
 * nextCheckAt(0, 10, { ok: false, retryAfterMs: null }, 2)  // => 1200000
 */
export function nextCheckAt(scheduledTime: number, checkEveryMinutes: number, outcome: CheckOutcome, failuresInARow: number): number {
  const interval = checkEveryMinutes * 60_000
  if (outcome.ok) return scheduledTime + interval
  const backoff = Math.min(interval * 2 ** Math.max(0, failuresInARow - 1), MAX_FAILURE_WAIT_MS)
  return scheduledTime + Math.max(backoff, outcome.retryAfterMs ?? 0)
}

/**
 * Whether a source with this many failures in a row is to be paused.
 *
 * @example
 * shouldPause(5) // => true
 */
export function shouldPause(failuresInARow: number): boolean {
  return failuresInARow >= MAX_CONSECUTIVE_FAILURES
}
