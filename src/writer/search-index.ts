/**
 * The search index over the Newsroom's SQLite: an FTS5 table of each
 * article's title and body, exact and folded (src/search/fold.ts), and a
 * table of what filters and ordering need. It lives beside the articles so
 * an ingest, a correction or a deletion changes the index in the same
 * transaction as the article (ARCHITECTURE.md says why here and not D1).
 *
 * The FTS5 table is contentless (`content=''`, `contentless_delete=1`): it
 * keeps the inverted index and column sizes for BM25, not a second copy of
 * the text, which `articles.record` already holds. Snippets are cut from that
 * record by the same tokenizer that built the index (src/search/snippet.ts).
 * An `fts5vocab` view of it gives each term's document count, and
 * `search_meta` the number of articles and of writes, so a query can leave
 * out of its scoring the terms BM25 gives little or no weight and keep only the rarest
 * terms of a long one (match.ts); counts are remembered between searches
 * while the writes since cannot have changed what they decide.
 *
 * Queries are built by src/search/match.ts, never from a user's raw text.
 * Each search is a bounded number of statements: the counts, a
 * document-frequency lookup of the tokens not remembered, for a short query
 * a first pass in rowid order that bounds how many matches are scored, one
 * FTS5 query (with up to two FTS5 subqueries for the ranking tiers), and one
 * record read per result.
 */
import { publicationOf } from '../search/dates.js'
import { indexFormsOf, searchFieldsOf } from '../search/fold.js'
import {
  BM25_WEIGHTS,
  MAX_SCORED_MATCHES,
  MIN_DOCUMENTS_TO_PRUNE,
  type MatchPlan,
  PAIR_JOINER,
  SEARCH_COLUMNS,
  frequencyTokensOf,
  isCommonTerm,
  isCountCurrent,
  isTiered,
  matchPlanOf,
  scoredMatchesFor,
  scoredTermsOf,
} from '../search/match.js'
import type { ArticleHit, SearchList, SearchPosition, SearchRequest, SearchSlice, StoryHit } from '../search/request.js'
import { filterExpressionOf, filterTokensOf } from '../search/filters.js'
import { snippetOf } from '../search/snippet.js'
import { sortKeyOf } from '../store/cursor.js'
import { type Article, ArticleSchema, type Story, StorySchema } from '../store/schemas.js'

/**
 * Tokenizer: our folding already happened, so FTS5 only splits and lowercases,
 * keeping diacritics; the pair joiner is a token character, so a pair is one token.
 */
const TOKENIZER = `unicode61 remove_diacritics 0 tokenchars '${PAIR_JOINER}'`

export const SEARCH_SCHEMA = `
  CREATE TABLE IF NOT EXISTS search_docs (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    story_id TEXT,
    source TEXT,
    sort_key TEXT NOT NULL,
    pub_start INTEGER NOT NULL,
    pub_end INTEGER NOT NULL
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(
    ${SEARCH_COLUMNS.join(', ')}, content='', contentless_delete=1, tokenize="${TOKENIZER}"
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_text, 'row');
  CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
`

/** A row of a search before its snippet: what ordering and paging need (and a story's record). */
type Ranked = { id: string; storyId: string | null; tier: number; score: number; sortKey: string; record: SqlStorageValue }

/**
 * Document frequencies remembered, at most: a few hundred kilobytes. An
 * archive's query vocabulary (syllables, their spellings, pairs) is larger,
 * so past this the memory starts again.
 */
const MAX_KNOWN_FREQUENCIES = 50_000

export class SearchIndex {
  /** Document frequencies read from `search_vocab`, with the index's write count then (`frequencies`). */
  private readonly knownFrequencies = new Map<string, { documents: number; writes: number }>()

  /** `maxScored`: matches scored by relevance, at most (MAX_SCORED_MATCHES, fewer for a long query; tests lower it). */
  constructor(
    private readonly sql: SqlStorage,
    private readonly maxScored = MAX_SCORED_MATCHES,
  ) {}

  /**
   * Create the index; when it is new and articles exist (a store from before
   * search), index them. Runs in the Newsroom's constructor, once per start.
   */
  static migrate(sql: SqlStorage): void {
    const existed = sql.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_docs'`).toArray().length > 0
    sql.exec(SEARCH_SCHEMA)
    if (existed) return
    const index = new SearchIndex(sql)
    for (const row of sql.exec(`SELECT record FROM articles`).toArray()) index.add(parseArticle(row.record))
  }

