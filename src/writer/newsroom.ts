/**
 * The Newsroom: bantin's single writer, a SQLite-backed Durable Object.
 *
 * KV is eventually consistent and has no transactions, so two concurrent
 * ingests that both update a list or a story would lose one update. Every
 * write therefore goes through this one object, whose SQLite tables are the
 * source of truth; KV holds the read copy the GET routes serve.
 *
 * KV copies are written through an outbox (the transactional-outbox pattern):
 * the SQL change and the `kv_outbox` rows describing the KV writes commit in
 * one synchronous transaction, then `flush` writes them out. A failed KV write
 * stays in the outbox and is retried by the alarm, so KV converges on SQL.
 * KV allows one write per second per key, so a hot key (the list head, a busy
 * story) written again within that second is deferred to the alarm, which
 * writes only its latest value.
 *
 * Everything derived (story records, default summaries, list heads) is
 * recomputed here when its inputs change, so a GET is one KV read.
 */
import { DurableObject } from 'cloudflare:workers'
import * as z from 'zod/mini'
import type { Bindings } from '../env.js'
import type { NewArticle } from '../ingest/prepare.js'
import { assignArticle } from '../stories/assign.js'
import { signatureOf, storySlugOf, termCountsOf } from '../stories/group.js'
import { type StoryMember, storyFactsOf } from '../stories/story.js'
import { reportsToSummarize } from '../summarize/multi-document.js'
import { type CursorKey, sortKeyOf } from '../store/cursor.js'
import { ARTICLES_HEAD_KEY, STORIES_HEAD_KEY, articleKey, articleSummaryKey, storyKey, storySummaryKey } from '../store/keys.js'
import {
  type Article,
  type ArticleCard,
  ArticleSchema,
  type ArticlesHead,
  type StoriesHead,
  type Story,
  type StoryCard,
  StorySchema,
} from '../store/schemas.js'
import { DEFAULT_STORY_SUMMARY_WORDS } from '../summarize/defaults.js'
import { SqlGrouping, migrateGrouping } from './sql-grouping.js'
import { defaultArticleSummary, storySummaryOf } from './summaries.js'

/** KV's documented limit is one write per second to the same key. */
const KV_KEY_WRITE_INTERVAL_MS = 1000

/** Retry delay for a KV write that failed (KV outages are short; the outbox keeps the value). */
const KV_RETRY_MS = 5000

/** Cards kept in each list head: the API's largest page, so any first page is one KV read. */
export const HEAD_SIZE = 100

/** What an ingest did: `created` is false when the article was already stored. */
export type IngestResult = { created: boolean; article: Article }

/**
 * What a correction did. Errors cross the RPC boundary as values, not
 * exceptions, so the Worker maps them to problems without reading messages.
 */
export type CorrectionResult =
  | { status: 'replaced'; article: Article }
  | { status: 'removed' }
  | { status: 'not-found' }
  | { status: 'duplicate'; existingId: string }

/** A page read from SQL: the cards and whether more follow. */
export type Slice<T> = { items: T[]; hasMore: boolean }

const NEWEST_ARTICLES = 'ORDER BY sort_key DESC, ingested_at DESC, id DESC'
const NEWEST_STORIES = 'ORDER BY updated_at DESC, id DESC'

