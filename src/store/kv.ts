/**
 * Reads from the KV read copy, each value decoded and checked against its
 * schema. A value that fails the check is answered as a 500 problem with code
 * `corrupt-record` (and logged), never passed on half-valid.
 */
import type * as z from 'zod/mini'
import { ApiError } from '../http/problem.js'
import { ARTICLES_HEAD_KEY, STORIES_HEAD_KEY, articleKey, articleSummaryKey, storyKey, storySummaryKey } from './keys.js'
import {
  type Article,
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

/** One article by id, or null when there is none. One KV read. */
export function readArticle(kv: KVNamespace, id: string): Promise<Article | null> {
  return readChecked(kv, articleKey(id), ArticleSchema)
}

/** The newest-articles head; an empty one before the first ingest. One KV read. */
export async function readArticlesHead(kv: KVNamespace): Promise<ArticlesHead> {
  return (await readChecked(kv, ARTICLES_HEAD_KEY, ArticlesHeadSchema)) ?? { total: 0, items: [] }
}

/** One story by id, or null. One KV read. */
export function readStory(kv: KVNamespace, id: string): Promise<Story | null> {
  return readChecked(kv, storyKey(id), StorySchema)
}

/** The most-recently-updated stories head; empty before the first story. One KV read. */
export async function readStoriesHead(kv: KVNamespace): Promise<StoriesHead> {
  return (await readChecked(kv, STORIES_HEAD_KEY, StoriesHeadSchema)) ?? { total: 0, items: [] }
}

/** An article's stored default summary, or null. One KV read. */
export function readArticleSummary(kv: KVNamespace, id: string): Promise<ArticleSummaryRecord | null> {
  return readChecked(kv, articleSummaryKey(id), ArticleSummarySchema)
}

/** A story's stored default summary, or null. One KV read. */
export function readStorySummary(kv: KVNamespace, id: string): Promise<StorySummaryRecord | null> {
  return readChecked(kv, storySummaryKey(id), StorySummarySchema)
}

async function readChecked<T>(kv: KVNamespace, key: string, schema: z.ZodMiniType<T>): Promise<T | null> {
  const raw = await kv.get(key, 'text')
  if (raw === null) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (cause) {
    throw new ApiError('corrupt-record', `The stored value for ${key} is not JSON.`, { cause })
  }
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new ApiError('corrupt-record', `The stored value for ${key} does not match its schema.`, { cause: result.error })
  }
  return result.data
}
