/**
 * The page renderers on their own: every page is `lang="vi"` with one h1,
 * the landmarks, Open Graph and Twitter meta and its feed links; text from
 * articles is escaped wherever it lands (text, attributes, meta); links from
 * stored data are only http(s); and the largest page the data allows stays
 * under 30 KB gzipped. The browser tests check the same pages in Chromium.
 */
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Outlet, StoryDigest } from '../store/reading-schemas.js'
import type { Article, ArticleSummaryRecord, Story, StorySummaryRecord } from '../store/schemas.js'
import { renderArticlePage } from './article.js'
import { renderErrorPage } from './error.js'
import { renderFrontPage } from './front.js'
import { clip } from './layout.js'
import { renderOutletPage } from './outlet.js'
import { REPORTS_SHOWN, renderStoryPage } from './story.js'

const CONTEXT = { origin: 'https://bantin.example', now: Date.parse('2026-11-25T07:00:00Z') }
const HOSTILE = 'Tin <img src=x onerror=alert(1)> & "trích" </title><script>alert(2)</script>'
const MAX_PAGE_GZIP = 30 * 1024

const DIGEST: StoryDigest = {
  id: 'lien-minh-chong-is',
  title: 'Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS',
  articleCount: 2,
  sources: ['TTXVN/Vietnam+', 'Tuổi Trẻ'],
  firstPublishedAt: '2016-07-21T09:30:00+07:00',
  updatedAt: '2026-11-25T05:00:00.000Z',
  short: 'Liên minh chống IS do Mỹ dẫn đầu ngày 20/7 đã nhất trí một kế hoạch nhằm tiêu diệt tổ chức khủng bố này tại Iraq và Syria.',
  sentences: [{ text: 'Liên minh chống IS do Mỹ dẫn đầu đã nhất trí một kế hoạch.', articleId: '0123456789abcdef', source: 'TTXVN/Vietnam+', url: 'https://www.vietnamplus.vn/a.html' }],
}

const STORY: Story = {
  id: DIGEST.id,
  title: DIGEST.title,
  articleCount: 2,
  sources: DIGEST.sources,
  firstPublishedAt: DIGEST.firstPublishedAt,
  updatedAt: DIGEST.updatedAt,
  articles: [
    {
      id: '0123456789abcdef',
      title: 'Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS',
      source: 'TTXVN/Vietnam+',
      publishedAt: '2016-07-21T09:30:00+07:00',
      url: 'https://www.vietnamplus.vn/a.html',
    },
    { id: 'fedcba9876543210', title: HOSTILE, source: HOSTILE, publishedAt: '2017-03', url: 'javascript:alert(3)' },
  ],
}

const STORY_SUMMARY: StorySummaryRecord = {
  storyId: STORY.id,
  title: STORY.title,
  text: 'Liên minh chống IS do Mỹ dẫn đầu đã nhất trí một kế hoạch. Câu <b>độc</b>.',
  sentences: [
    { text: 'Liên minh chống IS do Mỹ dẫn đầu đã nhất trí một kế hoạch.', articleId: '0123456789abcdef', source: 'TTXVN/Vietnam+', url: 'https://www.vietnamplus.vn/a.html' },
    { text: 'Câu <b>độc</b> ]]> & "x".', articleId: 'fedcba9876543210', source: null, url: null },
  ],
  words: 20,
}

const ARTICLE: Article = {
  id: '0123456789abcdef',
  title: HOSTILE,
  titleDerived: false,
  lead: null,
  paragraphs: ['Đoạn một.'],
  captions: [],
  source: 'Tuổi Trẻ',
  url: 'https://tuoitre.vn/bai.htm?a=1&b=2',
  publishedAt: '2026-11-25T09:30:00+07:00',
  storyId: 'lien-minh-chong-is',
  wordCount: 120,
  ingestedAt: '2026-11-25T03:00:00.000Z',
  updatedAt: '2026-11-25T03:00:00.000Z',
}

const ARTICLE_SUMMARY: ArticleSummaryRecord = {
  articleId: ARTICLE.id,
  title: ARTICLE.title,
  source: ARTICLE.source,
  url: ARTICLE.url,
  text: 'Câu tóm tắt có <script>alert(4)</script>.',
  sentences: [{ text: 'Câu tóm tắt có <script>alert(4)</script>.', paragraph: 0, index: 0 }],
  words: 5,
}

const OUTLET: Outlet = {
  slug: 'tuoi-tre',
  name: 'Tuổi Trẻ',
  reportCount: 1,
  reports: [{ id: ARTICLE.id, title: ARTICLE.title, source: ARTICLE.source, publishedAt: ARTICLE.publishedAt, url: ARTICLE.url, storyId: ARTICLE.storyId, ingestedAt: ARTICLE.ingestedAt }],
  stories: [{ ...DIGEST, title: HOSTILE }],
  changedAt: '2026-11-25T05:00:00.000Z',
}

