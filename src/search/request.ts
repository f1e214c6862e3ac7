/**
 * What the search routes ask the Newsroom and what it answers: plain data that
 * crosses the RPC boundary. Also the positions paging resumes from, and how a
 * position is written into a cursor and read back.
 *
 * Paging is keyset, as in the lists. In relevance order a position is (tier,
 * BM25 score, id): exact while the index does not change; an ingest between
 * two pages shifts scores (BM25 depends on document frequencies and average
 * length), so a later page may then repeat or skip an item near its edge.
 * That is the honest limit of ranking a changing archive without a snapshot;
 * `sort=recent` pages are exact (publication sort key, id). A cursor also
 * carries a fingerprint of the query and filters it was issued for, and a
 * cursor of another query or another order is refused; one of another list
 * fails its signature (store/cursor.ts signs the list's name with it).
 *
 * Pure: no runtime imports.
 */
import type { StoryCard } from '../store/schemas.js'
import type { RankTier } from './match.js'
import type { SearchQuery } from './query.js'

export type SearchSort = 'relevance' | 'recent'

export type SearchFilters = {
  /** Outlets, exactly as articles name them; empty: any. */
  sources: string[]
  /** Inclusive bounds in ms since the epoch; null: open. */
  from: number | null
  to: number | null
  storyId: string | null
}

/** Where the previous page ended: by relevance (tier, score, id) or by date (sort key, id). */
export type SearchPosition = { sort: 'relevance'; tier: RankTier; score: number; id: string } | { sort: 'recent'; key: string; id: string }

export type SearchRequest = {
  query: SearchQuery
  filters: SearchFilters
  sort: SearchSort
  limit: number
  after: SearchPosition | null
}

/** One article found: its card fields and where the query is in its text. */
export type ArticleHit = {
  id: string
  title: string
  source: string | null
  url: string | null
  publishedAt: string | null
  storyId: string | null
  snippet: string
  highlights: [number, number][]
}

/** One story found: its card, and its best-ranked report with the snippet of that report. */
export type StoryHit = StoryCard & { match: { articleId: string; title: string; snippet: string; highlights: [number, number][] } }

/** A page of results and, when more follow, the position of its last item. */
export type SearchSlice<T> = { items: T[]; next: SearchPosition | null }

/** Which list a cursor belongs to. */
export type SearchList = 'articles' | 'stories'

/**
 * A cursor's position parts (strings, as `encodeCursor` signs them under the
 * list's name): the order, the query fingerprint, then the position.
 *
 * @example
 * cursorPartsOf('a1b2c3d4', { sort: 'recent', key: '2013-10-23T04:39:00.000Z', id: '0123456789abcdef' })
 * // => ['recent', 'a1b2c3d4', '2013-10-23T04:39:00.000Z', '0123456789abcdef']
 */
export function cursorPartsOf(fingerprint: string, position: SearchPosition): string[] {
  const head = [position.sort, fingerprint]
  return position.sort === 'relevance' ? [...head, String(position.tier), String(position.score), position.id] : [...head, position.key, position.id]
}

/** Parts in a cursor of each order, for `decodeCursor`'s arity check. */
export const CURSOR_ARITY: Record<SearchSort, number> = { relevance: 5, recent: 4 }

/**
 * The position in a cursor's parts, or null when they are not a cursor
 * issued for this query and order (the list is checked by the signature).
 */
export function positionOf(parts: readonly string[], sort: SearchSort, fingerprint: string, isId: (id: string) => boolean): SearchPosition | null {
  if (parts[0] !== sort || parts[1] !== fingerprint) return null
  if (sort === 'recent') {
    const [key, id] = parts.slice(2)
    return key !== undefined && id !== undefined && key !== '' && isId(id) ? { sort, key, id } : null
  }
  const [tier, score, id] = parts.slice(2)
  const rank = Number(score)
  if (tier !== '0' && tier !== '1' && tier !== '2') return null
  if (score === undefined || score === '' || !Number.isFinite(rank) || id === undefined || !isId(id)) return null
  return { sort, tier: tier === '0' ? 0 : tier === '1' ? 1 : 2, score: rank, id }
}

/**
 * A short fingerprint of what a cursor is valid for (FNV-1a, 32 bits, hex):
 * not a secret, only a guard against mixing cursors of different queries.
 *
 * @example
 * fingerprintOf(['hà nội', 'relevance']) // => '…8 hex digits…'
 */
export function fingerprintOf(parts: readonly string[]): string {
  let hash = 0x811c9dc5
  const text = JSON.stringify(parts)
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}
