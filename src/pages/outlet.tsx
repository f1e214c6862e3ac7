/**
 * An outlet's page (`/sources/:name`): its newest reports and the stories
 * they joined, with `<link rel="alternate">` to the outlet's feeds. Pure:
 * the route reads the outlet's stored value.
 */
import type { Outlet } from '../store/reading-schemas.js'
import { type PageContext, feedAlternates, renderPage } from './layout.js'
import { StoryItem, Time } from './parts.js'

/**
 * An outlet page's HTML.
 *
 * @example
 * renderOutletPage(outlet, { origin, now })
 */
export function renderOutletPage(outlet: Outlet, context: PageContext): string {
  const head = {
    title: outlet.name,
    description: `Các bài mới của ${outlet.name} và những sự kiện chúng thuộc về, mỗi sự kiện một bản tóm tắt ghi nguồn.`,
    canonical: `${context.origin}/sources/${outlet.slug}`,
    ogType: 'website' as const,
    alternates: feedAlternates({ slug: outlet.slug, name: outlet.name }),
  }
  return renderPage(
    head,
    <>
      <h1>{outlet.name}</h1>
      <p class="meta">
        {outlet.reportCount} bài trên bantin · theo dõi: <a href={`/feeds/stories.atom?source=${outlet.slug}`}>Atom</a>, <a href={`/feeds/stories.rss?source=${outlet.slug}`}>RSS</a>,{' '}
        <a href={`/feeds/stories.json?source=${outlet.slug}`}>JSON Feed</a>
      </p>
      <section aria-labelledby="su-kien">
        <h2 id="su-kien">Sự kiện có bài của {outlet.name}</h2>
        <ol class="list">
          {outlet.stories.map((story) => (
            <StoryItem story={story} now={context.now} heading="h3" />
          ))}
        </ol>
      </section>
      <section aria-labelledby="bai-moi">
        <h2 id="bai-moi">Bài mới nhất</h2>
        <ol class="list">
          {outlet.reports.map((report) => (
            <li>
              <h3>
                <a href={`/articles/${report.id}`}>{report.title}</a>
              </h3>
              <p class="meta">
                {report.publishedAt === null ? 'không rõ ngày' : <Time value={report.publishedAt} now={context.now} />}
                {report.storyId === null ? null : (
                  <>
                    {' · '}
                    <a href={`/stories/${report.storyId}`}>
                      xem sự kiện<span class="visually-hidden">: {report.title}</span>
                    </a>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>,
  )
}