const PAGES: [string, string][] = [
  ['front', renderFrontPage({ stories: [DIGEST, { ...DIGEST, id: 'tin-doc', title: HOSTILE, short: HOSTILE, sources: [HOSTILE] }], nextHref: '/?cursor=abc.def', selfHref: '/' }, CONTEXT)],
  ['story', renderStoryPage({ ...STORY, title: HOSTILE }, STORY_SUMMARY, CONTEXT)],
  ['article', renderArticlePage(ARTICLE, ARTICLE_SUMMARY, CONTEXT)],
  ['outlet', renderOutletPage(OUTLET, CONTEXT)],
  ['404', renderErrorPage('story', '/stories/khong-co', CONTEXT)],
]

describe('every page', () => {
  for (const [name, html] of PAGES) {
    it(`${name}: is a Vietnamese document with one h1, the landmarks and a skip link`, () => {
      expect(html.startsWith('<!doctype html><html lang="vi">')).toBe(true)
      expect(html.match(/<h1[\s>]/g) ?? [], 'one h1').toHaveLength(1)
      for (const landmark of ['<header>', '<main id="main">', '<footer>', '<nav aria-label="Điều hướng chính">']) expect(html, landmark).toContain(landmark)
      expect(html).toContain('<a class="skip" href="#main">')
      expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1"/>')
    })

    it(`${name}: has Open Graph and Twitter card meta`, () => {
      for (const meta of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name', 'og:locale']) expect(html, meta).toMatch(new RegExp(`<meta property="${meta}" content="[^"]+"/>`))
      for (const meta of ['twitter:card', 'twitter:title', 'twitter:description']) expect(html, meta).toMatch(new RegExp(`<meta name="${meta}" content="[^"]+"/>`))
      expect(html).toMatch(/<link rel="canonical" href="https:\/\/bantin\.example\/[^"]*"\/>/)
    })

    it(`${name}: escapes article text everywhere and runs no script`, () => {
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toContain('<img')
      expect(html).not.toContain('<b>')
      expect(html).not.toContain('javascript:')
    })
  }

  it('puts a hostile title in the text, the <title> and the meta content escaped', () => {
    const [, story] = PAGES[1] ?? ['', '']
    expect(story).toContain('<h1 id="title">Tin &lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích&quot; &lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</h1>')
    expect(story).toContain('<title>Tin &lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích&quot; &lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; — bantin</title>')
    expect(story).toContain('<meta property="og:title" content="Tin &lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích&quot;')
  })

  it('links the feeds from every content page, the outlet page to its own', () => {
    for (const [name, html] of PAGES.slice(0, 3)) {
      expect(html, name).toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/stories.atom"')
      expect(html, name).toContain('<link rel="alternate" type="application/rss+xml"')
      expect(html, name).toContain('<link rel="alternate" type="application/feed+json"')
    }
    for (const type of ['application/atom+xml', 'application/rss+xml', 'application/feed+json']) {
      expect(PAGES[3]?.[1], type).toMatch(new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}" href="/feeds/stories\\.\\w+\\?source=tuoi-tre"`))
    }
  })
})

describe('the front page', () => {
  const [, html] = PAGES[0] ?? ['', '']

  it('shows each story with its link, dates as <time datetime>, outlets linked to their pages, its short summary', () => {
    expect(html).toContain('<a href="/stories/lien-minh-chong-is">Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS</a>')
    expect(html).toContain('<time datetime="2026-11-25T05:00:00.000Z" title="12:00 25/11/2026">2 giờ trước</time>')
    expect(html).toContain('<time datetime="2016-07-21T09:30:00+07:00" title="09:30 21/7/2016">21/7/2016</time>')
    expect(html).toContain('<a href="/sources/ttxvn-vietnam">TTXVN/Vietnam+</a>, <a href="/sources/tuoi-tre">Tuổi Trẻ</a>')
    expect(html).toContain(`<p>${DIGEST.short}</p>`)
  })

  it('links the next page, and a deeper page back to the first', () => {
    expect(html).toContain('<a href="/?cursor=abc.def" rel="next">Tin cũ hơn →</a>')
    const deeper = renderFrontPage({ stories: [DIGEST], nextHref: null, selfHref: '/?cursor=abc.def' }, CONTEXT)
    expect(deeper).toContain('<a href="/">← Tin mới nhất</a>')
    expect(deeper).not.toContain('rel="next"')
    expect(deeper).toContain('<link rel="canonical" href="https://bantin.example/?cursor=abc.def"/>')
  })

  it('says so when there is nothing yet', () => {
    expect(renderFrontPage({ stories: [], nextHref: null, selfHref: '/' }, CONTEXT)).toContain('Chưa có sự kiện nào.')
  })
})

describe('the story page', () => {
  const [, html] = PAGES[1] ?? ['', '']

  it('links each summary sentence to the report it came from, named by its outlet', () => {
    expect(html).toContain('Liên minh chống IS do Mỹ dẫn đầu đã nhất trí một kế hoạch. <a class="credit" href="/articles/0123456789abcdef">— TTXVN/Vietnam+</a>')
    expect(html).toContain('Câu &lt;b&gt;độc&lt;/b&gt; ]]&gt; &amp; &quot;x&quot;. <a class="credit" href="/articles/fedcba9876543210">— bài gốc</a>')
  })

  it('lists the reports newest first with their page, outlet, time and original link (http(s) only)', () => {
    const first = html.indexOf('id="bai-fedcba9876543210"')
    const second = html.indexOf('id="bai-0123456789abcdef"')
    expect(first).toBeGreaterThan(0)
    expect(second, 'the newer report comes first').toBeGreaterThan(first)
    expect(html).toContain('<a href="https://www.vietnamplus.vn/a.html" rel="noopener nofollow">Đọc bài gốc')
    expect(html.match(/Đọc bài gốc/g), 'the javascript: URL is not a link').toHaveLength(1)
  })

  it('lists at most the newest REPORTS_SHOWN reports and says where the rest are', () => {
    const articles = Array.from({ length: 250 }, (_, i) => ({ id: i.toString(16).padStart(16, '0'), title: `Bài số ${i}`, source: `Báo ${i % 40}`, publishedAt: null, url: null }))
    const big = renderStoryPage({ ...STORY, articleCount: 250, articles }, STORY_SUMMARY, CONTEXT)
    expect(big.match(/id="bai-/g)).toHaveLength(REPORTS_SHOWN)
    expect(big).toContain('Bài số 249')
    expect(big).not.toContain('Bài số 149<')
    expect(big).toContain('href="/v1/stories/lien-minh-chong-is">dạng JSON</a>')
  })
})

describe('the article page', () => {
  const [, html] = PAGES[2] ?? ['', '']

  it('shows the summary and links the original at the outlet, the story and the outlet page', () => {
    expect(html).toContain('<p>Câu tóm tắt có &lt;script&gt;alert(4)&lt;/script&gt;.</p>')
    expect(html).toContain('<a class="original" href="https://tuoitre.vn/bai.htm?a=1&amp;b=2" rel="noopener nofollow">Đọc toàn bài tại Tuổi Trẻ ↗</a>')
    expect(html).toContain('<a href="/stories/lien-minh-chong-is">')
    expect(html).toContain('<a href="/sources/tuoi-tre">Bài mới của Tuổi Trẻ →</a>')
    expect(html).not.toContain('Đoạn một.')
  })
})

describe('page size', () => {
  it('keeps the largest page the data allows under 30 KB gzipped', () => {
    const words = 'Liên minh chống lực lượng Nhà nước Hồi giáo tự xưng do Mỹ dẫn đầu đã nhất trí kế hoạch tiêu diệt tổ chức khủng bố tại Iraq và Syria'.split(' ')
    const text = (n: number, salt: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + salt) % words.length]).join(' ')
    const sources = Array.from({ length: 40 }, (_, i) => `Báo điện tử số ${i} của Việt Nam`)
    const stories = Array.from({ length: 25 }, (_, i) => ({ ...DIGEST, id: `su-kien-${i}-abcdef`, title: text(40, i), short: text(60, i + 1), sources }))
    const front = renderFrontPage({ stories, nextHref: '/?cursor=x.y', selfHref: '/' }, CONTEXT)
    const articles = Array.from({ length: 300 }, (_, i) => ({
      id: i.toString(16).padStart(16, '0'),
      title: text(40, i),
      source: sources[i % 40] ?? null,
      publishedAt: '2026-11-25T09:30:00+07:00',
      url: `https://bao-${i}.example/tin/${text(8, i).replaceAll(' ', '-')}.html`,
    }))
    const sentences = Array.from({ length: 30 }, (_, i) => ({ text: text(25, i), articleId: '0123456789abcdef', source: sources[i] ?? null, url: null }))
    const story = renderStoryPage({ ...STORY, articleCount: 300, sources, articles }, { ...STORY_SUMMARY, sentences }, CONTEXT)
    const outlet = renderOutletPage(
      {
        ...OUTLET,
        stories: Array.from({ length: 20 }, (_, i) => ({ ...DIGEST, id: `su-kien-${i}`, title: text(40, i), short: text(60, i), sources })),
        reports: articles.slice(0, 50).map((a) => ({ ...a, storyId: 'lien-minh-chong-is', ingestedAt: ARTICLE.ingestedAt })),
      },
      CONTEXT,
    )
    for (const [name, html] of [
      ['front', front],
      ['story', story],
      ['outlet', outlet],
    ] as const) {
      const size = gzipSync(html).length
      expect(size, `${name}: ${html.length} bytes, ${size} gzipped`).toBeLessThan(MAX_PAGE_GZIP)
    }
  })

  it('clips descriptions at a word', () => {
    expect(clip('Liên quân quốc tế nhất trí về kế hoạch', 20)).toBe('Liên quân quốc tế…')
    expect(clip('ngắn', 20)).toBe('ngắn')
  })
})
