/**
 * Fixture outlets for gathering: article pages and feeds written the way
 * large Vietnamese outlets' pages are built — JSON-LD `NewsArticle` and
 * `og:`/`article:` meta in the head; the article block among navigation,
 * breadcrumbs, related-article boxes (some inside the body), photo
 * captions, a signature line, comment blocks, ads and footers — in five
 * layouts of our own. No page of any outlet is copied: the markup is written
 * here from what such pages contain, and the text comes from the caller
 * (the sample articles in data/ for tests, VN-MDS reports for the benchmark).
 *
 * Used by scripts/build-gather-fixtures.ts (the committed test outlet) and
 * bench/gather.ts (≥ 200 pages from the dev set).
 */
import { HTML_ENTITIES } from '../src/gather/html-entities.generated.js'

/** An article as a fixture outlet publishes it, and as extraction should find it. */
export type OutletArticle = {
  slug: string
  title: string
  /** The sapo, printed above the body. */
  lead: string | null
  paragraphs: string[]
  /** Photo captions, printed as figures between paragraphs. */
  captions: string[]
  /** The signature printed after the body. */
  author: string | null
  /** ISO 8601 with offset, or a day or month. */
  publishedAt: string | null
  section: string
}

export const LAYOUTS = ['express', 'detail', 'singular', 'legacy', 'story'] as const
export type Layout = (typeof LAYOUTS)[number]

/** Where a page lives on its outlet; `{{origin}}` is replaced by whoever serves it. */
export function pagePath(article: OutletArticle, layout: Layout): string {
  return `/${article.section}/${article.slug}-${layout}.html`
}

/** Noise shared by every layout: other stories' headlines, readers' comments, ads. */
export type Furniture = { related: string[]; comments: string[] }

const SECTIONS = ['Thời sự', 'Thế giới', 'Kinh doanh', 'Giải trí', 'Thể thao', 'Pháp luật', 'Giáo dục', 'Sức khỏe']

/**
 * One article page in a layout.
 *
 * @example
 * renderPage(article, 'express', { related: [], comments: [] }, 'Tin Mẫu')
 */
export function renderPage(article: OutletArticle, layout: Layout, furniture: Furniture, outlet: string): string {
  const html = RENDERERS[layout](article, furniture, outlet)
  return layout === 'legacy' ? withEntities(html) : html
}

type Renderer = (article: OutletArticle, furniture: Furniture, outlet: string) => string

