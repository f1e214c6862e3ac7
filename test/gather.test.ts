/**
 * Gathering in workerd: sources registered through the API, the Cron
 * handler checking their feeds, the real queue delivering feed items to the
 * real consumer, article pages read with HTMLRewriter and stored through the
 * Newsroom — with every outbound fetch answered by the fixture outlets of
 * test/outlet.ts (no network, no mocked storage).
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, runDurableObjectAlarm, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import worker from '../src/index.js'
import { type DueSource, registryOf } from '../src/gather/registry.js'
import { checkSource } from '../src/gather/check-feeds.js'
import { consumeBatch } from '../src/gather/consume.js'
import { readArticlePage } from '../src/gather/page-rewriter.js'
import type { Article } from '../src/store/schemas.js'
import type { GatherMessage, Source } from '../src/store/source-schemas.js'
import { newsroomOf } from '../src/writer/client.js'
import fixtures from './fixtures/gather/articles.json'
import { TOKEN, call, kvKeys, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

const CRON = '*/5 * * * *'
/** A Cron tick: the checks below are judged against it, never the wall clock. */
const T0 = Date.parse('2030-01-01T00:00:00Z')
const DAY = 24 * 3600_000

/** A fresh outlet host of this kind for one test (see test/outlet.ts). */
function outlet(kind: string): string {
  return `https://${kind}-${crypto.randomUUID().slice(0, 8)}.example.vn`
}

async function postSource(body: unknown, headers: Record<string, string> = {}, bindings: Cloudflare.Env = env): Promise<Response> {
  const request = new Request('https://bantin.test/v1/sources', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return worker.fetch(request, bindings, createExecutionContext())
}

async function register(feedUrl: string, extra: Record<string, unknown> = {}): Promise<Source> {
  const res = await postSource({ feedUrl, ...extra })
  expect(res.status, `registering ${feedUrl}`).toBe(201)
  return (await res.json()) as Source
}

/** Run the Worker's scheduled handler as the Cron would at `scheduledTime`. */
async function runCron(scheduledTime: number): Promise<void> {
  const controller = createScheduledController({ scheduledTime, cron: CRON })
  const ctx = createExecutionContext()
  await worker.scheduled(controller, env)
  await waitOnExecutionContext(ctx)
}

/** Every stored article, read from the Newsroom's own table. */
async function storedArticles(): Promise<Article[]> {
  return runInDurableObject(newsroomOf(env), (_instance, state) =>
    state.storage.sql
      .exec('SELECT record FROM articles ORDER BY sort_key')
      .toArray()
      .map((row) => JSON.parse(String(row.record)) as Article),
  )
}

const WAIT_MS = 15_000

/** Poll until `ready` holds (the queue delivers batches on its own schedule). */
async function waitFor<T>(what: string, read: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const value = await read()
    if (ready(value)) return value
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${WAIT_MS} ms (last: ${JSON.stringify(value).slice(0, 300)})`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function source(id: string): Promise<Source> {
  const found = await registryOf(env).get(id)
  if (found === null) throw new Error(`no source ${id}`)
  return found
}

/** What the outlet saw from bantin (test/outlet.ts keeps a log per host). */
async function requestsTo(origin: string): Promise<{ path: string; ifNoneMatch: string | null; ifModifiedSince: string | null; userAgent: string | null }[]> {
  return (await fetch(`https://fixtures.test/log?host=${new URL(origin).host}`)).json()
}

/** Let the registry write its KV copies (it defers them to an alarm). */
async function settleSources(): Promise<void> {
  await runDurableObjectAlarm(registryOf(env))
}

function gatherMessage(pageUrl: string, sourceId: string, item: Partial<GatherMessage['item']> = {}): GatherMessage {
  return {
    v: 1,
    sourceId,
    sourceName: 'Tin Mẫu',
    url: pageUrl,
    item: { title: 'Tiêu đề trong bản tin', summary: 'Tóm tắt trong bản tin RSS của bài.', content: null, publishedAt: '2030-01-01T07:00:00+07:00', author: null, image: null, ...item },
    deferrals: 0,
  }
}

/**
 * Hand one batch to the queue consumer and read what it acked and retried
 * (getQueueResult), and with what delay (the consumer's own report: the
 * test harness does not record retry delays).
 */
async function consume(queue: string, bodies: GatherMessage[], attempts = 1) {
  const batch = createMessageBatch<GatherMessage>(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })),
  )
  const ctx = createExecutionContext()
  const reports = await consumeBatch(batch, env)
  return { ...(await getQueueResult(batch, ctx)), reports }
}

