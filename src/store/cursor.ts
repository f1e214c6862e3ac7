/**
 * Keyset pagination cursors. A cursor names the last item of a page by its
 * sort position (sort key, ingest time, id), so a page never skips or repeats
 * items when newer ones arrive in between. It travels as opaque base64url JSON.
 */
import { ApiError } from '../http/problem.js'

/** Where a page ends: the sort position of its last item. */
export type CursorKey = { sortKey: string; ingestedAt: string; id: string }

/** Longest cursor we decode: three short strings, base64url-encoded. */
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
  const json = JSON.stringify([key.sortKey, key.ingestedAt, key.id])
  const bytes = new TextEncoder().encode(json)
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decode a cursor from a query string; anything malformed is a 400 problem. */
export function decodeCursor(cursor: string): CursorKey {
  const invalid = new ApiError('invalid-query', 'cursor is not one this API issued.', {
    errors: [{ field: 'cursor', message: 'malformed cursor' }],
  })
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid
  let value: unknown
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    value = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))))
  } catch {
    throw invalid
  }
  if (!Array.isArray(value) || value.length !== 3 || !value.every((part) => typeof part === 'string')) throw invalid
  const [sortKey, ingestedAt, id] = value as [string, string, string]
  return { sortKey, ingestedAt, id }
}

/** Whether item `a` comes strictly after position `b` in newest-first order. */
export function isAfter(a: CursorKey, b: CursorKey): boolean {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey
  if (a.ingestedAt !== b.ingestedAt) return a.ingestedAt < b.ingestedAt
  return a.id < b.id
}
