/**
 * The Newsroom: bantin's single writer, a SQLite-backed Durable Object.
 *
 * KV is eventually consistent and has no transactions, so two concurrent
 * ingests that both update a list or a story would lose one update. Every
 * write therefore goes through this one object, whose SQLite tables are the
 * source of truth; KV holds the read copy the GET routes serve.
 *
 * This class is the RPC surface and the orchestration of a write: placing an
 * article in its story and recomputing what depends on it. Each table or duty
 * is its own module: the articles table (articles.ts), the stories table
 * (stories.ts), the grouping index (sql-grouping.ts) and the KV outbox
 * (outbox.ts), whose rows commit in the same synchronous transaction as the
 * change they mirror.
 *
 * Everything derived (story records, default summaries, list heads) is
 * recomputed here when its inputs change, so a GET is one KV read.
 */
import { DurableObject } from 'cloudflare:workers'
import type { Bindings } from '../env.js'
import type { NewArticle } from '../ingest/prepare.js'
import { assignArticle } from '../stories/assign.js'
import { signatureOf, storySlugOf, termCountsOf } from '../stories/group.js'
import { storyFactsOf } from '../stories/story.js'
import { reportsToSummarize } from '../summarize/multi-document.js'
import { type CursorKey, sortKeyOf } from '../store/cursor.js'
import { ARTICLES_HEAD_KEY, STORIES_HEAD_KEY, articleKey, articlePlanKey, articleSummaryKey, storyKey, storyPlanKey, storySummaryKey } from '../store/keys.js'
import type { Article, ArticleCard, ArticlesHead, StoriesHead, Story, StoryCard } from '../store/schemas.js'
import type { StoryDigest } from '../store/reading-schemas.js'
import { ARTICLES_SCHEMA, type Slice, SqlArticles } from './articles.js'
import { KvOutbox, OUTBOX_SCHEMA } from './outbox.js'
import type { ArticleHit, SearchRequest, SearchSlice, StoryHit } from '../search/request.js'
import { SearchIndex } from './search-index.js'
import { READING_SCHEMA, ReadingCopies } from './reading.js'
import { SqlGrouping, migrateGrouping } from './sql-grouping.js'
import { STORIES_SCHEMA, SqlStories } from './stories.js'
import { articleSummaries, storySummaries } from './summaries.js'

export type { Slice } from './articles.js'

/** Cards kept in each list head: the API's largest page, so any first page is one KV read. */
export const HEAD_SIZE = 100

/** What an ingest did: `created` is false when the article was already stored. */
export type IngestResult = { created: boolean; article: Article }

/**
 * What a correction did. Errors cross the RPC boundary as values, not
 * exceptions, so the Worker maps them to problems without reading messages.
 */
export type CorrectionResult = { status: 'replaced'; article: Article } | { status: 'removed' } | { status: 'not-found' } | { status: 'duplicate'; existingId: string }

