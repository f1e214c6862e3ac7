/**
 * The in-isolate cache of hot KV values: the raw JSON, the checked value and
 * its ETag, so a hot GET reads nothing, parses nothing and hashes nothing.
 *
 * Invalidation: a write that goes through this isolate clears it at once; any
 * other change reaches this isolate within HOT_TTL_MS. KV itself may take up
 * to 60 s to show a write at other locations, so the cache never serves
 * anything staler than KV's own consistency allows.
 */

/** How long a value is trusted without asking KV again: far below KV's ~60 s propagation. */
export const HOT_TTL_MS = 5000

/** Entries kept (LRU): hot articles, summaries and heads, a few MB at most. */
const MAX_ENTRIES = 2000

export type HotEntry = { raw: string; value: unknown; etag: string; expires: number }

const entries = new Map<string, HotEntry>()

export function hotGet(key: string, now: number): HotEntry | undefined {
  const entry = entries.get(key)
  if (entry === undefined) return undefined
  if (entry.expires <= now) {
    entries.delete(key)
    return undefined
  }
  // Refresh LRU position: Map iteration order is insertion order.
  entries.delete(key)
  entries.set(key, entry)
  return entry
}

export function hotSet(key: string, entry: HotEntry): void {
  entries.delete(key)
  entries.set(key, entry)
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value
    if (oldest === undefined) break
    entries.delete(oldest)
  }
}

/** Writes seen through this isolate: part of the key of anything cached longer than a request (search answers). */
let generation = 0

/** Forget everything (after a write through this isolate). */
export function hotClear(): void {
  entries.clear()
  generation += 1
}

/** How many writes went through this isolate: a key carrying it changes with each. */
export function hotGeneration(): number {
  return generation
}

/**
 * A strong ETag for a body: 64 bits of two FNV-1a hashes. Not cryptographic —
 * it only has to tell two versions of one resource apart — and it costs
 * microseconds where SHA-1 through crypto.subtle costs an async round trip.
 *
 * @example
 * etagOf('{"a":1}') // => '"…16 hex digits…"'
 */
export function etagOf(body: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ body.length
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return `"${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}"`
}
