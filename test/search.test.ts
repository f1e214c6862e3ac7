/**
 * Search (GET /v1/search and GET /v1/stories?q=) in workerd, against the real
 * Newsroom Durable Object and its FTS5 index: folding and tone placement,
 * ranking rules, filters, paging, the index following corrections, bad
 * input refused without changes, and a fuzz of hostile queries.
 */
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import worker from '../src/index.js'
import { newsroomOf } from '../src/writer/client.js'
import { SEEDS, TOKEN, call, kvKeys, postJson, postText, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

type Hit = { id: string; title: string; source: string | null; storyId: string | null; publishedAt: string | null; snippet: string; highlights: [number, number][] }
type Page<T> = { items: T[]; nextCursor: string | null }
type StoryHit = { id: string; title: string; articleCount: number; match: { articleId: string; snippet: string; highlights: [number, number][] } }

async function search(params: Record<string, string | string[]>, path = '/v1/search'): Promise<Page<Hit>> {
  const res = await call(`${path}?${queryString(params)}`)
  expect(res.status, `${path} ${JSON.stringify(params)} answers 200`).toBe(200)
  return (await res.json()) as Page<Hit>
}

function queryString(params: Record<string, string | string[]>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) for (const one of [value].flat()) query.append(key, one)
  return query.toString()
}

async function ids(params: Record<string, string | string[]>): Promise<string[]> {
  return (await search(params)).items.map((item) => item.id)
}

async function ingest(body: Record<string, unknown>): Promise<string> {
  const res = await postJson(body)
  expect(res.status, `ingest ${String(body.title)}`).toBe(201)
  return ((await res.json()) as { id: string }).id
}

/** What a refused search must leave as it was: SQL row counts and every KV key. */
async function storedState(): Promise<{ kv: string[]; sql: unknown }> {
  await settle()
  const sql = await runInDurableObject(newsroomOf(env), (_instance, state) =>
    ['articles', 'stories', 'search_docs', 'kv_outbox'].map((table) => [table, Number(state.storage.sql.exec(`SELECT COUNT(*) AS n FROM ${table}`).one().n)]),
  )
  return { kv: await kvKeys(), sql }
}

describe('matching with and without diacritics', () => {
  it('finds an article by its words folded, in either tone placement, with đ, in NFD, in capitals', async () => {
    const id = await ingest({ title: 'Thuỷ điện Hoà Bình mở cửa xả đáy', body: 'Sáng nay, thuỷ điện Hoà Bình ở tỉnh Hoà Bình mở thêm một cửa xả đáy. Người dân Đà Giang được báo trước.' })
    await ingest({ title: 'Giá xăng giảm', body: 'Giá xăng giảm 500 đồng mỗi lít từ chiều nay.' })
    for (const q of ['thuy dien hoa binh', 'Thủy điện Hòa Bình', 'Thuỷ điện Hoà Bình', 'THỦY ĐIỆN', 'da giang', 'Đà Giang', 'Thuỷ điện Hoà Bình'.normalize('NFD')]) {
      expect(await ids({ q }), q).toEqual([id])
    }
  })

  it('ranks the exact spelling above a folded match, even one that repeats', async () => {
    const exact = await ingest({ title: 'Bản tin sáng', body: 'Một bản nhạc mới được phát hành hôm nay ở nhà hát lớn.' })
    const folded = await ingest({ title: 'Tin chợ sáng', body: 'Người ta bán rau, bán cá và bán hoa ở chợ lớn hôm nay.' })
    expect(await ids({ q: 'bản' }), 'exact before folded').toEqual([exact, folded])
    expect(await ids({ q: 'bán' }), 'and the other way round').toEqual([folded, exact])
    expect((await ids({ q: 'ban' })).sort(), 'a folded query finds both').toEqual([exact, folded].sort())
  })

  it('ranks a pair that is adjacent in the text above the same syllables apart', async () => {
    const apart = await ingest({ title: 'Tin một', body: 'Ông Hà đến thăm nội thành vào buổi chiều cùng đoàn.' })
    const pair = await ingest({ title: 'Tin hai', body: 'Ông Tư đến thăm Hà Nội vào buổi chiều cùng đoàn.' })
    expect(await ids({ q: 'hà nội' }), 'unquoted: adjacent first').toEqual([pair, apart])
    expect(await ids({ q: 'ha noi' }), 'folded too').toEqual([pair, apart])
    expect(await ids({ q: '"Hà Nội"' }), 'quoted: only in that order').toEqual([pair])
  })

  it('ranks articles with every word above those with some', async () => {
    const some = await ingest({ title: 'Mưa', body: 'Mưa lớn kéo dài nhiều ngày, mưa khắp nơi, mưa to.' })
    const every = await ingest({ title: 'Thời tiết', body: 'Trời có mưa nhỏ ở Huế vào buổi tối.' })
    expect(await ids({ q: 'mưa Huế' })).toEqual([every, some])
  })

  it('answers a snippet of plain text whose highlight offsets point at the query words', async () => {
    await ingest({ title: 'Bão số 5', body: 'Bão số 5 đổ bộ miền Trung. Tỉnh <b>Quảng Bình</b> sơ tán 1.000 hộ dân & di dời tàu thuyền.' })
    const [hit] = (await search({ q: 'quang binh' })).items
    expect(hit?.snippet).toContain('<b>Quảng Bình</b> sơ tán')
    expect(hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end))).toEqual(['Quảng', 'Bình'])
  })
})

