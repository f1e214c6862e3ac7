/**
 * The Newsroom's copies for readers: what the HTML pages and the feeds read,
 * kept current in the same transaction as the change they reflect, so each
 * page or feed is one KV read (ARCHITECTURE.md, "What pages and feeds read").
 *
 * - `story_digests`: each story's card with its short (40-word) summary and
 *   its default summary with credits. Written when the story is refreshed;
 *   the newest DIGESTS_HEAD_SIZE become `digests:v1:head` (the front page's
 *   first pages, the feeds, the sitemap), older ones serve deep front pages.
 * - `outlet_reports`: each report under its outlet's slug, in newest-first
 *   order, and `outlets`: per outlet, its report count and the ETag of the
 *   value last queued. An outlet's KV value (`outlet:v1:<slug>`: its newest
 *   reports and the stories they joined) is rebuilt when one of its reports
 *   comes or goes, or one of the stories it reported changes, and queued only
 *   when it changed, so a busy story does not rewrite unchanged outlets.
 *
 * Work per write is bounded: an outlet's value reads its newest
 * OUTLET_REPORTS reports and at most that many digests by key; a story
 * refresh touches the outlets that reported it.
 */
import { etagOf } from '../store/hot-cache.js'
import type { CursorKey } from '../store/cursor.js'
import { DIGESTS_HEAD_KEY, outletKey } from '../store/keys.js'
import { outletSlugOf } from '../store/outlet-slug.js'
import { type OutletReport, type StoryDigest, StoryDigestSchema } from '../store/reading-schemas.js'
import { sortKeyOf } from '../store/cursor.js'
import type { Article, Story, StoryPlanRecord, StorySummaryRecord } from '../store/schemas.js'
import type { Slice } from './articles.js'
import type { KvOutbox } from './outbox.js'
import { storySummaryFromPlan } from './summaries.js'

/** Words in a story's short summary: two or three sentences, what a front page shows under a headline. */
export const SHORT_SUMMARY_WORDS = 40

/** Digests in `digests:v1:head`: the 50 a feed carries, two front pages of 25. */
export const DIGESTS_HEAD_SIZE = 50

/** Newest reports an outlet's page lists (and looks for stories among). */
export const OUTLET_REPORTS = 50

/** Stories an outlet's page and feed show: the most recently updated of those its newest reports joined. */
export const OUTLET_STORIES = 20

const NEWEST_DIGESTS = 'ORDER BY updated_at DESC, story_id DESC'

export const READING_SCHEMA = `
  CREATE TABLE IF NOT EXISTS story_digests (
    story_id TEXT PRIMARY KEY,
    updated_at TEXT NOT NULL,
    digest TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS story_digests_newest ON story_digests (updated_at DESC, story_id DESC);
  CREATE TABLE IF NOT EXISTS outlet_reports (
    article_id TEXT PRIMARY KEY,
    outlet TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    story_id TEXT,
    report TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS outlet_reports_newest ON outlet_reports (outlet, sort_key DESC, ingested_at DESC, article_id DESC);
  CREATE INDEX IF NOT EXISTS outlet_reports_story ON outlet_reports (story_id);
  CREATE TABLE IF NOT EXISTS outlets (
    slug TEXT PRIMARY KEY,
    reports INTEGER NOT NULL,
    queued_etag TEXT
  );
`

export class ReadingCopies {
  /** Outlets whose KV value may have changed in the current write (filled and drained in one transaction). */
  private readonly dirtyOutlets = new Set<string>()

  constructor(private readonly sql: SqlStorage) {}

  /** A report was stored: list it under its outlet. */
  addReport(article: Article): void {
    const slug = article.source === null ? null : outletSlugOf(article.source)
    if (slug === null) return
    const report: OutletReport = {
      id: article.id,
      title: article.title,
      source: article.source,
      publishedAt: article.publishedAt,
      url: article.url,
      storyId: article.storyId,
      ingestedAt: article.ingestedAt,
    }
    this.sql.exec(
      `INSERT INTO outlet_reports (article_id, outlet, sort_key, ingested_at, story_id, report) VALUES (?, ?, ?, ?, ?, ?)`,
      article.id,
      slug,
      sortKeyOf(article.publishedAt, article.ingestedAt),
      article.ingestedAt,
      article.storyId,
      JSON.stringify(report),
    )
    this.sql.exec(`INSERT INTO outlets (slug, reports) VALUES (?, 1) ON CONFLICT (slug) DO UPDATE SET reports = reports + 1`, slug)
    this.dirtyOutlets.add(slug)
  }

  /** A report was deleted or is being replaced: take it off its outlet. */
  removeReport(articleId: string): void {
    const row = this.sql.exec(`SELECT outlet FROM outlet_reports WHERE article_id = ?`, articleId).toArray()[0]
    if (row === undefined) return
    const slug = String(row.outlet)
    this.sql.exec(`DELETE FROM outlet_reports WHERE article_id = ?`, articleId)
    this.sql.exec(`UPDATE outlets SET reports = reports - 1 WHERE slug = ?`, slug)
    this.dirtyOutlets.add(slug)
  }