const RENDERERS: Record<Layout, Renderer> = {
  /** Main column named `sidebar-1`, sapo as p.description, body `p.Normal`, captions in tables, related box inside the body, right-aligned signature. */
  express: (a, f, outlet) => `<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>${esc(a.title)} - ${esc(outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="${attr(outlet)}">
<meta property="og:title" content="${attr(a.title)} - ${attr(outlet)}">
<meta property="og:description" content="${attr(cut(a.lead ?? a.paragraphs[0] ?? '', 160))}">
<meta property="og:image" content="{{origin}}/anh/${a.slug}.jpg">
<meta property="og:url" content="{{origin}}${pagePath(a, 'express')}">
${a.publishedAt === null ? '' : `<meta property="article:published_time" content="${attr(utc(a.publishedAt))}">`}
<link rel="canonical" href="{{origin}}${pagePath(a, 'express')}">
<link rel="stylesheet" href="/css/main.css">
<script type="application/ld+json">${json({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Thế giới', item: '{{origin}}/the-gioi' }] },
      {
        '@type': 'NewsArticle',
        mainEntityOfPage: `{{origin}}${pagePath(a, 'express')}`,
        headline: a.title,
        ...(a.publishedAt === null ? {} : { datePublished: a.publishedAt, dateModified: a.publishedAt }),
        ...(a.author === null ? {} : { author: [{ '@type': 'Person', name: a.author }] }),
        image: { '@type': 'ImageObject', url: `{{origin}}/anh/${a.slug}.jpg`, width: 1200, height: 630 },
        publisher: { '@type': 'Organization', name: outlet },
      },
    ],
  })}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"pageType": "article", "note": "<p>không phải bài viết</p>"});</script>
<style>.Normal{line-height:1.6}.banner-ads{min-height:250px}</style>
</head>
<body class="page-detail has-ads">
<header class="site-header"><a class="logo" href="/">${esc(outlet)}</a>
<nav class="main-nav"><ul>${SECTIONS.map((name, i) => `<li><a href="/muc-${i}">${esc(name)}</a></li>`).join('')}</ul></nav></header>
<div class="banner-ads top">Quảng cáo: vay mua nhà lãi suất ưu đãi 0% trong 12 tháng đầu, thủ tục nhanh gọn</div>
<section class="section page-detail">
<div class="container">
<div class="sidebar-1">
<div class="header-content"><ul class="breadcrumb"><li><a href="/the-gioi">Thế giới</a></li><li><a href="/the-gioi/tu-lieu">Tư liệu</a></li></ul>
<span class="date">${esc(vietnameseDate(a.publishedAt))}</span></div>
<h1 class="title-detail">${esc(a.title)}</h1>
${a.lead === null ? '' : `<p class="description">${esc(a.lead)}</p>`}
<article class="fck_detail">
${interleave(
  a,
  (p) => `<p class="Normal">${esc(p)}</p>`,
  (c) =>
    `<table align="center" class="tplCaption" border="0" cellpadding="3" cellspacing="0"><tbody><tr><td><img alt="" src="{{origin}}/anh/${a.slug}-1.jpg"></td></tr><tr><td><p class="Image">${esc(c)}</p></td></tr></tbody></table>`,
  () =>
    `<div class="box-tinlienquan"><p class="title_box_category">Tin liên quan</p><ul>${f.related
      .slice(0, 3)
      .map((r, i) => `<li><a href="/tin-${i}.html">${esc(r)}</a></li>`)
      .join('')}</ul></div>`,
)}
${a.author === null ? '' : `<p class="Normal" style="text-align:right;"><strong>${esc(a.author.toUpperCase())}</strong></p>`}
</article>
<div class="footer-content"><div class="social-share"><a href="#fb">Chia sẻ</a><a href="#zalo">Zalo</a><a href="#copy">Sao chép liên kết</a></div>
<div class="tags"><h4>Từ khóa</h4>${f.related
    .slice(0, 2)
    .map((r) => `<a href="/tag">${esc(cut(r, 30))}</a>`)
    .join(' ')}</div></div>
<div id="box_comment_vne" class="box_comment"><h3>Ý kiến (${f.comments.length})</h3>${f.comments.map((c) => `<div class="comment_item"><p class="full_content">${esc(c)}</p><a class="reply" href="#">Trả lời</a></div>`).join('')}</div>
</div>
<div class="sidebar-2"><div class="box-most-read"><h3>Xem nhiều</h3><ul>${f.related.map((r, i) => `<li><a href="/xem-nhieu-${i}.html">${esc(r)}</a></li>`).join('')}</ul></div>
<div class="banner-ads right">Quảng cáo</div></div>
</div></section>
<footer class="footer"><p>${esc(outlet)} - Báo tiếng Việt nhiều người xem nhất. Thuộc Bộ Khoa học và Công nghệ. Số giấy phép: 548/GP-BTTTT ngày 24/08/2021.</p><p>Địa chỉ: Tầng 10, Tòa A, số 1 phố Mẫu, Hà Nội. Điện thoại: 024 0000 0000.</p></footer>
<script src="/js/main.js" async></script>
</body></html>`,

  /** Sapo in h2.detail-sapo, body in div[itemprop=articleBody] with figures, a related box in the middle of the body, author box after. */
  detail: (a, f, outlet) => `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>${esc(a.title)} | ${esc(outlet)}</title>
<meta name="description" content="${attr(a.lead ?? '')}">
<meta property="og:title" content="${attr(a.title)}">
<meta property="og:description" content="${attr(a.lead ?? '')}">
<meta property="og:type" content="article">
${a.publishedAt === null ? '' : `<meta property="article:published_time" content="${attr(a.publishedAt)}">`}
<meta property="article:author" content="https://www.facebook.com/${a.slug}">
<script type="application/ld+json">${json({
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.lead ?? '',
    ...(a.publishedAt === null ? {} : { datePublished: a.publishedAt }),
    ...(a.author === null ? {} : { author: { '@type': 'Person', name: a.author } }),
    image: [`{{origin}}/anh/${a.slug}.jpg`],
  })}</script>
</head><body>
<div id="admzone_top" class="adv">Quảng cáo đầu trang</div>
<div class="header"><div class="menu"><ul>${SECTIONS.map((name) => `<li><a href="#">${esc(name)}</a></li>`).join('')}</ul></div></div>
<div class="main-detail"><div class="detail-container">
<div class="detail-cate"><a href="/the-gioi">Thế giới</a></div>
<div class="detail-top"><div class="detail-time"><div data-role="publishdate">${esc(vietnameseDate(a.publishedAt))}</div></div></div>
<h1 class="detail-title article-title" data-role="title">${esc(a.title)}</h1>
${a.lead === null ? '' : `<h2 class="detail-sapo" data-role="sapo">${esc(a.lead)}</h2>`}
<div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
${interleave(
  a,
  (p) => `<p>${esc(p)}</p>`,
  (c) =>
    `<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="{{origin}}/anh/${a.slug}-2.jpg" alt="${attr(cut(c, 50))}"></div><figcaption class="PhotoCMS_Caption"><p>${esc(c)}</p></figcaption></figure>`,
  () => `<div class="VCSortableInPreviewMode link-content-footer" type="RelatedOneNews"><div class="relate-container"><a href="/tin-lien-quan.html">${esc(f.related[0] ?? '')}</a></div></div>`,
)}
</div>
${a.author === null ? '' : `<div class="author-info"><div class="name">${esc(a.author)}</div></div>`}
<div class="detail-tab"><ul class="tags-container"><li><a href="/tag/the-gioi">Thế giới</a></li></ul></div>
</div></div>
<div class="box-comment" id="commentBox"><div class="title">Bình luận</div>${f.comments.map((c) => `<div class="item-comment"><span class="name">Bạn đọc</span><p class="contentcomment">${esc(c)}</p></div>`).join('')}</div>
<div class="box-category"><div class="box-header">Tin cùng chuyên mục</div>${f.related.map((r) => `<div class="box-category-item"><h3><a href="#">${esc(r)}</a></h3></div>`).join('')}</div>
</div>
<div class="footer"><p>Cơ quan chủ quản: ${esc(outlet)}. Tổng biên tập: Nguyễn Văn Mẫu. Giấy phép hoạt động báo điện tử số 561/GP-BTTTT.</p></div>
</body></html>`,

  /** An <article> with the sapo in h2.singular-sapo, body and figures in div.singular-content, author and related list after it, time in a <time>. */
  singular: (a, f, outlet) => `<!DOCTYPE html>
<html lang="vi"><head><meta charset="UTF-8">
<title>${esc(a.title)} | ${esc(outlet)}</title>
<meta property="og:title" content="${attr(a.title)} | ${attr(outlet)}">
<meta property="og:site_name" content="${attr(outlet)}">
<meta property="og:description" content="${attr(cut(a.lead ?? '', 120))}">
<meta property="og:image" content="{{origin}}/anh/${a.slug}.jpg">
<script type="application/ld+json">${json({
    '@context': 'https://schema.org',
    '@type': ['NewsArticle'],
    headline: a.title,
    ...(a.publishedAt === null ? {} : { datePublished: a.publishedAt }),
    author: a.author === null ? { '@type': 'Organization', name: outlet } : { '@type': 'Person', name: a.author },
    publisher: { '@type': 'NewsMediaOrganization', name: outlet, logo: { '@type': 'ImageObject', url: '{{origin}}/logo.png' } },
  })}</script>
</head><body>
<nav class="menu-wrap"><ul>${SECTIONS.map((name) => `<li class="has-child"><a href="#">${esc(name)}</a><ul class="submenu"><li><a href="#">Tin tức</a></li></ul></li>`).join('')}</ul></nav>
<main class="body-container"><div class="grid-container">
<article class="singular-container">
<ul class="dt-breadcrumb"><li><a href="/the-gioi">Thế giới</a></li></ul>
<h1 class="title-page detail">${esc(a.title)}</h1>
<div class="author-wrap"><div class="author-time">${a.publishedAt === null ? '' : `<time class="author-time" datetime="${attr(a.publishedAt)}">${esc(vietnameseDate(a.publishedAt))}</time>`}</div></div>
${a.lead === null ? '' : `<h2 class="singular-sapo">${esc(a.lead)}</h2>`}
<div class="singular-content">
${interleave(
  a,
  (p) => `<p>${esc(p)}</p>`,
  (c) => `<figure class="image align-center"><img src="{{origin}}/anh/${a.slug}-3.jpg" alt=""><figcaption><p>${esc(c)}</p></figcaption></figure>`,
  () => '',
)}
</div>
${a.author === null ? '' : `<div class="author-name"><a href="/tac-gia"><b>${esc(a.author)}</b></a></div>`}
<div class="article-related"><h3>Tin liên quan</h3><ul>${f.related
    .slice(0, 4)
    .map((r) => `<li><article class="article-item"><h3 class="article-title"><a href="#">${esc(r)}</a></h3></article></li>`)
    .join('')}</ul></div>
<div class="comment-wrap" id="comment-wrap"><div class="comment-list">${f.comments.map((c) => `<div class="comment-item"><p>${esc(c)}</p></div>`).join('')}</div>
<form class="comment-form"><textarea placeholder="Chia sẻ ý kiến của bạn"></textarea><button>Gửi bình luận</button></form></div>
</article>
<aside class="sidebar"><div class="ads">Quảng cáo</div><div class="most-read"><h3>Đọc nhiều</h3>${f.related.map((r) => `<a href="#">${esc(r)}</a>`).join('')}</div></aside>
</div></main>
<footer class="footer"><p>Trụ sở tòa soạn: số 1 đường Mẫu, TP.HCM. Chịu trách nhiệm nội dung: Tổng biên tập ${esc(outlet)}.</p></footer>
</body></html>`,

  /** A 2013-era CMS: table layout, no JSON-LD, text written with HTML entity names, paragraphs as <div>s, a `pubdate` meta, a <br> inside one paragraph. */
  legacy: (a, f, outlet) => `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(a.title)} - ${esc(outlet)}</title>
<meta name="description" content="${attr(a.lead ?? '')}" />
<meta name="keywords" content="tin tuc, the gioi, ${attr(a.slug)}" />
${a.publishedAt === null ? '' : `<meta name="pubdate" content="${attr(a.publishedAt)}" />`}
<script type="text/javascript">var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-000000-1']);</script>
</head><body>
<table width="980" align="center" cellpadding="0" cellspacing="0"><tr><td colspan="2" class="top-menu">${SECTIONS.map((name) => `<a href="#">${esc(name)}</a>`).join(' | ')}</td></tr>
<tr><td valign="top" width="660"><div id="ctl00_content">
<div class="cat-title"><a href="/the-gioi">Thế giới</a></div>
<div class="news-title"><h1>${esc(a.title)}</h1></div>
<div class="news-date">${esc(vietnameseDate(a.publishedAt))}</div>
${a.lead === null ? '' : `<div class="news-lead"><b>${esc(a.lead)}</b></div>`}
<div id="news-content" class="news-content">
${interleave(
  a,
  (p, i) => `<div style="text-align: justify;">${i === 0 ? esc(p).replace(/([.!?]) /, '$1<br />') : esc(p)}</div>`,
  (c) => `<table class="image" align="center"><tr><td><img src="/Uploaded/${a.slug}.jpg" /></td></tr><tr><td class="caption"><em>${esc(c)}</em></td></tr></table>`,
  () => '',
)}
${a.author === null ? '' : `<div style="text-align: right;"><b>${esc(a.author)}</b></div>`}
</div>
<div class="othernews"><b>C&aacute;c tin kh&aacute;c:</b><ul>${f.related.map((r) => `<li><a href="#">${esc(r)}</a></li>`).join('')}</ul></div>
</div></td>
<td valign="top" class="right-col"><div class="qc">Quảng cáo</div><div class="box"><b>Tin đọc nhiều</b>${f.related
    .slice(0, 3)
    .map((r) => `<div><a href="#">${esc(r)}</a></div>`)
    .join('')}</div></td></tr>
<tr><td colspan="2" class="footer">&copy; ${esc(outlet)}. Ghi r&otilde; ngu&ocirc;̀n khi ph&aacute;t h&agrave;nh lại th&ocirc;ng tin từ website n&agrave;y.</td></tr></table>
</body></html>`,

  /** A lean page: og: meta and itemprop dates only, the headline and lead inside the <article>'s own <header>, paragraphs straight under <article>. */
  story: (a, f, outlet) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>${esc(a.title)}</title>
<meta property="og:title" content="${attr(a.title)}">
<meta property="og:description" content="${attr(a.lead ?? '')}">
<meta property="og:site_name" content="${attr(outlet)}">
${a.publishedAt === null ? '' : `<meta itemprop="datePublished" content="${attr(a.publishedAt)}">`}
${a.author === null ? '' : `<meta name="author" content="${attr(a.author)}">`}
</head><body>
<header class="masthead"><a href="/">${esc(outlet)}</a><form role="search"><input name="q"><button>Tìm</button></form></header>
<main>
<article itemscope itemtype="https://schema.org/NewsArticle">
<header class="article-header"><p class="kicker"><a href="/the-gioi">Thế giới</a></p><h1 itemprop="headline">${esc(a.title)}</h1>
${a.lead === null ? '' : `<p class="lead">${esc(a.lead)}</p>`}
${a.author === null ? '' : `<p class="byline">${esc(a.author)}</p>`}</header>
${interleave(
  a,
  (p) => `<p>${esc(p)}</p>`,
  (c) => `<figure><img src="/anh/${a.slug}.jpg" alt=""><figcaption>${esc(c)}</figcaption></figure>`,
  () => `<aside class="inline-related"><h2>Đọc thêm</h2><a href="#">${esc(f.related[1] ?? '')}</a></aside>`,
)}
<footer class="article-footer"><p>Chia sẻ bài viết: <a href="#">Facebook</a> <a href="#">Twitter</a></p></footer>
</article>
<section class="comments"><h2>Bình luận</h2>${f.comments.map((c) => `<blockquote class="comment">${esc(c)}</blockquote>`).join('')}</section>
</main>
<footer><p>${esc(outlet)} © 2026. Mọi quyền được bảo lưu.</p></footer>
</body></html>`,
}

/**
 * The body: paragraphs, a caption after the first paragraph (and the rest
 * spread after later ones), and one inline box after the second paragraph.
 */
function interleave(a: OutletArticle, paragraph: (text: string, index: number) => string, caption: (text: string) => string, inline: () => string): string {
  const out: string[] = []
  const captions = [...a.captions]
  a.paragraphs.forEach((text, index) => {
    out.push(paragraph(text, index))
    if (index === 0 || (index % 3 === 0 && captions.length > 1)) {
      const next = captions.shift()
      if (next !== undefined) out.push(caption(next))
    }
    if (index === 1) out.push(inline())
  })
  for (const rest of captions) out.push(caption(rest))
  return out.join('\n')
}

/** An RSS 2.0 feed of these pages. */
export function renderRss(entries: readonly { article: OutletArticle; layout: Layout }[], outlet: string): string {
  const items = entries.map(
    ({ article: a, layout }) => `<item>
<title><![CDATA[${a.title}]]></title>
<link>{{origin}}${pagePath(a, layout)}?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">${a.slug}</guid>
<description><![CDATA[<a href="{{origin}}${pagePath(a, layout)}"><img src="{{origin}}/anh/${a.slug}.jpg" /></a></br>${escXml(a.lead ?? a.paragraphs[0] ?? '')}]]></description>
${a.publishedAt === null ? '' : `<pubDate>${rfc822(a.publishedAt)}</pubDate>`}
</item>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escXml(outlet)} - Tin mới nhất</title>
<link>{{origin}}/</link>
<description>Tin tức mới nhất của ${escXml(outlet)}</description>
<language>vi</language>
<atom:link href="{{origin}}/rss/tin-moi-nhat.rss" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`
}

/** An Atom 1.0 feed of these pages (summary and full content). */
export function renderAtom(entries: readonly { article: OutletArticle; layout: Layout }[], outlet: string): string {
  const items = entries.map(
    ({ article: a, layout }) => `<entry>
