/**
 * The list routes' shared shape: a newest-first page from the KV head when the
 * head holds it, else from the writer's SQL; a signed keyset cursor to the
 * next page (store/cursor.ts), keyed by the deployment's INGEST_TOKEN.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy } from '../http/respond.js'
import { parseQuery } from '../http/validate.js'
import { type CursorKey, type CursorList, cursorKeyOf, decodeCursor, encodeCursor, pageFromHead } from '../store/cursor.js'
import type { Slice } from '../writer/newsroom.js'
import { ListQuerySchema } from './queries.js'

export type ListSource<T> = {
  /** Which list this is: its cursors are refused by any other. */
  list: CursorList
  /** The newest items and how many exist in all (one KV read). */
  head: () => Promise<{ total: number; items: T[] }>
  /** Items after a position, from the writer (pages past the head). */
  after: (after: CursorKey | null, limit: number) => Promise<Slice<T>>
  /** An item's sort position, as its cursor names it. */
  keyOf: (item: T) => CursorKey
  /** Parts in this list's cursor. */
  arity: number
}

export async function listPage<T>(c: Context<AppEnv>, source: ListSource<T>): Promise<Response> {
  const { limit, cursor } = parseQuery(c, ListQuerySchema)
  const key = await cursorKeyOf(c.env.INGEST_TOKEN)
  const after = cursor === undefined ? null : await decodeCursor(cursor, source.list, source.arity, key)
  if (cursor !== undefined && after === null) {
    throw new ApiError('invalid-query', 'cursor is not one this API issued.', { errors: [{ field: 'cursor', message: 'malformed cursor' }] })
  }
  const head = await source.head()
  const page = pageFromHead(head.items, head.total, after, limit, source.keyOf) ?? (await source.after(after, limit))
  const last = page.items.at(-1)
  const nextCursor = page.hasMore && last !== undefined ? await encodeCursor(source.list, source.keyOf(last), key) : null
  return jsonWithPolicy(c, { items: page.items, nextCursor }, 'list')
}
