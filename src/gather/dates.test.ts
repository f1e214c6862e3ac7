import { describe, expect, it } from 'vitest'
import { publishedAtOf } from './dates.js'

describe('publishedAtOf', () => {
  it.each([
    ['Wed, 23 Oct 2013 11:39:00 +0700', '2013-10-23T11:39:00+07:00', 'RSS 2.0 (RFC 822) with a numeric zone'],
    ['Wed, 23 Oct 2013 04:39:00 GMT', '2013-10-23T04:39:00+00:00', 'RFC 822 with GMT'],
    ['23 Oct 2013 11:39 GMT+7', '2013-10-23T11:39:00+07:00', 'no weekday, no seconds, GMT+7 as some Vietnamese feeds write it'],
    ['Thu, 5 Dec 2013 08:05:00 EST', '2013-12-05T08:05:00-05:00', 'a named US zone'],
    ['2013-10-23T11:39:00+07:00', '2013-10-23T11:39:00+07:00', 'RFC 3339 as given'],
    ['2013-10-23T04:39:00.120Z', '2013-10-23T04:39:00.120+00:00', 'UTC with a fraction'],
    ['2013-10-23T11:39:00+0700', '2013-10-23T11:39:00+07:00', 'an offset without a colon'],
    ['2013-10-23T11:39:00', '2013-10-23T11:39:00+07:00', 'no zone: read as Vietnam time'],
    ['2013-10-23 11:39', '2013-10-23T11:39:00+07:00', 'a space instead of T'],
    ['23/10/2013 11:39', '2013-10-23T11:39:00+07:00', 'day/month/year as Vietnamese pages write it'],
    ['Thứ tư, 23/10/2013 - 11:39 (GMT+7)', '2013-10-23T11:39:00+07:00', 'with a weekday in words and the zone in brackets'],
    ['2013-10-23', '2013-10-23', 'a day stays a day'],
    ['2013-10', '2013-10', 'a month stays a month'],
  ])('reads %j', (input, expected, why) => {
    expect(publishedAtOf(input), why).toBe(expected)
  })

  it.each([
    ['', 'empty'],
    ['hôm qua', 'words'],
    ['2013-02-30T10:00:00+07:00', 'no such day'],
    ['2013-10-23T25:00:00+07:00', 'no such hour'],
    ['Wed, 23 Foo 2013 11:39:00 +0700', 'no such month'],
    ['Wed, 23 Oct 2013 11:39:00 XYZ', 'an unknown zone'],
  ])('answers null for %j (%s)', (input, why) => {
    expect(publishedAtOf(input), why).toBeNull()
  })
})