  /** Index an article (a new one, or the new version of a corrected one). Runs inside the writer's transaction. */
  add(article: Article): void {
    const { title, body } = searchFieldsOf(article)
    const period = publicationOf(article.publishedAt, article.ingestedAt)
    const rowid = this.sql
      .exec(
        `INSERT INTO search_docs (article_id, story_id, source, sort_key, pub_start, pub_end) VALUES (?, ?, ?, ?, ?, ?) RETURNING rowid`,
        article.id,
        article.storyId,
        article.source,
        sortKeyOf(article.publishedAt, article.ingestedAt),
        period.start,
        period.end,
      )
      .one().rowid
    const titleForms = indexFormsOf(title)
    const bodyForms = indexFormsOf(body)
    const values: Record<(typeof SEARCH_COLUMNS)[number], string> = {
      title_exact: titleForms.exact,
      title_folded: titleForms.folded,
      body_exact: bodyForms.exact,
      body_folded: bodyForms.folded,
      title_pairs: titleForms.pairs,
      body_pairs: bodyForms.pairs,
      meta: filterTokensOf({ source: article.source, storyId: article.storyId, period }),
    }
    this.sql.exec(`INSERT INTO search_text (rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (?, ${SEARCH_COLUMNS.map(() => '?').join(', ')})`, rowid, ...SEARCH_COLUMNS.map((column) => values[column]))
    this.countDocuments(1)
  }

  /** Take an article out of the index. Runs inside the writer's transaction. */
  remove(articleId: string): void {
    const row = this.sql.exec(`SELECT rowid FROM search_docs WHERE article_id = ?`, articleId).toArray()[0]
    if (row === undefined) return
    this.sql.exec(`DELETE FROM search_text WHERE rowid = ?`, row.rowid)
    this.sql.exec(`DELETE FROM search_docs WHERE rowid = ?`, row.rowid)
    this.countDocuments(-1)
  }

  /** Articles matching a query, best first (or newest first), after a position. */
  articles(request: SearchRequest): SearchSlice<ArticleHit> {
    const found = this.matches(request, 'articles')
    const page = found.slice(0, request.limit)
    const articles = this.articlesOf(page)
    const items = page.map((row) => {
      const article = articleIn(articles, row.id)
      const { snippet, highlights } = snippetOf(searchFieldsOf(article).body, request.query)
      const { id, title, source, url, publishedAt, storyId } = article
      return { id, title, source, url, publishedAt, storyId, snippet, highlights }
    })
    const last = page.at(-1)
    return { items, next: found.length > request.limit && last !== undefined ? positionOf(request, last, last.id) : null }
  }

  /** Stories with a matching report, ranked by their best report (or most recently updated first), after a position. */
  stories(request: SearchRequest): SearchSlice<StoryHit> {
    const found = this.matches(request, 'stories')
    const page = found.slice(0, request.limit)
    const articles = this.articlesOf(page)
    const items = page.map((row): StoryHit => {
      const { articles: _articles, ...card } = parseStory(row.record)
      const article = articleIn(articles, row.id)
      return { ...card, match: { articleId: article.id, title: article.title, ...snippetOf(searchFieldsOf(article).body, request.query) } }
    })
    const last = page.at(-1)
    return { items, next: found.length > request.limit && last !== undefined ? positionOf(request, last, last.storyId ?? '') : null }
  }

