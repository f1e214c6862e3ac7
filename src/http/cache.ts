/**
 * Results worth keeping between requests: summaries of non-default lengths,
 * computed on request. They live in the Cache API under a key that names the
 * version of their input (an article's or story's `updatedAt`), so a
 * correction makes a new key and nothing stale is ever served; old entries
 * simply expire.
 */

/** How long a computed result stays cached. Versioned keys never go stale, so this only bounds storage. */
const CACHE_SECONDS = 86_400

/** Origin of cache keys: never fetched, only a namespace for Cache API entries. */
const CACHE_ORIGIN = 'https://cache.bantin.internal'

/**
 * The cached JSON for `key`, or compute it, cache it and return it.
 * `decode` checks what the cache returns, as every read of stored data is checked.
 */
export async function cachedJson<T>(key: string, compute: () => Promise<T> | T, decode: (value: unknown) => T | null): Promise<T> {
  const cache = await caches.open('bantin:v1')
  const request = new Request(`${CACHE_ORIGIN}/${key}`)
  const hit = await cache.match(request)
  if (hit !== undefined) {
    const value = decode(await hit.json().catch(() => null))
    if (value !== null) return value
  }
  const value = await compute()
  await cache.put(
    request,
    new Response(JSON.stringify(value), {
      headers: { 'Content-Type': 'application/json', 'Cache-Control': `public, max-age=${CACHE_SECONDS}` },
    }),
  )
  return value
}