describe('filters and paging', () => {
  async function archive(): Promise<Record<string, string>> {
    return {
      early: await ingest({ title: 'Lũ ở miền Trung, ngày 1', body: 'Lũ dâng cao ở miền Trung.', source: 'Tuổi Trẻ', publishedAt: '2013-10-23T06:00:00+07:00', storyId: 'lu-mien-trung' }),
      late: await ingest({ title: 'Lũ ở miền Trung, ngày 2', body: 'Lũ rút chậm ở miền Trung.', source: 'VnExpress', publishedAt: '2013-10-24T20:00:00+07:00', storyId: 'lu-mien-trung' }),
      month: await ingest({ title: 'Lũ tháng mười', body: 'Tổng kết lũ tháng mười ở miền Trung.', source: 'Dân trí', publishedAt: '2013-10', storyId: 'tong-ket-lu' }),
      other: await ingest({ title: 'Lũ ở miền Bắc', body: 'Lũ quét ở miền Bắc.', source: 'Tuổi Trẻ', publishedAt: '2013-11-02', storyId: 'lu-mien-bac' }),
    }
  }

  it('filters by source (repeatable), story, and inclusive dates in Vietnam time', async () => {
    const a = await archive()
    const sorted = async (params: Record<string, string | string[]>) => (await ids(params)).sort()
    expect(await sorted({ q: 'lũ', source: 'Tuổi Trẻ' })).toEqual([a.early, a.other].sort())
    expect(await sorted({ q: 'lũ', source: ['Tuổi Trẻ', 'VnExpress'] })).toEqual([a.early, a.late, a.other].sort())
    expect(await sorted({ q: 'lũ', storyId: 'lu-mien-trung' })).toEqual([a.early, a.late].sort())
    // 06:00 on the 23rd in Vietnam is 23:00 on the 22nd in UTC: the 23rd includes it, the 22nd does not.
    expect(await sorted({ q: 'lũ', from: '2013-10-23', to: '2013-10-23' }), 'one Vietnamese day; the month-dated report may be in it').toEqual([a.early, a.month].sort())
    expect(await sorted({ q: 'lũ', to: '2013-10-22' }), 'the 22nd: only the month-dated report').toEqual([a.month])
    expect(await sorted({ q: 'lũ', from: '2013-10-24T19:00:00+07:00' })).toEqual([a.late, a.month, a.other].sort())
    expect(await sorted({ q: 'lũ', from: '2013-11' })).toEqual([a.other])
    expect(await sorted({ q: 'lũ', source: 'Tuổi Trẻ', from: '2013-10', to: '2013-10' }), 'combined').toEqual([a.early])
  })

  it('pages through every result exactly once, by relevance and by date, each cursor valid only for its search', async () => {
    const all: string[] = []
    for (let i = 0; i < 7; i++) {
      all.push(await ingest({ title: `Bản tin ${i}`, body: `${'Giá vàng tăng. '.repeat(i + 1)}Tin số ${i}.`, publishedAt: `2013-10-${String(10 + i)}` }))
    }
    for (const sort of ['relevance', 'recent']) {
      const whole = await ids({ q: 'giá vàng', sort, limit: '100' })
      expect(whole.sort(), sort).toEqual([...all].sort())
      const paged: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const page: Page<Hit> = await search({ q: 'giá vàng', sort, limit: '3', ...(cursor === null ? {} : { cursor }) })
        paged.push(...page.items.map((item) => item.id))
        cursor = page.nextCursor
        pages += 1
      } while (cursor !== null && pages < 10)
      expect(pages, sort).toBe(3)
      expect(paged, `${sort}: pages in the order of one long page`).toEqual(await ids({ q: 'giá vàng', sort, limit: '100' }))
    }
    expect(await ids({ q: 'giá vàng', sort: 'recent' }), 'newest first').toEqual([...all].reverse())
    const first = await search({ q: 'giá vàng', limit: '3' })
    const cursor = first.nextCursor ?? ''
    for (const [name, params] of [
      ['another query', { q: 'vàng', cursor }],
      ['another order', { q: 'giá vàng', sort: 'recent', cursor }],
      ['another filter', { q: 'giá vàng', from: '2013-10', cursor }],
      ['the plain list', { cursor }],
    ] as const) {
      const res = await call(`${'q' in params ? '/v1/search' : '/v1/articles'}?${queryString(params)}`)
      expect(res.status, name).toBe(400)
      expect((await problemOf(res)).code, name).toBe('invalid-query')
    }
    const storyCursor = await call(`/v1/stories?${queryString({ q: 'giá vàng', cursor })}`)
    expect(storyCursor.status, 'an article search cursor on the story search').toBe(400)
  })
})

