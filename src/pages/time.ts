/**
 * Dates as a Vietnamese reader reads them: a relative label for what is
 * recent ("vừa xong", "5 phút trước", "2 giờ trước", "hôm qua"), a date
 * (`21/7/2016`) or a month (`tháng 3/2017`) for the rest, always at the
 * precision the date was given in (a report dated by day is never "9 giờ
 * trước"), on the Vietnam clock (UTC+7, no daylight saving). The page puts
 * the exact value in `<time datetime>` beside the label. Pure: `now` is
 * passed in.
 */

/** Vietnam's offset from UTC: +07:00 all year. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Past this a relative label says less than the date: a week. */
const RELATIVE_DAYS = 7

/** How far in the future a time may be and still read "vừa xong": clocks disagree by a few minutes. */
const CLOCK_SKEW_MS = 5 * MINUTE

export type DateLabel = {
  /** What the page shows. */
  label: string
  /** The exact date, for a `title` (tooltip): `09:30 21/7/2016` or the label itself. */
  exact: string
}

/**
 * The label of a stored date (an instant with offset, a day `YYYY-MM-DD` or a month `YYYY-MM`).
 *
 * @example
 * dateLabel('2026-11-25T05:00:00Z', Date.parse('2026-11-25T07:00:00Z')).label // => '2 giờ trước'
 * dateLabel('2016-07-21', Date.now()).label // => '21/7/2016'
 * dateLabel('2017-03', Date.now()).label // => 'tháng 3/2017'
 */
export function dateLabel(value: string, now: number): DateLabel {
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [year, month] = value.split('-')
    const label = `tháng ${Number(month)}/${year}`
    return { label, exact: label }
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const days = vietnamDay(now) - Date.parse(`${value}T00:00:00Z`) / DAY
    const date = dayText(Date.parse(`${value}T00:00:00Z`))
    return { label: days === 0 ? 'hôm nay' : days === 1 ? 'hôm qua' : date, exact: date }
  }
  const time = Date.parse(value)
  if (Number.isNaN(time)) return { label: value, exact: value }
  const exact = `${clockText(time)} ${dayText(time + VIETNAM_OFFSET_MS)}`
  const ago = now - time
  if (ago < -CLOCK_SKEW_MS) return { label: exact, exact }
  if (ago < MINUTE) return { label: 'vừa xong', exact }
  if (ago < HOUR) return { label: `${Math.floor(ago / MINUTE)} phút trước`, exact }
  if (ago < DAY) return { label: `${Math.floor(ago / HOUR)} giờ trước`, exact }
  const days = vietnamDay(now) - vietnamDay(time)
  if (days === 1) return { label: `hôm qua, ${clockText(time)}`, exact }
  if (days < RELATIVE_DAYS) return { label: `${days} ngày trước`, exact }
  return { label: dayText(time + VIETNAM_OFFSET_MS), exact }
}

/** The day number (days since 1970-01-01) of an instant on the Vietnam clock. */
function vietnamDay(time: number): number {
  return Math.floor((time + VIETNAM_OFFSET_MS) / DAY)
}

/** `21/7/2016` for a UTC-midnight-aligned time (already shifted to the clock wanted). */
function dayText(time: number): string {
  const date = new Date(time)
  return `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`
}

/** `09:30` on the Vietnam clock. */
function clockText(time: number): string {
  const date = new Date(time + VIETNAM_OFFSET_MS)
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
}