const ANDREWS = fixtures.articles.find((article) => article.slug.startsWith('hoi-nghi-andrews'))
const VIETNAMPLUS = fixtures.articles.find((article) => article.slug.startsWith('vietnamplus'))

describe('reading article pages with HTMLRewriter', () => {
  const origin = 'https://tin-pages.example.vn'
  for (const layout of fixtures.layouts) {
    it(`finds the headline, lead, body and captions in the ${layout} layout`, async () => {
      for (const article of fixtures.articles) {
        const path = article.pages[layout as keyof typeof article.pages]
        const html = await (await fetch(`${origin}${path}`)).text()
        const read = await readArticlePage(html, `${origin}${path}`)
        expect(read.title, `${layout}: headline`).toBe(article.title)
        // A page without a sapo whose description quotes its first paragraph gives that paragraph as the lead: the text is the same.
        if (article.lead !== null) expect(read.lead, `${layout}: lead`).toBe(article.lead)
        const text = [read.lead, ...read.paragraphs]
          .filter((part) => part !== null)
          .join('\n')
          .split('\n')
        const known = [article.lead, ...article.paragraphs].filter((part) => part !== null).join('\n')
        expect(text.join(' '), `${layout}: every body paragraph, nothing else`).toBe(known.replace(/\n/g, ' '))
        expect(read.captions, `${layout}: captions`).toEqual(article.captions)
        expect(read.publishedAt, `${layout}: date`).toBe(article.publishedAt)
      }
    })
  }
})

describe('POST /v1/sources', () => {
  it('registers a feed after reading it, naming the outlet and its homepage from the feed', async () => {
    const origin = outlet('tin')
    const res = await postSource({ feedUrl: `${origin}/rss.xml?utm_source=x` })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Source
    expect(res.headers.get('Location')).toBe(`/v1/sources/${created.id}`)
    expect(created).toMatchObject({
      feedUrl: `${origin}/rss.xml`,
      name: 'Tin Mẫu - Tin mới nhất',
      homepage: `${origin}/`,
      checkEveryMinutes: 10,
      paused: false,
      itemsSeen: 0,
      articlesIngested: 0,
      lastCheckedAt: null,
    })
    const again = await postSource({ feedUrl: `${origin}/rss.xml`, name: 'Tên khác' })
    expect(again.status, 'the same feed again').toBe(200)
    expect(((await again.json()) as Source).id).toBe(created.id)
    await settleSources()
    const listed = (await (await call('/v1/sources')).json()) as { items: Source[] }
    expect(
      listed.items.map((item) => item.id),
      'listed once',
    ).toEqual([created.id])
    const one = await call(`/v1/sources/${created.id}`)
    expect(((await one.json()) as Source).feedUrl).toBe(`${origin}/rss.xml`)
  })

  const origin = 'https://tin-bad.example.vn'
  it.each([
    ['not JSON', '{"feedUrl":', {}, 400, 'malformed-json'],
    ['plain text', 'https://tin.example.vn/rss.xml', { 'Content-Type': 'text/plain' }, 415, 'unsupported-media-type'],
    ['no feedUrl', { name: 'Tin' }, {}, 422, 'invalid-source'],
    ['feedUrl not a URL', { feedUrl: 'tin mẫu' }, {}, 422, 'invalid-source'],
    ['an ftp feed', { feedUrl: 'ftp://tin.example.vn/rss.xml' }, {}, 422, 'invalid-source'],
    ['an unknown field', { feedUrl: `${origin}/rss.xml`, schedule: 'hourly' }, {}, 422, 'invalid-source'],
    ['an empty name', { feedUrl: `${origin}/rss.xml`, name: '  ' }, {}, 422, 'invalid-source'],
    ['checks every minute', { feedUrl: `${origin}/rss.xml`, checkEveryMinutes: 1 }, {}, 422, 'invalid-source'],
    ['a loopback feed', { feedUrl: 'http://127.0.0.1:8787/rss.xml' }, {}, 422, 'invalid-source'],
    ['a private feed', { feedUrl: 'http://192.168.1.10/rss.xml' }, {}, 422, 'invalid-source'],
    ['a link-local feed', { feedUrl: 'http://169.254.169.254/latest/meta-data' }, {}, 422, 'invalid-source'],
    ['a redirect to a link-local address', { feedUrl: `${origin}/go?to=http://169.254.169.254/latest/meta-data` }, {}, 422, 'feed-unreadable'],
    ['a page that is not a feed', { feedUrl: `${origin}/the-gioi/${ANDREWS?.slug}-express.html` }, {}, 422, 'feed-unreadable'],
    ['a feed that is not there', { feedUrl: `${origin}/khong-co.xml` }, {}, 422, 'feed-unreadable'],
    ['a feed that answers 503', { feedUrl: 'https://flaky-1.example.vn/rss.xml' }, {}, 502, 'feed-unreachable'],
    ['no token', { feedUrl: `${origin}/rss.xml` }, { Authorization: '' }, 401, 'unauthorized'],
    ['a wrong token', { feedUrl: `${origin}/rss.xml` }, { Authorization: 'Bearer wrong' }, 401, 'unauthorized'],
    ['a body over 1 MiB', { feedUrl: `${origin}/rss.xml`, name: 'x'.repeat(1024 * 1024) }, {}, 413, 'payload-too-large'],
  ])('refuses %s with a problem and stores nothing', async (_what, body, headers, status, code) => {
    const res = await postSource(body, headers)
    expect(res.status).toBe(status)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect((await problemOf(res)).code).toBe(code)
    await settleSources()
    expect(await runInDurableObject(registryOf(env), (_i, state) => Number(state.storage.sql.exec('SELECT COUNT(*) AS n FROM sources').one().n)), 'no source row').toBe(0)
    expect(await kvKeys(), 'no KV write').toEqual([])
  })

  it('names the refused address in the problem', async () => {
    const problem = await problemOf(await postSource({ feedUrl: 'http://[::ffff:127.0.0.1]/rss.xml' }))
    expect(problem.errors?.[0]).toEqual({ field: 'feedUrl', message: 'refused: loopback address' })
  })

  it('accepts a loopback feed where ALLOW_LOCAL_SOURCES is true (npm start, local fixtures)', async () => {
    const res = await postSource({ feedUrl: 'http://127.0.0.1:9/rss.xml' }, {}, { ...env, ALLOW_LOCAL_SOURCES: 'true' })
    expect(res.status).toBe(201)
  })
})

