/**
 * The Newsroom's GroupingState over its SQLite tables: document frequencies,
 * an inverted index from terms to stories, and each article's frozen vector.
 * Every method is a bounded number of SQL statements (term lists travel as one
 * JSON parameter), so an ingest costs the same however large the archive is.
 */
import { type GroupingState, MAX_CANDIDATE_STORIES } from '../stories/assign.js'
import { MAX_MEMBERS_COMPARED, STORY_WINDOW_MS, type SparseVector, type StoryCandidate } from '../stories/group.js'
import { type Whereabouts, mergeWhereabouts } from '../stories/places.js'

export class SqlGrouping implements GroupingState {
  constructor(private readonly sql: SqlStorage) {}

  countDocument(terms: readonly string[]): void {
    this.sql.exec(`INSERT INTO df (term, n) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT (term) DO UPDATE SET n = n + 1`, JSON.stringify(terms))
    this.sql.exec(`INSERT INTO meta (key, value) VALUES ('documents', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1`)
  }

  /** Take one article's terms back out of the document frequencies (on delete or replace). */
  uncountDocument(terms: readonly string[]): void {
    this.sql.exec(`UPDATE df SET n = n - 1 WHERE term IN (SELECT value FROM json_each(?))`, JSON.stringify(terms))
    this.sql.exec(`DELETE FROM df WHERE n <= 0`)
    this.sql.exec(`UPDATE meta SET value = value - 1 WHERE key = 'documents'`)
  }

  documentFrequency(terms: readonly string[]): ReadonlyMap<string, number> {
    const rows = this.sql.exec(`SELECT term, n FROM df WHERE term IN (SELECT value FROM json_each(?))`, JSON.stringify(terms)).toArray()
    return new Map(rows.map((row) => [String(row.term), Number(row.n)]))
  }

  documentCount(): number {
    const row = this.sql.exec(`SELECT value FROM meta WHERE key = 'documents'`).toArray()[0]
    return row === undefined ? 0 : Number(row.value)
  }

  candidateStories(terms: readonly string[], time: number | null): StoryCandidate[] {
    const stories = this.sql
      .exec(
        `SELECT i.story_id AS id, COUNT(*) AS shared, s.latest AS latest
         FROM story_index i JOIN stories s ON s.id = i.story_id
         WHERE i.term IN (SELECT value FROM json_each(?))
           AND (? IS NULL OR s.latest IS NULL OR s.latest BETWEEN ? AND ?)
         GROUP BY i.story_id ORDER BY shared DESC, i.story_id ASC LIMIT ?`,
        JSON.stringify(terms),
        time,
        (time ?? 0) - STORY_WINDOW_MS,
        (time ?? 0) + STORY_WINDOW_MS,
        MAX_CANDIDATE_STORIES,
      )
      .toArray()
    return stories.map((story) => {
      const rows = this.sql.exec(`SELECT vector, top_vector, places FROM article_vectors WHERE story_id = ? ORDER BY time DESC, article_id DESC LIMIT ?`, story.id, MAX_MEMBERS_COMPARED).toArray()
      return {
        id: String(story.id),
        latest: story.latest === null ? null : Number(story.latest),
        members: rows.map((row) => parseVector(row.vector)),
        // A row from before headline vectors were kept has none: grouping counts its whole-text cosine instead.
        tops: rows.map((row) => (row.top_vector === null ? null : parseVector(row.top_vector))),
        where: mergeWhereabouts(rows.map((row) => parseWhereabouts(row.places))),
      }
    })
  }

  /** The newest publication time (ms) among a story's members, null when none is dated: the grouping window's anchor. */
  latestTime(storyId: string): number | null {
    const latest = this.sql.exec(`SELECT MAX(time) AS t FROM article_vectors WHERE story_id = ?`, storyId).one().t
    return latest === null ? null : Number(latest)
  }

  /** File an article's vectors and whereabouts under its story and index the story by its heaviest terms. */
  addMember(articleId: string, storyId: string, vector: SparseVector, top: SparseVector, terms: readonly string[], time: number | null, where: Whereabouts): void {
    this.sql.exec(
      `INSERT INTO article_vectors (article_id, story_id, time, vector, top_vector, terms, places) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      articleId,
      storyId,
      time,
      JSON.stringify(vector),
      JSON.stringify(top),
      JSON.stringify(terms),
      JSON.stringify(where),
    )
    this.sql.exec(`INSERT INTO story_index (term, story_id) SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`, storyId, JSON.stringify(terms))
  }

  /** Remove an article's vector; the story's index is rebuilt from the members left. */
  removeMember(articleId: string): void {
    const row = this.sql.exec(`SELECT story_id FROM article_vectors WHERE article_id = ?`, articleId).toArray()[0]
    this.sql.exec(`DELETE FROM article_vectors WHERE article_id = ?`, articleId)
    if (row === undefined) return
    this.sql.exec(`DELETE FROM story_index WHERE story_id = ?`, row.story_id)
    this.sql.exec(
      `INSERT INTO story_index (term, story_id)
       SELECT DISTINCT j.value, v.story_id FROM article_vectors v, json_each(v.terms) j WHERE v.story_id = ?
       ON CONFLICT DO NOTHING`,
      row.story_id,
    )
  }
}

/** Vectors in SQL were written by this class; still, check the shape before use. */
function parseVector(value: SqlStorageValue | undefined): SparseVector {
  if (typeof value !== 'string') throw new TypeError('article vector is not text')
  const parsed: unknown = JSON.parse(value)
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('article vector is not an object')
  const vector: SparseVector = {}
  for (const [term, weight] of Object.entries(parsed)) if (typeof weight === 'number') vector[term] = weight
  return vector
}

/** Whereabouts in SQL were written by this class; a row from before they were kept has none. */
function parseWhereabouts(value: SqlStorageValue | undefined): Whereabouts {
  if (typeof value !== 'string') return { places: [], main: [], names: [] }
  const parsed: unknown = JSON.parse(value)
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [])
  if (parsed === null || typeof parsed !== 'object') return { places: [], main: [], names: [] }
  return { places: strings((parsed as { places?: unknown }).places), main: strings((parsed as { main?: unknown }).main), names: strings((parsed as { names?: unknown }).names) }
}

/**
 * Create the grouping tables, and add what later versions keep to a store
 * made by an earlier one (`places`: where each member says its event happened
 * and whom it names; `top_vector`: its headline-and-lead vector).
 */
export function migrateGrouping(sql: SqlStorage): void {
  sql.exec(GROUPING_SCHEMA)
  const columns = sql
    .exec(`PRAGMA table_info(article_vectors)`)
    .toArray()
    .map((row) => String(row.name))
  if (!columns.includes('places')) sql.exec(`ALTER TABLE article_vectors ADD COLUMN places TEXT`)
  if (!columns.includes('top_vector')) sql.exec(`ALTER TABLE article_vectors ADD COLUMN top_vector TEXT`)
}

const GROUPING_SCHEMA = `
  CREATE TABLE IF NOT EXISTS df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS article_vectors (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    time INTEGER,
    vector TEXT NOT NULL,
    terms TEXT NOT NULL,
    places TEXT,
    top_vector TEXT
  );
  CREATE INDEX IF NOT EXISTS article_vectors_story ON article_vectors (story_id, time DESC);
  CREATE TABLE IF NOT EXISTS story_index (term TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (term, story_id)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS story_index_story ON story_index (story_id);
`
