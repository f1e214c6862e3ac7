/**
 * POST /v1/articles and GET /v1/articles[/:id] in workerd, against real local
 * KV and the Newsroom Durable Object.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { articleKey } from '../src/store/keys.js'
import type { Article } from '../src/store/schemas.js'
import { SEEDS, call, kvKeys, postJson, postText, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

type ArticleBody = Article
type Page = { items: ArticleBody[]; nextCursor: string | null }

describe('POST /v1/articles (text/plain)', () => {
  it('stores the vietnamplus seed cleaned, with a Location and 201', async () => {
    const res = await postText(SEEDS.vietnamplus)
    expect(res.status, 'a new article is created').toBe(201)
    const article = (await res.json()) as ArticleBody
    expect(res.headers.get('Location'), 'Location names the new article').toBe(`/v1/articles/${article.id}`)
    expect(article.id, 'ids are 16 hex digits').toMatch(/^[0-9a-f]{16}$/)
    expect(article.title).toBe('Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS')
    expect(article.source, 'the closing credit is the source').toBe('TTXVN/Vietnam+')
    expect(article.paragraphs, 'ten body paragraphs, lead apart').toHaveLength(10)
    expect(article.lead, 'the lead is kept').toMatch(/^Liên minh chống lực lượng/)
    expect(article.captions, 'the caption moved out of the body').toEqual(['Bộ trưởng Quốc phòng Mỹ Ashton Carter. (Nguồn: www.epictimes.com)'])
    expect(JSON.stringify(article.paragraphs), 'no boilerplate in the body').not.toMatch(/Tin cùng chuyên mục|TTXVN/)
    expect(article.wordCount, 'words of lead and paragraphs').toBeGreaterThan(300)
    expect(Date.parse(article.ingestedAt), 'ingestedAt is a timestamp').not.toBeNaN()
  })

  it('keeps the month precision of a leading date marker and derives a title', async () => {
    const res = await postText(SEEDS.andrews)
    expect(res.status).toBe(201)
    const article = (await res.json()) as ArticleBody
    expect(article.publishedAt, 'the date stays a month').toBe('2017-03')
    expect(article.titleDerived, 'a text without a title line says so').toBe(true)
    expect(article.title).toMatch(/^Trong bối cảnh đó, ngày 20-7/)
    expect(article.paragraphs).toHaveLength(7)
  })

  it('answers a repeated article with 200 and the same id, storing nothing new', async () => {
    const first = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    const again = await postText(SEEDS.vietnamplus)
    expect(again.status, 'a duplicate is not created again').toBe(200)
    expect(((await again.json()) as ArticleBody).id).toBe(first.id)
    await settle()
    const page = (await (await call('/v1/articles')).json()) as Page
    expect(
      page.items.map((item) => item.id),
      'listed once',
    ).toEqual([first.id])
  })

  it('gives NFD input the same article as NFC input', async () => {
    const nfc = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    const nfd = await postText(SEEDS.vietnamplus.normalize('NFD'))
    expect(nfd.status, 'decomposed diacritics are the same text').toBe(200)
    expect(((await nfd.json()) as ArticleBody).id).toBe(nfc.id)
  })

  it('makes one article when the same one is posted 12 times at once', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => postText(SEEDS.andrews)))
    const statuses = responses.map((res) => res.status).sort()
    expect(statuses, 'exactly one creation').toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    const ids = new Set(await Promise.all(responses.map(async (res) => ((await res.json()) as ArticleBody).id)))
    expect(ids.size, 'every answer names the same article').toBe(1)
    await settle()
    const page = (await (await call('/v1/articles')).json()) as Page
    expect(page.items, 'one listed article').toHaveLength(1)
  })

  it('takes storyId and url from the query string', async () => {
    const res = await postText(SEEDS.andrews, '?storyId=hoi-nghi-chong-is&url=https://tuoitre.vn/a.htm?utm_source=x')
    const article = (await res.json()) as ArticleBody
    expect(article.storyId).toBe('hoi-nghi-chong-is')
    expect(article.url, 'tracking parameters are dropped').toBe('https://tuoitre.vn/a.htm')
  })
})

describe('POST /v1/articles (application/json)', () => {
  const article = {
    title: 'Hội nghị chống IS ở Andrews',
    lead: 'Mỹ chủ trì hội nghị các bộ trưởng quốc phòng.',
    paragraphs: ['Mỹ chủ trì hội nghị các bộ trưởng quốc phòng.', 'Khoảng 40 nước tham gia, cam kết 2,5 tỷ USD.'],
    source: 'Tuổi Trẻ',
    url: 'https://tuoitre.vn/hoi-nghi-chong-is.htm',
    publishedAt: '2016-07-21',
    storyId: 'hoi-nghi-chong-is',
  }

  it('stores a JSON article with its lead once and its date precision', async () => {
    const res = await postJson(article)
    expect(res.status).toBe(201)
    const stored = (await res.json()) as ArticleBody
    expect(stored.lead).toBe(article.lead)
    expect(stored.paragraphs, 'the lead is not repeated in the body').toEqual(['Khoảng 40 nước tham gia, cam kết 2,5 tỷ USD.'])
    expect(stored.publishedAt, 'a date stays a date').toBe('2016-07-21')
    expect(stored.source).toBe('Tuổi Trẻ')
    const byUrl = await postJson({ ...article, title: 'Tiêu đề khác', paragraphs: ['Bản khác.'] })
    expect(byUrl.status, 'the same URL is the same article').toBe(200)
  })

  it('accepts body text split on newlines and full ISO timestamps', async () => {
    const res = await postJson({ title: 'Tin ngắn', body: 'Dòng một.\nDòng hai.\n\nXem thêm\nTin khác', publishedAt: '2016-07-21T09:30:00+07:00' })
    expect(res.status).toBe(201)
    const stored = (await res.json()) as ArticleBody
    expect(stored.paragraphs, 'boilerplate is cut from JSON bodies too').toEqual(['Dòng một.', 'Dòng hai.'])
    expect(stored.publishedAt).toBe('2016-07-21T09:30:00+07:00')
  })
})

describe('POST /v1/articles refuses bad input and changes nothing', () => {
  const valid = { title: 'Tiêu đề', body: 'Nội dung bài.' }
  const cases: { name: string; send: () => Promise<Response>; status: number; code: string; field?: string }[] = [
    { name: 'no token', send: () => call('/v1/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(valid) }), status: 401, code: 'unauthorized' },
    { name: 'a wrong token', send: () => postJson(valid, { Authorization: 'Bearer nope' }), status: 401, code: 'unauthorized' },
    { name: 'malformed JSON', send: () => postJson('{"title": "x",'), status: 400, code: 'malformed-json' },
    { name: 'an empty JSON body', send: () => postJson(''), status: 400, code: 'malformed-json' },
    { name: 'a missing title', send: () => postJson({ body: 'Nội dung.' }), status: 422, code: 'invalid-article', field: 'title' },
    { name: 'an empty title', send: () => postJson({ title: '  ', body: 'Nội dung.' }), status: 422, code: 'invalid-article', field: 'title' },
    { name: 'no body or paragraphs', send: () => postJson({ title: 'Tiêu đề' }), status: 422, code: 'invalid-article', field: 'body' },
    { name: 'a body of the wrong type', send: () => postJson({ title: 'Tiêu đề', body: 42 }), status: 422, code: 'invalid-article', field: 'body' },
    { name: 'paragraphs of the wrong type', send: () => postJson({ title: 'Tiêu đề', paragraphs: [1, 2] }), status: 422, code: 'invalid-article', field: 'paragraphs.0' },
    { name: 'a month 13', send: () => postJson({ ...valid, publishedAt: '2017-13' }), status: 422, code: 'invalid-article', field: 'publishedAt' },
    { name: 'a 30 February', send: () => postJson({ ...valid, publishedAt: '2017-02-30' }), status: 422, code: 'invalid-article', field: 'publishedAt' },
    { name: 'a free-form date', send: () => postJson({ ...valid, publishedAt: '20/7/2016' }), status: 422, code: 'invalid-article', field: 'publishedAt' },
    { name: 'a storyId that is not a slug', send: () => postJson({ ...valid, storyId: 'Hội nghị!' }), status: 422, code: 'invalid-article', field: 'storyId' },
    { name: 'a non-http url', send: () => postJson({ ...valid, url: 'javascript:alert(1)' }), status: 422, code: 'invalid-article', field: 'url' },
    { name: 'an unknown field', send: () => postJson({ ...valid, titel: 'x' }), status: 422, code: 'invalid-article' },
    { name: 'only boilerplate (JSON)', send: () => postJson({ title: 'Tiêu đề', body: 'Tin liên quan\nBài khác' }), status: 422, code: 'empty-article', field: 'body' },
    { name: 'only boilerplate (text)', send: () => postText('Tin cùng chuyên mục'), status: 422, code: 'empty-article' },
    { name: 'an empty text body', send: () => postText(''), status: 422, code: 'empty-article' },
    { name: 'a bad storyId in the query', send: () => postText(SEEDS.andrews, '?storyId=Not_A_Slug'), status: 422, code: 'invalid-article', field: 'storyId' },
    {
      name: 'text that is not UTF-8',
      send: () => call('/v1/articles', { method: 'POST', headers: { Authorization: 'Bearer test-token', 'Content-Type': 'text/plain' }, body: new Uint8Array([0x54, 0xe0, 0x20, 0xff]) }),
      status: 400,
      code: 'malformed-text',
    },
    { name: 'HTML', send: () => postText('<p>x</p>', '', { 'Content-Type': 'text/html' }), status: 415, code: 'unsupported-media-type' },
    { name: 'a Latin-1 charset', send: () => postText('x', '', { 'Content-Type': 'text/plain; charset=iso-8859-1' }), status: 415, code: 'unsupported-media-type' },
    { name: 'a body over 1 MiB', send: () => postText(`Tiêu đề\n\n${'Câu dài. '.repeat(120_000)}`), status: 413, code: 'payload-too-large' },
  ]

  for (const bad of cases) {
    it(`answers ${bad.name} with ${bad.status} ${bad.code}`, async () => {
      const before = await kvKeys()
      const res = await bad.send()
      expect(res.status, 'status').toBe(bad.status)
      expect(res.headers.get('Content-Type'), 'problem+json').toMatch(/^application\/problem\+json/)
      const problem = await problemOf(res)
      expect(problem.code, 'typed code').toBe(bad.code)
      expect(problem.status, 'status repeated in the body').toBe(bad.status)
      expect(problem.detail.length, 'says what was wrong').toBeGreaterThan(5)
      if (bad.field !== undefined)
        expect(
          problem.errors?.map((e) => e.field),
          'names the field',
        ).toContain(bad.field)
      await settle()
      expect(await kvKeys(), 'nothing stored').toEqual(before)
    })
  }

  it('asks for the Bearer scheme on 401', async () => {
    const res = await postJson(valid, { Authorization: 'Basic eDp5' })
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
  })
})

describe('GET /v1/articles/:id', () => {
  it('serves the stored article with ETag, Cache-Control and 304 on a match', async () => {
    const created = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    const res = await call(`/v1/articles/${created.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(await res.json(), 'the same article as ingest answered').toEqual(created)
    const tag = res.headers.get('ETag')
    expect(tag, 'a strong ETag').toMatch(/^"[0-9a-f]{16}"$/)
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d+/)
    const again = await call(`/v1/articles/${created.id}`, { headers: { 'If-None-Match': tag ?? '' } })
    expect(again.status, 'unchanged → 304').toBe(304)
    expect(await again.text(), '304 has no body').toBe('')
  })

  it('answers an unknown or malformed id with a 404 problem', async () => {
    for (const id of ['0123456789abcdef', 'not-an-id']) {
      const res = await call(`/v1/articles/${id}`)
      expect(res.status, id).toBe(404)
      expect((await problemOf(res)).code).toBe('article-not-found')
    }
  })

  it('answers a corrupt stored value with a 500 corrupt-record problem', async () => {
    await env.KV.put(articleKey('00000000000000aa'), '{"id": 5}')
    const res = await call('/v1/articles/00000000000000aa')
    expect(res.status).toBe(500)
    expect((await problemOf(res)).code).toBe('corrupt-record')
    await env.KV.put(articleKey('00000000000000bb'), 'not json')
    expect((await problemOf(await call('/v1/articles/00000000000000bb'))).code).toBe('corrupt-record')
  })
})

describe('GET /v1/articles', () => {
  async function ingestDated(count: number): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      const day = String(1 + i).padStart(2, '0')
      const res = await postJson({ title: `Tin số ${i}`, body: `Nội dung riêng của tin số ${i}.`, publishedAt: `2016-07-${day}` })
      ids.push(((await res.json()) as ArticleBody).id)
    }
    await settle()
    return ids.reverse()
  }

  it('lists newest first by publication date and pages with a cursor to a null end', async () => {
    const newestFirst = await ingestDated(7)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await call(`/v1/articles?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{16}"$/)
      const page = (await res.json()) as Page
      seen.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
      pages += 1
    } while (cursor !== null && pages < 10)
    expect(seen, 'every article once, newest first').toEqual(newestFirst)
    expect(pages, '7 items at 3 a page').toBe(3)
  })

  it('defaults to 20 a page', async () => {
    const ids = await ingestDated(24)
    const first = (await (await call('/v1/articles')).json()) as Page
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 20))
    const second = (await (await call(`/v1/articles?cursor=${first.nextCursor}`)).json()) as Page
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(20))
    expect(second.nextCursor, 'the last page').toBeNull()
  })

  it('pages past the 100 cards of the KV head through the writer', async () => {
    const bodies = Array.from({ length: 105 }, (_, i) => ({
      title: `Tin ${i}`,
      body: `Nội dung riêng ${i}.`,
      publishedAt: `2016-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    }))
    for (let i = 0; i < bodies.length; i += 15) await Promise.all(bodies.slice(i, i + 15).map((body) => postJson(body)))
    await settle()
    const first = (await (await call('/v1/articles?limit=100')).json()) as Page
    expect(first.items).toHaveLength(100)
    const second = (await (await call(`/v1/articles?limit=100&cursor=${first.nextCursor}`)).json()) as Page
    expect(second.items, 'the five oldest come from SQL').toHaveLength(5)
    expect(second.nextCursor).toBeNull()
    const all = [...first.items, ...second.items]
    expect(new Set(all.map((i) => i.id)).size, 'no repeats across the boundary').toBe(105)
    const dates = all.map((i) => i.publishedAt ?? '')
    expect(dates, 'newest first throughout').toEqual([...dates].sort().reverse())
  })

  it('answers an empty store with an empty page', async () => {
    const page = (await (await call('/v1/articles')).json()) as Page
    expect(page).toEqual({ items: [], nextCursor: null })
  })

  for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=2.5', 'cursor=%%%', 'cursor=bm90LWpzb24']) {
    it(`answers ?${query} with a 400 problem`, async () => {
      const res = await call(`/v1/articles?${query}`)
      expect(res.status).toBe(400)
      expect((await problemOf(res)).code).toBe('invalid-query')
    })
  }
})

describe('the rest of the surface', () => {
  it('answers /healthz', async () => {
    const res = await call('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await call('/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths['/v1/articles'] ?? {}).sort()).toEqual(['get', 'post'])
    expect(doc.paths['/v1/articles/{id}']).toHaveProperty('get')
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Article', 'ArticleInput', 'Problem']))
  })

  it('answers an unknown route with a 404 problem', async () => {
    const res = await call('/v2/nothing')
    expect(res.status).toBe(404)
    expect((await problemOf(res)).code).toBe('route-not-found')
  })

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await call('/v1/articles', { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect((await problemOf(res)).code).toBe('method-not-allowed')
  })

  it('opens reads to any origin and keeps writes closed', async () => {
    const get = await call('/healthz', { headers: { Origin: 'https://publisher.example' } })
    expect(get.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const preflight = await call('/v1/articles', { method: 'OPTIONS', headers: { Origin: 'https://publisher.example', 'Access-Control-Request-Method': 'POST' } })
    expect(preflight.headers.get('Access-Control-Allow-Methods') ?? '', 'POST is not offered cross-origin').not.toMatch(/POST/)
    const post = await postText(SEEDS.andrews, '', { Origin: 'https://publisher.example' })
    expect(post.headers.get('Access-Control-Allow-Origin'), 'no CORS on writes').toBeNull()
  })
})

describe('the OpenAPI document', () => {
  it('documents every route the router serves, and nothing else', async () => {
    const { createApp } = await import('../src/app.js')
    const served = new Set(
      createApp()
        .routes.filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    const doc = (await (await call('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> }
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)))
    expect([...documented].sort()).toEqual([...served].sort())
  })
})

describe('read path: caching and observability', () => {
  it('answers a repeat GET from the in-isolate cache and a matching If-None-Match with a 304 that reads nothing', async () => {
    const created = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    await settle()
    const first = await call(`/v1/articles/${created.id}`)
    expect(first.headers.get('Server-Timing'), 'the first read goes to KV').toMatch(/kv;dur=[\d.]+;desc="1 reads"/)
    const tag = first.headers.get('ETag') ?? ''
    const again = await call(`/v1/articles/${created.id}`, { headers: { 'If-None-Match': tag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('Server-Timing'), 'no KV read for the 304').toMatch(/desc="0 reads", hot;desc="1 hits"/)
  })

  it('sees a correction made through this isolate at once', async () => {
    const created = (await (await postText(SEEDS.vietnamplus)).json()) as ArticleBody
    await settle()
    await call(`/v1/articles/${created.id}`)
    const res = await call(`/v1/articles/${created.id}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Tiêu đề đã sửa', body: 'Nội dung đã được sửa lại cho đúng sự thật.' }),
    })
    expect(res.status).toBe(200)
    await settle()
    const after = (await (await call(`/v1/articles/${created.id}`)).json()) as ArticleBody
    expect(after.title, 'not the cached old version').toBe('Tiêu đề đã sửa')
  })

  it('logs one JSON line per request with its id, route, status, duration and reads', async () => {
    const lines: string[] = []
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line))
    })
    try {
      const res = await call('/v1/articles/0123456789abcdef', { headers: { 'cf-ray': 'ray-123' } })
      expect(res.headers.get('X-Request-Id')).toBe('ray-123')
    } finally {
      spy.mockRestore()
    }
    const entry = JSON.parse(lines.find((line) => line.includes('ray-123')) ?? '{}') as Record<string, unknown>
    expect(entry).toMatchObject({ requestId: 'ray-123', method: 'GET', route: '/v1/articles/:id', status: 404, level: 'warn', kvReads: 1 })
    expect(typeof entry.durationMs).toBe('number')
  })
})

describe('HEAD', () => {
  it('answers HEAD like GET, without a body', async () => {
    const created = (await (await postText(SEEDS.andrews)).json()) as ArticleBody
    await settle()
    const res = await call(`/v1/articles/${created.id}`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{16}"$/)
    expect(await res.text()).toBe('')
  })
})
