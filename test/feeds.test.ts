/**
 * The feeds and the sitemap in workerd against real local KV and the
 * Newsroom: what they carry after real ingests (parsed back strictly),
 * their media types, both validators (ETag and Last-Modified → 304), the
 * `?source=` variant by name or slug, the `?q=` variant (alone and with
 * `source`), bad input as problem+json, and titles with markup and `]]>` kept valid end to end.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { FEED_MATCHES } from '../src/routes/feeds.js'
import { DIGESTS_HEAD_SIZE } from '../src/writer/reading.js'
import { SEEDS, TOKEN, call, postJson, postText, problemOf, resetAll, settle, storedState } from './helpers.js'
import { childOf, childrenOf, parseXml } from './xml-tree.js'

beforeEach(resetAll)

const ATOM = 'http://www.w3.org/2005/Atom'
const STORY = 'lien-minh-chong-is'
const ORIGIN = 'https://bantin.test'

async function seed(): Promise<void> {
  await postText(SEEDS.vietnamplus, `?storyId=${STORY}`)
  await postText(SEEDS.andrews, `?storyId=${STORY}`)
  await postJson({ title: 'Giá xăng giảm 500 đồng', body: 'Giá xăng RON 95 giảm 500 đồng mỗi lít từ 15 giờ chiều nay.', source: 'Tuổi Trẻ', publishedAt: new Date().toISOString() })
  await settle()
}

// The 50-story cap is checked with the front pages past the head (pages.test.ts), which ingest enough stories already.
describe('the feeds', () => {
  it('carry the newest stories in each format, with their media types, ids and credited summaries', async () => {
    await seed()
    const atom = await call('/feeds/stories.atom')
    expect(atom.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    const feed = parseXml(await atom.text())
    const entries = childrenOf(feed, 'entry', ATOM)
    expect(entries.map((entry) => childOf(entry, 'id', ATOM).text)).toEqual([`${ORIGIN}/stories/${(await firstStoryId()) ?? ''}`, `${ORIGIN}/stories/${STORY}`])
    const content = childOf(entries[1] ?? feed, 'content', ATOM).text
    expect(content).toMatch(/— <a href="https:\/\/bantin\.test\/articles\/[0-9a-f]{16}">TTXVN\/Vietnam\+<\/a><\/p>/)

    const rss = await call('/feeds/stories.rss')
    expect(rss.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8')
    const items = childrenOf(childOf(parseXml(await rss.text()), 'channel', ''), 'item', '')
    expect(items.map((item) => childOf(item, 'guid', '').text)).toEqual(entries.map((entry) => childOf(entry, 'id', ATOM).text))

    const json = await call('/feeds/stories.json')
    expect(json.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8')
    const jsonFeed = (await json.json()) as { version: string; items: { id: string; content_html: string }[] }
    expect(jsonFeed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(jsonFeed.items.map((item) => item.id)).toEqual(entries.map((entry) => childOf(entry, 'id', ATOM).text))
  })

  it('answer 304 to their ETag, and to If-Modified-Since at or after Last-Modified; If-None-Match takes precedence', async () => {
    await seed()
    for (const path of ['/feeds/stories.atom', '/feeds/stories.rss', '/feeds/stories.json?source=tuoi-tre', '/feeds/stories.atom?q=gia+xang', '/feeds/stories.rss?source=tuoi-tre&q=x%C4%83ng']) {
      const first = await call(path)
      expect(first.status, path).toBe(200)
      const modified = first.headers.get('Last-Modified') ?? ''
      expect(modified, `${path} Last-Modified is an HTTP date`).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
      expect(first.headers.get('Cache-Control'), path).toBe('public, max-age=10, stale-while-revalidate=60')
      const tag = first.headers.get('ETag') ?? ''
      expect((await call(path, { headers: { 'If-None-Match': tag } })).status, `${path} by tag`).toBe(304)
      const byDate = await call(path, { headers: { 'If-Modified-Since': modified } })
      expect(byDate.status, `${path} by date`).toBe(304)
      expect(byDate.headers.get('Last-Modified'), `${path}: the 304 keeps Last-Modified`).toBe(modified)
      expect(byDate.headers.get('ETag'), `${path}: the 304 keeps the ETag`).toBe(tag)
      const earlier = new Date(Date.parse(modified) - 1000).toUTCString()
      expect((await call(path, { headers: { 'If-Modified-Since': earlier } })).status, `${path} changed since`).toBe(200)
      expect((await call(path, { headers: { 'If-Modified-Since': 'gestern' } })).status, `${path}: a date that does not parse is ignored`).toBe(200)
      expect((await call(path, { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': modified } })).status, `${path}: If-None-Match wins`).toBe(200)
    }
  })

  it('date a change that removes a story, not only one that adds: Last-Modified never goes back', async () => {
    const older = (await (await postJson({ title: 'Tin cũ hơn', body: 'Một tin về thời tiết ở Đà Lạt sáng nay, trời lạnh.', source: 'Báo A' })).json()) as { id: string }
    const newer = (await (await postJson({ title: 'Tin mới hơn', body: 'Một tin về giá vàng trong nước chiều nay tăng mạnh.', source: 'Báo A' })).json()) as { id: string }
    await settle()
    const before = await call('/feeds/stories.atom')
    const modified = before.headers.get('Last-Modified') ?? ''
    for (const path of ['/feeds/stories.atom', '/feeds/stories.atom?source=bao-a']) expect((await call(path, { headers: { 'If-Modified-Since': modified } })).status, path).toBe(304)
    // HTTP dates count whole seconds (a change within the second of a reader's copy shows through the ETag): let one pass.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await call(`/v1/articles/${newer.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })
    await settle()
    for (const path of ['/feeds/stories.atom', '/feeds/stories.atom?source=bao-a']) {
      const after = await call(path, { headers: { 'If-Modified-Since': modified } })
      expect(after.status, `${path}: the story that left is news to a reader`).toBe(200)
      expect(Date.parse(after.headers.get('Last-Modified') ?? ''), path).toBeGreaterThanOrEqual(Date.parse(modified))
      expect(
        childrenOf(parseXml(await after.text()), 'entry', ATOM).map((entry) => childOf(entry, 'title', ATOM).text),
        path,
      ).toEqual(['Tin cũ hơn'])
    }
    expect(older.id).toMatch(/^[0-9a-f]{16}$/)
  })

  it('narrow to one outlet by its name or its slug, with a canonical self link', async () => {
    await seed()
    const bySlug = await (await call('/feeds/stories.atom?source=ttxvn-vietnam')).text()
    const byName = await (await call(`/feeds/stories.atom?source=${encodeURIComponent('TTXVN/Vietnam+')}`)).text()
    expect(byName, 'the same feed whichever way it is named').toBe(bySlug)
    const feed = parseXml(bySlug)
    expect(childOf(feed, 'id', ATOM).text).toBe(`${ORIGIN}/feeds/stories.atom?source=ttxvn-vietnam`)
    expect(childOf(feed, 'title', ATOM).text).toBe('bantin — TTXVN/Vietnam+')
    expect(childrenOf(feed, 'entry', ATOM).map((entry) => childOf(entry, 'id', ATOM).text)).toEqual([`${ORIGIN}/stories/${STORY}`])
  })

  it('answer bad input with problem+json and change nothing', async () => {
    await seed()
    const unknown = await call('/feeds/stories.rss?source=bao-khong-co')
    expect(unknown.status).toBe(404)
    expect((await problemOf(unknown)).code).toBe('outlet-not-found')
    for (const query of ['source=', 'source=%2B%2B%2B', `source=${'a'.repeat(201)}`]) {
      const res = await call(`/feeds/stories.json?${query}`)
      expect(res.status, query).toBe(400)
      const problem = await problemOf(res)
      expect(problem.code, query).toBe('invalid-query')
      expect(problem.errors?.[0]?.field, query).toBe('source')
    }
  })

  it('keep titles with markup, ampersands and `]]>` valid XML and intact', async () => {
    const title = 'Giá <b>xăng</b> & dầu ]]> <![CDATA[ x ]]> "tăng" </title>'
    await postJson({ title, body: 'Giá xăng dầu tăng nhẹ trong kỳ điều hành chiều nay theo thông báo của liên bộ.', source: 'Báo & <Thử>' })
    await settle()
    for (const path of ['/feeds/stories.atom', '/feeds/stories.rss', '/sitemap.xml']) {
      const text = await (await call(path)).text()
      expect(() => parseXml(text), path).not.toThrow()
      expect(text, path).not.toContain('<b>')
    }
    const entry = childOf(parseXml(await (await call('/feeds/stories.atom')).text()), 'entry', ATOM)
    expect(childOf(entry, 'title', ATOM).text).toBe(title)
    const json = (await (await call('/feeds/stories.json')).json()) as { items: { title: string; tags: string[] }[] }
    expect(json.items[0]?.title).toBe(title)
    expect(json.items[0]?.tags).toEqual(['Báo & <Thử>'])
  })
})

describe('the feeds of a search (?q=)', () => {
  const titles = async (path: string) => {
    const res = await call(path)
    expect(res.status, path).toBe(200)
    return childrenOf(parseXml(await res.text()), 'entry', ATOM).map((entry) => childOf(entry, 'title', ATOM).text)
  }

  it('carry the newest stories with a matching report, with or without diacritics, in every format', async () => {
    await seed()
    const IS = 'Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS'
    expect(await titles('/feeds/stories.atom?q=gia+xang')).toEqual(['Giá xăng giảm 500 đồng'])
    expect(await titles(`/feeds/stories.atom?q=${encodeURIComponent('giá xăng')}`)).toEqual(['Giá xăng giảm 500 đồng'])
    expect(await titles('/feeds/stories.atom?q=tieu+diet')).toEqual([IS])
    expect(await titles('/feeds/stories.atom?q=khong+co+gi+ca+xyz')).toEqual([])
    const rss = childrenOf(childOf(parseXml(await (await call('/feeds/stories.rss?q=andrews')).text()), 'channel', ''), 'item', '')
    expect(rss.map((item) => childOf(item, 'title', '').text)).toEqual([IS])
    const json = (await (await call('/feeds/stories.json?q=xang')).json()) as { feed_url: string; home_page_url: string; items: { title: string }[] }
    expect(json.items.map((item) => item.title)).toEqual(['Giá xăng giảm 500 đồng'])
    expect(json.feed_url).toBe(`${ORIGIN}/feeds/stories.json?q=xang`)
    expect(json.home_page_url, 'the search page of the same query').toBe(`${ORIGIN}/search?q=xang`)
  })

  it('name themselves by the normalized query, so a feed asked for in any spelling has one id', async () => {
    await seed()
    const canonical = await (await call(`/feeds/stories.atom?q=${encodeURIComponent('giá xăng')}`)).text()
    const messy = await (await call(`/feeds/stories.atom?q=${encodeURIComponent('  GIÁ   Xăng ')}&utm_source=x`)).text()
    expect(messy, 'the same document').toBe(canonical)
    expect(childOf(parseXml(canonical), 'id', ATOM).text).toBe(`${ORIGIN}/feeds/stories.atom?q=gi%C3%A1%20x%C4%83ng`)
    expect(childOf(parseXml(canonical), 'title', ATOM).text).toBe('bantin — tin tổng hợp — “giá xăng”')
  })

  it('combine q with source: that outlet’s stories in which its own reports match', async () => {
    await seed()
    expect(await titles('/feeds/stories.atom?source=tuoi-tre&q=xang')).toEqual(['Giá xăng giảm 500 đồng'])
    expect(await titles(`/feeds/stories.atom?source=${encodeURIComponent('Tuổi Trẻ')}&q=tieu+diet`), 'Tuổi Trẻ did not report the IS story').toEqual([])
    expect(await titles('/feeds/stories.atom?source=ttxvn-vietnam&q=tieu+diet')).toEqual(['Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS'])
    const feed = parseXml(await (await call('/feeds/stories.atom?q=XANG&source=Tu%E1%BB%95i%20Tr%E1%BA%BB')).text())
    expect(childOf(feed, 'id', ATOM).text).toBe(`${ORIGIN}/feeds/stories.atom?source=tuoi-tre&q=xang`)
  })

  it('search as many stories as the stored list holds, so the site feed’s intersection is exact', () => {
    expect(FEED_MATCHES).toBe(DIGESTS_HEAD_SIZE)
  })

  it('answer a q the search refuses with a 400 problem naming q, before reading anything, and change nothing', async () => {
    await seed()
    const before = await storedState()
    for (const query of ['q=', 'q=%20%20', 'q=***%20()', `q=${'a'.repeat(201)}`, 'q=%22%22&source=tuoi-tre', 'q=!!!&source=bao-khong-co']) {
      const res = await call(`/feeds/stories.atom?${query}`)
      expect(res.status, query).toBe(400)
      const problem = await problemOf(res)
      expect(problem.code, query).toBe('invalid-query')
      expect(problem.errors?.[0]?.field, query).toBe('q')
    }
    expect((await call('/feeds/stories.rss?q=xang&source=bao-khong-co')).status, 'a good q, an unknown outlet').toBe(404)
    expect(await storedState(), 'nothing stored changed').toEqual(before)
  })
})

describe('the sitemap', () => {
  it('lists the front page and the stories, news-marked when first published in the last two days', async () => {
    await seed()
    const res = await call('/sitemap.xml')
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const urlset = parseXml(await res.text())
    const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9'
    const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9'
    const urls = childrenOf(urlset, 'url', SITEMAP)
    const locs = urls.map((url) => childOf(url, 'loc', SITEMAP).text)
    const recent = (await firstStoryId()) ?? ''
    expect(locs).toEqual([`${ORIGIN}/`, `${ORIGIN}/stories/${recent}`, `${ORIGIN}/stories/${STORY}`])
    const news = urls.filter((url) => childrenOf(url, 'news', NEWS).length > 0).map((url) => childOf(url, 'loc', SITEMAP).text)
    expect(news, 'the 2017 story is not news; today’s is').toEqual([`${ORIGIN}/stories/${recent}`])
  })
})

/** The most recently updated story's id, from the JSON API. */
async function firstStoryId(): Promise<string | undefined> {
  const page = (await (await call('/v1/stories?limit=1')).json()) as { items: { id: string }[] }
  return page.items[0]?.id
}
