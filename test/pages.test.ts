/**
 * The HTML pages in workerd against real local KV and the Newsroom: what
 * each page shows after real ingests, its headers (HTML, CSP without
 * script, Cache-Control, ETag → 304), how many stored values it reads, 404
 * and 400 pages on HTML routes (the API keeps problem+json), the outlet
 * redirect, front pages past the stored head, escaping of hostile titles
 * end to end, and the search page (results, paging, refusals as 400 pages).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { SEEDS, TOKEN, call, postJson, postText, resetAll, settle, storedState } from './helpers.js'

beforeEach(resetAll)

const STORY = 'lien-minh-chong-is'

async function seedStory(): Promise<{ vietnamplus: string; andrews: string }> {
  const a = (await (await postText(SEEDS.vietnamplus, `?storyId=${STORY}`)).json()) as { id: string }
  const b = (await (await postText(SEEDS.andrews, `?storyId=${STORY}`)).json()) as { id: string }
  await settle()
  return { vietnamplus: a.id, andrews: b.id }
}

/** Stored values a request read, from KV or the isolate's hot cache (Server-Timing, http/observe.ts). */
function storeReadsOf(res: Response): number {
  const timing = res.headers.get('Server-Timing') ?? ''
  const kv = /kv;[^,]*desc="(\d+) reads"/.exec(timing)?.[1]
  const hot = /hot;desc="(\d+) hits"/.exec(timing)?.[1]
  if (kv === undefined || hot === undefined) throw new Error(`no read counts in Server-Timing: ${timing}`)
  return Number(kv) + Number(hot)
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')
}

async function html(path: string, status = 200): Promise<string> {
  const res = await call(path)
  expect(res.status, path).toBe(status)
  expect(res.headers.get('Content-Type'), path).toBe('text/html; charset=utf-8')
  return res.text()
}

