/**
 * The frame every page shares: `<html lang="vi">`, the head a shared link
 * needs to preview (title, description, canonical URL, Open Graph and
 * Twitter card meta), `<link rel="alternate">` to the feeds that follow the
 * page, the inline stylesheet, and the landmarks — a skip link, the banner
 * with the site's name and navigation, one `main` (where the page's one
 * `h1` lives), the footer. Rendered by hono/jsx, which escapes every text
 * and attribute value; nothing here needs a script. Pure.
 */
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { feedQueryOf } from '../feeds/entries.js'
import { PAGE_STYLE } from './style.js'

/** A feed (or other representation) the page names in `<link rel="alternate">`. */
export type Alternate = { type: string; href: string; title: string }

export type Head = {
  /** The page's own title (the site name is added). */
  title: string
  /** One or two sentences for search results and link previews. */
  description: string
  /** The page's absolute URL. */
  canonical: string
  /** `website` for lists, `article` for a story or a report. */
  ogType: 'website' | 'article'
  alternates: readonly Alternate[]
  /** `noindex` keeps a page out of search engines (search results: endless, thin, and other engines' own business). */
  robots?: 'noindex'
}

/** What every page renderer is given besides its data: where the site is, and the time (for relative dates). */
export type PageContext = { origin: string; now: number }

/** The site's name, in titles and previews. */
export const SITE_NAME = 'bantin'

/** Longest description put in meta tags: previews cut around 200 characters anyway. */
const DESCRIPTION_CHARS = 200

/** The site-wide feeds, optionally one outlet's (`?source=`), optionally of a search (`?q=`, the query in its canonical form). */
export function feedAlternates(source?: { slug: string; name: string }, q?: string): Alternate[] {
  const query = feedQueryOf(source?.slug ?? null, q ?? null)
  const of = `${source === undefined ? (q === undefined ? 'tin tổng hợp' : 'tin') : source.name}${q === undefined ? '' : ` có “${q}”`}`
  return [
    { type: 'application/atom+xml', href: `/feeds/stories.atom${query}`, title: `${SITE_NAME} — ${of} (Atom)` },
    { type: 'application/rss+xml', href: `/feeds/stories.rss${query}`, title: `${SITE_NAME} — ${of} (RSS)` },
    { type: 'application/feed+json', href: `/feeds/stories.json${query}`, title: `${SITE_NAME} — ${of} (JSON Feed)` },
  ]
}

/**
 * A whole page, as the string to serve.
 *
 * @example
 * renderPage({ title, description, canonical, ogType: 'website', alternates: feedAlternates() }, <h1>…</h1>)
 */
export function renderPage(head: Head, body: Child): string {
  const description = clip(head.description, DESCRIPTION_CHARS)
  const page = (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${head.title} — ${SITE_NAME}`}</title>
        <meta name="description" content={description} />
        {head.robots === undefined ? null : <meta name="robots" content={head.robots} />}
        <link rel="canonical" href={head.canonical} />
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:locale" content="vi_VN" />
        <meta property="og:type" content={head.ogType} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={head.canonical} />
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={head.title} />
        <meta name="twitter:description" content={description} />
        {head.alternates.map((alternate) => (
          <link rel="alternate" type={alternate.type} href={alternate.href} title={alternate.title} />
        ))}
        <style>{raw(PAGE_STYLE)}</style>
      </head>
      <body>
        <a class="skip" href="#main">
          Bỏ qua, đến nội dung chính
        </a>
        <header>
          <a class="brand" href="/">
            {SITE_NAME}
          </a>
          <nav aria-label="Điều hướng chính">
            <ul>
              <li>
                <a href="/">Tin mới</a>
              </li>
              <li>
                <a href="/feeds/stories.atom">Theo dõi qua feed</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main">{body}</main>
        <footer>
          <p>{SITE_NAME} gom các bài báo cùng một sự kiện và tóm tắt chúng; mỗi câu tóm tắt ghi rõ bài báo nguồn. Muốn đọc toàn bài, mời đọc tại báo gốc.</p>
          <p>
            Feed: <a href="/feeds/stories.atom">Atom</a> · <a href="/feeds/stories.rss">RSS</a> · <a href="/feeds/stories.json">JSON Feed</a> · API: <a href="/openapi.json">OpenAPI</a>
          </p>
        </footer>
      </body>
    </html>
  )
  return `<!doctype html>${stringOf(page)}`
}

/** hono/jsx renders a tree without async components to a string at once. */
export function stringOf(node: Child): string {
  const text = node instanceof Promise || node === null || node === undefined ? null : node.toString()
  if (typeof text !== 'string') throw new TypeError('a page component rendered asynchronously, or nothing')
  return text
}

/**
 * Text cut to at most `max` characters at a word boundary, with `…`.
 *
 * @example
 * clip('Liên quân quốc tế nhất trí về kế hoạch', 20) // => 'Liên quân quốc tế…'
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
