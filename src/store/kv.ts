/**
 * Reads from the KV read copy, for one request: each value decoded and checked
 * against its schema (a value that fails is a `CorruptRecordError`, which
 * the API answers as a 500 `corrupt-record` problem, never passed on
 * half-valid), served from the in-isolate
 * hot cache when fresh, and counted for the request's log line and
 * Server-Timing header.
 */
import type * as z from 'zod/mini'
import { CorruptRecordError } from './errors.js'
import { HOT_TTL_MS, etagOf, hotGet, hotSet } from './hot-cache.js'
import {
  ARTICLES_HEAD_KEY,
  DIGESTS_HEAD_KEY,
  SOURCES_HEAD_KEY,
  STORIES_HEAD_KEY,
  articleKey,
  articlePlanKey,
  articleSummaryKey,
  outletKey,
  sourceKey,
  storyKey,
  storyPlanKey,
  storySummaryKey,
} from './keys.js'
import { type DigestHead, DigestHeadSchema, type Outlet, OutletSchema } from './reading-schemas.js'
import { type Source, SourceSchema, type SourcesHead, SourcesHeadSchema } from './source-schemas.js'
import {
  type Article,
  type ArticlePlanRecord,
  ArticlePlanRecordSchema,
  type StoryPlanRecord,
  StoryPlanRecordSchema,
  type ArticleSummaryRecord,
  type ArticlesHead,
  type StoriesHead,
  type Story,
  type StorySummaryRecord,
  ArticleSchema,
  ArticleSummarySchema,
  ArticlesHeadSchema,
  StoriesHeadSchema,
  StorySchema,
  StorySummarySchema,
} from './schemas.js'

/** A checked value with the exact JSON it was stored as, and that JSON's ETag. */
export type Stored<T> = { value: T; raw: string; etag: string }

/** What one request read: for logs and Server-Timing. */
export type ReadStats = { kvReads: number; kvMs: number; hotHits: number }

export function newReadStats(): ReadStats {
  return { kvReads: 0, kvMs: 0, hotHits: 0 }
}

/** The reads a request may make, each at most one KV get. */
export type StoreReader = ReturnType<typeof storeReader>

export function storeReader(kv: KVNamespace, stats: ReadStats) {
  async function read<T>(key: string, schema: z.ZodMiniType<T>): Promise<Stored<T> | null> {
    const now = Date.now()
    const hot = hotGet(key, now)
    if (hot !== undefined) {
      stats.hotHits += 1
      // Values enter the cache only after passing this same schema.
      return hot as Stored<T>
    }
    const started = performance.now()
    const raw = await kv.get(key, 'text')
    stats.kvReads += 1
    stats.kvMs += performance.now() - started
    if (raw === null) return null
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch (cause) {
      throw new CorruptRecordError(key, 'not JSON', { cause })
    }
    const result = schema.safeParse(json)
    if (!result.success) throw new CorruptRecordError(key, 'schema mismatch', { cause: result.error })
    const stored = { value: result.data, raw, etag: etagOf(raw) }
    hotSet(key, { ...stored, expires: now + HOT_TTL_MS })
    return stored
  }
  return {
    article: (id: string) => read<Article>(articleKey(id), ArticleSchema),
    articlesHead: async (): Promise<ArticlesHead> => (await read(ARTICLES_HEAD_KEY, ArticlesHeadSchema))?.value ?? { total: 0, items: [] },
    story: (id: string) => read<Story>(storyKey(id), StorySchema),
    storiesHead: async (): Promise<StoriesHead> => (await read(STORIES_HEAD_KEY, StoriesHeadSchema))?.value ?? { total: 0, items: [] },
    articleSummary: (id: string) => read<ArticleSummaryRecord>(articleSummaryKey(id), ArticleSummarySchema),
    storySummary: (id: string) => read<StorySummaryRecord>(storySummaryKey(id), StorySummarySchema),
    articlePlan: (id: string) => read<ArticlePlanRecord>(articlePlanKey(id), ArticlePlanRecordSchema),
    storyPlan: (id: string) => read<StoryPlanRecord>(storyPlanKey(id), StoryPlanRecordSchema),
    digestsHead: () => read<DigestHead>(DIGESTS_HEAD_KEY, DigestHeadSchema),
    outlet: (slug: string) => read<Outlet>(outletKey(slug), OutletSchema),
    source: (id: string) => read<Source>(sourceKey(id), SourceSchema),
    sourcesHead: async (): Promise<SourcesHead> => (await read(SOURCES_HEAD_KEY, SourcesHeadSchema))?.value ?? { total: 0, items: [] },
  }
}