  /**
   * One page (and one more row) of matches: articles, or stories each with its
   * best report (by relevance) or its newest matching report (by date).
   *
   * By relevance, only the most recently indexed matches are scored
   * (`scoredMatchesFor`: `maxScored` or fewer; match.ts; counting matches of the filter tokens, a superset of
   * the filters): `scoredInTiers` and `scoredNewest`. By date nothing is
   * scored; the match needs every unit.
   */
  private matches(request: SearchRequest, list: SearchList): Ranked[] {
    const plan = narrowed(this.planOf(request), filterExpressionOf(request.filters))
    const { where, params } = filtersOf(request)
    const from = `FROM search_text JOIN search_docs d ON d.rowid = search_text.rowid WHERE search_text MATCH ? ${where} ${list === 'stories' ? 'AND d.story_id IS NOT NULL' : ''}`
    const after = request.after
    if (request.sort === 'recent') {
      const match = plan.all ?? plan.any
      const keyset = after?.sort === 'recent' ? [after.key, after.id] : []
      const rows =
        list === 'articles'
          ? this.sql.exec(
              `SELECT d.article_id AS id, d.story_id AS story_id, d.sort_key AS sort_key ${from}
               ${keyset.length > 0 ? 'AND (d.sort_key, d.article_id) < (?, ?)' : ''} ORDER BY d.sort_key DESC, d.article_id DESC LIMIT ?`,
              match,
              ...params,
              ...keyset,
              request.limit + 1,
            )
          : this.sql.exec(
              `SELECT b.id AS id, b.story_id AS story_id, s.updated_at AS sort_key, s.record AS record FROM (
                 SELECT d.article_id AS id, d.story_id AS story_id, ROW_NUMBER() OVER (PARTITION BY d.story_id ORDER BY d.sort_key DESC, d.article_id DESC) AS n ${from}
               ) b JOIN stories s ON s.id = b.story_id WHERE b.n = 1
               ${keyset.length > 0 ? 'AND (s.updated_at, b.story_id) < (?, ?)' : ''} ORDER BY s.updated_at DESC, b.story_id DESC LIMIT ?`,
              match,
              ...params,
              ...keyset,
              request.limit + 1,
            )
      return rows.toArray().map(rankedOf)
    }
    const { scored, scoredParams } = plan.tiered ? this.scoredInTiers(plan, from, params) : this.scoredNewest(plan, where, list, params)
    if (list === 'stories') return this.bestPerStory(scored, scoredParams, after?.sort === 'relevance' ? after : null, request.limit + 1)
    const keyset = after?.sort === 'relevance' ? [after.tier, after.score, after.id] : []
    const rows = this.sql.exec(
      `SELECT * FROM (${scored}) ${keyset.length > 0 ? 'WHERE (tier, score, id) > (?, ?, ?)' : ''} ORDER BY tier, score, id LIMIT ?`,
      ...scoredParams,
      ...keyset,
      request.limit + 1,
    )
    return rows.toArray().map(rankedOf)
  }

  /**
   * `wanted` stories by relevance after a position, each with its best
   * report: the scored reports in (tier, score, story, id) order, read until
   * enough stories have come, each story at its first row (its best report,
   * so its position is that row's), and the records of those stories only.
   * One sort of the scored reports, as for articles: a window function
   * ranking each story's reports and a join of every story's record before
   * the page was chosen cost twice as much (BENCHMARKS.md).
   */
  private bestPerStory(scored: string, params: readonly (string | number)[], after: (SearchPosition & { sort: 'relevance' }) | null, wanted: number): Ranked[] {
    const seen = new Set<string>()
    const page: Ranked[] = []
    let candidates: Ranked[] = []
    const rows = this.sql.exec(`SELECT id, story_id, tier, score FROM (${scored}) ORDER BY tier, score, story_id, id`, ...params)
    const takeStored = () => {
      page.push(...this.withStoryRecords(candidates))
      candidates = []
    }
    for (const row of rows) {
      const ranked = rankedOf(row)
      if (ranked.storyId === null || seen.has(ranked.storyId)) continue
      seen.add(ranked.storyId)
      if (after !== null && !isPast([ranked.tier, ranked.score, ranked.storyId], [after.tier, after.score, after.id])) continue
      candidates.push(ranked)
      // A story removed since its reports were indexed is not on the page (as a join would drop it): read on for another.
      if (page.length + candidates.length === wanted) takeStored()
      if (page.length === wanted) break
    }
    takeStored()
    return page
  }

  /** Rows with their story's record and last update, in order; a row whose story is not stored is left out. */
  private withStoryRecords(rows: readonly Ranked[]): Ranked[] {
    if (rows.length === 0) return []
    const stories = new Map(
      this.sql
        .exec(`SELECT id, updated_at, record FROM stories WHERE id IN (SELECT value FROM json_each(?))`, JSON.stringify(rows.map((row) => row.storyId)))
        .toArray()
        .map((row) => [String(row.id), row]),
    )
    return rows.flatMap((row) => {
      const story = stories.get(row.storyId ?? '')
      return story === undefined ? [] : [{ ...row, sortKey: String(story.updated_at), record: story.record ?? null }]
    })
  }

  /**
   * A short query's matches, scored and tiered (SQL and its parameters). A
   * first pass, FTS5 alone in rowid order, finds the rowid of the oldest
   * match to score (`scoredMatchesFor`; the filter tokens stand in for the
   * SQL conditions there); the tier subqueries and the scoring then keep to
   * rowids from it up.
   */
  private scoredInTiers(plan: MatchPlan, from: string, params: readonly (string | number)[]): { scored: string; scoredParams: (string | number)[] } {
    const floorRow = this.sql
      .exec(`SELECT rowid AS r FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`, plan.any, scoredMatchesFor(plan.expressions, this.maxScored) - 1)
      .toArray()[0]
    const floor = floorRow === undefined ? [] : [Number(floorRow.r)]
    const scored = `SELECT d.article_id AS id, d.story_id AS story_id, d.sort_key AS sort_key, ${tierOf(plan, floor.length > 0)} AS tier, ${BM25} AS score
                    ${from} ${floor.length > 0 ? 'AND search_text.rowid >= ?' : ''}`
    return { scored, scoredParams: [...tierParams(plan, floor), plan.any, ...params, ...floor] }
  }

