/**
 * Keyset pagination cursors. A cursor names the last item of a page by its
 * sort position (a tuple of strings, compared newest first), so a page never
 * skips or repeats items when newer ones arrive in between. It travels as
 * opaque base64url JSON. A cursor that does not decode is `null`; the route
 * says so to the client.
 *
 * Articles sort by (sort key, ingest time, id); stories by (update time, id).
 */
/** A sort position: compared component by component, larger first. */
export type CursorKey = readonly string[]

/** Longest cursor we decode: a few short strings, base64url-encoded. */
const MAX_CURSOR_LENGTH = 512

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

export function encodeCursor(key: CursorKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decode a cursor of `arity` parts from a query string, or null when it is not one this API issued. */
export function decodeCursor(cursor: string, arity: number): CursorKey | null {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null
  let value: unknown
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    value = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))))
  } catch {
    return null
  }
  if (!Array.isArray(value) || value.length !== arity) return null
  const parts: string[] = []
  for (const part of value) {
    if (typeof part !== 'string') return null
    parts.push(part)
  }
  return parts
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
export function pageFromHead<T>(
  items: readonly T[],
  total: number,
  after: CursorKey | null,
  limit: number,
  keyOf: (item: T) => CursorKey,
): { items: T[]; hasMore: boolean } | null {
  const start = after === null ? 0 : items.findIndex((item) => isAfter(keyOf(item), after))
  const complete = items.length >= total
  if (start === -1) return complete ? { items: [], hasMore: false } : null
  const rest = items.slice(start)
  if (rest.length > limit || (rest.length === limit && !complete)) return { items: rest.slice(0, limit), hasMore: true }
  return complete ? { items: rest, hasMore: false } : null
}
