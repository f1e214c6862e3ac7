import { describe, expect, it } from 'vitest'
import { isPublishedInRange } from './limits.js'

const NOW = Date.parse('2026-11-25T12:00:00Z')

describe('isPublishedInRange', () => {
  it('accepts 1990-01-01 and refuses the day before, at every precision', () => {
    expect(isPublishedInRange('1990-01-01', NOW)).toBe(true)
    expect(isPublishedInRange('1990-01', NOW), 'the month that starts on the earliest day').toBe(true)
    expect(isPublishedInRange('1989-12-31', NOW)).toBe(false)
    expect(isPublishedInRange('1989-12', NOW)).toBe(false)
    expect(isPublishedInRange('1989-12-31T23:59:00+07:00', NOW), 'the date as written').toBe(false)
  })

  it('accepts up to two days ahead, counting a month or a day from its first instant', () => {
    expect(isPublishedInRange('2026-11-27', NOW), 'the day after tomorrow starts within two days').toBe(true)
    expect(isPublishedInRange('2026-11-28', NOW)).toBe(false)
    expect(isPublishedInRange('2026-11', NOW), 'this month').toBe(true)
    expect(isPublishedInRange('2026-12', NOW), 'next month starts more than two days ahead').toBe(false)
    expect(isPublishedInRange('2026-11-27T11:59:00Z', NOW)).toBe(true)
    expect(isPublishedInRange('2026-11-27T19:00:00+07:00', NOW), '12:00 UTC, exactly two days ahead').toBe(true)
    expect(isPublishedInRange('2026-11-27T12:01:00Z', NOW)).toBe(false)
  })
})