<title>${escXml(a.title)}</title>
<link rel="alternate" type="text/html" href="{{origin}}${pagePath(a, layout)}"/>
<id>{{origin}}${pagePath(a, layout)}</id>
${a.publishedAt === null ? '' : `<published>${a.publishedAt.length > 10 ? a.publishedAt : `${a.publishedAt.padEnd(10, '-01').slice(0, 10)}T00:00:00+07:00`}</published>`}
<updated>2026-11-23T00:00:00+07:00</updated>
${a.author === null ? '' : `<author><name>${escXml(a.author)}</name></author>`}
<summary>${escXml(a.lead ?? '')}</summary>
<content type="html">${escXml(a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join(''))}</content>
</entry>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escXml(outlet)}</title>
<link rel="alternate" href="{{origin}}/"/>
<link rel="self" href="{{origin}}/atom.xml"/>
<id>{{origin}}/</id>
<updated>2026-11-23T00:00:00+07:00</updated>
${items.join('\n')}
</feed>
`
}

/** A JSON Feed 1.1 of these pages. */
export function renderJsonFeed(entries: readonly { article: OutletArticle; layout: Layout }[], outlet: string): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: outlet,
      home_page_url: '{{origin}}/',
      feed_url: '{{origin}}/feed.json',
      language: 'vi',
      items: entries.map(({ article: a, layout }) => ({
        id: a.slug,
        url: `{{origin}}${pagePath(a, layout)}`,
        title: a.title,
        summary: a.lead ?? undefined,
        content_html: a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join(''),
        date_published: a.publishedAt !== null && a.publishedAt.length > 10 ? a.publishedAt : undefined,
        authors: a.author === null ? undefined : [{ name: a.author }],
      })),
    },
    null,
    1,
  )}\n`
}

