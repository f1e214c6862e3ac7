/**
 * A story's page (`/stories/:id`): its title, when and by whom it was
 * reported, its summary with each sentence linked to the report it came
 * from, and its reports (outlet, headline, time, a link to the original).
 * Pure: the route reads the story and its stored summary.
 */
import type { Story, StorySummaryRecord } from '../store/schemas.js'
import { safeHref } from '../widget/safe-href.js'
import { type PageContext, feedAlternates, renderPage } from './layout.js'
import { CreditedSummary, Outlet, Outlets, StoryWhen, Time } from './parts.js'

/** Reports listed on a story's page, newest first: a running story may gather hundreds; the JSON API lists them all. */
export const REPORTS_SHOWN = 100

/**
 * A story page's HTML.
 *
 * @example
 * renderStoryPage(story, summary, { origin, now })
 */
export function renderStoryPage(story: Story, summary: StorySummaryRecord | null, context: PageContext): string {
  const head = {
    title: story.title,
    description: summary?.text || `${story.articleCount} bài báo về sự kiện này.`,
    canonical: `${context.origin}/stories/${story.id}`,
    ogType: 'article' as const,
    alternates: [...feedAlternates(), { type: 'application/json', href: `/v1/stories/${story.id}`, title: 'Sự kiện này dưới dạng JSON' }],
  }
  // Newest report first: a reader of a running story wants what changed.
  const reports = story.articles.slice(-REPORTS_SHOWN).reverse()
  return renderPage(
    head,
    <article aria-labelledby="title">
      <h1 id="title">{story.title}</h1>
      <p class="meta">
        <StoryWhen story={story} now={context.now} />
        {' · '}
        {story.articleCount} bài{story.sources.length > 0 ? ' từ ' : ''}
        <Outlets names={story.sources} />
      </p>
      <section aria-labelledby="tom-tat">
        <h2 id="tom-tat">Tóm tắt</h2>
        {summary === null || summary.sentences.length === 0 ? <p>Bản tóm tắt đang được cập nhật.</p> : <CreditedSummary sentences={summary.sentences} />}
      </section>
      <section aria-labelledby="cac-bai">
        <h2 id="cac-bai">Các bài báo ({story.articleCount})</h2>
        {story.articles.length > REPORTS_SHOWN ? (
          <p>
            {REPORTS_SHOWN} bài mới nhất; danh sách đủ ở <a href={`/v1/stories/${story.id}`}>dạng JSON</a>.
          </p>
        ) : null}
        <ol class="list">
          {reports.map((report) => {
            const original = safeHref(report.url)
            return (
              <li id={`bai-${report.id}`}>
                <h3>
                  <a href={`/articles/${report.id}`}>{report.title}</a>
                </h3>
                <p class="meta">
                  {report.source === null ? null : (
                    <>
                      <Outlet name={report.source} />
                      {report.publishedAt === null ? '' : ' · '}
                    </>
                  )}
                  {report.publishedAt === null ? null : <Time value={report.publishedAt} now={context.now} />}
                  {original === null ? null : (
                    <>
                      {' · '}
                      <a href={original} rel="noopener nofollow">
                        Đọc bài gốc<span class="visually-hidden">: {report.title}</span>
                      </a>
                    </>
                  )}
                </p>
              </li>
            )
          })}
        </ol>
      </section>
    </article>,
  )
}
