/**
 * The feed renderers, parsed back: strictly as XML (saxes: any character XML
 * forbids, a stray `]]>` or an undefined entity fails), by a feed reader's
 * parser (@rowanmanning/feed-parser), and checked element by element against
 * what each specification requires — Atom 1.0 (RFC 4287), RSS 2.0, JSON Feed
 * 1.1, sitemaps 0.9 with the news extension.
 */
import { parseFeed } from '@rowanmanning/feed-parser'
import { describe, expect, it } from 'vitest'
import { childOf, childrenOf, parseXml } from '../../test/xml-tree.js'
import type { StoryDigest } from '../store/reading-schemas.js'
import { renderAtom } from './atom.js'
import { type FeedInfo, contentHtmlOf, entriesOf, instantOf } from './entries.js'
import { renderJsonFeed } from './json-feed.js'
import { renderRss, rfc822 } from './rss.js'
import { NEWS_WINDOW_MS, renderSitemap } from './sitemap.js'

const ATOM = 'http://www.w3.org/2005/Atom'
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9'
const ORIGIN = 'https://bantin.example'

const STORY: StoryDigest = {
  id: 'lien-minh-chong-is',
  title: 'Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS',
  articleCount: 2,
  sources: ['TTXVN/Vietnam+', 'Tuổi Trẻ'],
  firstPublishedAt: '2016-07-21T09:30:00+07:00',
  updatedAt: '2026-11-25T07:00:00.000Z',
  short: 'Liên minh chống lực lượng "Nhà nước Hồi giáo" (IS) tự xưng do Mỹ dẫn đầu ngày 20/7 đã nhất trí một kế hoạch nhằm tiêu diệt tổ chức khủng bố này.',
  sentences: [
    {
      text: 'Liên minh chống lực lượng "Nhà nước Hồi giáo" (IS) tự xưng do Mỹ dẫn đầu ngày 20/7 đã nhất trí một kế hoạch nhằm tiêu diệt tổ chức khủng bố này tại Iraq và Syria.',
      articleId: '0123456789abcdef',
      source: 'TTXVN/Vietnam+',
      url: 'https://www.vietnamplus.vn/lien-quan.html',
    },
    {
      text: 'Washington đánh giá từ năm 2014 đến nay, IS đã mất gần 50% lãnh thổ chiếm đóng ở Iraq và 20%-30% lãnh thổ chiếm đóng ở Syria.',
      articleId: 'fedcba9876543210',
      source: null,
      url: null,
    },
  ],
}

/** A story whose text attacks every format: markup, an early CDATA end, entities, controls, a lone surrogate, quotes. */
const HOSTILE: StoryDigest = {
  ...STORY,
  id: 'tin-hostile',
  title: 'Giá <b>xăng</b> & dầu ]]> <![CDATA[ x ]]> &amp; "trích" \u0001\u000b\ud800 </title></entry>',
  sources: ['Báo <script>alert(1)</script> & "Co"'],
  firstPublishedAt: '2017-03',
  short: 'Tóm tắt ]]> <img src=x onerror=alert(1)> \u0007',
  sentences: [{ text: 'Câu có ]]> và <script>alert(1)</script> & \u0000 ký tự lạ.', articleId: '0123456789abcdef', source: 'Báo <i>Thử</i>', url: 'javascript:alert(1)' }],
}

const INFO: FeedInfo = {
  title: 'bantin — tin tổng hợp',
  description: 'Những sự kiện mới nhất, mỗi sự kiện một bản tóm tắt ghi nguồn từng câu.',
  selfUrl: `${ORIGIN}/feeds/stories.atom?source=tuoi-tre&x=<&>`,
  homeUrl: `${ORIGIN}/`,
  updated: STORY.updatedAt,
}