/** `Thứ tư, 23/10/2013, 11:39 (GMT+7)`, as pages print dates. */
function vietnameseDate(iso: string | null): string {
  if (iso === null) return ''
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso)
  if (match === null) return ''
  const [, y, m, d, hh, mm] = match
  if (d === undefined) return `Tháng ${Number(m)}/${y}`
  const weekday = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'][new Date(`${y}-${m}-${d}T00:00:00Z`).getUTCDay()]
  return `${weekday}, ${d}/${m}/${y}${hh === undefined ? '' : `, ${hh}:${mm} (GMT+7)`}`
}

/** The same instant in UTC (one layout writes article:published_time that way). */
function utc(iso: string): string {
  return iso.length > 10 ? new Date(iso).toISOString().replace('.000Z', 'Z') : iso
}

/** RFC 822 in the outlet's own zone, as RSS 2.0 wants it. */
function rfc822(iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?([+-]\d{2}):?(\d{2}))?/.exec(iso)
  if (match === null) return ''
  const [, y = '', m = '', d = '01', hh = '00', mm = '00', ss = '00', zh = '+07', zm = '00'] = match
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${y}-${m}-${d}T00:00:00Z`).getUTCDay()]
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]
  return `${weekday}, ${d} ${month} ${y} ${hh}:${mm}:${ss} ${zh}${zm}`
}

function cut(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}...`
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attr(text: string): string {
  return esc(text).replace(/"/g, '&quot;')
}

function escXml(text: string): string {
  return esc(text)
}

/** JSON for a <script> element: `</` cannot end the script early. */
function json(value: unknown): string {
  return JSON.stringify(value).replace(/<\//g, '<\\/')
}

const NAME_OF = new Map<string, string>()
// HTML 4's letter-and-accent names (&agrave;, &Ocirc;) for Latin-1 letters; the decoder composes them.
const ACCENT_NAMES: Record<string, string> = { '\u0300': 'grave', '\u0301': 'acute', '\u0302': 'circ', '\u0303': 'tilde', '\u0308': 'uml', '\u030A': 'ring', '\u0327': 'cedil' }
for (let code = 0xc0; code <= 0xff; code++) {
  const [letter = '', accent = '', ...rest] = String.fromCodePoint(code).normalize('NFD')
  const name = ACCENT_NAMES[accent]
  if (name !== undefined && rest.length === 0) NAME_OF.set(String.fromCodePoint(code), `${letter}${name}`)
}
for (const entry of HTML_ENTITIES.split(' ')) {
  const [hex = '', names = ''] = entry.split(':')
  const name = names.split(',')[0]
  if (name !== undefined) NAME_OF.set(String.fromCodePoint(Number.parseInt(hex, 16)), name)
}

/**
 * Non-ASCII text as an older CMS's editor wrote it: named references where
 * HTML has a name (&agrave;, &ecirc;), numeric ones elsewhere (&#7871;).
 * Markup and scripts are ASCII already, so the whole page can go through.
 */
function withEntities(html: string): string {
  return html.replace(/[^\p{ASCII}]/gu, (char) => {
    const name = NAME_OF.get(char)
    return name !== undefined && !['lt', 'gt', 'amp', 'quot', 'apos'].includes(name) ? `&${name};` : `&#${char.codePointAt(0)};`
  })
}
