import { describe, expect, it } from 'vitest'
import { dateLabel } from './time.js'

const NOW = Date.parse('2026-11-25T07:00:00Z') // 14:00 in Hà Nội

describe('dateLabel', () => {
  it('says how long ago a recent instant was, in minutes, hours, then days', () => {
    expect(dateLabel('2026-11-25T06:59:30Z', NOW).label).toBe('vừa xong')
    expect(dateLabel('2026-11-25T06:55:00Z', NOW).label).toBe('5 phút trước')
    expect(dateLabel('2026-11-25T05:00:00Z', NOW).label).toBe('2 giờ trước')
    expect(dateLabel('2026-11-25T09:30:00+07:00', NOW).label, 'an offset is honoured').toBe('4 giờ trước')
    expect(dateLabel('2026-11-22T07:00:00Z', NOW).label).toBe('3 ngày trước')
  })

  it('says hours within a day, then counts calendar days on the Vietnam clock', () => {
    expect(dateLabel('2026-11-24T16:30:00Z', Date.parse('2026-11-25T01:00:00Z')).label, '23:30 to 08:00 in Hà Nội').toBe('8 giờ trước')
    expect(dateLabel('2026-11-23T18:00:00Z', Date.parse('2026-11-24T19:00:00Z')).label, '01:00 on the 24th to 02:00 on the 25th in Hà Nội').toBe('hôm qua, 01:00')
    expect(dateLabel('2026-11-23T16:30:00Z', Date.parse('2026-11-24T18:00:00Z')).label, '23:30 on the 23rd to 01:00 on the 25th in Hà Nội').toBe('2 ngày trước')
  })

  it('gives older instants as a date, with the exact time in the tooltip text', () => {
    const label = dateLabel('2016-07-21T09:30:00+07:00', NOW)
    expect(label.label).toBe('21/7/2016')
    expect(label.exact).toBe('09:30 21/7/2016')
  })

  it('keeps a day or a month at its precision', () => {
    expect(dateLabel('2026-11-25', NOW).label).toBe('hôm nay')
    expect(dateLabel('2026-11-24', NOW).label).toBe('hôm qua')
    expect(dateLabel('2016-07-21', NOW).label).toBe('21/7/2016')
    expect(dateLabel('2017-03', NOW).label).toBe('tháng 3/2017')
  })

  it('shows a time well in the future as the time, not "vừa xong"', () => {
    expect(dateLabel('2026-11-26T07:00:00Z', NOW).label).toBe('14:00 26/11/2026')
    expect(dateLabel('2026-11-25T07:02:00Z', NOW).label, 'a little clock skew is now').toBe('vừa xong')
  })
})
