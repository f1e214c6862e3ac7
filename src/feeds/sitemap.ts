/**
 * /sitemap.xml (sitemaps.org 0.9) with the Google News extension: each
 * story page with its `lastmod` (W3C Datetime), and for a story first
 * published within the last two days a `news:news` block (publication name
 * and language, publication date, title), which is what news crawlers read.
 * Every piece of text goes through escapeXml. Pure: `now` is passed in.
 */
import { escapeXml } from './xml.js'

/** News sitemaps list articles published in the last two days (Google's rule for the extension). */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000

export type SitemapStory = { url: string; title: string; updatedAt: string; firstPublishedAt: string | null }

/**
 * A sitemap of pages (the front page first, which has no `news:news`) and stories.
 *
 * @example
 * renderSitemap(`${origin}/`, stories, Date.now())
 */
export function renderSitemap(home: string, stories: readonly SitemapStory[], now: number): string {
  const x = escapeXml
  const urls = stories.map((story) => {
    const published = story.firstPublishedAt === null ? Number.NaN : Date.parse(story.firstPublishedAt)
    // A bare month is not precise enough for the extension (it asks for at least a day).
    const isNews = story.firstPublishedAt !== null && story.firstPublishedAt.length >= 10 && now - published <= NEWS_WINDOW_MS && published <= now + NEWS_WINDOW_MS
    const news = isNews
      ? `<news:news><news:publication><news:name>bantin</news:name><news:language>vi</news:language></news:publication><news:publication_date>${x(story.firstPublishedAt ?? '')}</news:publication_date><news:title>${x(story.title)}</news:title></news:news>`
      : ''
    return `<url><loc>${x(story.url)}</loc><lastmod>${x(story.updatedAt)}</lastmod>${news}</url>\n`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${x(home)}</loc>${stories[0] === undefined ? '' : `<lastmod>${x(stories[0].updatedAt)}</lastmod>`}</url>
${urls.join('')}</urlset>
`
}