describe('GET, PUT and DELETE /v1/sources/:id', () => {
  it('changes, pauses, resumes and removes a source', async () => {
    const created = await register(`${outlet('tin')}/atom.xml`)
    expect(created.name, 'named by the Atom feed').toBe('Tin Mẫu')
    const put = (body: unknown, id = created.id) =>
      call(`/v1/sources/${id}`, { method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const renamed = await put({ name: 'Báo Mẫu', checkEveryMinutes: 30 })
    expect(await renamed.json()).toMatchObject({ name: 'Báo Mẫu', checkEveryMinutes: 30 })
    expect(await (await put({ paused: true })).json()).toMatchObject({ paused: true, pausedReason: 'paused by an operator', nextCheckAt: null })
    expect(await (await put({ paused: false })).json()).toMatchObject({ paused: false, pausedReason: null, failuresInARow: 0 })
    expect((await problemOf(await put({}))).code, 'an empty change').toBe('invalid-source')
    expect((await problemOf(await put({ paused: 'yes' }))).code).toBe('invalid-source')
    expect((await put({ name: 'x' }, '0123456789abcdef')).status, 'unknown id').toBe(404)
    const removed = await call(`/v1/sources/${created.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(removed.status).toBe(204)
    await settleSources()
    expect((await call(`/v1/sources/${created.id}`)).status, 'gone from KV too').toBe(404)
    expect(((await (await call('/v1/sources')).json()) as { items: unknown[] }).items).toEqual([])
  })

  it('answers unknown and malformed ids with 404 problems', async () => {
    expect((await problemOf(await call('/v1/sources/0123456789abcdef'))).code).toBe('source-not-found')
    expect((await call('/v1/sources/not-an-id')).status).toBe(404)
    expect((await call('/v1/sources/0123456789abcdef', { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
    expect((await call('/v1/sources?limit=0')).status, 'bad limit').toBe(400)
  })
})

describe('the Cron check and the queue consumer', () => {
  it.each([
    ['RSS 2.0', 'rss.xml', ['express', 'detail']],
    ['Atom 1.0', 'atom.xml', ['singular', 'legacy']],
    ['JSON Feed 1.1', 'feed.json', ['story', 'express']],
  ])('gathers a %s feed: each item’s page read, stored with its URL and outlet, grouped and summarized', async (_format, file, layouts) => {
    const origin = outlet('tin')
    const registered = await register(`${origin}/${file}`, { name: 'Tin Mẫu' })
    await runCron(T0)
    const articles = await waitFor('both articles stored', storedArticles, (list) => list.length === 2)
    const expected = fixtures.articles.map((article, i) => `${origin}/the-gioi/${article.slug}-${layouts[i % 2]}.html`).sort()
    expect(articles.map((article) => article.url).sort(), 'canonical page URLs, tracking parameters gone').toEqual(expected)
    for (const article of articles) {
      expect(article.source, 'credited to the source').toBe('Tin Mẫu')
      expect(article.gathered, 'read from its page').toEqual({ sourceId: registered.id, from: 'page', note: null })
      expect(article.storyId, 'grouped into a story').not.toBeNull()
    }
    const vietnamplus = articles.find((article) => article.title === VIETNAMPLUS?.title)
    expect(vietnamplus?.lead).toBe(VIETNAMPLUS?.lead)
    expect(vietnamplus?.paragraphs.length, 'the body, without the closing credit').toBe((VIETNAMPLUS?.paragraphs.length ?? 0) - 1)
    await settle()
    const summary = await call(`/v1/stories/${vietnamplus?.storyId}/summary`)
    expect(summary.status, 'the story summary is written').toBe(200)
    await waitFor(
      'health counts both',
      () => source(registered.id),
      (health) => health.articlesIngested === 2,
    )
    const health = await source(registered.id)
    expect(health).toMatchObject({ lastStatus: 200, lastError: null, itemsSeen: 2, articlesFromFeedItems: 0, failuresInARow: 0 })
    expect(health.nextCheckAt, 'next check counted from the Cron time').toBe(new Date(T0 + 10 * 60_000).toISOString())
    const seen = await requestsTo(origin)
    expect(
      seen.every((request) => /^Mozilla\/5\.0 \(compatible; bantin\/0\.1; \+https:\/\//.test(request.userAgent ?? '')),
      'a User-Agent naming bantin and a contact URL',
    ).toBe(true)
    expect(
      seen.filter((request) => request.path === '/robots.txt'),
      'robots.txt read once and cached',
    ).toHaveLength(1)
  })

  it('reads a windows-1258 feed declared only in its XML declaration', async () => {
    const origin = outlet('legacy')
    await register(`${origin}/rss.xml`)
    await runCron(T0)
    const articles = await waitFor('stored', storedArticles, (list) => list.length === 2)
    expect(articles.map((article) => article.title).sort()).toEqual(fixtures.articles.map((article) => article.title).sort())
  })

  it('asks again with If-None-Match and If-Modified-Since, and a 304 ends the check unparsed', async () => {
    const origin = outlet('tin')
    const registered = await register(`${origin}/rss.xml`)
    await runCron(T0)
    await waitFor('stored', storedArticles, (list) => list.length === 2)
    const first = await source(registered.id)
    const due: DueSource = { id: registered.id, feedUrl: registered.feedUrl, name: registered.name, etag: null, lastModified: null, checkEveryMinutes: 10 }
    await runCron(T0 + 10 * 60_000)
    const feedRequests = (await requestsTo(origin)).filter((request) => request.path === '/rss.xml')
    expect(feedRequests.at(-1)?.ifNoneMatch, 'the stored ETag').toMatch(/^"[0-9a-f]+"$/)
    expect(feedRequests.at(-1)?.ifModifiedSince).toBe('Mon, 23 Nov 2026 03:00:00 GMT')
    const after = await source(registered.id)
    expect(after).toMatchObject({ lastStatus: 304, lastError: null, itemsSeen: first.itemsSeen })
    // The same check by hand, to read its report: nothing parsed.
    const report = await checkSource(env, { ...due, etag: feedRequests.at(-1)?.ifNoneMatch ?? null }, T0 + 20 * 60_000)
    expect(report).toMatchObject({ status: 304, parsed: false, newItems: 0, queued: 0, error: null })
  })

  it('stores each article once however often and however concurrently a feed is checked', async () => {
    const origin = outlet('tin')
    const rss = await register(`${origin}/rss.xml`)
    const due: DueSource = { id: rss.id, feedUrl: rss.feedUrl, name: rss.name, etag: null, lastModified: null, checkEveryMinutes: 10 }
    // Two overlapping checks of the same feed, and a third right after: the items are claimed once.
    const reports = await Promise.all([checkSource(env, due, T0), checkSource(env, due, T0)])
    const third = await checkSource(env, due, T0 + 60_000)
    expect(reports.map((report) => report.queued).sort(), 'one check queued both items, the other none').toEqual([0, 2])
    expect(third.queued, 'nothing new the third time').toBe(0)
    // A replayed Cron event for a time already checked finds nothing due.
    await runCron(T0)
    await runCron(T0)
    const articles = await waitFor('stored', storedArticles, (list) => list.length === 2)
    expect(new Set(articles.map((article) => article.url)).size, 'two distinct pages').toBe(2)
    expect((await source(rss.id)).itemsSeen, 'two items claimed in all, so two messages were ever queued').toBe(2)
  })

  it('honours robots.txt: a disallowed page is not fetched, and the feed item’s own text is used', async () => {
    const origin = outlet('private')
    const registered = await register(`${origin}/rss.xml`)
    await runCron(T0)
    const articles = await waitFor('stored from the items', storedArticles, (list) => list.length === 2)
    expect(
      (await requestsTo(origin)).some((request) => request.path.endsWith('.html')),
      'no page fetched',
    ).toBe(false)
    for (const article of articles) {
      expect(article.gathered).toEqual({ sourceId: registered.id, from: 'feed-item', note: 'robots.txt disallows fetching the page' })
      expect(article.paragraphs.length + (article.lead === null ? 0 : 1), 'the item description is the text').toBeGreaterThan(0)
    }
    const health = await waitFor(
      'health',
      () => source(registered.id),
      (value) => value.articlesFromFeedItems === 2,
    )
    expect(health.lastPageError?.error).toBe('robots.txt disallows fetching the page')
  })

  it('falls back to the feed item when the page answers 404, and says so', async () => {
    const origin = outlet('gone')
    const registered = await register(`${origin}/rss.xml`)
    await runCron(T0)
    const articles = await waitFor('stored', storedArticles, (list) => list.length === 2)
    const vietnamplus = articles.find((article) => article.title === VIETNAMPLUS?.title)
    expect(vietnamplus?.gathered).toEqual({ sourceId: registered.id, from: 'feed-item', note: 'the page answered 404' })
    expect(vietnamplus?.paragraphs, 'the description without its image').toEqual([VIETNAMPLUS?.lead])
    expect(vietnamplus?.image, 'the image the description carried').toBe(`${origin}/anh/${VIETNAMPLUS?.slug}.jpg`)
  })

  it('refuses a page that redirects to a loopback address, and uses the item', async () => {
    const origin = outlet('hop')
    const registered = await register(`${origin}/rss.xml`)
    await runCron(T0)
    const articles = await waitFor('stored', storedArticles, (list) => list.length === 2)
    expect(articles[0]?.gathered).toEqual({ sourceId: registered.id, from: 'feed-item', note: 'the page URL is refused: loopback address' })
  })

  it('backs off a host that answers 429: the page is retried after Retry-After, and the host is left alone meanwhile', async () => {
    const origin = outlet('busy')
    const registered = await register(`${origin}/rss.xml`)
    const page = `${origin}/the-gioi/${VIETNAMPLUS?.slug}-detail.html`
    const first = await consume('bantin-gather', [gatherMessage(page, registered.id)])
    expect(first.retryMessages, 'retried').toEqual([{ msgId: 'm0' }])
    expect(first.reports[0]?.delaySeconds, 'no sooner than Retry-After').toBe(120)
    const gate = await registryOf(env).acquireHost(new URL(origin).host, Date.now())
    expect(gate.granted, 'the host is backing off').toBe(false)
    expect(gate.granted ? 0 : gate.waitMs, 'for about two minutes').toBeGreaterThan(100_000)
    const other = await consume('bantin-gather', [gatherMessage(`${origin}/the-gioi/${ANDREWS?.slug}-express.html`, registered.id)])
    expect(other.explicitAcks, 'another page of that host is put back for later (sent again with a delay), not fetched').toEqual(['m0'])
    expect(other.reports[0]).toMatchObject({ outcome: 'deferred' })
    expect(other.reports[0]?.delaySeconds, 'until the back-off ends').toBeGreaterThan(100)
    expect(
      (await requestsTo(origin)).filter((request) => request.path.endsWith('express.html')),
      'not asked',
    ).toHaveLength(0)
    expect(await storedArticles(), 'nothing stored yet').toEqual([])
  })

  it('retries a page that answers 500, then uses the item on the last try', async () => {
    const origin = outlet('down')
    const registered = await register(`${origin}/rss.xml`)
    const message = gatherMessage(`${origin}/the-gioi/${VIETNAMPLUS?.slug}-detail.html`, registered.id, { title: VIETNAMPLUS?.title ?? '', summary: VIETNAMPLUS?.lead ?? '' })
    const first = await consume('bantin-gather', [message], 1)
    expect(first.retryMessages, 'first try: retried').toEqual([{ msgId: 'm0' }])
    expect(first.reports[0]?.delaySeconds, 'in 30 s').toBe(30)
    const second = await consume('bantin-gather', [message], 2)
    expect(second.retryMessages, 'second try: retried').toEqual([{ msgId: 'm0' }])
    expect(second.reports[0]?.delaySeconds, 'in 60 s').toBe(60)
    const last = await consume('bantin-gather', [message], 3)
    expect(last.explicitAcks, 'third try: stored from the item').toEqual(['m0'])
    const [article] = await storedArticles()
    expect(article?.gathered).toEqual({ sourceId: registered.id, from: 'feed-item', note: 'the page answered 500' })
    expect(article?.publishedAt, 'the item’s date lies years ahead (a wrong clock): the date is dropped, not the article').toBeNull()
  })

  it.each([
    ['loop', 'more than 5 redirects'],
    ['huge', 'body larger than 5 MB'],
  ])('gives up on a page of a %s outlet within the fetch bounds (%s) and uses the item on the last try', async (kind, note) => {
    const origin = outlet(kind)
    const registered = await register(`${origin}/rss.xml`)
    const message = gatherMessage(`${origin}/the-gioi/${VIETNAMPLUS?.slug}-detail.html`, registered.id, { title: VIETNAMPLUS?.title ?? '', summary: VIETNAMPLUS?.lead ?? '' })
    const first = await consume('bantin-gather', [message], 1)
    expect(first.reports[0], 'first try: retried, it may pass').toMatchObject({ outcome: 'retry', note })
    await consume('bantin-gather', [message], 3)
    const [article] = await storedArticles()
    expect(article?.gathered).toEqual({ sourceId: registered.id, from: 'feed-item', note })
  })

  it('records what the dead-letter queue gave up on in the source’s health', async () => {
    const registered = await register(`${outlet('tin')}/rss.xml`)
    const result = await consume('bantin-gather-dlq', [gatherMessage('https://tin.example.vn/a.html', registered.id)], 6)
    expect(result.explicitAcks).toEqual(['m0'])
    expect((await source(registered.id)).lastPageError).toMatchObject({ url: 'https://tin.example.vn/a.html', error: 'gave up after 6 attempts to store it' })
  })

  it('pauses a source whose feed fails five checks in a row, with the reason', async () => {
    const origin = outlet('fading')
    const registered = await register(`${origin}/rss.xml`)
    await runCron(T0 + DAY)
    expect(await source(registered.id), 'the first failure').toMatchObject({ paused: false, failuresInARow: 1, lastStatus: 503, lastError: 'the feed answered 503' })
    // The 503 came with Retry-After: 600, so later checks (within those ten real minutes) leave the host alone and fail too.
    for (let day = 2; day <= 5; day++) await runCron(T0 + day * DAY)
    const health = await source(registered.id)
    expect(health).toMatchObject({ paused: true, failuresInARow: 5, nextCheckAt: null })
    expect(health.pausedReason).toBe('5 checks failed in a row; last: the host asked bantin to wait (429 or 503)')
    expect(
      (await requestsTo(origin)).filter((request) => request.path === '/rss.xml'),
      'the feed was asked twice (registration, first check), then left alone',
    ).toHaveLength(2)
    await runCron(T0 + 6 * DAY)
    expect((await source(registered.id)).failuresInARow, 'a paused source is not checked').toBe(5)
  })
})
