/**
 * The front page (`/`): the most recently updated stories, each with its
 * title, when, the outlets that reported it and its short summary, and a
 * link to the next (older) page; above them, the search box. Pure: the route reads the digests and
 * makes the cursor.
 */
import { type PageContext, SITE_NAME, feedAlternates, renderPage } from './layout.js'
import { StoryItem } from './parts.js'
import { SearchForm } from './search.js'
import type { StoryDigest } from '../store/reading-schemas.js'

export type FrontPage = {
  stories: readonly StoryDigest[]
  /** The next page's URL (path and query), or null on the last page. */
  nextHref: string | null
  /** This page's URL (path and query): `/`, or `/?cursor=…` deeper. */
  selfHref: string
}

/**
 * The front page's HTML.
 *
 * @example
 * renderFrontPage({ stories, nextHref: '/?cursor=…', selfHref: '/' }, { origin, now })
 */
export function renderFrontPage(page: FrontPage, context: PageContext): string {
  const first = page.selfHref === '/'
  const head = {
    title: first ? 'Tin tổng hợp mới nhất' : 'Tin tổng hợp — trang sau',
    description: 'Những sự kiện mới nhất từ các báo Việt Nam, mỗi sự kiện một bản tóm tắt ghi nguồn từng câu.',
    canonical: `${context.origin}${page.selfHref}`,
    ogType: 'website' as const,
    alternates: feedAlternates(),
  }
  return renderPage(
    head,
    <>
      <SearchForm q="" />
      <h1>{first ? 'Tin mới nhất' : 'Tin cũ hơn'}</h1>
      {page.stories.length === 0 ? (
        <p>Chưa có sự kiện nào. Khi {SITE_NAME} nhận bài báo, các sự kiện sẽ hiện ở đây.</p>
      ) : (
        <ol class="list">
          {page.stories.map((story) => (
            <StoryItem story={story} now={context.now} heading="h2" />
          ))}
        </ol>
      )}
      {page.nextHref === null && first ? null : (
        <nav class="pager" aria-label="Phân trang">
          {first ? <span /> : <a href="/">← Tin mới nhất</a>}
          {page.nextHref === null ? null : (
            <a href={page.nextHref} rel="next">
              Tin cũ hơn →
            </a>
          )}
        </nav>
      )}
    </>,
  )
}
