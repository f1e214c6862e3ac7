/**
 * Writes the committed fixture outlet under test/fixtures/gather/: the sample
 * articles of data/ as article pages in every layout of
 * scripts/outlet-layouts.ts, three feeds that list them (RSS 2.0, Atom 1.0,
 * JSON Feed 1.1), a robots.txt, and `articles.json` with what each page
 * holds (what extraction should find). Worker tests serve these through
 * miniflare's outboundService (test/outlet.ts), and `npm start` serves them
 * from a small local outlet (scripts/local-outlet.mjs).
 *
 * Run: npx tsx scripts/build-gather-fixtures.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArticleText } from '../src/text/parse-article.js'
import { sampleArticles } from './sample-data.js'
import { type Furniture, LAYOUTS, type Layout, type OutletArticle, pagePath, renderAtom, renderJsonFeed, renderPage, renderRss } from './outlet-layouts.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'test', 'fixtures', 'gather')

/** The outlet's name as its pages and feeds print it. */
export const OUTLET = 'Tin Mẫu'

/** Readers' comments and other stories' headlines, written for the fixtures: page furniture around the article. */
const FURNITURE: Furniture = {
  related: [
    'Giá vàng hôm nay tăng mạnh, vượt mốc 80 triệu đồng mỗi lượng',
    'Hà Nội công bố lịch cắt điện luân phiên trong tuần tới tại nhiều quận',
    'Đội tuyển Việt Nam thắng đậm trong trận giao hữu trên sân Mỹ Đình',
    'Bộ Giáo dục công bố phương án thi tốt nghiệp trung học phổ thông năm sau',
    'Cảnh báo lừa đảo qua tin nhắn giả mạo ngân hàng dịp cuối năm',
  ],
  comments: ['Mong rằng các bên sớm ngồi lại với nhau để tìm giải pháp hòa bình, tránh đổ máu.', 'Bài viết rất hay, cảm ơn phóng viên đã cập nhật thông tin kịp thời cho bạn đọc.'],
}

function articlesFromData(): OutletArticle[] {
  const dir = join(root, 'data')
  // Headline-first, like npm start's samples (scripts/sample-data.ts): the story the outlet's articles open takes its slug from a headline.
  return sampleArticles(dir)
    .filter((sample) => sample.name.endsWith('.txt'))
    .map(({ name, body }) => {
      const parsed = parseArticleText(body)
      if (parsed === null) throw new Error(`${name} has no article text`)
      // The closing credit stays the last paragraph, as the outlet prints it; ingest takes it off again.
      const paragraphs = parsed.source === null ? parsed.paragraphs : [...parsed.paragraphs, `(${parsed.source})`]
      return {
        slug: name.replace(/\.txt$/, ''),
        title: parsed.title,
        lead: parsed.lead,
        paragraphs,
        captions: parsed.captions,
        author: null,
        publishedAt: parsed.publishedAt,
        section: 'the-gioi',
      }
    })
}

const articles = articlesFromData()
rmSync(out, { recursive: true, force: true })
for (const article of articles) {
  for (const layout of LAYOUTS) {
    const path = join(out, 'site', pagePath(article, layout))
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, renderPage(article, layout, FURNITURE, OUTLET))
  }
}
/** Each feed lists every article, in layouts of its own, so three sources gather distinct pages. */
const listed = (layouts: readonly Layout[]) => articles.flatMap((article, i) => ({ article, layout: layouts[i % layouts.length] ?? 'express' }))
writeFileSync(join(out, 'site', 'rss.xml'), renderRss(listed(['express', 'detail']), OUTLET))
writeFileSync(join(out, 'site', 'atom.xml'), renderAtom(listed(['singular', 'legacy']), OUTLET))
writeFileSync(join(out, 'site', 'feed.json'), renderJsonFeed(listed(['story', 'express']), OUTLET))
writeFileSync(join(out, 'site', 'robots.txt'), 'User-agent: *\nDisallow: /tim-kiem\nDisallow: /private/\nCrawl-delay: 0\n')
writeFileSync(
  join(out, 'articles.json'),
  `${JSON.stringify({ outlet: OUTLET, layouts: LAYOUTS, articles: articles.map((article) => ({ ...article, pages: Object.fromEntries(LAYOUTS.map((layout) => [layout, pagePath(article, layout)])) })) }, null, 1)}\n`,
)
console.log(`gather fixtures: ${articles.length} articles × ${LAYOUTS.length} layouts, 3 feeds → ${out}`)
