import { describe, expect, it } from 'vitest'
import { PageCollector, type PageSnapshot, VOID_ELEMENTS } from './page-collect.js'
import { extractArticle } from './page-extract.js'

/**
 * Feeds a page to PageCollector the way HTMLRewriter does (raw text with
 * references intact; an end tag ends every element still open inside it).
 * For the well-formed snippets below only: the real pass is HTMLRewriter's,
 * tested in workerd (test/gather.test.ts).
 */
function collect(html: string): PageSnapshot {
  const page = new PageCollector()
  const open: { tag: string; handle: number }[] = []
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+)/g
  for (const match of html.matchAll(token)) {
    const [, closing, name, rawAttrs = '', selfClosing, text] = match
    if (text !== undefined) page.text(text)
    if (name === undefined) continue
    const tag = name.toLowerCase()
    if (closing === '/') {
      const at = open.map((entry) => entry.tag).lastIndexOf(tag)
      if (at === -1) continue
      for (const entry of open.splice(at).reverse()) page.close(entry.handle)
      continue
    }
    const attrs = new Map([...rawAttrs.matchAll(/([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((a) => [a[1]?.toLowerCase() ?? '', a[2] ?? a[3] ?? a[4] ?? '']))
    const handle = page.open(tag, (attr) => attrs.get(attr) ?? null)
    if (handle >= 0 && selfClosing !== '/' && !VOID_ELEMENTS.has(tag)) open.push({ tag, handle })
  }
  return page.result()
}

const URL = 'https://tin.example.vn/the-gioi/phe-doi-lap-campuchia-12240106.html'

/** Laid out like a large Vietnamese outlet's article page: JSON-LD, og: meta, the article among menus, related links, comments and ads. */
const EXPRESS = `<!DOCTYPE html><html lang="vi"><head>
<meta charset="utf-8"><title>Phe đối lập Campuchia lại biểu tình - Tin Mẫu</title>
<meta property="og:title" content="Phe đối lập Campuchia lại biểu tình - Tin Mẫu">
<meta property="og:description" content="TTO - Ngày 23-10, hàng nghìn người ủng hộ đảng đối lập Campuchia lại xuống đường biểu tình ở thủ đô Phnom Penh để phản đối kết quả bầu cử…">
<meta property="og:image" content="/anh/cnrp.jpg?w=1200&amp;h=630">
<meta property="article:published_time" content="2013-10-23T04:39:00Z">
<link rel="canonical" href="https://tin.example.vn/the-gioi/phe-doi-lap-campuchia-12240106.html?utm_source=fb">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList","itemListElement":[]},{"@type":"NewsArticle","headline":"Phe đối lập Campuchia lại biểu tình phản đối chính phủ","datePublished":"2013-10-23T11:39:00+07:00","author":[{"@type":"Person","name":"Nguyệt Phương"}],"image":{"@type":"ImageObject","url":"https://tin.example.vn/anh/cnrp.jpg"}}]}</script>
<script>window.dataLayer = [{"a": "<p>không phải bài</p>"}]</script>
<style>.Normal{font-size:18px}</style>
</head><body class="page-detail has-ads">
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Trang chủ</a></li><li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-te">Kinh tế, tài chính và thị trường chứng khoán</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/the-gioi">Thế giới</a> › <a href="/the-gioi/chau-a">Châu Á</a></div>
<section class="container">
 <div class="sidebar-1">
  <span class="date">Thứ tư, 23/10/2013, 11:39 (GMT+7)</span>
  <h1 class="title-detail">Phe đối lập Campuchia lại biểu tình phản đối chính phủ</h1>
  <p class="description">TTO - Ngày 23-10, hàng nghìn người ủng hộ đảng đối lập Campuchia lại xuống đường biểu tình ở thủ đô Phnom Penh để phản đối kết quả bầu cử quốc hội hồi tháng 7.</p>
  <article class="fck_detail">
   <table class="tplCaption"><tr><td><img src="/anh/cnrp.jpg" alt=""></td></tr><tr><td><p class="Image">Người ủng hộ đảng đối lập đi biểu tình sáng nay - Ảnh: AFP</p></td></tr></table>
   <p class="Normal">Theo Hãng tin AFP, Đảng đối lập Cứu quốc Campuchia (CNRP) tuyên bố cuộc biểu tình sẽ kéo dài ba ngày.</p>
   <p class="Normal">Ước tính khoảng 5.000 người đã diễu hành ở trung tâm thủ đô, giương cao những biểu ngữ như &ldquo;L&aacute; phiếu của t&ocirc;i đ&acirc;u&rdquo;, &ldquo;Dân chủ muôn năm&rdquo;&hellip;</p>
   <div class="box-tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/a1.html">Campuchia công bố kết quả bầu cử chính thức, đảng cầm quyền thắng</a></li><li><a href="/a2.html">Ông Sam Rainsy trở về Phnom Penh sau nhiều năm lưu vong</a></li></ul></div>
   <p class="Normal">Nhà chức trách đã triển khai hàng nghìn cảnh sát chống bạo động tại các con phố<br>và những địa điểm trọng yếu ở Phnom Penh.</p>
   <div class="banner-ads" style="display:block">Quảng cáo: mua nhà giá rẻ, trả góp 0% lãi suất trong 24 tháng đầu tiên</div>
   <p class="Normal" style="display:none">Đoạn ẩn này không thuộc bài viết, dù dài đủ để được chấm điểm như văn xuôi.</p>
   <p class="Normal" style="text-align:right;"><strong>NGUYỆT PHƯƠNG</strong></p>
  </article>
  <div class="social-share"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a></div>
  <div id="box_comment"><h3>Ý kiến bạn đọc (12)</h3><p>Tôi nghĩ rằng cuộc biểu tình này sẽ còn kéo dài, và chính phủ cần đối thoại.</p></div>
 </div>
 <aside class="sidebar-2"><h3>Đọc nhiều</h3><ul><li><a href="/b1.html">Giá vàng hôm nay tăng mạnh, vượt mốc 80 triệu đồng một lượng</a></li></ul></aside>
</section>
<footer class="footer"><p>© Tin Mẫu. Giấy phép số 548/GP-BTTTT, cấp ngày 24/08/2021 bởi Bộ Thông tin và Truyền thông.</p></footer>
</body></html>`

describe('extractArticle: a page with JSON-LD among menus, related links, comments and ads', () => {
  const article = extractArticle(collect(EXPRESS), URL)

  it('takes the headline from the <h1> the JSON-LD confirms, not the og:title with the site name', () => {
    expect(article.title).toBe('Phe đối lập Campuchia lại biểu tình phản đối chính phủ')
  })

  it('finds the lead the (cut short) description quotes', () => {
    expect(article.lead).toBe('TTO - Ngày 23-10, hàng nghìn người ủng hộ đảng đối lập Campuchia lại xuống đường biểu tình ở thủ đô Phnom Penh để phản đối kết quả bầu cử quốc hội hồi tháng 7.')
  })

  it('keeps exactly the body paragraphs: no related links, ads, hidden text, signature, comments or footer', () => {
    expect(article.paragraphs).toEqual([
      'Theo Hãng tin AFP, Đảng đối lập Cứu quốc Campuchia (CNRP) tuyên bố cuộc biểu tình sẽ kéo dài ba ngày.',
      'Ước tính khoảng 5.000 người đã diễu hành ở trung tâm thủ đô, giương cao những biểu ngữ như “Lá phiếu của tôi đâu”, “Dân chủ muôn năm”…',
      'Nhà chức trách đã triển khai hàng nghìn cảnh sát chống bạo động tại các con phố\nvà những địa điểm trọng yếu ở Phnom Penh.',
    ])
  })

  it('moves the photo caption out and reads author, date, image and canonical URL from what the page declares', () => {
    expect(article.captions).toEqual(['Người ủng hộ đảng đối lập đi biểu tình sáng nay - Ảnh: AFP'])
    expect(article.author).toBe('Nguyệt Phương')
    expect(article.publishedAt, 'JSON-LD before meta').toBe('2013-10-23T11:39:00+07:00')
    expect(article.image).toBe('https://tin.example.vn/anh/cnrp.jpg')
    expect(article.canonical, 'tracking parameters gone').toBe(URL)
  })
})

/** Laid out like another outlet: og: and article: meta only, the sapo in an <h2>, figures, a related box inside the body. */
const DETAIL = `<html><head>
<meta property="og:title" content="Hội nghị Andrews thống nhất lộ trình chống IS | Báo Mẫu">
<meta property="og:site_name" content="Báo Mẫu">
<meta name="description" content="Khoảng 40 nước tham gia liên minh chống IS họp tại căn cứ Andrews.">
<meta property="article:published_time" content="2016-07-21T09:30:00+07:00">
<meta name="author" content="Minh An">
</head><body>
<div class="menu-top"><a href="/">Báo Mẫu</a><a href="/thoi-su">Thời sự</a></div>
<div class="detail-container">
 <h2 class="detail-sapo">Khoảng 40 nước tham gia liên minh chống IS họp tại căn cứ Andrews.</h2>
 <div class="detail-content" itemprop="articleBody">
  <p>Ngày 20-7 (giờ địa phương), tại căn cứ không quân Andrews ở bang Maryland, Mỹ đã tổ chức hội nghị các bộ trưởng Quốc phòng.</p>
  <figure class="image"><img src="/a.jpg"><figcaption><p>Bộ trưởng Quốc phòng Mỹ Ashton Carter. Ảnh: Reuters</p></figcaption></figure>
  <div class="relate-container"><a href="/x.html">Mỹ tăng cường không kích IS ở Syria trong tháng này</a></div>
  <p>Washington đánh giá từ năm 2014 đến nay, IS đã mất gần 50% lãnh thổ chiếm đóng ở Iraq.<p>Hội nghị đã chuẩn bị kế hoạch tái chiếm Mosul (Iraq).
  <ul><li><a href="/y.html">Xem thêm: Liên quân chuẩn bị tấn công Mosul từ nhiều hướng</a></li></ul>
 </div>
 <div class="author-info">Minh An</div>
</div>
<div class="box-comment"><p>Bình luận của bạn đọc về hội nghị, rất dài để được chấm điểm như văn xuôi.</p></div>
</body></html>`

describe('extractArticle: a page with meta only', () => {
  const article = extractArticle(collect(DETAIL), 'https://bao.example.vn/the-gioi/hoi-nghi-andrews.html')

  it('takes the og:title without the site name when the page has no <h1>', () => {
    expect(article.title).toBe('Hội nghị Andrews thống nhất lộ trình chống IS')
  })

  it('reads the sapo, the body (closing <p>s the parser left open) and the figure caption', () => {
    expect(article.lead).toBe('Khoảng 40 nước tham gia liên minh chống IS họp tại căn cứ Andrews.')
    expect(article.paragraphs).toEqual([
      'Ngày 20-7 (giờ địa phương), tại căn cứ không quân Andrews ở bang Maryland, Mỹ đã tổ chức hội nghị các bộ trưởng Quốc phòng.',
      'Washington đánh giá từ năm 2014 đến nay, IS đã mất gần 50% lãnh thổ chiếm đóng ở Iraq.',
      'Hội nghị đã chuẩn bị kế hoạch tái chiếm Mosul (Iraq).',
    ])
    expect(article.captions).toEqual(['Bộ trưởng Quốc phòng Mỹ Ashton Carter. Ảnh: Reuters'])
  })

  it('reads the date and author from meta', () => {
    expect(article.publishedAt).toBe('2016-07-21T09:30:00+07:00')
    expect(article.author).toBe('Minh An')
    expect(article.canonical, 'no canonical declared').toBeNull()
  })
})

describe('extractArticle: a short article in an old table layout', () => {
  it('keeps the body block, not the wrapper that also holds the lead and the date line', () => {
    const html = `<html><head><meta name="description" content="Một trận động đất mạnh 6,3 độ Richter đã xảy ra ngoài khơi bờ biển phía Đông Đài Loan."></head><body>
<table><tr><td><div id="content">
<div class="news-title"><h1>Động đất mạnh ở Đài Loan</h1></div>
<div class="news-date">Thứ năm, 31/10/2013, 21:15 (GMT+7)</div>
<div class="news-lead"><b>Một trận động đất mạnh 6,3 độ Richter đã xảy ra ngoài khơi bờ biển phía Đông Đài Loan.</b></div>
<div id="news-content"><div>Tâm chấn vụ động đất dưới sâu 20 km, tại 23,5 độ vĩ Bắc và 121,4 độ kinh Đông.</div></div>
<div class="othernews"><b>Các tin khác:</b><ul><li><a href="#">Bão số 11 đổ bộ miền Trung</a></li></ul></div>
</div></td></tr></table></body></html>`
    const article = extractArticle(collect(html), URL)
    expect(article.lead).toBe('Một trận động đất mạnh 6,3 độ Richter đã xảy ra ngoài khơi bờ biển phía Đông Đài Loan.')
    expect(article.paragraphs, 'no date line, no list heading').toEqual(['Tâm chấn vụ động đất dưới sâu 20 km, tại 23,5 độ vĩ Bắc và 121,4 độ kinh Đông.'])
  })
})

describe('extractArticle: little to go on', () => {
  it('falls back to the JSON-LD articleBody when the page has no prose block', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Tin ngắn","articleBody":"Dòng một của bài.\\nDòng hai của bài."}</script></head><body><div id="app"></div></body></html>`
    const article = extractArticle(collect(html), URL)
    expect(article.title).toBe('Tin ngắn')
    expect(article.paragraphs).toEqual(['Dòng một của bài.', 'Dòng hai của bài.'])
  })

  it('answers no text for a page without any', () => {
    const article = extractArticle(collect('<html><head><title>Lỗi 404 - Tin Mẫu</title></head><body><nav><a href="/">Về trang chủ</a></nav></body></html>'), URL)
    expect(article.paragraphs).toEqual([])
    expect(article.lead).toBeNull()
    expect(article.title, 'the document title without its site part').toBe('Lỗi 404')
  })

  it('reads a JSON-LD object even when the CMS left raw line breaks in its strings', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":["NewsArticle"],"headline":"Gi&aacute; xăng\ngiảm","datePublished":"2026-11-23 09:00"}</script></head><body><h1>Giá xăng giảm</h1><div><p>Giá xăng giảm 500 đồng mỗi lít từ 15 giờ chiều nay, theo liên bộ Công Thương - Tài chính.</p></div></body></html>`
    const article = extractArticle(collect(html), URL)
    expect(article.title).toBe('Giá xăng giảm')
    expect(article.publishedAt, 'no zone: Vietnam time').toBe('2026-11-23T09:00:00+07:00')
  })
})
