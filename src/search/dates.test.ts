import { describe, expect, it } from 'vitest'
import { periodOf, publicationOf } from './dates.js'

const at = (iso: string) => Date.parse(iso)

describe('periodOf', () => {
  it('reads a bare day as that calendar day in Vietnam time (UTC+7)', () => {
    expect(periodOf('2013-10-23')).toEqual({ start: at('2013-10-22T17:00:00Z'), end: at('2013-10-23T16:59:59.999Z') })
  })

  it('reads a month as that calendar month in Vietnam time, December included', () => {
    expect(periodOf('2013-10')).toEqual({ start: at('2013-09-30T17:00:00Z'), end: at('2013-10-31T16:59:59.999Z') })
    expect(periodOf('2013-12')?.end).toBe(at('2013-12-31T16:59:59.999Z'))
  })

  it('reads a timestamp with offset as one instant', () => {
    expect(periodOf('2016-07-21T09:30:00+07:00')).toEqual({ start: at('2016-07-21T02:30:00Z'), end: at('2016-07-21T02:30:00Z') })
    expect(periodOf('2016-07-21T09:30Z')?.start).toBe(at('2016-07-21T09:30:00Z'))
  })

  it.each(['2013-02-30', '2013-13', '2013-00', '2013-10-23T24:00:00+07:00', '2013-10-23T10:00:00', 'yesterday', '', '2013-1-5', '2013-10-23T10:60Z'])('refuses %j', (value) => {
    expect(periodOf(value)).toBeNull()
  })

  it('accepts 29 February only in a leap year', () => {
    expect(periodOf('2024-02-29')).not.toBeNull()
    expect(periodOf('2023-02-29')).toBeNull()
  })
})

describe('publicationOf', () => {
  it('spans the period of a day or month, and is the ingest instant when undated', () => {
    expect(publicationOf('2017-03', '2026-01-01T00:00:00.000Z')).toEqual({ start: at('2017-02-28T17:00:00Z'), end: at('2017-03-31T16:59:59.999Z') })
    expect(publicationOf(null, '2026-01-01T00:00:00.000Z')).toEqual({ start: at('2026-01-01T00:00:00Z'), end: at('2026-01-01T00:00:00Z') })
  })
})
