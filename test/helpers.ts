/**
 * Test helpers for worker tests: requests against the real Worker (in workerd,
 * with local KV and the Newsroom Durable Object), the seed fixtures, and a way
 * to let the Newsroom's deferred KV writes land.
 */
import { abortAllDurableObjects, reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { searchCacheWritten } from '../src/routes/search.js'
import { hotClear } from '../src/store/hot-cache.js'
import { newsroomOf } from '../src/writer/client.js'
import seed000 from '../data/vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt?raw'
import seed001 from '../data/hoi-nghi-andrews-lo-trinh-chong-is.txt?raw'

export const TOKEN = 'test-token'
export const SEEDS = { vietnamplus: seed000, andrews: seed001 }

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`https://bantin.test${path}`, init))
}

export function postText(text: string, query = '', headers: Record<string, string> = {}): Promise<Response> {
  return call(`/v1/articles${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain; charset=utf-8', ...headers },
    body: text,
  })
}

export function postJson(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call('/v1/articles', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** How long settle() waits for the Newsroom's KV outbox to drain before failing the test. */
const SETTLE_TIMEOUT_MS = 10_000

/**
 * Let every KV write the Newsroom has queued land: run its pending alarm, and
 * wait until its outbox is empty (an alarm that fired on its own, under a slow
 * machine, may still be writing when runDurableObjectAlarm finds none to run).
 */
export async function settle(): Promise<void> {
  const stub = newsroomOf(env)
  const deadline = Date.now() + SETTLE_TIMEOUT_MS
  for (;;) {
    await runDurableObjectAlarm(stub)
    const pending = await runInDurableObject(stub, (_instance, state) => Number(state.storage.sql.exec('SELECT COUNT(*) AS n FROM kv_outbox').one().n))
    if (pending === 0) return
    if (Date.now() > deadline) throw new Error(`the Newsroom still has ${pending} KV writes queued after ${SETTLE_TIMEOUT_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Every KV key, to prove a refused request wrote nothing. */
export async function kvKeys(): Promise<string[]> {
  const listed = await env.KV.list()
  return listed.keys.map((key) => key.name)
}

/** What is stored, in KV and in the Newsroom's SQL: a refused request must leave both as they were. */
export async function storedState(): Promise<{ kv: string[]; articles: number; stories: number }> {
  await settle()
  const counts = await runInDurableObject(newsroomOf(env), (_instance, state) => ({
    articles: Number(state.storage.sql.exec('SELECT COUNT(*) AS n FROM articles').one().n),
    stories: Number(state.storage.sql.exec('SELECT COUNT(*) AS n FROM stories').one().n),
  }))
  return { kv: await kvKeys(), ...counts }
}

export async function problemOf(res: Response): Promise<{ status: number; code: string; detail: string; errors?: { field: string }[] }> {
  return (await res.json()) as { status: number; code: string; detail: string; errors?: { field: string }[] }
}

/** A clean slate: empty KV and Durable Object storage, fresh objects, an empty in-isolate cache. */
export async function resetAll(): Promise<void> {
  // A search stores its page after answering; wiping storage under that write would fail it.
  await searchCacheWritten()
  await reset()
  await abortAllDurableObjects()
  hotClear()
}