describe('bounded work', () => {
  it('scores only the most recently indexed matches when there are more than the bound', async () => {
    const stored: string[] = []
    for (let i = 0; i < 6; i++) stored.push(await ingest({ title: `Giá vàng phiên ${i}`, body: `${'Giá vàng tăng mạnh. '.repeat(6 - i)}Phiên số ${i}.` }))
    const { SearchIndex } = await import('../src/writer/search-index.js')
    const { parseSearchQuery, isQueryProblem } = await import('../src/search/query.js')
    const query = parseSearchQuery('giá vàng')
    if (isQueryProblem(query)) throw new Error('no query')
    const request = { query, filters: { sources: [], from: null, to: null, storyId: null }, sort: 'relevance' as const, limit: 10, after: null }
    const found = await runInDurableObject(newsroomOf(env), (_instance, state) => new SearchIndex(state.storage.sql, 3).articles(request).items.map((item) => item.id))
    expect(found.sort(), 'the three newest, though the older ones repeat the words more').toEqual(stored.slice(3).sort())
    const long = parseSearchQuery('giá vàng tăng mạnh trong phiên số')
    if (isQueryProblem(long)) throw new Error('no query')
    const foundLong = await runInDurableObject(newsroomOf(env), (_instance, state) => new SearchIndex(state.storage.sql, 3).articles({ ...request, query: long }).items.map((item) => item.id))
    expect(foundLong.sort(), 'a longer query (one tier, scored in one pass) keeps the same bound').toEqual(stored.slice(3).sort())
    expect((await ids({ q: 'giá vàng' })).sort(), 'the route, with the real bound, ranks all six').toEqual([...stored].sort())
  })

  it('answers a query of 200 characters from its rarest words, and still finds the article it was pasted from first', async () => {
    const paragraph =
      'Chiều nay, mưa lớn kéo dài ở Quảng Ngãi làm nước sông Trà Khúc dâng cao, nhiều xã ven sông bị ngập sâu, chính quyền đã sơ tán hàng trăm hộ dân đến nơi an toàn và cấm các phương tiện qua lại trên cầu cũ suốt đêm qua.'
    const target = await ingest({ title: 'Quảng Ngãi sơ tán dân vì lũ sông Trà Khúc', body: `${paragraph} Lực lượng cứu hộ túc trực suốt đêm.` })
    await ingest({ title: 'Mưa lớn ở Hà Nội', body: 'Chiều nay, mưa lớn kéo dài ở Hà Nội, nhiều tuyến phố bị ngập, các phương tiện qua lại khó khăn.' })
    await ingest({ title: 'Giá vàng tăng', body: 'Giá vàng chiều nay tăng mạnh, nhiều người dân đến các cửa hàng.' })
    const q = [...paragraph].slice(0, 200).join('')
    expect([...q].length).toBe(200)
    const found = await ids({ q })
    expect(found[0], 'the article the text came from').toBe(target)
    expect(await ids({ q: q.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd') }), 'and typed without diacritics').toContain(target)
  })

  it('finds a word it had looked up in no article once an article with it is stored', async () => {
    await ingest({ title: 'Lễ hội ở Huế', body: 'Lễ hội mùa xuân ở Huế thu hút nhiều du khách.' })
    const q = 'lễ hội mùa xuân ở Huế có múa lân sư rồng xôm tụ'
    expect(await ids({ q }), 'one article, from the words it has').toHaveLength(1)
    const later = await ingest({ title: 'Múa lân sư rồng xôm tụ', body: 'Đoàn múa lân sư rồng xôm tụ trên phố.' })
    expect(await ids({ q }), 'the words that were in no article are scored now').toContain(later)
  })
})

describe('the edge cache', () => {
  it('stores a search asked again, normalized, in the Cache API and answers from it, and a write through this isolate is seen at once', async () => {
    const id = await ingest({ title: 'Mưa lớn ở Hà Nội', body: 'Hà Nội mưa lớn suốt đêm.' })
    // A page is stored after the answer goes out (waitUntil): wait for that, as a later client would.
    const ask = async (q: string) => {
      const ctx = createExecutionContext()
      const res = await worker.fetch(new Request(`https://bantin.test/v1/search?${queryString({ q })}`), env, ctx)
      const body = await res.text()
      await waitOnExecutionContext(ctx)
      return { timing: res.headers.get('Server-Timing') ?? '', body }
    }
    const first = await ask('Hà Nội')
    expect(first.timing, 'the first search asks the Newsroom').toMatch(/search-cache;dur=[\d.]+;desc="miss", newsroom;dur=/)
    const second = await ask('hà nội')
    expect(second.timing, 'asked once before: asks the Newsroom again, and is stored').toMatch(/desc="miss", newsroom;dur=/)
    const again = await call(`/v1/search?${queryString({ q: '  HÀ   nội ' })}`)
    expect(again.headers.get('Server-Timing'), 'the same search, written differently, is a cache hit').toMatch(/search-cache;dur=[\d.]+;desc="hit"/)
    expect(await again.text(), 'with the same answer').toBe(first.body)
    const other = await ingest({ title: 'Hà Nội rét đậm', body: 'Hà Nội rét đậm, nhiệt độ xuống 10 độ.' })
    expect((await ids({ q: 'Hà Nội' })).sort(), 'a write through this isolate makes a new key').toEqual([id, other].sort())
  })
})

describe('the index follows corrections', () => {
  it('finds the new text after a PUT and nothing after a DELETE, at once', async () => {
    const id = await ingest({ title: 'Cháy chợ Đồng Xuân', body: 'Đám cháy bùng lên lúc nửa đêm ở chợ Đồng Xuân.' })
    expect(await ids({ q: 'dong xuan' })).toEqual([id])
    const put = await call(`/v1/articles/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Cháy chợ Long Biên', body: 'Đám cháy bùng lên lúc nửa đêm ở chợ Long Biên.' }),
    })
    expect(put.status).toBe(200)
    expect(await ids({ q: 'dong xuan' }), 'the old words no longer find it').toEqual([])
    expect(await ids({ q: 'long bien' }), 'the new words do').toEqual([id])
    const deleted = await call(`/v1/articles/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(deleted.status).toBe(204)
    expect(await ids({ q: 'long bien' })).toEqual([])
    expect(await ids({ q: 'cháy' })).toEqual([])
  })

  it('indexes articles stored before the index existed, once, when the Newsroom starts', async () => {
    const id = await ingest({ title: 'Động đất ở Kon Tum', body: 'Một trận động đất nhỏ xảy ra ở Kon Tum.' })
    const stub = newsroomOf(env)
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec('DROP TABLE search_docs')
      state.storage.sql.exec('DROP TABLE search_text')
    })
    const { SearchIndex } = await import('../src/writer/search-index.js')
    await runInDurableObject(stub, (_instance, state) => SearchIndex.migrate(state.storage.sql))
    expect(await ids({ q: 'kon tum' })).toEqual([id])
  })
})

describe('stories by search', () => {
  it('lists stories with a matching report, ranked by their best report, with the report’s snippet', async () => {
    await postText(SEEDS.vietnamplus, '?storyId=lien-minh-chong-is')
    await postText(SEEDS.andrews, '?storyId=lien-minh-chong-is')
    const other = await ingest({ title: 'Hội nghị về biển', body: 'Hội nghị quốc tế về an ninh biển khai mạc tại Hà Nội.', storyId: 'hoi-nghi-bien' })
    await settle()
    const res = await call(`/v1/stories?${queryString({ q: 'hội nghị Andrews' })}`)
    expect(res.status).toBe(200)
    const page = (await res.json()) as Page<StoryHit>
    expect(page.items.map((story) => story.id)).toEqual(['lien-minh-chong-is', 'hoi-nghi-bien'])
    expect(page.items[0]?.articleCount).toBe(2)
    const match = page.items[0]?.match
    expect(match?.highlights.map(([start, end]) => match.snippet.slice(start, end))).toEqual(expect.arrayContaining(['Andrews', 'hội', 'nghị']))
    expect(page.items[1]?.match.articleId).toBe(other)
    const filtered = (await (await call(`/v1/stories?${queryString({ q: 'hội nghị', storyId: 'hoi-nghi-bien' })}`)).json()) as Page<StoryHit>
    expect(filtered.items.map((story) => story.id)).toEqual(['hoi-nghi-bien'])
  })

  it('pages through stories one at a time, each once, at the position of its best report', async () => {
    await ingest({ title: 'Lũ lớn ở Quảng Ngãi', body: 'Lũ lớn ở Quảng Ngãi, lũ dâng cao, lũ tràn vào làng.', storyId: 'lu-quang-ngai' })
    await ingest({ title: 'Mưa ở Huế', body: 'Mưa kéo dài ở Huế, có nơi ngập vì lũ.', storyId: 'lu-quang-ngai' })
    await ingest({ title: 'Lũ ở Huế', body: 'Lũ ở Huế dâng cao.', storyId: 'lu-hue' })
    await ingest({ title: 'Mùa mưa', body: 'Mùa mưa năm nay có lũ muộn.', storyId: 'mua-mua' })
    await settle()
    const seen: string[] = []
    let cursor: string | null = null
    for (let pages = 0; pages < 5; pages++) {
      const params: Record<string, string> = { q: 'lũ', limit: '1', ...(cursor === null ? {} : { cursor }) }
      const page = (await (await call(`/v1/stories?${queryString(params)}`)).json()) as Page<StoryHit>
      seen.push(...page.items.map((story) => story.id))
      cursor = page.nextCursor
      if (cursor === null) break
    }
    const articles = (await (await call(`/v1/search?${queryString({ q: 'lũ' })}`)).json()) as Page<{ storyId: string }>
    const byBestReport = [...new Set(articles.items.map((article) => article.storyId))]
    expect(byBestReport, 'four reports, three stories').toHaveLength(3)
    expect(seen, 'each story once, in the order of its best report among the articles found').toEqual(byBestReport)
    expect(cursor, 'the last page says there is no more').toBeNull()
  })

  it('answers exactly as before when there is no q, whatever else is in the query string', async () => {
    await ingest({ title: 'Tin một', body: 'Nội dung một.', storyId: 'tin-mot' })
    await settle()
    const plain = await (await call('/v1/stories?limit=5')).text()
    const extra = await (await call(`/v1/stories?${queryString({ limit: '5', source: 'x', sort: 'bogus', from: 'never' })}`)).text()
    expect(extra).toBe(plain)
  })
})

describe('bad input', () => {
  const long = 'a'.repeat(201)
  const cases: [string, string, Record<string, string | string[]>, string][] = [
    ['no q', '/v1/search', {}, 'q'],
    ['empty q', '/v1/search', { q: '' }, 'q'],
    ['blank q', '/v1/search', { q: '   ' }, 'q'],
    ['punctuation only', '/v1/search', { q: '*** -- ( ) : " "' }, 'q'],
    ['over 200 characters', '/v1/search', { q: long }, 'q'],
    ['a date that does not exist', '/v1/search', { q: 'lũ', from: '2013-02-30' }, 'from'],
    ['a date in another format', '/v1/search', { q: 'lũ', to: '23/10/2013' }, 'to'],
    ['a timestamp without offset', '/v1/search', { q: 'lũ', from: '2013-10-23T10:00:00' }, 'from'],
    ['to before from', '/v1/search', { q: 'lũ', from: '2013-10-24', to: '2013-10-23' }, 'to'],
    ['an unknown sort', '/v1/search', { q: 'lũ', sort: 'best' }, 'sort'],
    ['a story id that is not a slug', '/v1/search', { q: 'lũ', storyId: 'Không Slug' }, 'storyId'],
    ['an empty source', '/v1/search', { q: 'lũ', source: '' }, 'source'],
    ['too many sources', '/v1/search', { q: 'lũ', source: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'source'],
    ['limit 0', '/v1/search', { q: 'lũ', limit: '0' }, 'limit'],
    ['limit 101', '/v1/search', { q: 'lũ', limit: '101' }, 'limit'],
    ['a forged cursor', '/v1/search', { q: 'lũ', cursor: 'WyJ4Il0' }, 'cursor'],
    ['a cursor that is not base64', '/v1/search', { q: 'lũ', cursor: '%%%' }, 'cursor'],
    ['stories: empty q', '/v1/stories', { q: '' }, 'q'],
    ['stories: punctuation only', '/v1/stories', { q: '!!!' }, 'q'],
    ['stories: over 200 characters', '/v1/stories', { q: long }, 'q'],
    ['stories: a bad from', '/v1/stories', { q: 'lũ', from: '2013-13' }, 'from'],
  ]

  it('answers each with a 400 invalid-query problem naming the parameter, and changes nothing', async () => {
    await ingest({ title: 'Lũ ở miền Trung', body: 'Lũ dâng cao.' })
    const before = await storedState()
    for (const [name, path, params, field] of cases) {
      const res = await call(`${path}?${queryString(params)}`)
      expect(res.status, name).toBe(400)
      expect(res.headers.get('Content-Type'), name).toMatch(/^application\/problem\+json/)
      const problem = await problemOf(res)
      expect(problem.code, name).toBe('invalid-query')
      expect(
        problem.errors?.map((error) => error.field),
        name,
      ).toContain(field)
    }
    expect(await storedState(), 'nothing stored changed').toEqual(before)
  })

  it('never answers a 500 and never lets a query reach MATCH as syntax: 3000 random hostile queries and 300 random cursors', async () => {
    await ingest({ title: 'Hà Nội mưa lớn', body: 'Hà Nội mưa lớn, đường phố ngập. "Trích dẫn" và (ngoặc) và dấu * - : ^ ở đây.' })
    await ingest({ title: 'Bão NEAR bờ', body: 'Bão AND lũ OR sạt lở NOT an toàn; thủy điện xả lũ.' })
    const before = await storedState()
    const random = xorshift(13)
    const pick = (alphabet: readonly string[], length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)] ?? '').join('')
    const statuses = new Map<number, number>()
    const QUERIES = 3000
    // One log line per request would be thousands of lines: keep them out of the test output.
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      for (let n = 0; n < QUERIES; n++) {
        const q = pick(HOSTILE, 1 + Math.floor(random() * 24))
        const path = n % 5 === 0 ? '/v1/stories' : '/v1/search'
        const res = await direct(`${path}?q=${percentEncoded(q)}&sort=${n % 2 === 0 ? 'relevance' : 'recent'}`)
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        if (res.status === 200) {
          await res.body?.cancel()
          continue
        }
        expect(res.status, `${JSON.stringify(q)} is refused, not an error`).toBe(400)
        expect((await problemOf(res)).errors?.[0]?.field, JSON.stringify(q)).toBe('q')
      }
      for (let n = 0; n < 300; n++) {
        const cursor = pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_%=+/.'], 1 + Math.floor(random() * 80))
        const res = await direct(`/v1/search?q=ha%20noi&cursor=${cursor}`)
        expect(res.status, `cursor ${cursor}`).toBe(400)
        expect((await problemOf(res)).errors?.[0]?.field, `cursor ${cursor}`).toBe('cursor')
      }
    } finally {
      quiet.mockRestore()
    }
    expect([...statuses.keys()].sort(), 'only answers and refusals').toEqual([200, 400])
    expect(statuses.get(200) ?? 0, 'most random queries have words to search for').toBeGreaterThan(QUERIES / 2)
    expect(await storedState(), 'nothing stored changed').toEqual(before)
  }, 60_000)
})

