/**
 * Publication times as outlets write them → the API's `publishedAt`
 * (ISO 8601 with an offset, or a day or month kept at its precision).
 *
 * Feeds write RFC 822 (`Wed, 23 Oct 2013 11:39:00 +0700`, RSS 2.0) or RFC
 * 3339 (Atom, JSON Feed); pages write ISO 8601 in JSON-LD and meta tags, and
 * Vietnamese outlets sometimes `23/10/2013 11:39` or an offset like `GMT+7`.
 * A time with no zone is read as Vietnam time (+07:00): bantin gathers
 * Vietnamese outlets, and reading it as UTC would move every such article
 * seven hours. The offset a source gives is kept as given, not converted.
 *
 * Pure: no runtime imports. "Not a date" is `null`.
 */

/** The zone assumed for a time written without one (Indochina Time, no daylight saving). */
const VIETNAM_OFFSET = '+07:00'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** RFC 822 zone names still seen in feeds (RFC 822 §5.1). */
const ZONES: Record<string, string> = {
  gmt: '+00:00',
  ut: '+00:00',
  utc: '+00:00',
  z: '+00:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  ict: '+07:00',
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i
const MONTH_ONLY = /^(\d{4})-(\d{2})$/
const RFC822 = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(.*)$/i
const VIETNAMESE = /^(?:[^\d]*?)(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*[-,|]?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?\s*(?:\(?\s*(GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?)\s*\)?)?$/i

/**
 * Read a publication time; null when the value is not one.
 *
 * @example
 * publishedAtOf('Wed, 23 Oct 2013 11:39:00 +0700') // => '2013-10-23T11:39:00+07:00'
 * publishedAtOf('2013-10-23T11:39:00')             // => '2013-10-23T11:39:00+07:00'
 * publishedAtOf('2013-10-23')                      // => '2013-10-23'
 */
export function publishedAtOf(raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? ''
  if (value === '') return null
  const iso = ISO.exec(value)
  if (iso !== null) {
    const [, year = '', month = '', day = '', hour, minute, second, fraction, zone] = iso
    if (hour === undefined || minute === undefined) return build(year, month, day, null)
    return build(year, month, day, { hour, minute, second: second ?? '00', fraction: fraction ?? '', offset: zone === undefined ? VIETNAM_OFFSET : offsetOf(zone) })
  }
  const month = MONTH_ONLY.exec(value)
  if (month !== null) return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? value : null
  const rfc = RFC822.exec(value)
  if (rfc !== null) {
    const [, day = '', monthName = '', yearText = '', hour = '', minute = '', second, zone = ''] = rfc
    const monthIndex = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase())
    const offset = zone.trim() === '' ? VIETNAM_OFFSET : offsetOf(zone.trim())
    if (monthIndex === -1 || offset === null) return null
    const year = yearText.length === 2 ? `20${yearText}` : yearText
    return build(year, String(monthIndex + 1), day, { hour, minute, second: second ?? '00', fraction: '', offset })
  }
  const vi = VIETNAMESE.exec(value)
  if (vi !== null) {
    const [, day = '', monthText = '', year = '', hour, minute, second, zone] = vi
    if (hour === undefined || minute === undefined) return build(year, monthText, day, null)
    const offset = zone === undefined ? VIETNAM_OFFSET : offsetOf(zone)
    if (offset === null) return null
    return build(year, monthText, day, { hour, minute, second: second ?? '00', fraction: '', offset })
  }
  return null
}

type Clock = { hour: string; minute: string; second: string; fraction: string; offset: string | null }

function build(year: string, month: string, day: string, clock: Clock | null): string | null {
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null
  const date = `${year.padStart(4, '0')}-${two(m)}-${two(d)}`
  if (clock === null) return date
  const h = Number(clock.hour)
  const min = Number(clock.minute)
  const s = Number(clock.second)
  if (h > 23 || min > 59 || s > 59 || clock.offset === null) return null
  return `${date}T${two(h)}:${two(min)}:${two(s)}${clock.fraction}${clock.offset}`
}

/** `+0700`, `+07:00`, `-05`, `GMT+7`, `GMT+07:00`, `Z`, `GMT`, `EST` → `±HH:MM`; null if unknown. */
function offsetOf(zone: string): string | null {
  const named = ZONES[zone.toLowerCase()]
  if (named !== undefined) return named
  const match = /^(?:gmt|utc)?\s*([+-])\s*(\d{1,2}):?(\d{2})?$/i.exec(zone)
  if (match === null) return null
  const [, sign = '+', hours = '0', minutes = '00'] = match
  if (Number(hours) > 14 || Number(minutes) > 59) return null
  return `${sign}${two(Number(hours))}:${minutes}`
}

function two(n: number): string {
  return String(n).padStart(2, '0')
}
