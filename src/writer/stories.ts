/**
 * The Newsroom's stories table: each story's record (as the API serves it),
 * when it last changed (the list order) and its newest member's publication
 * time (the grouping window).
 */
import type { CursorKey } from '../store/cursor.js'
import { type Story, type StoryCard, StorySchema } from '../store/schemas.js'
import type { Slice } from './articles.js'

const NEWEST_STORIES = 'ORDER BY updated_at DESC, id DESC'

export const STORIES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    updated_at TEXT NOT NULL,
    latest INTEGER,
    record TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS stories_newest ON stories (updated_at DESC, id DESC);
`

export class SqlStories {
  constructor(private readonly sql: SqlStorage) {}

  /** Insert or replace a story; `latest` is its newest member's publication time (ms), null when none is dated. */
  save(story: Story, latest: number | null): void {
    this.sql.exec(
      `INSERT INTO stories (id, updated_at, latest, record) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, latest = excluded.latest, record = excluded.record`,
      story.id,
      story.updatedAt,
      latest,
      JSON.stringify(story),
    )
  }

  delete(id: string): void {
    this.sql.exec(`DELETE FROM stories WHERE id = ?`, id)
  }

  count(): number {
    return Number(this.sql.exec(`SELECT COUNT(*) AS n FROM stories`).one().n)
  }

  /** Story cards after a cursor position (or from the newest), most recently updated first. */
  page(after: CursorKey | null, limit: number): Slice<StoryCard> {
    const rows =
      after === null
        ? this.sql.exec(`SELECT record FROM stories ${NEWEST_STORIES} LIMIT ?`, limit + 1)
        : this.sql.exec(`SELECT record FROM stories WHERE (updated_at, id) < (?, ?) ${NEWEST_STORIES} LIMIT ?`, after[0] ?? '', after[1] ?? '', limit + 1)
    const cards = rows.toArray().map((row) => toStoryCard(parseStory(row.record)))
    return { items: cards.slice(0, limit), hasMore: cards.length > limit }
  }
}

/** Records in SQL were written by the Newsroom from checked input; still, check what we read. */
function parseStory(value: SqlStorageValue | undefined): Story {
  if (typeof value !== 'string') throw new TypeError('story record is not text')
  return StorySchema.parse(JSON.parse(value))
}

function toStoryCard(story: Story): StoryCard {
  const { articles: _articles, ...card } = story
  return card
}
