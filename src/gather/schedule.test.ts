import { describe, expect, it } from 'vitest'
import { MAX_CONSECUTIVE_FAILURES, nextCheckAt, shouldPause } from './schedule.js'

const T = Date.parse('2026-11-23T10:05:00Z')
const MIN = 60_000

describe('nextCheckAt', () => {
  it('counts from the scheduled time, not the clock', () => {
    expect(nextCheckAt(T, 10, { ok: true }, 0)).toBe(T + 10 * MIN)
  })

  it('doubles the wait per failure in a row, capped at six hours', () => {
    expect([1, 2, 3, 4, 9].map((failures) => (nextCheckAt(T, 10, { ok: false, retryAfterMs: null }, failures) - T) / MIN)).toEqual([10, 20, 40, 80, 360])
  })

  it('waits out a Retry-After longer than the backoff', () => {
    expect(nextCheckAt(T, 10, { ok: false, retryAfterMs: 3600_000 }, 1)).toBe(T + 3600_000)
  })
})

describe('shouldPause', () => {
  it('pauses after MAX_CONSECUTIVE_FAILURES failures in a row', () => {
    expect(shouldPause(MAX_CONSECUTIVE_FAILURES - 1)).toBe(false)
    expect(shouldPause(MAX_CONSECUTIVE_FAILURES)).toBe(true)
  })
})