  /**
   * A longer query's matches, scored (one tier): the newest matches of FTS5
   * alone (as many as `scoredMatchesFor` allows), each scored as it is read, then the SQL
   * conditions. One pass, where the first pass of `scoredInTiers` read the
   * same matches twice (a headline query 3.2 → 2.6 ms of SQLite, same rows).
   */
  private scoredNewest(plan: MatchPlan, where: string, list: SearchList, params: readonly (string | number)[]): { scored: string; scoredParams: (string | number)[] } {
    const scored = `SELECT d.article_id AS id, d.story_id AS story_id, d.sort_key AS sort_key, 0 AS tier, b.score AS score
                    FROM (SELECT rowid AS r, ${BM25} AS score FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT ?) b
                    JOIN search_docs d ON d.rowid = b.r WHERE 1 ${where} ${list === 'stories' ? 'AND d.story_id IS NOT NULL' : ''}`
    return { scored, scoredParams: [plan.any, scoredMatchesFor(plan.expressions, this.maxScored), ...params] }
  }

  /**
   * The query's expressions (match.ts): a longer query needs the document
   * frequency of its terms and pairs (it scores only its rarest), and in a
   * large archive any query those of its terms, to leave out of scoring the
   * common ones (match.ts).
   */
  private planOf(request: SearchRequest): MatchPlan {
    const meta = new Map(
      this.sql
        .exec(`SELECT key, value FROM search_meta`)
        .toArray()
        .map((row) => [String(row.key), Number(row.value)]),
    )
    const documents = meta.get('documents') ?? 0
    const writes = meta.get('writes') ?? 0
    const tiered = isTiered(request.query)
    const pruning = documents >= MIN_DOCUMENTS_TO_PRUNE
    if (tiered && !pruning) return matchPlanOf(request.query)
    const frequencies = this.frequencies(tiered ? scoredTermsOf(request.query) : frequencyTokensOf(request.query), documents, writes)
    const common = new Set(pruning ? [...frequencies].filter(([, n]) => isCommonTerm(n, documents, tiered)).map(([token]) => token) : [])
    return matchPlanOf(request.query, common, tiered ? undefined : frequencies)
  }

  /**
   * Document frequencies of tokens, from `search_vocab` (a pass over each
   * token's posting list: 0.1–0.3 ms for a common syllable at 10,000
   * articles) or remembered from an earlier search with the count of writes
   * then (`search_meta.writes`), while `isCountCurrent` (match.ts) says it
   * still decides as a fresh count would.
   */
  private frequencies(tokens: readonly string[], documents: number, writes: number): Map<string, number> {
    const found = new Map<string, number>()
    const missing: string[] = []
    for (const token of tokens) {
      const known = this.knownFrequencies.get(token)
      if (known !== undefined && isCountCurrent(known.documents, writes - known.writes, documents)) found.set(token, known.documents)
      else missing.push(token)
    }
    if (missing.length === 0) return found
    if (this.knownFrequencies.size + missing.length > MAX_KNOWN_FREQUENCIES) this.knownFrequencies.clear()
    const counted = new Map(
      this.sql
        .exec(`SELECT term, doc FROM search_vocab WHERE term IN (SELECT value FROM json_each(?))`, JSON.stringify(missing))
        .toArray()
        .map((row) => [String(row.term), Number(row.doc)]),
    )
    for (const token of missing) {
      const count = counted.get(token) ?? 0
      found.set(token, count)
      this.knownFrequencies.set(token, { documents: count, writes })
    }
    return found
  }

  private countDocuments(change: number): void {
    this.sql.exec(`INSERT INTO search_meta (key, value) VALUES ('documents', ?), ('writes', 1) ON CONFLICT (key) DO UPDATE SET value = value + excluded.value`, change)
  }

  /** The records of a page's articles, in one statement. */
  private articlesOf(page: readonly Ranked[]): Map<string, Article> {
    const rows = this.sql.exec(`SELECT id, record FROM articles WHERE id IN (SELECT value FROM json_each(?))`, JSON.stringify(page.map((row) => row.id))).toArray()
    return new Map(rows.map((row) => [String(row.id), parseArticle(row.record)]))
  }
}

