/**
 * Writes are eventually visible, within a bound this file pins locally: a
 * write's own answer is the new state at once; a reader elsewhere (another
 * isolate, here simulated by writing to the Newsroom directly, which clears
 * no cache in this one) sees lists, stories and summaries follow within the
 * hot-cache TTL plus KV's one-write-per-second deferral. README, "Eventual
 * consistency", states the same numbers.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { prepareFromJson } from '../src/ingest/prepare.js'
import { HOT_TTL_MS } from '../src/store/hot-cache.js'
import { newsroomOf } from '../src/writer/client.js'
import { KV_KEY_WRITE_INTERVAL_MS } from '../src/writer/outbox.js'
import { call, postJson, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

/** The local upper bound: a cached value lives HOT_TTL_MS, and a hot key's KV write waits up to KV_KEY_WRITE_INTERVAL_MS. */
const LOCAL_BOUND_MS = HOT_TTL_MS + KV_KEY_WRITE_INTERVAL_MS

/** Slack for polling and a loaded machine: the bound is what the design allows, this is what the test tolerates beyond it. */
const SLACK_MS = 1500

/** Poll until `seen` holds; the time it took, or a failure at the deadline. */
async function timeUntil(seen: () => Promise<boolean>, deadlineMs: number): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await seen()) return Date.now() - started
    if (Date.now() - started > deadlineMs) throw new Error(`not visible within ${deadlineMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('eventual consistency, locally', () => {
  it('answers a write with its new state at once', async () => {
    const res = await postJson({ title: 'Bão số 5', body: 'Bão số 5 đổ bộ vào miền Trung chiều nay.', storyId: 'bao-so-5' })
    expect(res.status).toBe(201)
    const created = (await res.json()) as { id: string; storyId: string; title: string }
    expect(created).toMatchObject({ storyId: 'bao-so-5', title: 'Bão số 5' })
    expect((await call(`/v1/articles/${created.id}`)).status, 'this isolate reads its own write at once').toBe(200)
  })

  it(`shows a write made elsewhere in lists, stories and summaries within ${LOCAL_BOUND_MS} ms`, async () => {
    await postJson({ title: 'Tin đầu', body: 'Tin đầu tiên của ngày.', storyId: 'tin-dau' })
    await settle()
    const before = (await (await call('/v1/articles')).json()) as { items: { id: string }[] }
    expect(before.items, 'this isolate now holds the list head in its hot cache').toHaveLength(1)
    // Another isolate's write: straight to the writer, so this isolate's cache is not cleared.
    const written = await newsroomOf(env).ingest(await prepareFromJson({ title: 'Bão số 5', body: 'Bão số 5 đổ bộ vào miền Trung chiều nay.', storyId: 'bao-so-5' }))
    const id = written.article.id
    const stale = (await (await call('/v1/articles')).json()) as { items: { id: string }[] }
    expect(
      stale.items.map((item) => item.id),
      'a reader elsewhere does not see it at once',
    ).not.toContain(id)
    const bound = LOCAL_BOUND_MS + SLACK_MS
    const listed = await timeUntil(async () => ((await (await call('/v1/articles')).json()) as { items: { id: string }[] }).items.some((item) => item.id === id), bound)
    const story = await timeUntil(async () => (await call('/v1/stories/bao-so-5')).status === 200, bound)
    const summary = await timeUntil(async () => (await call(`/v1/articles/${id}/summary`)).status === 200, bound)
    const stories = await timeUntil(async () => ((await (await call('/v1/stories')).json()) as { items: { id: string }[] }).items.some((item) => item.id === 'bao-so-5'), bound)
    expect(Math.max(listed, story, summary, stories), 'every read follows within the bound').toBeLessThanOrEqual(bound)
  })
})