describe('the pages', () => {
  it('show the story on the front page, its summary credited on its page, the report and the outlet on theirs', async () => {
    const ids = await seedStory()
    const front = await html('/')
    expect(front).toContain(`<a href="/stories/${STORY}">`)
    expect(front).toContain('<a href="/sources/ttxvn-vietnam">TTXVN/Vietnam+</a>')
    const short = (await (await call(`/v1/stories/${STORY}/summary?words=40`)).json()) as { text: string }
    expect(short.text.length, 'a short summary to show').toBeGreaterThan(40)
    expect(front, 'the short summary is the 40-word selection of the stored plan').toContain(`<p>${escapeHtml(short.text)}</p>`)

    const story = await html(`/stories/${STORY}`)
    expect(story.match(/<a class="credit" href="\/articles\/[0-9a-f]{16}">/g)?.length ?? 0, 'every summary sentence links its report').toBeGreaterThan(1)
    expect(story).toContain(`id="bai-${ids.vietnamplus}"`)
    expect(story).toContain(`id="bai-${ids.andrews}"`)

    const article = await html(`/articles/${ids.vietnamplus}`)
    expect(article).toContain('<h1 id="title">Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS</h1>')
    expect(article).toContain(`<a href="/stories/${STORY}">`)
    expect(article).not.toContain('Ông Carter không nêu chi tiết song cho biết kế hoạch trên nhằm đánh đuổi IS khỏi các thành phố Mosul')

    const outlet = await html('/sources/ttxvn-vietnam')
    expect(outlet).toContain('<h1>TTXVN/Vietnam+</h1>')
    expect(outlet).toContain(`<a href="/articles/${ids.vietnamplus}">`)
    expect(outlet).toContain(`<a href="/stories/${STORY}">`)
  })

  it('answer as HTML without script, with Cache-Control, an ETag and a 304, reading one or two stored values', async () => {
    const ids = await seedStory()
    const pages: [string, string, number][] = [
      ['/', 'public, max-age=10, stale-while-revalidate=60', 1],
      [`/stories/${STORY}`, 'public, max-age=60, stale-while-revalidate=600', 2],
      [`/articles/${ids.vietnamplus}`, 'public, max-age=60, stale-while-revalidate=600', 2],
      ['/sources/ttxvn-vietnam', 'public, max-age=10, stale-while-revalidate=60', 1],
    ]
    for (const [path, cacheControl, reads] of pages) {
      const res = await call(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Cache-Control'), path).toBe(cacheControl)
      expect(storeReadsOf(res), `${path} reads`).toBe(reads)
      const csp = res.headers.get('Content-Security-Policy') ?? ''
      expect(csp, path).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; img-src 'none'; form-action 'self'/)
      expect(csp, `${path}: no script allowed`).not.toContain('script-src')
      const tag = res.headers.get('ETag') ?? ''
      expect(tag, path).toMatch(/^"[0-9a-f]{16}"$/)
      const again = await call(path, { headers: { 'If-None-Match': tag } })
      expect(again.status, `${path} revalidated`).toBe(304)
    }
  })

  it('answer an unknown or malformed story, report or outlet with a 404 page, while the API keeps problem+json', async () => {
    await seedStory()
    for (const [path, heading] of [
      ['/stories/khong-co-su-kien-nay', 'Không tìm thấy sự kiện'],
      ['/stories/Not_A_Slug', 'Không tìm thấy sự kiện'],
      ['/articles/0123456789abcdef', 'Không tìm thấy bài báo'],
      ['/articles/khong-phai-ma', 'Không tìm thấy bài báo'],
      ['/sources/bao-khong-co', 'Không tìm thấy tờ báo'],
      ['/sources/%2B%2B%2B', 'Không tìm thấy tờ báo'],
    ] as const) {
      const res = await call(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Content-Type'), path).toBe('text/html; charset=utf-8')
      expect(res.headers.get('Cache-Control'), `${path}: a story may appear in seconds`).toBe('no-store')
      const body = await res.text()
      expect(body, path).toContain('<html lang="vi">')
      expect(body, path).toContain(`<h1>${heading}</h1>`)
    }
    const api = await call('/v1/stories/khong-co-su-kien-nay')
    expect(api.status).toBe(404)
    expect(api.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8')
  })

  it('sends an outlet named by its name to the page at its slug', async () => {
    await seedStory()
    const res = await call('/sources/TTXVN%2FVietnam%2B', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/sources/ttxvn-vietnam')
  })

  it('answers a cursor it did not issue with a 400 page', async () => {
    await seedStory()
    const body = await html('/?cursor=WyJzdG9yaWVzIiwiMjAyNiJd.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 400)
    expect(body).toContain('<h1>Địa chỉ không hợp lệ</h1>')
  })

  it('escapes a hostile title on every page it reaches', async () => {
    const hostile = 'Tin <img src=x onerror=alert(1)> & "trích" ]]> </title><script>alert(2)</script>'
    const res = await postJson({ title: hostile, body: 'Nội dung của bản tin thử nghiệm, đủ dài để tóm tắt một câu.', source: 'Báo <b>Thử</b>', url: 'https://bao-thu.example/tin' })
    const { id, storyId } = (await res.json()) as { id: string; storyId: string }
    await settle()
    for (const path of ['/', `/stories/${storyId}`, `/articles/${id}`, '/sources/bao-b-thu-b']) {
      const body = await html(path)
      expect(body, path).toContain('Tin &lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích&quot; ]]&gt; &lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
      expect(body, path).not.toMatch(/<script|<img|<b>/)
    }
  })

  it('follow corrections and deletions: an outlet with no report left has no page', async () => {
    const res = await postJson({ title: 'Mưa lớn ở Huế', body: 'Mưa lớn kéo dài ở Huế làm nhiều tuyến đường ngập sâu.', source: 'Báo Huế' })
    const { id } = (await res.json()) as { id: string }
    await settle()
    expect(await html('/sources/bao-hue')).toContain('Mưa lớn ở Huế')
    const put = await call(`/v1/articles/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Mưa rất lớn ở Huế', body: 'Mưa rất lớn kéo dài ở Huế làm nhiều tuyến đường ngập sâu.', source: 'Báo Huế' }),
    })
    expect(put.status).toBe(200)
    await settle()
    expect(await html('/sources/bao-hue')).toContain('Mưa rất lớn ở Huế')
    expect(await html('/')).toContain('Mưa rất lớn ở Huế')
    const removed = await call(`/v1/articles/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(removed.status).toBe(204)
    await settle()
    await html('/sources/bao-hue', 404)
    expect(await html('/')).toContain('Chưa có sự kiện nào.')
  })
})

describe('front pages past the stored head', () => {
  it('page 25 stories at a time: two pages from the stored digests, the rest from the Newsroom, none repeated or skipped; feeds carry the newest 50', async () => {
    const total = 56
    for (let i = 0; i < total; i++) {
      const res = await postJson({ title: `Tin thử số ${i}`, body: `Nội dung riêng của tin thử số ${i} về một việc khác hẳn.`, storyId: `tin-thu-${i}`, source: `Báo ${i % 3}` })
      expect(res.status).toBe(201)
    }
    await settle()
    const seen: string[] = []
    let path: string | null = '/'
    const reads: number[] = []
    while (path !== null) {
      const res = await call(path)
      expect(res.status, path).toBe(200)
      reads.push(storeReadsOf(res))
      const body = await res.text()
      seen.push(...[...body.matchAll(/<h2 id="s-(tin-thu-\d+)">/g)].map((m) => m[1] ?? ''))
      const next = /<a href="(\/\?cursor=[^"]+)" rel="next">/.exec(body)?.[1]
      path = next === undefined ? null : next.replaceAll('&amp;', '&')
      expect(seen.length, 'the paging ends').toBeLessThanOrEqual(total)
    }
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size, 'no story twice').toBe(total)
    expect(seen[0], 'most recently updated first').toBe(`tin-thu-${total - 1}`)
    expect(reads, 'each page reads the stored head once; the third asks the Newsroom').toEqual([1, 1, 1])
    const feed = (await (await call('/feeds/stories.json')).json()) as { items: { id: string }[] }
    expect(
      feed.items.map((item) => item.id.replace('https://bantin.test/stories/', '')),
      'the feed: the front pages’ first 50',
    ).toEqual(seen.slice(0, 50))
  })
})

describe('the search page', () => {
  it('finds a report with and without diacritics: its headline links its page, the snippet marks the words, a link leads to its story', async () => {
    const ids = await seedStory()
    for (const q of ['tiêu diệt', 'tieu diet', 'TIÊU DIỆT']) {
      const body = await html(`/search?q=${encodeURIComponent(q)}`)
      expect(body, q).toContain(`<h1>Kết quả cho “${q}”</h1>`)
      expect(body, q).toContain(`<a href="/articles/${ids.vietnamplus}">Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS</a>`)
      expect(body, q).toMatch(/<mark>tiêu<\/mark> <mark>diệt<\/mark>/i)
      expect(body, q).toContain(`<a href="/stories/${STORY}">cả sự kiện</a>`)
      expect(body, q).toContain('<a href="/sources/ttxvn-vietnam">TTXVN/Vietnam+</a>')
      expect(body, `${q}: the box keeps the query`).toContain(`name="q" value="${escapeHtml(q)}" maxlength="200"`)
      expect(body, q).toContain('<meta name="robots" content="noindex"/>')
    }
    const folded = await html('/search?q=tieu+diet')
    expect(folded, 'the feeds of the same search, the query normalized').toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/stories.atom?q=tieu%20diet"')
    const api = (await (await call('/v1/search?q=tieu+diet')).json()) as { items: { id: string }[] }
    expect(
      [...folded.matchAll(/<h2 id="k-([0-9a-f]{16})">/g)].map((m) => m[1]),
      'the API’s hits, in its order',
    ).toEqual(api.items.map((item) => item.id))
  })

  it('pages 20 at a time with a next link carrying the signed cursor, keeping the order and filters, none repeated or skipped', async () => {
    const total = 21
    for (let i = 0; i < total; i++) {
      const res = await postJson({
        title: `Giá vàng phiên ${i}`,
        body: `Giá vàng trong nước phiên ${i} tăng nhẹ.`,
        source: i % 2 === 0 ? 'Báo Chẵn' : 'Báo Lẻ',
        publishedAt: `2024-03-${String(i + 1).padStart(2, '0')}`,
      })
      expect(res.status).toBe(201)
    }
    const first = await html('/search?q=gia+vang&sort=recent')
    const seen = [...first.matchAll(/<h2 id="k-([0-9a-f]{16})">/g)].map((m) => m[1])
    expect(seen).toHaveLength(20)
    expect(first).toContain('Xếp theo: <a href="/search?q=gia+vang">khớp nhất</a> · <strong>mới nhất</strong>')
    const next = /<a href="(\/search\?q=gia\+vang&amp;sort=recent&amp;cursor=[^"]+)" rel="next">/.exec(first)?.[1]
    expect(next, 'a next link in the same order').toBeDefined()
    const second = await html((next ?? '').replaceAll('&amp;', '&'))
    const rest = [...second.matchAll(/<h2 id="k-([0-9a-f]{16})">/g)].map((m) => m[1])
    expect(rest).toHaveLength(1)
    expect(new Set([...seen, ...rest]).size, 'none twice').toBe(total)
    expect(second).toContain('<a href="/search?q=gia+vang&amp;sort=recent">← Kết quả đầu</a>')
    expect(second).not.toContain('rel="next"')
    expect(second, 'the oldest last').toContain('Giá vàng phiên 0<')

    const filtered = await html(`/search?q=gia+vang&source=${encodeURIComponent('Báo Lẻ')}`)
    expect(filtered.match(/<h2 id="k-/g), 'a source filter passes through').toHaveLength(10)
    expect(filtered).toContain('<a href="/search?q=gia+vang&amp;source=B%C3%A1o+L%E1%BA%BB&amp;sort=recent">mới nhất</a>')
  })

  it('shows the empty form for no q or a blank one, and links it from the front page', async () => {
    for (const path of ['/search', '/search?q=', '/search?q=%20%20%09']) {
      const res = await call(path)
      expect(res.status, path).toBe(200)
      const body = await res.text()
      expect(body, path).toContain('<h1>Tìm kiếm</h1>')
      expect(body, path).toContain('<form role="search" action="/search" method="get"')
      expect(body, path).not.toContain('noindex')
    }
    expect(await html('/')).toContain('<form role="search" action="/search" method="get"')
  })

  it('answers a search the API refuses with a 400 page saying why, never a 500, and changes nothing', async () => {
    await seedStory()
    const before = await storedState()
    for (const [query, heading] of [
      ['q=***%20--%20()', 'Không tìm được'],
      [`q=${'a'.repeat(201)}`, 'Không tìm được'],
      ['q=is&cursor=WyJ4Il0', 'Địa chỉ không hợp lệ'],
      ['q=is&sort=best', 'Địa chỉ không hợp lệ'],
      ['q=is&from=2013-02-30', 'Địa chỉ không hợp lệ'],
    ] as const) {
      const res = await call(`/search?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('Content-Type'), query).toBe('text/html; charset=utf-8')
      expect(res.headers.get('Cache-Control'), query).toBe('no-store')
      const body = await res.text()
      expect(body, query).toContain(`<h1>${heading}</h1>`)
    }
    expect(await html('/search?q=%22%22%22', 400), 'a refused text: the box again, saying why').toContain('Từ khoá cần có chữ hoặc số, tối đa 200 ký tự.')
    // Hostile text as people paste it: FTS5 syntax, markup, a lone surrogate (as WTF-8), control characters.
    for (const q of ['"Hà Nội', 'NEAR(is kế)', 'is* -kế', 'AND OR NOT', '<script>alert(1)</script> is', '%ED%A0%80 is', '%00%1F is', '"""', 'kế:hoạch ^is']) {
      const res = await call(`/search?q=${q.startsWith('%') ? q.replaceAll(' ', '%20') : encodeURIComponent(q)}`)
      expect([200, 400], q).toContain(res.status)
      const body = await res.text()
      expect(body, q).not.toMatch(/<script/i)
    }
    expect(await storedState(), 'nothing stored changed').toEqual(before)
  })

  it('answers with the pages’ headers: CSP without script, Cache-Control of a list, an ETag and a 304', async () => {
    await seedStory()
    const res = await call('/search?q=is')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=10, stale-while-revalidate=60')
    expect(res.headers.get('Content-Security-Policy') ?? '').toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; img-src 'none'; form-action 'self'/)
    const tag = res.headers.get('ETag') ?? ''
    expect(tag).toMatch(/^"[0-9a-f]{16}"$/)
    expect((await call('/search?q=is', { headers: { 'If-None-Match': tag } })).status).toBe(304)
  })
})
