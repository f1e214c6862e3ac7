/**
 * The Newsroom's articles table: the source of truth for every stored
 * article, with the keys that find duplicates (id, canonical URL, content
 * hash), the sort position the lists page by, and the story each belongs to.
 * Records are the exact `Article` JSON the API serves; they are checked
 * against the schema whenever they are read back.
 */
import * as z from 'zod/mini'
import { type CursorKey, sortKeyOf } from '../store/cursor.js'
import { type Article, type ArticleCard, ArticleCardSchema, ArticleSchema } from '../store/schemas.js'
import type { StoryMember } from '../stories/story.js'

/** A page read from SQL: the cards and whether more follow. */
export type Slice<T> = { items: T[]; hasMore: boolean }

/** What a duplicate is looked up by: the same id, the same text or the same canonical URL. */
export type DuplicateKeys = { id: string; contentHash: string; url: string | null }

const NEWEST_ARTICLES = 'ORDER BY sort_key DESC, ingested_at DESC, id DESC'

/**
 * A card's fields, extracted by SQLite: a page (the head every write
 * refreshes is 100 cards) reads and checks these few fields instead of
 * parsing and checking every article's whole record, body and all — that
 * was an eighth of an ingest's CPU.
 */
const CARD_COLUMNS = ['id', 'title', 'lead', 'source', 'url', 'publishedAt', 'storyId', 'wordCount', 'ingestedAt'].map((field) => `json_extract(record, '$.${field}') AS ${field}`).join(', ')

export const ARTICLES_SCHEMA = `
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
`

export class SqlArticles {
  constructor(private readonly sql: SqlStorage) {}

  /** Which of these canonical URLs are stored (the gatherer skips their pages). */
  storedUrls(urls: readonly string[]): string[] {
    const stored: string[] = []
    // Durable Object SQL takes at most 100 bound parameters per statement.
    for (let i = 0; i < urls.length; i += 100) {
      const chunk = urls.slice(i, i + 100)
      for (const row of this.sql.exec(`SELECT url FROM articles WHERE url IN (${chunk.map(() => '?').join(', ')})`, ...chunk)) stored.push(String(row.url))
    }
    return stored
  }

  /** Store an article (its story already decided) under its sort position. */
  insert(article: Article, contentHash: string): void {
    this.sql.exec(
      `INSERT INTO articles (id, url, content_hash, sort_key, ingested_at, story_id, record) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      article.id,
      article.url,
      contentHash,
      sortKeyOf(article.publishedAt, article.ingestedAt),
      article.ingestedAt,
      article.storyId,
      JSON.stringify(article),
    )
  }

  delete(id: string): void {
    this.sql.exec(`DELETE FROM articles WHERE id = ?`, id)
  }

  byId(id: string): Article | null {
    const row = this.sql.exec(`SELECT record FROM articles WHERE id = ?`, id).toArray()[0]
    return row === undefined ? null : parseArticle(row.record)
  }

  /** Another stored article with the same id, URL or text (`except` excludes the one being replaced). */
  duplicateOf(keys: DuplicateKeys, except: string | null): Article | null {
    const row = this.sql
      .exec(`SELECT record FROM articles WHERE (id = ? OR content_hash = ? OR (url IS NOT NULL AND url = ?)) AND id IS NOT ? LIMIT 1`, keys.id, keys.contentHash, keys.url, except)
      .toArray()[0]
    return row === undefined ? null : parseArticle(row.record)
  }

  count(): number {
    return Number(this.sql.exec(`SELECT COUNT(*) AS n FROM articles`).one().n)
  }

  /** Article cards after a cursor position (or from the newest), newest first. */
  page(after: CursorKey | null, limit: number): Slice<ArticleCard> {
    const rows =
      after === null
        ? this.sql.exec(`SELECT ${CARD_COLUMNS} FROM articles ${NEWEST_ARTICLES} LIMIT ?`, limit + 1)
        : this.sql.exec(`SELECT ${CARD_COLUMNS} FROM articles WHERE (sort_key, ingested_at, id) < (?, ?, ?) ${NEWEST_ARTICLES} LIMIT ?`, after[0] ?? '', after[1] ?? '', after[2] ?? '', limit + 1)
    const cards = rows.toArray().map((row) => toCard(ArticleCardSchema.parse(row)))
    return { items: cards.slice(0, limit), hasMore: cards.length > limit }
  }

  /**
   * A story's members as a projection of the few fields a story lists
   * (SQLite extracts them; no article body is parsed), so refreshing a story
   * stays cheap as it grows.
   */
  membersOf(storyId: string): StoryMember[] {
    return this.sql
      .exec(
        `SELECT id, sort_key,
                json_extract(record, '$.title') AS title, json_extract(record, '$.titleDerived') AS title_derived,
                json_extract(record, '$.source') AS source, json_extract(record, '$.url') AS url,
                json_extract(record, '$.publishedAt') AS published_at
         FROM articles WHERE story_id = ?`,
        storyId,
      )
      .toArray()
      .map(
        (row): StoryMember =>
          StoryMemberSchema.parse({
            id: row.id,
            title: row.title,
            titleDerived: row.title_derived === 1,
            source: row.source,
            url: row.url,
            publishedAt: row.published_at,
            sortKey: row.sort_key,
          }),
      )
  }
}

/** Records in SQL were written by this class from checked input; still, check what we read. */
function parseArticle(value: SqlStorageValue | undefined): Article {
  if (typeof value !== 'string') throw new TypeError('article record is not text')
  return ArticleSchema.parse(JSON.parse(value))
}

/** A story member as membersOf reads it from SQL: the fields a story lists, and its sort key. */
const StoryMemberSchema = z.extend(z.pick(ArticleSchema, { id: true, title: true, titleDerived: true, source: true, url: true, publishedAt: true }), {
  sortKey: z.string(),
})

/** A card with its fields in the order the API documents them. */
function toCard(article: ArticleCard): ArticleCard {
  const { id, title, lead, source, url, publishedAt, storyId, wordCount, ingestedAt } = article
  return { id, title, lead, source, url, publishedAt, storyId, wordCount, ingestedAt }
}
