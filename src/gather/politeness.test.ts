import { describe, expect, it } from 'vitest'
import { DEFAULT_BACKOFF_MS, HOST_CONCURRENCY, IDLE_HOST, LEASE_MS, MAX_BACKOFF_MS, acquireSlot, releaseSlot, retryAfterMsOf, retryDelaySeconds } from './politeness.js'

describe('acquireSlot and releaseSlot', () => {
  it('spaces fetch starts by the delay and allows at most HOST_CONCURRENCY in flight', () => {
    const first = acquireSlot(IDLE_HOST, 0, 1000)
    expect(first.granted, 'an idle host grants').toBe(true)
    const tooSoon = acquireSlot(first.state, 400, 1000)
    expect(tooSoon, 'the next start waits out the delay').toEqual({ granted: false, waitMs: 600, state: expect.anything() })
    const second = acquireSlot(first.state, 1000, 1000)
    expect(second.granted).toBe(true)
    const third = acquireSlot(second.state, 2000, 1000)
    expect(HOST_CONCURRENCY, 'two slots').toBe(2)
    expect(third.granted, 'both slots are in use').toBe(false)
    const freed = releaseSlot(second.state, 2000, 200, null)
    expect(acquireSlot(freed, 2000, 1000).granted, 'a released slot is free again').toBe(true)
  })

  it('takes a slot back from a consumer that never released it', () => {
    const a = acquireSlot(IDLE_HOST, 0, 0)
    const b = acquireSlot(a.state, 0, 0)
    expect(acquireSlot(b.state, 1, 0).granted, 'full').toBe(false)
    expect(acquireSlot(b.state, LEASE_MS + 1, 0).granted, 'leases expired').toBe(true)
  })

  it('keeps the host away after a 429 for its Retry-After, bounded', () => {
    const taken = acquireSlot(IDLE_HOST, 0, 1000)
    const after429 = releaseSlot(taken.state, 500, 429, 120_000)
    expect(after429.backoffUntil).toBe(120_500)
    expect(acquireSlot(after429, 60_000, 1000), 'refused while backing off').toEqual({ granted: false, waitMs: 60_500, state: expect.anything() })
    expect(releaseSlot(taken.state, 0, 503, null).backoffUntil, '503 without Retry-After').toBe(DEFAULT_BACKOFF_MS)
    expect(releaseSlot(taken.state, 0, 429, 10 * MAX_BACKOFF_MS).backoffUntil, 'capped').toBe(MAX_BACKOFF_MS)
    expect(releaseSlot(taken.state, 0, 404, 120_000).backoffUntil, 'a 404 is not a reason to back off').toBe(0)
  })
})

describe('retryAfterMsOf and retryDelaySeconds', () => {
  it('reads delay-seconds and HTTP-dates', () => {
    const now = Date.parse('2026-11-23T10:00:00Z')
    expect(retryAfterMsOf('120', now)).toBe(120_000)
    expect(retryAfterMsOf('Mon, 23 Nov 2026 10:02:00 GMT', now)).toBe(120_000)
    expect(retryAfterMsOf('Mon, 23 Nov 2026 09:00:00 GMT', now), 'a date past is now').toBe(0)
    expect(retryAfterMsOf('soon', now)).toBeNull()
    expect(retryAfterMsOf(null, now)).toBeNull()
  })

  it('doubles the retry delay per attempt, up to an hour', () => {
    expect([1, 2, 3, 4, 10].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 3600])
  })
})