export class Newsroom extends DurableObject<Bindings> {
  private readonly sql: SqlStorage
  private readonly grouping: SqlGrouping
  /** When each key was last written to KV by this instance (in memory: a restart only risks one early write). */
  private readonly lastKvWrite = new Map<string, number>()

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env)
    this.sql = ctx.storage.sql
    migrate(this.sql)
    this.grouping = new SqlGrouping(this.sql)
  }

  /**
   * Store an article unless the same one (same canonical URL or same text) is
   * stored already, in which case the stored one is returned unchanged.
   * Check and insert run synchronously, so concurrent ingests of one article
   * cannot both create it. Without a storyId, grouping picks the story.
   */
  async ingest(article: NewArticle): Promise<IngestResult> {
    const existing = this.findDuplicate(article, null)
    if (existing !== null) return { created: false, article: existing }
    const now = new Date().toISOString()
    const { contentHash, ...fields } = article
    let stored: Article = { ...fields, ingestedAt: now, updatedAt: now }
    this.ctx.storage.transactionSync(() => {
      stored = this.place(stored, contentHash, now)
      this.enqueueHeads()
    })
    await this.flush(false)
    return { created: true, article: stored }
  }

  /**
   * Replace an article's content (a correction), keeping its id and ingest
   * time. Its story is decided again: the given storyId, or grouping.
   */
  async replace(id: string, article: NewArticle): Promise<CorrectionResult> {
    const current = this.findById(id)
    if (current === null) return { status: 'not-found' }
    const duplicate = this.findDuplicate(article, id)
    if (duplicate !== null) return { status: 'duplicate', existingId: duplicate.id }
    const now = new Date().toISOString()
    const { contentHash, ...fields } = article
    let stored: Article = { ...fields, id, ingestedAt: current.ingestedAt, updatedAt: now }
    this.ctx.storage.transactionSync(() => {
      this.unplace(current, now)
      stored = this.place(stored, contentHash, now)
      this.enqueueHeads()
    })
    await this.flush(false)
    return { status: 'replaced', article: stored }
  }

  /** Delete an article; its story loses it (and goes when empty). */
  async remove(id: string): Promise<CorrectionResult> {
    const current = this.findById(id)
    if (current === null) return { status: 'not-found' }
    const now = new Date().toISOString()
    this.ctx.storage.transactionSync(() => {
      this.unplace(current, now)
      this.enqueue(articleKey(id), null)
      this.enqueue(articleSummaryKey(id), null)
      this.enqueueHeads()
    })
    await this.flush(false)
    return { status: 'removed' }
  }

  /** Article cards after a cursor position, newest first (pages beyond the KV head). */
  async listArticles(after: CursorKey | null, limit: number): Promise<Slice<ArticleCard>> {
    return this.articleSlice(after, limit)
  }

  /** Story cards after a cursor position, most recently updated first (pages beyond the KV head). */
  async listStories(after: CursorKey | null, limit: number): Promise<Slice<StoryCard>> {
    return this.storySlice(after, limit)
  }

  /** Write out everything still in the outbox, whatever the per-key interval. */
  override async alarm(): Promise<void> {
    await this.flush(true)
  }

  /**
   * Insert an article, decide its story (the one it names, else grouping's
   * choice, else a new one), and queue the article's and story's KV values
   * (the caller queues the heads). Runs inside a synchronous transaction.
   */
  private place(article: Article, contentHash: string, now: string): Article {
    const sortKey = sortKeyOf(article.publishedAt, article.ingestedAt)
    // Grouping compares publication times; an undated report's time is unknown, not its ingest time.
    const time = article.publishedAt === null ? null : Date.parse(sortKey)
    const signature = signatureOf(article)
    const { decision, vector, terms } = assignArticle(this.grouping, signature, time)
    const storyId = article.storyId ?? decision.storyId ?? storySlugOf(article.title, article.id)
    const stored: Article = { ...article, storyId }
    this.sql.exec(
      `INSERT INTO articles (id, url, content_hash, sort_key, ingested_at, story_id, record) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      stored.id,
      stored.url,
      contentHash,
      sortKey,
      stored.ingestedAt,
      storyId,
      JSON.stringify(stored),
    )
    this.grouping.addMember(stored.id, storyId, vector, terms, time, signature.where)
    this.enqueue(articleKey(stored.id), stored)
    this.enqueue(articleSummaryKey(stored.id), defaultArticleSummary(stored))
    this.refreshStory(storyId, now)
    return stored
  }

  /** Take an article out of SQL, the grouping index and its story. Runs inside a transaction. */
  private unplace(article: Article, now: string): void {
    this.grouping.uncountDocument(Object.keys(termCountsOf(article)))
    this.grouping.removeMember(article.id)
    this.sql.exec(`DELETE FROM articles WHERE id = ?`, article.id)
    if (article.storyId !== null) this.refreshStory(article.storyId, now)
  }

  private findById(id: string): Article | null {
    const row = this.sql.exec(`SELECT record FROM articles WHERE id = ?`, id).toArray()[0]
    return row === undefined ? null : parseArticle(row.record)
  }

  /** Another stored article with the same id, URL or text (`except` excludes the one being replaced). */
  private findDuplicate(article: NewArticle, except: string | null): Article | null {
    const row = this.sql
      .exec(
        `SELECT record FROM articles WHERE (id = ? OR content_hash = ? OR (url IS NOT NULL AND url = ?)) AND id IS NOT ? LIMIT 1`,
        article.id,
        article.contentHash,
        article.url,
        except,
      )
      .toArray()[0]
    return row === undefined ? null : parseArticle(row.record)
  }

  /**
   * Recompute a story from its current members: its record and its default
   * summary. A story left with no members is deleted. (Heads: enqueueHeads.)
   *
   * Work per refresh stays bounded as a story grows: the member list is read
   * as a projection of the few fields a story lists (SQLite extracts them; no
   * article body is parsed), and only the reports the summary reads
   * (`reportsToSummarize`, at most MAX_SUMMARY_REPORTS) are read in full.
   */
  private refreshStory(storyId: string, now: string): void {
    const members = this.sql
      .exec(
        `SELECT id, sort_key,
                json_extract(record, '$.title') AS title, json_extract(record, '$.titleDerived') AS title_derived,
                json_extract(record, '$.source') AS source, json_extract(record, '$.url') AS url,
                json_extract(record, '$.publishedAt') AS published_at
         FROM articles WHERE story_id = ?`,
        storyId,
      )
      .toArray()
      .map((row): StoryMember => StoryMemberSchema.parse({
        id: row.id,
        title: row.title,
        titleDerived: row.title_derived === 1,
        source: row.source,
        url: row.url,
        publishedAt: row.published_at,
        sortKey: row.sort_key,
      }))
    if (members.length === 0) {
      this.sql.exec(`DELETE FROM stories WHERE id = ?`, storyId)
      this.enqueue(storyKey(storyId), null)
      this.enqueue(storySummaryKey(storyId), null)
    } else {
      const facts = storyFactsOf(members)
      const story: Story = {
        id: storyId,
        title: facts.title,
        articleCount: facts.articleCount,
        sources: facts.sources,
        firstPublishedAt: facts.firstPublishedAt,
        updatedAt: now,
        articles: facts.members.map(({ id, title, source, publishedAt, url }) => ({ id, title, source, publishedAt, url })),
      }
      const read = reportsToSummarize(facts.members).map((member) => this.findById(member.id)).filter((article) => article !== null)
      const latestRow = this.sql.exec(`SELECT MAX(time) AS t FROM article_vectors WHERE story_id = ?`, storyId).one().t
      const latest = latestRow === null ? null : Number(latestRow)
      this.sql.exec(
        `INSERT INTO stories (id, updated_at, latest, record) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, latest = excluded.latest, record = excluded.record`,
        storyId,
        now,
        latest,
        JSON.stringify(story),
      )
      this.enqueue(storyKey(storyId), story)
      this.enqueue(storySummaryKey(storyId), storySummaryOf(storyId, story.title, read, { words: DEFAULT_STORY_SUMMARY_WORDS }))
    }
  }

  private articleSlice(after: CursorKey | null, limit: number): Slice<ArticleCard> {
    const rows =
      after === null
        ? this.sql.exec(`SELECT record FROM articles ${NEWEST_ARTICLES} LIMIT ?`, limit + 1)
        : this.sql.exec(
            `SELECT record FROM articles WHERE (sort_key, ingested_at, id) < (?, ?, ?) ${NEWEST_ARTICLES} LIMIT ?`,
            after[0] ?? '',
            after[1] ?? '',
            after[2] ?? '',
            limit + 1,
          )
    const cards = rows.toArray().map((row) => toCard(parseArticle(row.record)))
    return { items: cards.slice(0, limit), hasMore: cards.length > limit }
  }

  private storySlice(after: CursorKey | null, limit: number): Slice<StoryCard> {
    const rows =
      after === null
        ? this.sql.exec(`SELECT record FROM stories ${NEWEST_STORIES} LIMIT ?`, limit + 1)
        : this.sql.exec(`SELECT record FROM stories WHERE (updated_at, id) < (?, ?) ${NEWEST_STORIES} LIMIT ?`, after[0] ?? '', after[1] ?? '', limit + 1)
    const cards = rows.toArray().map((row) => toStoryCard(parseStory(row.record)))
    return { items: cards.slice(0, limit), hasMore: cards.length > limit }
  }

  /**
   * Queue both list heads, once per write: a correction touches two stories,
   * and each head is one query however many changes it reflects.
   */
  private enqueueHeads(): void {
    const articleCount = Number(this.sql.exec(`SELECT COUNT(*) AS n FROM articles`).one().n)
    const storyCount = Number(this.sql.exec(`SELECT COUNT(*) AS n FROM stories`).one().n)
    this.enqueue(ARTICLES_HEAD_KEY, { total: articleCount, items: this.articleSlice(null, HEAD_SIZE).items } satisfies ArticlesHead)
    this.enqueue(STORIES_HEAD_KEY, { total: storyCount, items: this.storySlice(null, HEAD_SIZE).items } satisfies StoriesHead)
  }

  /** Record a KV write (or a delete, with `null`) to happen after the current transaction. */
  private enqueue(key: string, value: unknown): void {
    this.sql.exec(
      `INSERT INTO kv_outbox (key, value, seq) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, seq = kv_outbox.seq + 1`,
      key,
      value === null ? null : JSON.stringify(value),
    )
  }

  /**
   * Write outbox rows to KV. Without `force`, a key written less than
   * KV_KEY_WRITE_INTERVAL_MS ago is left for the alarm.
   */
  private async flush(force: boolean): Promise<void> {
    const now = Date.now()
    let nextDue = Number.POSITIVE_INFINITY
    const writes: Promise<void>[] = []
    for (const row of this.sql.exec(`SELECT key, value, seq FROM kv_outbox`).toArray()) {
      const key = String(row.key)
      const last = this.lastKvWrite.get(key) ?? 0
      if (!force && now - last < KV_KEY_WRITE_INTERVAL_MS) {
        nextDue = Math.min(nextDue, last + KV_KEY_WRITE_INTERVAL_MS)
        continue
      }
      this.lastKvWrite.set(key, now)
      const write = row.value === null ? this.env.KV.delete(key) : this.env.KV.put(key, String(row.value))
      writes.push(
        write.then(() => {
          // Only the value we wrote leaves the outbox; a newer one queued meanwhile stays.
          this.sql.exec(`DELETE FROM kv_outbox WHERE key = ? AND seq = ?`, key, row.seq)
        }),
      )
    }
    const results = await Promise.allSettled(writes)
    if (results.some((result) => result.status === 'rejected')) nextDue = Math.min(nextDue, Date.now() + KV_RETRY_MS)
    if (nextDue !== Number.POSITIVE_INFINITY) {
      const current = await this.ctx.storage.getAlarm()
      if (current === null || current > nextDue) await this.ctx.storage.setAlarm(nextDue)
    }
  }
}

function migrate(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS articles (
      id TEXT PRIMARY KEY,
      url TEXT UNIQUE,
      content_hash TEXT NOT NULL UNIQUE,
      sort_key TEXT NOT NULL,
      ingested_at TEXT NOT NULL,
      story_id TEXT,
      record TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_newest ON articles (sort_key DESC, ingested_at DESC, id DESC);
    CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id);
    CREATE TABLE IF NOT EXISTS stories (
      id TEXT PRIMARY KEY,
      updated_at TEXT NOT NULL,
      latest INTEGER,
      record TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS stories_newest ON stories (updated_at DESC, id DESC);
    CREATE TABLE IF NOT EXISTS kv_outbox (
      key TEXT PRIMARY KEY,
      value TEXT,
      seq INTEGER NOT NULL
    );
  `)
  migrateGrouping(sql)
}

/** Records in SQL were written by this class from checked input; still, check what we read. */
function parseArticle(value: SqlStorageValue | undefined): Article {
  if (typeof value !== 'string') throw new TypeError('article record is not text')
  return ArticleSchema.parse(JSON.parse(value))
}

/** A story member as refreshStory reads it from SQL: the fields a story lists, and its sort key. */
const StoryMemberSchema = z.extend(z.pick(ArticleSchema, { id: true, title: true, titleDerived: true, source: true, url: true, publishedAt: true }), {
  sortKey: z.string(),
})

function parseStory(value: SqlStorageValue | undefined): Story {
  if (typeof value !== 'string') throw new TypeError('story record is not text')
  return StorySchema.parse(JSON.parse(value))
}

function toCard(article: Article): ArticleCard {
  const { id, title, lead, source, url, publishedAt, storyId, wordCount, ingestedAt } = article
  return { id, title, lead, source, url, publishedAt, storyId, wordCount, ingestedAt }
}

function toStoryCard(story: Story): StoryCard {
  const { articles: _articles, ...card } = story
  return card
}
