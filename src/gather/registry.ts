/**
 * The source registry: a small SQLite-backed Durable Object of its own that
 * keeps the outlets' feeds bantin gathers from, their health, the item URLs
 * already seen, and each host's politeness state (fetch slots, back-off,
 * robots.txt). The Newsroom stays the one writer of articles and stories;
 * this object never touches them.
 *
 * Why one object: "seen" must be claimed atomically so two overlapping checks
 * never enqueue one item twice, and a host's fetch slots must be counted in
 * one place for every queue consumer at once. Both are a few small SQL rows
 * per fetch, far below one object's capacity (see ARCHITECTURE.md).
 *
 * Sources and their health are copied to KV (`source:v1:<id>`,
 * `sources:v1:head`) by an alarm at most once a second, so GET routes read
 * KV like every other read and a cron run that touches fifty sources writes
 * the head once.
 */
import { DurableObject } from 'cloudflare:workers'
import type { Bindings } from '../env.js'
import { SOURCES_HEAD_KEY, sourceKey } from '../store/keys.js'
import { type Source, SourceSchema, type SourcesHead } from '../store/source-schemas.js'
import { sha256Hex } from '../store/ids.js'
import { DEFAULT_HOST_DELAY_MS, type HostState, IDLE_HOST, acquireSlot, releaseSlot } from './politeness.js'
import { nextCheckAt, shouldPause } from './schedule.js'

/** Sources one deployment keeps: the head value stays a few hundred KB, and a cron run can check them all. */
export const MAX_SOURCES = 500

/** How long a seen item URL is remembered; an item still in a feed after that is caught by the Newsroom's own URL check. */
const SEEN_TTL_MS = 30 * 24 * 3600_000

/** KV copies are written this long after a change, so a burst of changes is one write per key. */
const PUBLISH_DELAY_MS = 1000

/** A source due for a check, with what the check needs. */
export type DueSource = {
  id: string
  feedUrl: string
  name: string
  etag: string | null
  lastModified: string | null
  checkEveryMinutes: number
}

/** What one feed check found, for the source's health. */
export type CheckRecord = {
  /** The Cron event's time the check ran for; the next check is counted from it. */
  scheduledTime: number
  checkedAt: string
  status: number | null
  /** Why the check failed; null when it succeeded (200 or 304). */
  error: string | null
  retryAfterMs: number | null
  /** Validators for the next conditional GET (only after a 200). */
  etag: string | null
  lastModified: string | null
  newItems: number
  homepage: string | null
}

/** What gathering one item came to, for the source's health. */
export type ArticleRecord = { url: string; created: boolean; from: 'page' | 'feed-item' | null; error: string | null; at: string }

export type HostGate = { granted: true; robots: string | null; delayMs: number } | { granted: false; waitMs: number }

export type RegisterResult = { status: 'created' | 'exists'; source: Source } | { status: 'limit' }

