import { describe, expect, it } from 'vitest'
import { decodeBody } from './charset.js'
import { MAX_FEED_ITEMS, parseFeed } from './feed.js'

const FEED_URL = 'https://tin.example.vn/rss/the-gioi.rss'

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:m="http://search.yahoo.com/mrss/">
<channel>
  <title>Tin Thế giới &amp; Quốc tế</title>
  <link>https://tin.example.vn/the-gioi</link>
  <item>
    <title><![CDATA[Phe đối lập Campuchia lại biểu tình & phản đối]]></title>
    <link>https://tin.example.vn/the-gioi/phe-doi-lap-campuchia-bieu-tinh-12240106.html?utm_source=rss</link>
    <guid isPermaLink="false">12240106</guid>
    <description><![CDATA[<a href="/x"><img src="https://i.example.vn/cnrp.jpg" /></a></br>Ngày 23-10, h&agrave;ng nghìn người ủng hộ phe đối lập xuống đường.]]></description>
    <content:encoded><![CDATA[<p>Ngày 23-10, hàng nghìn người…</p><p>Cảnh sát được triển khai &amp; giám sát.</p>]]></content:encoded>
    <pubDate>Wed, 23 Oct 2013 11:39:00 +0700</pubDate>
    <dc:creator>Nguyệt Phương</dc:creator>
  </item>
  <item>
    <title>Gi&aacute; dầu &quot;hạ nhiệt&quot;&nbsp;sau b&#227;o</title>
    <link>/kinh-te/gia-dau-ha-nhiet.html</link>
    <description>Giá dầu thế giới giảm 2%.</description>
    <pubDate>Thu, 24 Oct 2013 08:00:00 GMT</pubDate>
    <m:thumbnail url="https://i.example.vn/dau.jpg"/>
  </item>
  <item><title>Không có đường dẫn</title><description>bỏ qua</description></item>
  <item><title>Chỉ có guid</title><guid>https://tin.example.vn/a/chi-co-guid.html</guid></item>
</channel>
</rss>`

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(RSS, FEED_URL)

  it('reads the channel', () => {
    expect(feed?.format).toBe('rss')
    expect(feed?.title, 'an escaped & in the title').toBe('Tin Thế giới & Quốc tế')
    expect(feed?.homepage).toBe('https://tin.example.vn/the-gioi')
  })

  it('keeps items with a link (or a permalink guid), canonical, and skips the rest', () => {
    expect(feed?.items.map((item) => item.url)).toEqual([
      'https://tin.example.vn/the-gioi/phe-doi-lap-campuchia-bieu-tinh-12240106.html',
      'https://tin.example.vn/kinh-te/gia-dau-ha-nhiet.html',
      'https://tin.example.vn/a/chi-co-guid.html',
    ])
  })

  it('reads CDATA verbatim and HTML entity names XML does not define', () => {
    const [first, second] = feed?.items ?? []
    expect(first?.title, 'CDATA with a bare &').toBe('Phe đối lập Campuchia lại biểu tình & phản đối')
    expect(first?.content, 'content:encoded under its declared prefix, kept as HTML').toBe('<p>Ngày 23-10, hàng nghìn người…</p><p>Cảnh sát được triển khai &amp; giám sát.</p>')
    expect(first?.summary).toContain('h&agrave;ng nghìn')
    expect(second?.title, '&aacute; &quot; &nbsp; (a space in a title) &#227;').toBe('Giá dầu "hạ nhiệt" sau bão')
  })

  it('reads dates, authors and images from the RSS core and its extensions', () => {
    const [first, second] = feed?.items ?? []
    expect(first?.publishedAt).toBe('2013-10-23T11:39:00+07:00')
    expect(first?.author, 'dc:creator').toBe('Nguyệt Phương')
    expect(first?.image, 'the first image of the description').toBe('https://i.example.vn/cnrp.jpg')
    expect(second?.publishedAt).toBe('2013-10-24T08:00:00+00:00')
    expect(second?.image, 'media:thumbnail under another prefix').toBe('https://i.example.vn/dau.jpg')
  })
})

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://bao.example.vn/">
  <title type="html">Báo &lt;b&gt;Mẫu&lt;/b&gt;</title>
  <link rel="self" href="https://bao.example.vn/atom.xml"/>
  <link href="https://bao.example.vn/"/>
  <author><name>Tòa soạn</name></author>
  <entry>
    <title>Hội nghị Andrews thống nhất lộ trình chống IS</title>
    <link rel="alternate" type="text/html" href="the-gioi/hoi-nghi-andrews.html"/>
    <link rel="enclosure" type="image/jpeg" href="/anh/andrews.jpg"/>
    <id>tag:bao.example.vn,2016:1</id>
    <published>2016-07-21T09:30:00+07:00</published>
    <updated>2016-07-21T10:00:00+07:00</updated>
    <summary>Khoảng 40 nước tham gia.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Đoạn <b>một</b>.</p><p>Đoạn hai.</p></div></content>
  </entry>
  <entry xml:base="https://bao.example.vn/kinh-te/">
    <title type="text">Giá xăng &lt;giảm&gt;</title>
    <link href="gia-xang.html"/>
    <id>https://bao.example.vn/kinh-te/gia-xang-id.html</id>
    <updated>2016-07-22T08:00:00Z</updated>
    <author><name>Minh An</name></author>
  </entry>
</feed>`

