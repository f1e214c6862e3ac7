/**
 * Keyset pagination cursors. A cursor names the last item of a page by its
 * sort position (a tuple of strings, compared newest first), so a page never
 * skips or repeats items when newer ones arrive in between.
 *
 * It travels as `<payload>.<tag>`, both base64url: the payload is the JSON
 * `[list, ...position]`, the tag an HMAC-SHA-256 over it. So a cursor bantin
 * did not issue — forged, truncated, edited, or taken from another list — is
 * refused (`decodeCursor` answers null and the route says 400), and a position
 * is never read from a string nobody signed. The key is derived (HKDF) from the
 * deployment's secret; rotating that secret ends the cursors in flight, which
 * clients meet as a 400 and recover from by starting at the first page.
 * Without a secret the tag is still a check-sum under a public key: it catches
 * truncation, edits and other lists, not a deliberate forgery.
 *
 * Articles sort by (sort key, ingest time, id); stories by (update time, id).
 */
/** A sort position: compared component by component, larger first. */
export type CursorKey = readonly string[]

/** Which list a cursor pages: a cursor of one list is refused by another. */
export type CursorList = 'articles' | 'stories' | 'sources'

/** Longest cursor we decode: a few short strings and a 32-byte tag, base64url-encoded. */
const MAX_CURSOR_LENGTH = 512

/** HKDF `info`: names what the derived key is for, so it can be used for nothing else. */
const CURSOR_KEY_INFO = 'bantin cursor v1'

/** Key material when the deployment has no secret: public, so the tag is a check-sum only. */
const PUBLIC_KEY_MATERIAL = 'bantin public cursor key'

const keys = new Map<string, Promise<CryptoKey>>()

/**
 * The HMAC key for cursors, derived from a secret (memoized per isolate).
 *
 * @example
 * const key = await cursorKeyOf(env.INGEST_TOKEN)
 */
export function cursorKeyOf(secret: string | undefined): Promise<CryptoKey> {
  const material = secret === undefined || secret === '' ? PUBLIC_KEY_MATERIAL : secret
  let key = keys.get(material)
  if (key === undefined) {
    key = crypto.subtle
      .importKey('raw', new TextEncoder().encode(material), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(CURSOR_KEY_INFO) },
          base,
          { name: 'HMAC', hash: 'SHA-256', length: 256 },
          false,
          ['sign', 'verify'],
        ),
      )
    keys.set(material, key)
  }
  return key
}

/**
 * The sort key of an article: newest first by publication time, month- and
 * day-precision dates as written (they sort before any timed article of that
 * month or day), articles without a date by when they were ingested.
 *
 * @example
 * sortKeyOf('2016-07-20T09:00:00+07:00', '2026-01-01T00:00:00.000Z') // => '2016-07-20T02:00:00.000Z'
 */
export function sortKeyOf(publishedAt: string | null, ingestedAt: string): string {
  if (publishedAt === null) return ingestedAt
  return publishedAt.length > 10 ? new Date(publishedAt).toISOString() : publishedAt
}

/**
 * The cursor naming `position` in `list`.
 *
 * @example
 * await encodeCursor('stories', ['2026-11-25T13:00:00.000Z', 'bao-so-5'], key) // => 'WyJzdG9y….Kx3…'
 */
export async function encodeCursor(list: CursorList, position: CursorKey, key: CryptoKey): Promise<string> {
  const payload = base64url(new TextEncoder().encode(JSON.stringify([list, ...position])))
  const tag = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload)))
  return `${payload}.${base64url(tag)}`
}

/** The position a cursor of `list` names (`arity` parts), or null when it is not one this API issued for that list. */
export async function decodeCursor(cursor: string, list: CursorList, arity: number, key: CryptoKey): Promise<CursorKey | null> {
  if (cursor.length > MAX_CURSOR_LENGTH) return null
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(cursor)
  const payload = match?.[1]
  const tag = match?.[2] === undefined ? null : fromBase64url(match[2])
  if (payload === undefined || tag === null) return null
  if (!(await crypto.subtle.verify('HMAC', key, tag, new TextEncoder().encode(payload)))) return null
  const bytes = fromBase64url(payload)
  let value: unknown
  try {
    value = bytes === null ? null : JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
  } catch {
    return null
  }
  if (!Array.isArray(value) || value.length !== arity + 1 || value[0] !== list) return null
  const parts: string[] = []
  for (const part of value.slice(1)) {
    if (typeof part !== 'string') return null
    parts.push(part)
  }
  return parts
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

function fromBase64url(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0))
  } catch {
    return null
  }
}

/** Whether position `a` comes strictly after position `b` in newest-first order. */
export function isAfter(a: CursorKey, b: CursorKey): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? ''
    const y = b[i] ?? ''
    if (x !== y) return x < y
  }
  return false
}

/** A page from a newest-first head list: the items after the cursor, if the head holds the whole page. */
export function pageFromHead<T>(items: readonly T[], total: number, after: CursorKey | null, limit: number, keyOf: (item: T) => CursorKey): { items: T[]; hasMore: boolean } | null {
  const start = after === null ? 0 : items.findIndex((item) => isAfter(keyOf(item), after))
  const complete = items.length >= total
  if (start === -1) return complete ? { items: [], hasMore: false } : null
  const rest = items.slice(start)
  if (rest.length > limit || (rest.length === limit && !complete)) return { items: rest.slice(0, limit), hasMore: true }
  return complete ? { items: rest, hasMore: false } : null
}
