/**
 * The Newsroom's KV outbox (the transactional-outbox pattern): a KV write is
 * first a row of `kv_outbox`, committed in the same synchronous SQL
 * transaction as the change it mirrors, then written out by `flush`. A failed
 * KV write stays in the outbox and the alarm retries it, so KV converges on
 * SQL whatever fails in between.
 *
 * KV allows one write per second per key, so a key written again within that
 * second (the list heads, a busy story) is left for the alarm, which writes
 * only its latest value: `seq` makes sure a newer value queued while an older
 * one was being written is not dropped when the older one lands.
 */

/** KV's documented limit is one write per second to the same key. */
export const KV_KEY_WRITE_INTERVAL_MS = 1000

/** Retry delay for a KV write that failed (KV outages are short; the outbox keeps the value). */
const KV_RETRY_MS = 5000

export const OUTBOX_SCHEMA = `
  CREATE TABLE IF NOT EXISTS kv_outbox (
    key TEXT PRIMARY KEY,
    value TEXT,
    seq INTEGER NOT NULL
  );
`

export class KvOutbox {
  /** When each key was last written to KV by this instance (in memory: a restart only risks one early write). */
  private readonly lastKvWrite = new Map<string, number>()

  constructor(
    private readonly sql: SqlStorage,
    private readonly kv: KVNamespace,
    private readonly storage: DurableObjectStorage,
  ) {}

  /**
   * Record a KV write (or a delete, with `null`) to happen after the current
   * transaction; a later value for the same key replaces an unwritten one.
   */
  enqueue(key: string, value: unknown): void {
    this.enqueueJson(key, value === null ? null : JSON.stringify(value))
  }

  /**
   * Record a KV write of JSON already serialized (or a delete, with `null`):
   * for values assembled from JSON this writer stored and checked, which
   * need not be parsed and serialized again.
   */
  enqueueJson(key: string, json: string | null): void {
    this.sql.exec(
      `INSERT INTO kv_outbox (key, value, seq) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, seq = kv_outbox.seq + 1`,
      key,
      json,
    )
  }

  /** KV writes not yet confirmed. */
  pending(): number {
    return Number(this.sql.exec(`SELECT COUNT(*) AS n FROM kv_outbox`).one().n)
  }

  /**
   * Write outbox rows to KV. Without `force`, a key written less than
   * KV_KEY_WRITE_INTERVAL_MS ago is left for the alarm, which this sets.
   */
  async flush(force: boolean): Promise<void> {
    const now = Date.now()
    let nextDue = Number.POSITIVE_INFINITY
    const writes: Promise<[string, SqlStorageValue]>[] = []
    // Keys first: a value is read only when its key is due (the heads, rewritten by every ingest, are large and mostly not).
    for (const row of this.sql.exec(`SELECT key, seq FROM kv_outbox`).toArray()) {
      const key = String(row.key)
      const last = this.lastKvWrite.get(key) ?? 0
      if (!force && now - last < KV_KEY_WRITE_INTERVAL_MS) {
        nextDue = Math.min(nextDue, last + KV_KEY_WRITE_INTERVAL_MS)
        continue
      }
      this.lastKvWrite.set(key, now)
      const value = this.sql.exec(`SELECT value FROM kv_outbox WHERE key = ?`, key).one().value
      const write = value === null ? this.kv.delete(key) : this.kv.put(key, String(value))
      writes.push(write.then((): [string, SqlStorageValue] => [key, row.seq ?? null]))
    }
    const results = await Promise.allSettled(writes)
    // Only the value we wrote leaves the outbox (a newer one queued meanwhile stays), in one transaction, not a commit per key.
    this.storage.transactionSync(() => {
      for (const result of results) if (result.status === 'fulfilled') this.sql.exec(`DELETE FROM kv_outbox WHERE key = ? AND seq = ?`, ...result.value)
    })
    if (results.some((result) => result.status === 'rejected')) nextDue = Math.min(nextDue, Date.now() + KV_RETRY_MS)
    if (nextDue !== Number.POSITIVE_INFINITY) {
      const current = await this.storage.getAlarm()
      if (current === null || current > nextDue) await this.storage.setAlarm(nextDue)
    }
  }
}