describe('feed entries', () => {
  it('use the story page as a stable id and link, and credit each sentence to its report', () => {
    const [entry] = entriesOf([STORY], ORIGIN)
    expect(entry?.id).toBe(`${ORIGIN}/stories/lien-minh-chong-is`)
    expect(entry?.sentences.map((s) => s.reportUrl)).toEqual([`${ORIGIN}/articles/0123456789abcdef`, `${ORIGIN}/articles/fedcba9876543210`])
    const html = entry === undefined ? '' : contentHtmlOf(entry)
    expect(html).toContain(`— <a href="${ORIGIN}/articles/0123456789abcdef">TTXVN/Vietnam+</a></p>`)
    expect(html, 'a sentence without an outlet still links its report').toContain(`— <a href="${ORIGIN}/articles/fedcba9876543210">bài gốc</a></p>`)
    expect(html).toContain('&quot;Nhà nước Hồi giáo&quot;')
  })

  it('keep only instants as dates: a day or a month is not one', () => {
    expect(instantOf('2016-07-21T09:30:00+07:00')).toBe('2016-07-21T02:30:00.000Z')
    expect(instantOf('2016-07-21')).toBeNull()
    expect(instantOf('2016-07')).toBeNull()
    expect(entriesOf([HOSTILE], ORIGIN)[0]?.published).toBeNull()
  })
})

