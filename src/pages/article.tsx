/**
 * A report's page (`/articles/:id`): headline, outlet, time, its summary and
 * a link to read it at the outlet — bantin does not republish whole articles
 * on its pages — and a link to the story it belongs to. Pure: the route
 * reads the article and its stored summary.
 */
import type { Article, ArticleSummaryRecord } from '../store/schemas.js'
import { safeHref } from '../widget/safe-href.js'
import { type PageContext, feedAlternates, renderPage } from './layout.js'
import { Outlet, Time, outletPath } from './parts.js'
import { outletSlugOf } from '../store/outlet-slug.js'

/**
 * A report page's HTML.
 *
 * @example
 * renderArticlePage(article, summary, { origin, now })
 */
export function renderArticlePage(article: Article, summary: ArticleSummaryRecord | null, context: PageContext): string {
  const slug = article.source === null ? null : outletSlugOf(article.source)
  const head = {
    title: article.title,
    description: summary?.text || article.lead || article.title,
    canonical: `${context.origin}/articles/${article.id}`,
    ogType: 'article' as const,
    alternates: [
      ...feedAlternates(),
      ...(slug === null || article.source === null ? [] : feedAlternates({ slug, name: article.source })),
      { type: 'application/json', href: `/v1/articles/${article.id}`, title: 'Bài này dưới dạng JSON' },
    ],
  }
  const original = safeHref(article.url)
  return renderPage(
    head,
    <article aria-labelledby="title">
      <h1 id="title">{article.title}</h1>
      <p class="meta">
        {article.source === null ? null : (
          <>
            <Outlet name={article.source} />
            {article.publishedAt === null ? '' : ' · '}
          </>
        )}
        {article.publishedAt === null ? null : <Time value={article.publishedAt} now={context.now} />}
        {' · '}
        {article.wordCount} chữ
      </p>
      <section aria-labelledby="tom-tat">
        <h2 id="tom-tat">Tóm tắt</h2>
        {summary === null || summary.sentences.length === 0 ? (
          <p>Bản tóm tắt đang được cập nhật.</p>
        ) : (
          <div class="summary">
            {summary.sentences.map((sentence) => (
              <p>{sentence.text}</p>
            ))}
          </div>
        )}
      </section>
      {original === null ? null : (
        <p>
          <a class="original" href={original} rel="noopener nofollow">
            Đọc toàn bài tại {article.source ?? 'báo gốc'} ↗
          </a>
        </p>
      )}
      {article.storyId === null ? null : (
        <p>
          <a href={`/stories/${article.storyId}`}>Cả sự kiện: tóm tắt từ mọi bài và các bài cùng sự kiện →</a>
        </p>
      )}
      {article.source === null || outletPath(article.source) === null ? null : (
        <p>
          <a href={outletPath(article.source) ?? '/'}>Bài mới của {article.source} →</a>
        </p>
      )}
    </article>,
  )
}
