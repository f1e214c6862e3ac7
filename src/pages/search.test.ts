/**
 * The search box and the results page on their own: the form works without
 * script (a GET to /search with a labelled `q` as long as the API takes);
 * highlights become `<mark>` exactly at their UTF-16 offsets, and offsets
 * that are out of range or overlap are not trusted; hostile titles, outlets
 * and snippets are escaped in text, attributes and meta; results pages are
 * `noindex` and name the feeds of the same search; a refusal says why.
 */
import { gzipSync } from 'node:zlib'
import { type Child, Fragment, jsx } from 'hono/jsx'
import { describe, expect, it } from 'vitest'
import { renderFrontPage } from './front.js'
import { stringOf } from './layout.js'
import { type SearchHitView, type SearchResults, markedSnippet, renderSearchPage } from './search.js'

const CONTEXT = { origin: 'https://bantin.example', now: Date.parse('2026-11-25T07:00:00Z') }
const HOSTILE = 'Tin <img src=x onerror=alert(1)> & "trích" </title><script>alert(2)</script>'

const HIT: SearchHitView = {
  id: '0123456789abcdef',
  title: 'Mưa lớn ở Hà Nội, nhiều tuyến phố ngập',
  source: 'Tuổi Trẻ',
  publishedAt: '2026-11-25T05:00:00.000Z',
  storyId: 'mua-lon-ha-noi',
  snippet: 'Sáng nay Hà Nội mưa lớn, nhiều tuyến phố ngập.',
  highlights: [
    [9, 11],
    [12, 15],
  ],
}

function results(hits: readonly SearchHitView[], over: Partial<SearchResults> = {}): SearchResults {
  return {
    hits,
    sort: 'relevance',
    hrefs: { relevance: '/search?q=ha+noi', recent: '/search?q=ha+noi&sort=recent', next: '/search?q=ha+noi&cursor=abc.def', first: null },
    feedQ: 'ha noi',
    ...over,
  }
}

/** Children rendered as hono/jsx renders them inside an element: concatenated and escaped. */
const text = (children: Child[]) => stringOf(jsx(Fragment, {}, ...children))

describe('markedSnippet', () => {
  it('marks each highlight at its offsets and leaves the text between as it is', () => {
    expect(text(markedSnippet(HIT.snippet, HIT.highlights))).toBe('Sáng nay <mark>Hà</mark> <mark>Nội</mark> mưa lớn, nhiều tuyến phố ngập.')
  })

  it('counts offsets in UTF-16 code units, as the API does: an emoji before a match takes two', () => {
    const snippet = '😀 Hà Nội'
    expect(snippet.slice(3, 5)).toBe('Hà')
    expect(text(markedSnippet(snippet, [[3, 5]]))).toBe('😀 <mark>Hà</mark> Nội')
  })

  it('marks a highlight at the very start and the very end', () => {
    expect(
      text(
        markedSnippet('Hà Nội', [
          [0, 2],
          [3, 6],
        ]),
      ),
    ).toBe('<mark>Hà</mark> <mark>Nội</mark>')
  })

  it('takes highlights in any order, and leaves unmarked those that are empty, reversed, out of range, fractional or overlap an earlier one', () => {
    const snippet = 'Hà Nội mưa lớn'
    const marked = text(markedSnippet(snippet, [[7, 10], [0, 2], [1, 5], [4, 4], [6, 3], [11, 99], [-1, 1], [0.5, 2], [3]]))
    expect(marked).toBe('<mark>Hà</mark> Nội <mark>mưa</mark> lớn')
  })

  it('escapes the text, inside marks and out', () => {
    const snippet = '<b>Quảng Bình</b> & "x" </mark><script>'
    expect(text(markedSnippet(snippet, [[3, 8]]))).toBe('&lt;b&gt;<mark>Quảng</mark> Bình&lt;/b&gt; &amp; &quot;x&quot; &lt;/mark&gt;&lt;script&gt;')
  })

  it('is the snippet itself without highlights', () => {
    expect(text(markedSnippet('Không có gì', []))).toBe('Không có gì')
  })
})

describe('the search box', () => {
  const front = renderFrontPage({ stories: [], nextHref: null, selfHref: '/' }, CONTEXT)

  it('is on the front page: a GET form to /search with a visible label, a search field named q at most 200 characters, and a button', () => {
    expect(front).toContain('<form role="search" action="/search" method="get" class="search"><label for="q">Tìm bài báo</label>')
    expect(front).toContain('<input type="search" id="q" name="q" value="" maxlength="200" enterkeyhint="search"/><button type="submit">Tìm</button>')
    expect(front.indexOf('role="search"'), 'inside main').toBeGreaterThan(front.indexOf('<main id="main">'))
  })

  it('keeps what was typed, escaped, on the results page', () => {
    const html = renderSearchPage({ q: '"x" onfocus=alert(1) <b>', selfHref: '/search?q=x', outcome: { kind: 'results', ...results([]) } }, CONTEXT)
    expect(html).toContain('value="&quot;x&quot; onfocus=alert(1) &lt;b&gt;"')
  })
})