/** Pieces of hostile queries: FTS5 syntax, quotes of every kind, control characters, lone surrogates, marks, words. */
const HOSTILE = [
  '"',
  '“',
  '”',
  '*',
  '-',
  '+',
  ':',
  '^',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  "'",
  '\\',
  '/',
  '%',
  '&',
  '.',
  ',',
  ' ',
  ' ',
  ' ',
  '\t',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '😀',
  '\u0301',
  'NEAR',
  'AND',
  'OR',
  'NOT',
  'NEAR/2',
  'hà',
  'Nội',
  'mưa',
  'bão',
  'lũ',
  'đ',
  'Đ',
  'a',
  'x',
  '1',
  '0',
  'é',
  '서',
]

/** xorshift32: a reproducible random sequence in [0, 1) without a dependency. */
function xorshift(seed: number): () => number {
  let state = seed
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
}

/**
 * A GET through the Worker's entry object itself (`src/index.ts`, with the
 * real bindings): `exports.default.fetch` of the test pool slows down
 * request after request (0.5 s per 100 requests at first, 3.5 s after 400),
 * which a fuzz of thousands cannot afford.
 */
async function direct(path: string): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await worker.fetch(new Request(`https://bantin.test${path}`), env, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/**
 * Percent-encode a query the way a careless client would: UTF-8, with a lone
 * surrogate sent as its WTF-8 bytes (`encodeURIComponent` refuses those).
 */
function percentEncoded(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const pair = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    if (pair) {
      out += encodeURIComponent(text.slice(i, i + 2))
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase()
    } else {
      out += encodeURIComponent(text.charAt(i))
    }
  }
  return out
}

describe('the OpenAPI document', () => {
  it('documents /v1/search and the q form of /v1/stories', async () => {
    type Operation = { parameters: { name: string; required: boolean }[]; responses: Record<string, unknown> }
    const doc = (await (await call('/openapi.json')).json()) as { paths: Record<string, { get?: Operation }>; components: { schemas: Record<string, unknown> } }
    const searchOp = doc.paths['/v1/search']?.get
    expect(searchOp?.parameters.map((p) => p.name).sort()).toEqual(['cursor', 'from', 'limit', 'q', 'sort', 'source', 'storyId', 'to'])
    expect(searchOp?.parameters.find((p) => p.name === 'q')?.required).toBe(true)
    expect(Object.keys(searchOp?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']))
    const stories = doc.paths['/v1/stories']?.get
    expect(stories?.parameters.find((p) => p.name === 'q')?.required, 'q is optional on the story list').toBe(false)
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['SearchHit', 'SearchPage', 'StorySearchHit', 'StorySearchPage']))
  })
})
