/**
 * Which URLs bantin may fetch on an operator's behalf (server-side request
 * forgery checks). A registered feed, an item link and every redirect are
 * checked before they are fetched: only http and https, no credentials in the
 * URL, and no host that names this machine or a private network — loopback,
 * private (RFC 1918, unique local), link-local, carrier-grade NAT, multicast,
 * documentation and reserved ranges (IANA special-purpose registries, RFC
 * 6890), and names that only resolve inside a network (`localhost`, `.local`,
 * `.internal`, `.home.arpa`, single-label names).
 *
 * Addresses are checked as the WHATWG URL parser leaves them: it has already
 * turned `http://2130706433/`, `http://0x7f.1/` and `http://[::ffff:127.0.0.1]/`
 * into canonical IPv4 or compressed IPv6, so a check here cannot be dodged by
 * spelling. A public name that resolves to a private address is refused by
 * Cloudflare's network itself (a Worker cannot reach private addresses); see
 * ARCHITECTURE.md.
 *
 * Pure: no runtime imports.
 */

/** Why a URL is refused, as health and problem details show it. */
export type Refusal = 'not http or https' | 'credentials in the URL' | 'loopback address' | 'private address' | 'link-local address' | 'reserved address' | 'local host name'

type Range = { base: number; bits: number; kind: Refusal }

/** IPv4 special-purpose blocks (RFC 6890 and its updates) a fetch must not reach. */
const IPV4_BLOCKED: readonly Range[] = [
  { base: ip4(0, 0, 0, 0), bits: 8, kind: 'reserved address' }, // "this network"
  { base: ip4(10, 0, 0, 0), bits: 8, kind: 'private address' },
  { base: ip4(100, 64, 0, 0), bits: 10, kind: 'private address' }, // carrier-grade NAT (RFC 6598)
  { base: ip4(127, 0, 0, 0), bits: 8, kind: 'loopback address' },
  { base: ip4(169, 254, 0, 0), bits: 16, kind: 'link-local address' },
  { base: ip4(172, 16, 0, 0), bits: 12, kind: 'private address' },
  { base: ip4(192, 0, 0, 0), bits: 24, kind: 'reserved address' }, // IETF protocol assignments
  { base: ip4(192, 0, 2, 0), bits: 24, kind: 'reserved address' }, // TEST-NET-1
  { base: ip4(192, 88, 99, 0), bits: 24, kind: 'reserved address' }, // 6to4 relay anycast
  { base: ip4(192, 168, 0, 0), bits: 16, kind: 'private address' },
  { base: ip4(198, 18, 0, 0), bits: 15, kind: 'reserved address' }, // benchmarking
  { base: ip4(198, 51, 100, 0), bits: 24, kind: 'reserved address' }, // TEST-NET-2
  { base: ip4(203, 0, 113, 0), bits: 24, kind: 'reserved address' }, // TEST-NET-3
  { base: ip4(224, 0, 0, 0), bits: 4, kind: 'reserved address' }, // multicast
  { base: ip4(240, 0, 0, 0), bits: 4, kind: 'reserved address' }, // reserved, and broadcast
]

/** Host names that only resolve inside a network (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal). */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.localdomain']

/**
 * Why this URL must not be fetched, or null when it may be. `allowLocal`
 * (the ALLOW_LOCAL_SOURCES variable) lifts the address and name checks for
 * local fixtures; the scheme and credential checks stay.
 *
 * @example
 * fetchRefusal(new URL('http://127.0.0.1/feed'), false)  // => 'loopback address'
 * fetchRefusal(new URL('https://vnexpress.net/rss'), false) // => null
 */
export function fetchRefusal(url: URL, allowLocal: boolean): Refusal | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not http or https'
  if (url.username !== '' || url.password !== '') return 'credentials in the URL'
  if (allowLocal) return null
  const host = url.hostname.toLowerCase()
  if (host.startsWith('[')) return ipv6Refusal(host.slice(1, -1))
  const v4 = parseIpv4(host)
  if (v4 !== null) return ipv4Refusal(v4)
  const name = host.replace(/\.$/, '')
  if (name === 'localhost' || !name.includes('.') || LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) return 'local host name'
  return null
}

function ipv4Refusal(address: number): Refusal | null {
  for (const range of IPV4_BLOCKED) {
    const mask = range.bits === 0 ? 0 : (~0 << (32 - range.bits)) >>> 0
    if ((address & mask) >>> 0 === range.base) return range.kind
  }
  return null
}

function ipv6Refusal(text: string): Refusal | null {
  const groups = expandIpv6(text)
  if (groups === null) return 'reserved address'
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = groups
  if (groups.every((group) => group === 0)) return 'reserved address' // unspecified
  if (groups.slice(0, 7).every((group) => group === 0) && g7 === 1) return 'loopback address'
  const embeddedV4 = ((g6 << 16) | g7) >>> 0
  // IPv4-mapped ::ffff:a.b.c.d and the NAT64 prefix 64:ff9b::/96 carry an IPv4 address: judge that.
  if (groups.slice(0, 5).every((group) => group === 0) && g5 === 0xffff) return ipv4Refusal(embeddedV4)
  if (g0 === 0x64 && g1 === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) return ipv4Refusal(embeddedV4)
  if ((g0 & 0xfe00) === 0xfc00) return 'private address' // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local address'
  if ((g0 & 0xff00) === 0xff00) return 'reserved address' // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved address' // documentation
  if (groups.slice(0, 6).every((group) => group === 0)) return 'reserved address' // deprecated IPv4-compatible
  return null
}

/** Dotted-quad IPv4 (the URL parser's canonical form) as a 32-bit number, else null. */
function parseIpv4(host: string): number | null {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null
  return parts.reduce((address, part) => address * 256 + Number(part), 0)
}

/**
 * Eight 16-bit groups of an IPv6 address with `::` expanded; null if malformed.
 * The URL parser serializes IPv6 as hex groups only (a dotted IPv4 tail is
 * rewritten), so hex groups are all there is to read.
 */
function expandIpv6(text: string): number[] | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const parse = (part: string | undefined) => (part === undefined || part === '' ? [] : part.split(':').map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? Number.parseInt(group, 16) : Number.NaN)))
  const left = parse(halves[0])
  const right = parse(halves[1])
  const missing = 8 - left.length - right.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const groups = [...left, ...Array.from({ length: missing }, () => 0), ...right]
  return groups.some((group) => Number.isNaN(group)) ? null : groups
}

function ip4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0
}