/** A page's article, which the index and the articles table hold in one transaction. */
function articleIn(articles: ReadonlyMap<string, Article>, id: string): Article {
  const article = articles.get(id)
  if (article === undefined) throw new Error(`search index names article ${id}, which is not stored`)
  return article
}

/**
 * The plan with the filter tokens ANDed to each expression (filters.ts): FTS5
 * then intersects posting lists, and the SQL conditions only check what is left.
 */
function narrowed(plan: MatchPlan, filter: string | null): MatchPlan {
  if (filter === null) return plan
  const and = (expression: string | null) => (expression === null ? null : `(${expression}) AND ${filter}`)
  return { ...plan, any: `(${plan.any}) AND ${filter}`, all: and(plan.all), exact: and(plan.exact) }
}

/** BM25 with title columns weighted (match.ts); lower is better, as FTS5 returns it. */
const BM25 = `bm25(search_text, ${BM25_WEIGHTS.join(', ')})`

/**
 * The ranking tier of a short query (a tiered plan) as SQL (match.ts): FTS5 subqueries for "every unit" and
 * "every unit, spelled as typed", within the scored rowids when bounded.
 */
function tierOf(plan: MatchPlan, bounded: boolean): string {
  const inExact = `search_text.rowid IN (SELECT rowid FROM search_text WHERE search_text MATCH ? ${bounded ? 'AND rowid >= ?' : ''})`
  const inAll = inExact
  if (plan.exact !== null && plan.all !== null) return `CASE WHEN ${inExact} THEN 0 WHEN ${inAll} THEN 1 ELSE 2 END`
  if (plan.exact !== null) return `CASE WHEN ${inExact} THEN 0 ELSE 1 END`
  if (plan.all !== null) return `CASE WHEN ${inAll} THEN 0 ELSE 2 END`
  return '0'
}

function tierParams(plan: MatchPlan, floor: readonly number[]): (string | number)[] {
  return [plan.exact, plan.all].filter((expression) => expression !== null).flatMap((expression) => [expression, ...floor])
}

function filtersOf(request: SearchRequest): { where: string; params: (string | number)[] } {
  const clauses: string[] = []
  const params: (string | number)[] = []
  const { sources, from, to, storyId } = request.filters
  if (sources.length > 0) {
    clauses.push(`d.source IN (SELECT value FROM json_each(?))`)
    params.push(JSON.stringify(sources))
  }
  if (from !== null) {
    clauses.push(`d.pub_end >= ?`)
    params.push(from)
  }
  if (to !== null) {
    clauses.push(`d.pub_start <= ?`)
    params.push(to)
  }
  if (storyId !== null) {
    clauses.push(`d.story_id = ?`)
    params.push(storyId)
  }
  return { where: clauses.map((clause) => `AND ${clause}`).join(' '), params }
}

/** Whether a (tier, score, id) position comes after another, as SQL compares row values (ids are ASCII). */
function isPast(position: readonly [number, number, string], after: readonly [number, number, string]): boolean {
  if (position[0] !== after[0]) return position[0] > after[0]
  if (position[1] !== after[1]) return position[1] > after[1]
  return position[2] > after[2]
}

function rankedOf(row: Record<string, SqlStorageValue>): Ranked {
  return {
    id: String(row.id),
    storyId: row.story_id === null || row.story_id === undefined ? null : String(row.story_id),
    tier: Number(row.tier ?? 0),
    score: Number(row.score ?? 0),
    sortKey: String(row.sort_key),
    record: row.record ?? null,
  }
}

/** Where a page ended, for its cursor: `id` is the article's or, in a story list, the story's. */
function positionOf(request: SearchRequest, row: Ranked, id: string): SearchPosition {
  if (request.sort === 'recent') return { sort: 'recent', key: row.sortKey, id }
  return { sort: 'relevance', tier: row.tier === 0 ? 0 : row.tier === 1 ? 1 : 2, score: row.score, id }
}

function parseStory(value: SqlStorageValue): Story {
  if (typeof value !== 'string') throw new TypeError('story record is not text')
  return StorySchema.parse(JSON.parse(value))
}

/** Records in SQL were written by the Newsroom from checked input; still, check what we read. */
function parseArticle(value: SqlStorageValue | undefined): Article {
  if (typeof value !== 'string') throw new TypeError('article record is not text')
  return ArticleSchema.parse(JSON.parse(value))
}