  /** A story was refreshed: keep its digest, and mark the outlets that reported it. */
  saveStory(story: Story, plan: StoryPlanRecord, summary: StorySummaryRecord): void {
    const { articles: _articles, ...card } = story
    const digest: StoryDigest = { ...card, short: storySummaryFromPlan(plan, { words: SHORT_SUMMARY_WORDS }).text, sentences: summary.sentences }
    this.sql.exec(
      `INSERT INTO story_digests (story_id, updated_at, digest) VALUES (?, ?, ?)
       ON CONFLICT (story_id) DO UPDATE SET updated_at = excluded.updated_at, digest = excluded.digest`,
      story.id,
      story.updatedAt,
      JSON.stringify(digest),
    )
    this.markOutletsOf(story.id)
  }

  /** A story went (its last report left): drop its digest. */
  dropStory(storyId: string): void {
    this.sql.exec(`DELETE FROM story_digests WHERE story_id = ?`, storyId)
    this.markOutletsOf(storyId)
  }

  /**
   * Queue the digests head and every outlet value this write changed. Called
   * once per write, inside its transaction, after the stories are refreshed.
   */
  enqueue(outbox: KvOutbox): void {
    const changedAt = new Date().toISOString()
    const total = Number(this.sql.exec(`SELECT COUNT(*) AS n FROM story_digests`).one().n)
    // Assembled from the digests as stored (this class wrote them from checked values): parsing and
    // serializing 50 digests again on every write cost more than the rest of the reading copies.
    const items = this.sql
      .exec(`SELECT digest FROM story_digests ${NEWEST_DIGESTS} LIMIT ?`, DIGESTS_HEAD_SIZE)
      .toArray()
      .map((row) => jsonOf(row.digest))
    outbox.enqueueJson(DIGESTS_HEAD_KEY, `{"total":${total},"items":[${items.join(',')}],"changedAt":${JSON.stringify(changedAt)}}`)
    for (const slug of this.dirtyOutlets) this.enqueueOutlet(outbox, slug, changedAt)
    this.dirtyOutlets.clear()
  }

  /** Digests after a cursor position (or from the newest), most recently updated first: the stories list's order. */
  digestPage(after: CursorKey | null, limit: number): Slice<StoryDigest> {
    const rows =
      after === null
        ? this.sql.exec(`SELECT digest FROM story_digests ${NEWEST_DIGESTS} LIMIT ?`, limit + 1)
        : this.sql.exec(`SELECT digest FROM story_digests WHERE (updated_at, story_id) < (?, ?) ${NEWEST_DIGESTS} LIMIT ?`, after[0] ?? '', after[1] ?? '', limit + 1)
    const digests = rows.toArray().map((row) => parseDigest(row.digest))
    return { items: digests.slice(0, limit), hasMore: digests.length > limit }
  }

  private markOutletsOf(storyId: string): void {
    for (const row of this.sql.exec(`SELECT DISTINCT outlet FROM outlet_reports WHERE story_id = ?`, storyId)) this.dirtyOutlets.add(String(row.outlet))
  }

  /**
   * Rebuild one outlet's value from SQL; queue it (or its deletion) only when
   * it differs from what was queued last. Assembled from the stored JSON of
   * its reports and digests, with SQL picking the fields it orders by.
   */
  private enqueueOutlet(outbox: KvOutbox, slug: string, changedAt: string): void {
    const state = this.sql.exec(`SELECT reports, queued_etag FROM outlets WHERE slug = ?`, slug).toArray()[0]
    if (state === undefined) return
    const reports = this.sql
      .exec(
        `SELECT report, story_id, json_extract(report, '$.source') AS source FROM outlet_reports WHERE outlet = ?
         ORDER BY sort_key DESC, ingested_at DESC, article_id DESC LIMIT ?`,
        slug,
        OUTLET_REPORTS,
      )
      .toArray()
    const newest = reports[0]
    if (newest === undefined) {
      this.sql.exec(`DELETE FROM outlets WHERE slug = ?`, slug)
      outbox.enqueue(outletKey(slug), null)
      return
    }
    const storyIds = [...new Set(reports.flatMap((row) => (typeof row.story_id === 'string' ? [row.story_id] : [])))]
    const stories = this.sql
      .exec(`SELECT digest FROM story_digests WHERE story_id IN (SELECT value FROM json_each(?)) ${NEWEST_DIGESTS} LIMIT ?`, JSON.stringify(storyIds), OUTLET_STORIES)
      .toArray()
      .map((row) => jsonOf(row.digest))
    const name = typeof newest.source === 'string' ? newest.source : slug
    const content = `"slug":${JSON.stringify(slug)},"name":${JSON.stringify(name)},"reportCount":${Number(state.reports)},"reports":[${reports.map((row) => jsonOf(row.report)).join(',')}],"stories":[${stories.join(',')}]`
    // Compared without its time: the value is queued, and its time moves, only when what it shows changed.
    const etag = etagOf(content)
    if (etag === state.queued_etag) return
    this.sql.exec(`UPDATE outlets SET queued_etag = ? WHERE slug = ?`, etag, slug)
    outbox.enqueueJson(outletKey(slug), `{${content},"changedAt":${JSON.stringify(changedAt)}}`)
  }
}

/** A JSON value this class stored (a digest, a report), as text. */
function jsonOf(value: SqlStorageValue | undefined): string {
  if (typeof value !== 'string') throw new TypeError('a stored reading copy is not text')
  return value
}

/** Rows were written by this class from checked values; still, check what we read. */
function parseDigest(value: SqlStorageValue | undefined): StoryDigest {
  if (typeof value !== 'string') throw new TypeError('story digest is not text')
  return StoryDigestSchema.parse(JSON.parse(value))
}