describe('parseFeed: Atom 1.0', () => {
  const feed = parseFeed(ATOM, 'https://bao.example.vn/atom.xml')

  it('reads the feed, resolving links against xml:base', () => {
    expect(feed?.format).toBe('atom')
    expect(feed?.title, 'type="html" is read as HTML').toBe('Báo Mẫu')
    expect(feed?.homepage, 'rel=alternate (the default), not self').toBe('https://bao.example.vn/')
    expect(feed?.items.map((item) => item.url)).toEqual(['https://bao.example.vn/the-gioi/hoi-nghi-andrews.html', 'https://bao.example.vn/kinh-te/gia-xang.html'])
  })

  it('reads entries: xhtml content, text titles, dates, authors, enclosure images', () => {
    const [first, second] = feed?.items ?? []
    expect(first?.content).toBe('<p>Đoạn <b>một</b>.</p><p>Đoạn hai.</p>')
    expect(first?.publishedAt, 'published over updated').toBe('2016-07-21T09:30:00+07:00')
    expect(first?.author, 'the feed author when the entry names none').toBe('Tòa soạn')
    expect(first?.image).toBe('https://bao.example.vn/anh/andrews.jpg')
    expect(second?.title, 'a text title keeps its angle brackets').toBe('Giá xăng <giảm>')
    expect(second?.publishedAt, 'updated when not published').toBe('2016-07-22T08:00:00+00:00')
    expect(second?.author).toBe('Minh An')
  })
})

describe('parseFeed: JSON Feed 1.1', () => {
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Tin JSON',
    home_page_url: 'https://json.example.vn/',
    authors: [{ name: 'Ban biên tập' }],
    items: [
      {
        id: '1',
        url: 'https://json.example.vn/a.html?fbclid=x',
        title: 'Bài A',
        content_html: '<p>Nội dung A.</p>',
        summary: 'Tóm tắt A.',
        date_published: '2026-11-23T09:00:00+07:00',
        image: '/a.jpg',
      },
      { id: 'https://json.example.vn/b.html', title: 'Bài B', content_text: 'Nội dung <B>', authors: [{ name: 'Lan' }] },
      { id: 'khong-co-url', title: 'Bỏ qua' },
      'không phải một item',
    ],
  })
  const feed = parseFeed(json, 'https://json.example.vn/feed.json')

  it('reads items by url, or by an id that is a URL', () => {
    expect(feed?.format).toBe('json')
    expect(feed?.title).toBe('Tin JSON')
    expect(feed?.items.map((item) => item.url)).toEqual(['https://json.example.vn/a.html', 'https://json.example.vn/b.html'])
  })

  it('reads content, dates, authors and images', () => {
    const [a, b] = feed?.items ?? []
    expect(a?.content).toBe('<p>Nội dung A.</p>')
    expect(a?.publishedAt).toBe('2026-11-23T09:00:00+07:00')
    expect(a?.author, 'the feed authors').toBe('Ban biên tập')
    expect(a?.image).toBe('https://json.example.vn/a.jpg')
    expect(b?.content, 'content_text is escaped to HTML').toBe('Nội dung &lt;B&gt;')
    expect(b?.author).toBe('Lan')
  })
})

describe('parseFeed: what is not a feed', () => {
  it.each([
    ['<html><body>Trang chủ</body></html>', 'an HTML page'],
    ['<rss><channel><title>x</channel></rss>', 'malformed XML'],
    ['{"version":"1","items":[]}', 'JSON that is not a JSON Feed'],
    ['{ not json', 'broken JSON'],
    ['', 'nothing'],
  ])('answers null for %s', (text, why) => {
    expect(parseFeed(text, FEED_URL), why).toBeNull()
  })

  it('does not expand entities a DOCTYPE declares (no billion laughs)', () => {
    const feed = parseFeed('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>', FEED_URL)
    expect(feed?.title).toBe('&lol2;')
  })

  it('reads at most MAX_FEED_ITEMS items', () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 5 }, (_, i) => `<item><link>/a-${i}.html</link></item>`).join('')
    expect(parseFeed(`<rss><channel>${items}</channel></rss>`, FEED_URL)?.items).toHaveLength(MAX_FEED_ITEMS)
  })
})

describe('parseFeed: a windows-1258 feed', () => {
  it('reads Vietnamese from a legacy single-byte feed once decoded by its declaration', () => {
    // "Hà Nội" and "Tin mới" written as windows-1258 bytes: à = E0, ô = F4, combining dot below = F2, ớ = o + ơ (F5) + acute (EC).
    const head = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1258"?><rss><channel><title>')
    const title = [0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69]
    const tail = new TextEncoder().encode('</title><item><link>https://tin.example.vn/a.html</link></item></channel></rss>')
    const feed = parseFeed(decodeBody(new Uint8Array([...head, ...title, ...tail]), 'application/rss+xml', 'xml'), FEED_URL)
    expect(feed?.title?.normalize('NFC')).toBe('Hà Nội')
    expect(feed?.items).toHaveLength(1)
  })
})