describe('Atom 1.0', () => {
  const xml = renderAtom(INFO, entriesOf([STORY, HOSTILE], ORIGIN))
  const feed = parseXml(xml)

  it('has the feed elements RFC 4287 §4.1.1 requires, in the Atom namespace', () => {
    expect(feed.ns).toBe(ATOM)
    expect(feed.name).toBe('feed')
    expect(childOf(feed, 'id', ATOM).text).toBe(INFO.selfUrl)
    expect(childOf(feed, 'title', ATOM).text).toBe(INFO.title)
    expect(childOf(feed, 'updated', ATOM).text).toBe(STORY.updatedAt)
    expect(childOf(childOf(feed, 'author', ATOM), 'name', ATOM).text).toBe('bantin')
    const links = childrenOf(feed, 'link', ATOM).map((link) => [link.attrs.rel, link.attrs.href])
    expect(links).toEqual([
      ['self', INFO.selfUrl],
      ['alternate', INFO.homeUrl],
    ])
  })

  it('has the entry elements §4.1.2 requires, dates as RFC 3339', () => {
    const entries = childrenOf(feed, 'entry', ATOM)
    expect(entries).toHaveLength(2)
    const [first] = entries
    if (first === undefined) throw new Error('no entry')
    expect(childOf(first, 'id', ATOM).text).toBe(`${ORIGIN}/stories/lien-minh-chong-is`)
    expect(childOf(first, 'title', ATOM).text).toBe(STORY.title)
    expect(childOf(first, 'updated', ATOM).text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/)
    expect(childOf(first, 'published', ATOM).text).toBe('2016-07-21T02:30:00.000Z')
    expect(childOf(first, 'link', ATOM).attrs).toMatchObject({ rel: 'alternate', href: `${ORIGIN}/stories/lien-minh-chong-is` })
    const content = childOf(first, 'content', ATOM)
    expect(content.attrs.type).toBe('html')
    expect(content.text, 'the content element holds escaped HTML, which a reader unescapes once').toBe(contentHtmlOf(entriesOf([STORY], ORIGIN)[0] ?? neverEntry()))
    expect(childrenOf(first, 'category', ATOM).map((c) => c.attrs.term)).toEqual(STORY.sources)
  })

  it('keeps a hostile title as text: markup, `]]>`, entities and controls stay valid XML', () => {
    const hostile = childrenOf(feed, 'entry', ATOM)[1]
    if (hostile === undefined) throw new Error('no hostile entry')
    expect(childOf(hostile, 'title', ATOM).text).toBe('Giá <b>xăng</b> & dầu ]]> <![CDATA[ x ]]> &amp; "trích" \ufffd\ufffd\ufffd </title></entry>')
    expect(childrenOf(hostile, 'published', ATOM), 'a month is not an instant').toHaveLength(0)
    const content = childOf(hostile, 'content', ATOM).text
    expect(content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(content).not.toContain('<script')
    expect(content).not.toContain('javascript:')
  })

  it('is read by a feed reader’s parser: title, ids, links, dates, content', () => {
    const parsed = parseFeed(xml)
    expect(parsed.title).toBe(INFO.title)
    expect(parsed.items.map((item) => item.id)).toEqual([`${ORIGIN}/stories/lien-minh-chong-is`, `${ORIGIN}/stories/tin-hostile`])
    expect(parsed.items[0]?.url).toBe(`${ORIGIN}/stories/lien-minh-chong-is`)
    expect(parsed.items[0]?.updated?.toISOString()).toBe(STORY.updatedAt)
    expect(parsed.items[0]?.content).toContain('TTXVN/Vietnam+</a>')
  })

  it('still names an update time when empty', () => {
    const empty = parseXml(renderAtom({ ...INFO, updated: null }, []))
    expect(childOf(empty, 'updated', ATOM).text).toBe('1970-01-01T00:00:00.000Z')
    expect(childrenOf(empty, 'entry', ATOM)).toHaveLength(0)
  })
})

describe('RSS 2.0', () => {
  const xml = renderRss({ ...INFO, selfUrl: `${ORIGIN}/feeds/stories.rss` }, entriesOf([STORY, HOSTILE], ORIGIN))
  const rss = parseXml(xml)

  it('has a channel with the required title, link and description, and a self link', () => {
    expect(rss.name).toBe('rss')
    expect(rss.attrs.version).toBe('2.0')
    const channel = childOf(rss, 'channel')
    expect(childOf(channel, 'title').text).toBe(INFO.title)
    expect(childOf(channel, 'link', '').text, 'the RSS link, not the atom:link').toBe(INFO.homeUrl)
    expect(childOf(channel, 'description').text).toBe(INFO.description)
    expect(childOf(channel, 'language').text).toBe('vi')
    expect(childOf(channel, 'lastBuildDate').text).toBe('Wed, 25 Nov 2026 07:00:00 GMT')
    expect(childOf(channel, 'link', ATOM).attrs).toMatchObject({ rel: 'self', href: `${ORIGIN}/feeds/stories.rss`, type: 'application/rss+xml' })
  })

  it('has items with title, link, a permalink guid and RFC 822 dates', () => {
    const items = childrenOf(childOf(rss, 'channel'), 'item')
    expect(items).toHaveLength(2)
    const [first, hostile] = items
    if (first === undefined || hostile === undefined) throw new Error('missing items')
    expect(childOf(first, 'guid').attrs.isPermaLink).toBe('true')
    expect(childOf(first, 'guid').text).toBe(`${ORIGIN}/stories/lien-minh-chong-is`)
    expect(childOf(first, 'link').text).toBe(`${ORIGIN}/stories/lien-minh-chong-is`)
    expect(childOf(first, 'pubDate').text, 'first publication, in GMT').toBe('Thu, 21 Jul 2016 02:30:00 GMT')
    expect(childOf(hostile, 'pubDate').text, 'a month-dated story falls back to its update').toBe(rfc822(STORY.updatedAt))
    expect(childOf(hostile, 'title').text).toBe('Giá <b>xăng</b> & dầu ]]> <![CDATA[ x ]]> &amp; "trích" \ufffd\ufffd\ufffd </title></entry>')
    expect(childrenOf(first, 'category').map((c) => c.text)).toEqual(STORY.sources)
  })

  it('is read by a feed reader’s parser', () => {
    const parsed = parseFeed(xml)
    expect(parsed.title).toBe(INFO.title)
    expect(parsed.items).toHaveLength(2)
    expect(parsed.items[0]?.id).toBe(`${ORIGIN}/stories/lien-minh-chong-is`)
    expect(parsed.items[0]?.published?.toISOString()).toBe('2016-07-21T02:30:00.000Z')
    expect(parsed.items[1]?.title).toContain('<b>xăng</b> & dầu ]]>')
  })
})

describe('JSON Feed 1.1', () => {
  const feed = JSON.parse(renderJsonFeed({ ...INFO, selfUrl: `${ORIGIN}/feeds/stories.json` }, entriesOf([STORY, HOSTILE], ORIGIN))) as Record<string, unknown> & {
    items: Record<string, unknown>[]
  }

  it('has the top-level members 1.1 requires and recommends', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBe(INFO.title)
    expect(feed.home_page_url).toBe(INFO.homeUrl)
    expect(feed.feed_url).toBe(`${ORIGIN}/feeds/stories.json`)
    expect(feed.language).toBe('vi')
    expect(Array.isArray(feed.items)).toBe(true)
  })

  it('gives each item a string id and content, dates as RFC 3339, outlets as tags', () => {
    expect(feed.items).toHaveLength(2)
    const [first, hostile] = feed.items
    expect(first?.id).toBe(`${ORIGIN}/stories/lien-minh-chong-is`)
    expect(typeof first?.content_html).toBe('string')
    expect(first?.content_text).toContain('(TTXVN/Vietnam+)')
    expect(first?.date_published).toBe('2016-07-21T02:30:00.000Z')
    expect(first?.date_modified).toBe(STORY.updatedAt)
    expect(first?.tags).toEqual(STORY.sources)
    expect(hostile?.date_published, 'no instant, no date_published').toBeUndefined()
    expect(hostile?.title, 'JSON keeps the text as it is').toBe(HOSTILE.title)
  })
})