export class Newsroom extends DurableObject<Bindings> {
  private readonly articles: SqlArticles
  private readonly stories: SqlStories
  private readonly grouping: SqlGrouping
  private readonly outbox: KvOutbox
  private readonly searchIndex: SearchIndex
  /** What the HTML pages and feeds read (reading.ts). */
  private readonly reading: ReadingCopies

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env)
    const sql = ctx.storage.sql
    migrate(sql)
    this.articles = new SqlArticles(sql)
    this.stories = new SqlStories(sql)
    this.grouping = new SqlGrouping(sql)
    this.outbox = new KvOutbox(sql, env.KV, ctx.storage)
    this.searchIndex = new SearchIndex(sql)
    this.reading = new ReadingCopies(sql)
  }

  /**
   * Store an article unless the same one (same canonical URL or same text) is
   * stored already, in which case the stored one is returned unchanged.
   * Check and insert run synchronously, so concurrent ingests of one article
   * cannot both create it. Without a storyId, grouping picks the story.
   */
  async ingest(article: NewArticle): Promise<IngestResult> {
    const existing = this.articles.duplicateOf(article, null)
    if (existing !== null) return { created: false, article: existing }
    const now = new Date().toISOString()
    const { contentHash, ...fields } = article
    let stored: Article = { ...fields, ingestedAt: now, updatedAt: now }
    this.ctx.storage.transactionSync(() => {
      stored = this.place(stored, contentHash, now)
      this.enqueueHeads()
    })
    await this.outbox.flush(false)
    return { created: true, article: stored }
  }

  /**
   * Replace an article's content (a correction), keeping its id and ingest
   * time. Its story is decided again: the given storyId, or grouping.
   */
  async replace(id: string, article: NewArticle): Promise<CorrectionResult> {
    const current = this.articles.byId(id)
    if (current === null) return { status: 'not-found' }
    const duplicate = this.articles.duplicateOf(article, id)
    if (duplicate !== null) return { status: 'duplicate', existingId: duplicate.id }
    const now = new Date().toISOString()
    const { contentHash, ...fields } = article
    let stored: Article = { ...fields, id, ingestedAt: current.ingestedAt, updatedAt: now }
    this.ctx.storage.transactionSync(() => {
      this.unplace(current, now)
      stored = this.place(stored, contentHash, now)
      this.enqueueHeads()
    })
    await this.outbox.flush(false)
    return { status: 'replaced', article: stored }
  }

  /** Delete an article; its story loses it (and goes when empty). */
  async remove(id: string): Promise<CorrectionResult> {
    const current = this.articles.byId(id)
    if (current === null) return { status: 'not-found' }
    const now = new Date().toISOString()
    this.ctx.storage.transactionSync(() => {
      this.unplace(current, now)
      this.outbox.enqueue(articleKey(id), null)
      this.outbox.enqueue(articleSummaryKey(id), null)
      this.outbox.enqueue(articlePlanKey(id), null)
      this.enqueueHeads()
    })
    await this.outbox.flush(false)
    return { status: 'removed' }
  }

  /** Article cards after a cursor position, newest first (pages beyond the KV head). */
  async listArticles(after: CursorKey | null, limit: number): Promise<Slice<ArticleCard>> {
    return this.articles.page(after, limit)
  }

  /** Story cards after a cursor position, most recently updated first (pages beyond the KV head). */
  async listStories(after: CursorKey | null, limit: number): Promise<Slice<StoryCard>> {
    return this.stories.page(after, limit)
  }

  /** Story digests after a cursor position, in the stories list's order (front pages beyond the KV head). */
  async listDigests(after: CursorKey | null, limit: number): Promise<Slice<StoryDigest>> {
    return this.reading.digestPage(after, limit)
  }

  /** Which of these canonical URLs are stored already: the gatherer (src/gather/) skips their pages. */
  async storedUrls(urls: readonly string[]): Promise<string[]> {
    return this.articles.storedUrls(urls)
  }

  /** Articles matching a search, best or newest first (src/writer/search-index.ts). */
  async searchArticles(request: SearchRequest): Promise<SearchSlice<ArticleHit>> {
    return this.searchIndex.articles(request)
  }

  /** Stories with a report matching a search, ranked by their best report. */
  async searchStories(request: SearchRequest): Promise<SearchSlice<StoryHit>> {
    return this.searchIndex.stories(request)
  }

  /** Write out everything still in the outbox, whatever the per-key interval. */
  override async alarm(): Promise<void> {
    await this.outbox.flush(true)
  }

  /**
   * Insert an article, decide its story (the one it names, else grouping's
   * choice, else a new one), and queue the article's and story's KV values
   * (the caller queues the heads). Runs inside a synchronous transaction.
   */
  private place(article: Article, contentHash: string, now: string): Article {
    // Grouping compares publication times; an undated report's time is unknown, not its ingest time.
    const time = article.publishedAt === null ? null : Date.parse(sortKeyOf(article.publishedAt, article.ingestedAt))
    const signature = signatureOf(article)
    const { decision, vector, top, terms } = assignArticle(this.grouping, signature, time)
    const storyId = article.storyId ?? decision.storyId ?? storySlugOf(article.title, article.id)
    const stored: Article = { ...article, storyId }
    this.articles.insert(stored, contentHash)
    this.reading.addReport(stored)
    this.grouping.addMember(stored.id, storyId, vector, top, terms, time, signature.where)
    this.searchIndex.add(stored)
    this.outbox.enqueue(articleKey(stored.id), stored)
    const summaries = articleSummaries(stored)
    this.outbox.enqueue(articleSummaryKey(stored.id), summaries.summary)
    this.outbox.enqueue(articlePlanKey(stored.id), summaries.plan)
    this.refreshStory(storyId, now)
    return stored
  }

  /** Take an article out of SQL, the grouping index and its story. Runs inside a transaction. */
  private unplace(article: Article, now: string): void {
    this.grouping.uncountDocument(Object.keys(termCountsOf(article)))
    this.grouping.removeMember(article.id)
    this.searchIndex.remove(article.id)
    this.articles.delete(article.id)
    this.reading.removeReport(article.id)
    if (article.storyId !== null) this.refreshStory(article.storyId, now)
  }

  /**
   * Recompute a story from its current members: its record and its default
   * summary. A story left with no members is deleted. (Heads: enqueueHeads.)
   *
   * Work per refresh stays bounded as a story grows: the member list is a
   * projection of the few fields a story lists (no article body is parsed),
   * and only the reports the summary reads (`reportsToSummarize`, at most
   * MAX_SUMMARY_REPORTS) are read in full.
   */
  private refreshStory(storyId: string, now: string): void {
    const members = this.articles.membersOf(storyId)
    if (members.length === 0) {
      this.stories.delete(storyId)
      this.outbox.enqueue(storyKey(storyId), null)
      this.outbox.enqueue(storySummaryKey(storyId), null)
      this.outbox.enqueue(storyPlanKey(storyId), null)
      this.reading.dropStory(storyId)
      return
    }
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
    const read = reportsToSummarize(facts.members)
      .map((member) => this.articles.byId(member.id))
      .filter((article) => article !== null)
    this.stories.save(story, this.grouping.latestTime(storyId))
    this.outbox.enqueue(storyKey(storyId), story)
    const summaries = storySummaries(storyId, story.title, read)
    this.outbox.enqueue(storySummaryKey(storyId), summaries.summary)
    this.outbox.enqueue(storyPlanKey(storyId), summaries.plan)
    this.reading.saveStory(story, summaries.plan, summaries.summary)
  }

  /**
   * Queue both list heads, once per write: a correction touches two stories,
   * and each head is one query however many changes it reflects.
   */
  private enqueueHeads(): void {
    this.outbox.enqueue(ARTICLES_HEAD_KEY, { total: this.articles.count(), items: this.articles.page(null, HEAD_SIZE).items } satisfies ArticlesHead)
    this.outbox.enqueue(STORIES_HEAD_KEY, { total: this.stories.count(), items: this.stories.page(null, HEAD_SIZE).items } satisfies StoriesHead)
    this.reading.enqueue(this.outbox)
  }
}

/** Every table, created if missing (CREATE … IF NOT EXISTS: safe on every start). */
function migrate(sql: SqlStorage): void {
  sql.exec(ARTICLES_SCHEMA)
  sql.exec(STORIES_SCHEMA)
  sql.exec(OUTBOX_SCHEMA)
  sql.exec(READING_SCHEMA)
  migrateGrouping(sql)
  SearchIndex.migrate(sql)
}
