/**
 * Which searches to store in the edge cache: those asked again. A page is
 * stored the second time its normalized search is asked within a window
 * ("cache on second hit", as CDNs treat one-hit wonders), not the first.
 *
 * Why: most searches are asked once — a pasted headline, a misspelling, page
 * three of a rare query — and storing each costs a cache write (a
 * subrequest on Cloudflare; locally 1.5–3 ms of the same process's time,
 * BENCHMARKS.md) for an entry nobody reads. A query people share is asked
 * again within seconds and is stored then, so what the cache holds and
 * serves barely changes. The memory is this isolate's: another isolate at
 * the same location may store a page first, and the lookup finds it.
 *
 * Pure: no runtime imports; the caller passes the clock.
 */

/** How long a first ask is remembered: a query asked again later than this counts as asked once. */
export const REPEAT_WINDOW_MS = 60_000

/** First asks remembered, at most (the oldest are forgotten first): a few hundred kilobytes of keys. */
export const MAX_REMEMBERED_ASKS = 2_000

export class RepeatedAsks {
  /** Keys asked once and not yet stored, with when, oldest first (a Map keeps insertion order). */
  private readonly asked = new Map<string, number>()

  constructor(
    private readonly windowMs = REPEAT_WINDOW_MS,
    private readonly capacity = MAX_REMEMBERED_ASKS,
  ) {}

  /**
   * Note an ask of `key` at `now` (ms) and say whether its page should be
   * stored: true when it was asked before within the window.
   *
   * @example
   * const asks = new RepeatedAsks()
   * asks.isRepeat('hà nội', 0) // => false
   * asks.isRepeat('hà nội', 1_000) // => true
   */
  isRepeat(key: string, now: number): boolean {
    const before = this.asked.get(key)
    this.asked.delete(key)
    if (before !== undefined && now - before <= this.windowMs) return true
    this.asked.set(key, now)
    if (this.asked.size > this.capacity) {
      const oldest = this.asked.keys().next()
      if (oldest.done !== true) this.asked.delete(oldest.value)
    }
    return false
  }
}
