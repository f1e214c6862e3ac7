/**
 * Time filters of a search: `from` and `to` as instants, and each article's
 * publication as an interval, so that precision is honoured both ways.
 *
 * `from`/`to` accept what `publishedAt` accepts: a month (`2013-10`), a day
 * (`2013-10-23`) or a full timestamp with offset. A bare month or day is a
 * calendar period in Vietnam time (UTC+7, no daylight saving): `from` is its
 * first instant, `to` its last (both inclusive). An article dated only to a
 * day or a month is published somewhere in that period; it matches when the
 * period overlaps `[from, to]`. An undated article is placed at its ingest
 * time, as the lists sort it.
 *
 * Pure: no runtime imports.
 */

/** Vietnam's offset from UTC (Indochina Time; no daylight saving since 1975). */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000

const MONTH = /^(\d{4})-(\d{2})$/
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/

/** A closed interval of instants, in ms since the epoch. */
export type Interval = { start: number; end: number }

/**
 * The instants a `publishedAt` value (or a filter bound) can stand for; null
 * when it is not a real month, day or timestamp with offset.
 *
 * @example
 * periodOf('2013-10-23') // => { start: Date.parse('2013-10-22T17:00:00Z'), end: Date.parse('2013-10-23T16:59:59.999Z') }
 * periodOf('2013-02-30') // => null
 */
export function periodOf(value: string): Interval | null {
  const month = MONTH.exec(value)
  if (month !== null) {
    const [y, m] = [Number(month[1]), Number(month[2])]
    if (m < 1 || m > 12) return null
    return vietnamPeriod(Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1))
  }
  const day = DAY.exec(value)
  if (day !== null) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])]
    const start = Date.UTC(y, m - 1, d)
    if (!isCalendarDay(start, y, m, d)) return null
    return vietnamPeriod(start, Date.UTC(y, m - 1, d + 1))
  }
  const stamp = TIMESTAMP.exec(value)
  if (stamp !== null) {
    const [y, m, d, hh, mm, ss, oh, om] = stamp.slice(1).map((part) => Number(part ?? 0))
    if (!isCalendarDay(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0), y ?? 0, m ?? 0, d ?? 0)) return null
    if ((hh ?? 0) > 23 || (mm ?? 0) > 59 || (ss ?? 0) > 59 || (oh ?? 0) > 23 || (om ?? 0) > 59) return null
    const instant = Date.parse(value)
    return Number.isNaN(instant) ? null : { start: instant, end: instant }
  }
  return null
}

/**
 * An article's publication interval: its `publishedAt` period, or its ingest
 * instant when undated (or when a stored date cannot be read).
 *
 * @example
 * publicationOf('2017-03', '2026-01-01T00:00:00.000Z').start // => Date.parse('2017-02-28T17:00:00Z')
 */
export function publicationOf(publishedAt: string | null, ingestedAt: string): Interval {
  const period = publishedAt === null ? null : periodOf(publishedAt)
  if (period !== null) return period
  const instant = Date.parse(ingestedAt)
  return { start: instant, end: instant }
}

/** [first instant, next period's first instant) in Vietnam time, from the same span in UTC. */
function vietnamPeriod(utcStart: number, utcNext: number): Interval {
  return { start: utcStart - VIETNAM_OFFSET_MS, end: utcNext - VIETNAM_OFFSET_MS - 1 }
}

function isCalendarDay(utc: number, y: number, m: number, d: number): boolean {
  const date = new Date(utc)
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}