export class SourceRegistry extends DurableObject<Bindings> {
  private readonly sql: SqlStorage
  /** Fetch slots and spacing per host; back-off is also kept in SQL so a restart honours a Retry-After. */
  private readonly hosts = new Map<string, HostState>()

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env)
    this.sql = ctx.storage.sql
    migrate(this.sql)
  }

  /** Register a feed, or answer the source that already has it. */
  async register(input: { feedUrl: string; name: string; homepage: string | null; checkEveryMinutes: number }, now: string): Promise<RegisterResult> {
    const id = await sourceIdOf(input.feedUrl)
    const existing = this.source(id)
    if (existing !== null) return { status: 'exists', source: existing }
    const count = Number(this.sql.exec(`SELECT COUNT(*) AS n FROM sources`).one().n)
    if (count >= MAX_SOURCES) return { status: 'limit' }
    this.sql.exec(
      `INSERT INTO sources (id, feed_url, name, homepage, check_every_minutes, created_at, updated_at, next_check_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      input.feedUrl,
      input.name,
      input.homepage,
      input.checkEveryMinutes,
      now,
      now,
      Date.parse(now),
    )
    await this.changed(id)
    const source = this.source(id)
    if (source === null) throw new Error('a registered source could not be read back')
    return { status: 'created', source }
  }

  /** The source registered for this feed URL, if any. */
  async findByFeedUrl(feedUrl: string): Promise<Source | null> {
    return this.source(await sourceIdOf(feedUrl))
  }

  async get(id: string): Promise<Source | null> {
    return this.source(id)
  }

  /** Change a source's name, interval or pause; resuming clears its failures and makes it due at once. */
  async update(id: string, patch: { name?: string | undefined; paused?: boolean | undefined; checkEveryMinutes?: number | undefined }, now: string): Promise<Source | null> {
    const current = this.source(id)
    if (current === null) return null
    const resume = patch.paused === false && current.paused
    this.sql.exec(
      `UPDATE sources SET name = ?, check_every_minutes = ?, paused = ?, paused_reason = ?, failures = ?, next_check_at = ?, updated_at = ? WHERE id = ?`,
      patch.name ?? current.name,
      patch.checkEveryMinutes ?? current.checkEveryMinutes,
      (patch.paused ?? current.paused) ? 1 : 0,
      patch.paused === true ? 'paused by an operator' : resume ? null : current.pausedReason,
      resume ? 0 : current.failuresInARow,
      resume ? Date.parse(now) : current.nextCheckAt === null ? Date.parse(now) : Date.parse(current.nextCheckAt),
      now,
      id,
    )
    await this.changed(id)
    return this.source(id)
  }

  /** Forget a source and the items it saw (its articles stay). */
  async remove(id: string): Promise<boolean> {
    const removed = this.sql.exec(`DELETE FROM sources WHERE id = ?`, id).rowsWritten > 0
    if (removed) {
      this.sql.exec(`DELETE FROM seen_items WHERE source_id = ?`, id)
      await this.changed(id)
    }
    return removed
  }

  /**
   * Sources due at `scheduledTime`, oldest due first, claimed: their next
   * check moves one interval on at once, so an overlapping run for the same
   * time finds them not due. recordCheck sets the real next time.
   */
  async claimDue(scheduledTime: number, limit: number): Promise<DueSource[]> {
    const rows = this.sql
      .exec(`SELECT id, feed_url, name, etag, last_modified, check_every_minutes FROM sources WHERE paused = 0 AND next_check_at <= ? ORDER BY next_check_at LIMIT ?`, scheduledTime, limit)
      .toArray()
    const due = rows.map((row) => ({
      id: String(row.id),
      feedUrl: String(row.feed_url),
      name: String(row.name),
      etag: nullableString(row.etag),
      lastModified: nullableString(row.last_modified),
      checkEveryMinutes: Number(row.check_every_minutes),
    }))
    for (const source of due) this.sql.exec(`UPDATE sources SET next_check_at = ? WHERE id = ?`, scheduledTime + source.checkEveryMinutes * 60_000, source.id)
    return due
  }

  /** Record a feed check in the source's health; a source failing MAX_CONSECUTIVE_FAILURES times in a row is paused. */
  async recordCheck(id: string, check: CheckRecord): Promise<void> {
    const current = this.source(id)
    if (current === null) return
    const failures = check.error === null ? 0 : current.failuresInARow + 1
    const pause = check.error !== null && shouldPause(failures)
    const next = nextCheckAt(check.scheduledTime, current.checkEveryMinutes, check.error === null ? { ok: true } : { ok: false, retryAfterMs: check.retryAfterMs }, failures)
    this.sql.exec(
      `UPDATE sources SET last_checked_at = ?, last_status = ?, last_error = ?, items_seen = items_seen + ?, failures = ?, next_check_at = ?,
         paused = CASE WHEN ? THEN 1 ELSE paused END,
         paused_reason = CASE WHEN ? THEN ? ELSE paused_reason END,
         etag = CASE WHEN ? = 200 THEN ? ELSE etag END,
         last_modified = CASE WHEN ? = 200 THEN ? ELSE last_modified END,
         homepage = COALESCE(homepage, ?)
       WHERE id = ?`,
      check.checkedAt,
      check.status,
      check.error,
      check.newItems,
      failures,
      next,
      pause ? 1 : 0,
      pause ? 1 : 0,
      `${failures} checks failed in a row; last: ${check.error ?? ''}`,
      check.status,
      check.etag,
      check.status,
      check.lastModified,
      check.homepage,
      id,
    )
    await this.changed(id)
  }

  /**
   * Claim item URLs for a source: the ones never seen before are returned and
   * remembered, in one synchronous step, so overlapping checks split them.
   */
  async claimItems(sourceId: string, urls: readonly string[], now: number): Promise<string[]> {
    this.sql.exec(`DELETE FROM seen_items WHERE seen_at < ?`, now - SEEN_TTL_MS)
    const fresh: string[] = []
    for (const url of urls) {
      const inserted = this.sql.exec(`INSERT INTO seen_items (url, source_id, seen_at) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING`, url, sourceId, now).rowsWritten
      if (inserted > 0) fresh.push(url)
    }
    return fresh
  }

  /** Forget claimed URLs that could not be queued, so the next check tries them again. */
  async releaseItems(urls: readonly string[]): Promise<void> {
    for (const url of urls) this.sql.exec(`DELETE FROM seen_items WHERE url = ?`, url)
  }

  /** Count a gathered article (or record why its page could not be read). */
  async recordArticle(sourceId: string, record: ArticleRecord): Promise<void> {
    const pageError = record.error === null ? null : JSON.stringify({ url: record.url, error: record.error, at: record.at })
    this.sql.exec(
      `UPDATE sources SET articles_ingested = articles_ingested + ?, articles_from_items = articles_from_items + ?, last_page_error = COALESCE(?, last_page_error) WHERE id = ?`,
      record.created ? 1 : 0,
      record.created && record.from === 'feed-item' ? 1 : 0,
      pageError,
      sourceId,
    )
    await this.changed(sourceId)
  }

  /**
   * Ask for a fetch slot on a host (politeness.ts decides). A grant carries
   * the host's robots.txt when a fresh copy is kept, or null when the caller
   * must fetch it first (and hand it over with storeRobots).
   */
  async acquireHost(host: string, now: number): Promise<HostGate> {
    const row = this.sql.exec(`SELECT robots, crawl_delay_ms, robots_until, backoff_until FROM hosts WHERE host = ?`, host).toArray()[0]
    const fresh = row !== undefined && row.robots !== null && Number(row.robots_until) > now
    const delayMs = fresh && row.crawl_delay_ms !== null ? Number(row.crawl_delay_ms) : DEFAULT_HOST_DELAY_MS
    const state = this.hosts.get(host) ?? { ...IDLE_HOST, backoffUntil: row === undefined ? 0 : Number(row.backoff_until) }
    const gate = acquireSlot(state, now, delayMs)
    this.hosts.set(host, gate.state)
    if (!gate.granted) return { granted: false, waitMs: gate.waitMs }
    return { granted: true, robots: fresh ? String(row.robots) : null, delayMs }
  }

  /**
   * Keep a host's robots.txt (the text to apply, see robots.ts) and its
   * Crawl-delay until `until`; the next fetch is spaced from this one by that delay.
   */
  async storeRobots(host: string, robots: string, crawlDelayMs: number | null, now: number, until: number): Promise<void> {
    const state = this.hosts.get(host)
    if (state !== undefined) this.hosts.set(host, { ...state, nextAllowedAt: now + (crawlDelayMs ?? DEFAULT_HOST_DELAY_MS) })
    this.sql.exec(
      `INSERT INTO hosts (host, robots, crawl_delay_ms, robots_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (host) DO UPDATE SET robots = excluded.robots, crawl_delay_ms = excluded.crawl_delay_ms, robots_until = excluded.robots_until`,
      host,
      robots,
      crawlDelayMs,
      until,
    )
  }

  /** Give a host's slot back; a 429/503 keeps the host away for its Retry-After. */
  async releaseHost(host: string, now: number, status: number | null, retryAfterMs: number | null): Promise<void> {
    const state = this.hosts.get(host) ?? IDLE_HOST
    const next = releaseSlot(state, now, status, retryAfterMs)
    this.hosts.set(host, next)
    if (next.backoffUntil !== state.backoffUntil) {
      this.sql.exec(`INSERT INTO hosts (host, backoff_until) VALUES (?, ?) ON CONFLICT (host) DO UPDATE SET backoff_until = excluded.backoff_until`, host, next.backoffUntil)
    }
  }

  /** Write changed sources and the head to KV (see module comment). */
  override async alarm(): Promise<void> {
    const dirty = this.sql
      .exec(`SELECT id FROM dirty`)
      .toArray()
      .map((row) => String(row.id))
    const writes = dirty.map((id) => {
      const source = this.source(id)
      return source === null ? this.env.KV.delete(sourceKey(id)) : this.env.KV.put(sourceKey(id), JSON.stringify(source))
    })
    const all = this.sql
      .exec(`SELECT id FROM sources ORDER BY created_at DESC, id DESC`)
      .toArray()
      .flatMap((row) => this.source(String(row.id)) ?? [])
    const head: SourcesHead = { total: all.length, items: all }
    writes.push(this.env.KV.put(SOURCES_HEAD_KEY, JSON.stringify(head)))
    // A failed write throws: the runtime retries the alarm, and the rows stay dirty until it succeeds.
    await Promise.all(writes)
    for (const id of dirty) this.sql.exec(`DELETE FROM dirty WHERE id = ?`, id)
  }

  /** Mark a source's KV copy (and the head) for the next publish. */
  private async changed(id: string): Promise<void> {
    this.sql.exec(`INSERT INTO dirty (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, id)
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + PUBLISH_DELAY_MS)
  }

  private source(id: string): Source | null {
    const row = this.sql.exec(`SELECT * FROM sources WHERE id = ?`, id).toArray()[0]
    if (row === undefined) return null
    return SourceSchema.parse({
      id: row.id,
      feedUrl: row.feed_url,
      name: row.name,
      homepage: row.homepage,
      checkEveryMinutes: row.check_every_minutes,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastCheckedAt: row.last_checked_at,
      lastStatus: row.last_status,
      lastError: row.last_error,
      itemsSeen: row.items_seen,
      articlesIngested: row.articles_ingested,
      articlesFromFeedItems: row.articles_from_items,
      lastPageError: typeof row.last_page_error === 'string' ? JSON.parse(row.last_page_error) : null,
      failuresInARow: row.failures,
      nextCheckAt: row.paused === 1 ? null : new Date(Number(row.next_check_at)).toISOString(),
      paused: row.paused === 1,
      pausedReason: row.paused_reason,
    })
  }
}