describe('sitemap with the news extension', () => {
  const now = Date.parse('2026-11-25T12:00:00Z')
  const stories = [
    { url: `${ORIGIN}/stories/moi`, title: 'Tin mới & <nóng>', updatedAt: '2026-11-25T11:00:00.000Z', firstPublishedAt: '2026-11-25T08:00:00+07:00' },
    { url: `${ORIGIN}/stories/hom-qua`, title: 'Tin hôm qua', updatedAt: '2026-11-24T11:00:00.000Z', firstPublishedAt: '2026-11-24' },
    { url: `${ORIGIN}/stories/cu`, title: 'Tin cũ', updatedAt: '2026-11-20T11:00:00.000Z', firstPublishedAt: '2016-07-21T09:30:00+07:00' },
    { url: `${ORIGIN}/stories/thang`, title: 'Tin theo tháng', updatedAt: '2026-11-25T10:00:00.000Z', firstPublishedAt: '2026-11' },
    { url: `${ORIGIN}/stories/khong-ngay`, title: 'Tin không ngày', updatedAt: '2026-11-25T09:00:00.000Z', firstPublishedAt: null },
  ]
  const urlset = parseXml(renderSitemap(`${ORIGIN}/`, stories, now))

  it('lists the front page and every story with loc and lastmod', () => {
    expect(urlset.ns).toBe(SITEMAP)
    const urls = childrenOf(urlset, 'url', SITEMAP)
    expect(urls.map((url) => childOf(url, 'loc', SITEMAP).text)).toEqual([`${ORIGIN}/`, ...stories.map((s) => s.url)])
    expect(childOf(urls[1] ?? urlset, 'lastmod', SITEMAP).text).toBe('2026-11-25T11:00:00.000Z')
  })

  it('marks stories first published in the last two days as news, with name, language, date and title', () => {
    const urls = childrenOf(urlset, 'url', SITEMAP)
    const news = urls.filter((url) => childrenOf(url, 'news', NEWS).length === 1).map((url) => childOf(url, 'loc', SITEMAP).text)
    expect(news).toEqual([`${ORIGIN}/stories/moi`, `${ORIGIN}/stories/hom-qua`])
    const block = childOf(urls[1] ?? urlset, 'news', NEWS)
    const publication = childOf(block, 'publication', NEWS)
    expect(childOf(publication, 'name', NEWS).text).toBe('bantin')
    expect(childOf(publication, 'language', NEWS).text).toBe('vi')
    expect(childOf(block, 'publication_date', NEWS).text).toBe('2026-11-25T08:00:00+07:00')
    expect(childOf(block, 'title', NEWS).text).toBe('Tin mới & <nóng>')
    expect(NEWS_WINDOW_MS).toBe(172_800_000)
  })
})

function neverEntry(): never {
  throw new Error('no entry')
}