describe('the results page', () => {
  const hostile: SearchHitView = { ...HIT, id: 'fedcba9876543210', title: HOSTILE, source: HOSTILE, snippet: `${HOSTILE} mưa`, highlights: [[HOSTILE.length + 1, HOSTILE.length + 4]] }
  const html = renderSearchPage({ q: 'ha noi', selfHref: '/search?q=ha+noi', outcome: { kind: 'results', ...results([HIT, hostile]) } }, CONTEXT)

  it('is a Vietnamese document with one h1 naming the search, the landmarks, Open Graph, and noindex', () => {
    expect(html.startsWith('<!doctype html><html lang="vi">')).toBe(true)
    expect(html.match(/<h1[\s>]/g) ?? [], 'one h1').toHaveLength(1)
    expect(html).toContain('<h1>Kết quả cho “ha noi”</h1>')
    for (const landmark of ['<header>', '<main id="main">', '<footer>', 'role="search"']) expect(html, landmark).toContain(landmark)
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<link rel="canonical" href="https://bantin.example/search?q=ha+noi"/>')
    expect(html).toMatch(/<meta property="og:title" content="Tìm “ha noi”"\/>/)
  })

  it('shows each hit: its headline linking its page, outlet, time, the marked snippet, its story', () => {
    expect(html).toContain('<h2 id="k-0123456789abcdef"><a href="/articles/0123456789abcdef">Mưa lớn ở Hà Nội, nhiều tuyến phố ngập</a></h2>')
    expect(html).toContain(
      '<p class="meta"><a href="/sources/tuoi-tre">Tuổi Trẻ</a> · <time datetime="2026-11-25T05:00:00.000Z" title="12:00 25/11/2026">2 giờ trước</time> · <a href="/stories/mua-lon-ha-noi">cả sự kiện</a></p>',
    )
    expect(html).toContain('<p>Sáng nay <mark>Hà</mark> <mark>Nội</mark> mưa lớn, nhiều tuyến phố ngập.</p>')
  })

  it('escapes hostile titles, outlets and snippets, and runs no script', () => {
    const escaped = 'Tin &lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích&quot; &lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;'
    expect(html).toContain(`<a href="/articles/fedcba9876543210">${escaped}</a>`)
    expect(html).toContain(`<p>${escaped} <mark>mưa</mark></p>`)
    expect(html).not.toMatch(/<script|<img/i)
  })

  it('links the other order, the next page, and the feeds of this search', () => {
    expect(html).toContain('Xếp theo: <strong>khớp nhất</strong> · <a href="/search?q=ha+noi&amp;sort=recent">mới nhất</a>')
    expect(html).toContain('<a href="/search?q=ha+noi&amp;cursor=abc.def" rel="next">Kết quả tiếp →</a>')
    for (const [type, extension] of [
      ['atom+xml', 'atom'],
      ['rss+xml', 'rss'],
      ['feed+json', 'json'],
    ])
      expect(html).toContain(`<link rel="alternate" type="application/${type}" href="/feeds/stories.${extension}?q=ha%20noi" title="bantin — tin có “ha noi”`)
  })

  it('leads a deeper page back to the first, in the order it was asked for', () => {
    const hrefs = { relevance: '/search?q=ha+noi&source=x', recent: '/search?q=ha+noi&source=x&sort=recent', next: null, first: '/search?q=ha+noi&source=x&sort=recent' }
    const deeper = renderSearchPage({ q: 'ha noi', selfHref: `${hrefs.first}&cursor=abc.def`, outcome: { kind: 'results', ...results([HIT], { sort: 'recent', hrefs }) } }, CONTEXT)
    expect(deeper).toContain('Xếp theo: <a href="/search?q=ha+noi&amp;source=x">khớp nhất</a> · <strong>mới nhất</strong>')
    expect(deeper).toContain('<a href="/search?q=ha+noi&amp;source=x&amp;sort=recent">← Kết quả đầu</a>')
    expect(deeper).not.toContain('rel="next"')
    expect(deeper).toContain('<link rel="canonical" href="https://bantin.example/search?q=ha+noi&amp;source=x&amp;sort=recent&amp;cursor=abc.def"/>')
  })

  it('says when nothing matched', () => {
    const none = renderSearchPage({ q: 'xyz', selfHref: '/search?q=xyz', outcome: { kind: 'results', ...results([], { hrefs: { relevance: '', recent: '', next: null, first: null } }) } }, CONTEXT)
    expect(none).toContain('<p>Không có bài nào khớp.</p>')
    expect(none).not.toContain('<ol class="list">')
    expect(none).not.toContain('aria-label="Phân trang"')
  })

  it('stays under 30 KB gzipped with 20 long hits', () => {
    const words = 'Liên minh chống lực lượng Nhà nước Hồi giáo tự xưng do Mỹ dẫn đầu đã nhất trí kế hoạch tiêu diệt tổ chức khủng bố'.split(' ')
    const long = (n: number, salt: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + salt) % words.length]).join(' ')
    const hits = Array.from({ length: 20 }, (_, i) => ({ ...HIT, id: i.toString(16).padStart(16, '0'), title: long(40, i), source: `Báo điện tử số ${i}`, snippet: long(60, i), highlights: [[0, 4]] }))
    const page = renderSearchPage({ q: long(30, 1), selfHref: '/search?q=x', outcome: { kind: 'results', ...results(hits) } }, CONTEXT)
    expect(gzipSync(page).length).toBeLessThan(30 * 1024)
  })
})

describe('the form page and refusals', () => {
  it('shows the empty form, indexable, without results', () => {
    const html = renderSearchPage({ q: '', selfHref: '/search', outcome: { kind: 'form' } }, CONTEXT)
    expect(html).toContain('<h1>Tìm kiếm</h1>')
    expect(html).toContain('value=""')
    expect(html).not.toContain('noindex')
    expect(html).not.toContain('<ol')
  })

  it('says why a text was refused, keeps the box filled, and is noindex', () => {
    const html = renderSearchPage({ q: '***', selfHref: '/search?q=***', outcome: { kind: 'refused' } }, CONTEXT)
    expect(html).toContain('<h1>Không tìm được</h1>')
    expect(html).toContain('<p>Từ khoá cần có chữ hoặc số, tối đa 200 ký tự.</p>')
    expect(html).toContain('value="***"')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
  })
})