/**
 * The one registry instance.
 *
 * @example
 * await registryOf(env).get(id)
 */
export function registryOf(env: Pick<Bindings, 'SOURCES'>) {
  return env.SOURCES.get(env.SOURCES.idFromName('main'))
}

/** A source's id: from its canonical feed URL, so registering a feed again finds the same source. */
export async function sourceIdOf(feedUrl: string): Promise<string> {
  return (await sha256Hex(`feed:${feedUrl}`)).slice(0, 16)
}

function nullableString(value: SqlStorageValue | undefined): string | null {
  return typeof value === 'string' ? value : null
}

function migrate(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS sources (
      id TEXT PRIMARY KEY,
      feed_url TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      homepage TEXT,
      check_every_minutes INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      etag TEXT,
      last_modified TEXT,
      last_checked_at TEXT,
      last_status INTEGER,
      last_error TEXT,
      items_seen INTEGER NOT NULL DEFAULT 0,
      articles_ingested INTEGER NOT NULL DEFAULT 0,
      articles_from_items INTEGER NOT NULL DEFAULT 0,
      last_page_error TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      next_check_at INTEGER NOT NULL,
      paused INTEGER NOT NULL DEFAULT 0,
      paused_reason TEXT
    );
    CREATE INDEX IF NOT EXISTS sources_due ON sources (paused, next_check_at);
    CREATE TABLE IF NOT EXISTS seen_items (url TEXT PRIMARY KEY, source_id TEXT NOT NULL, seen_at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS seen_items_age ON seen_items (seen_at);
    CREATE TABLE IF NOT EXISTS hosts (host TEXT PRIMARY KEY, robots TEXT, crawl_delay_ms INTEGER, robots_until INTEGER, backoff_until INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS dirty (id TEXT PRIMARY KEY);
  `)
}
