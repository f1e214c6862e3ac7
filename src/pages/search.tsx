/**
 * Search for people: the search box (a plain GET form to `/search`, so it
 * works with JavaScript off) that the front page and the results page show,
 * and the results page — each article found with its headline linking its
 * page, its outlet, its time, the snippet with the query's words marked
 * (`<mark>`, from the API's highlight offsets), a link to its story — with
 * the other order, the next page, and `<link rel="alternate">` to the feeds
 * of the same search. A text
 * the API refuses is this page too, saying why, with the box to try again.
 * Pure: the route runs the search (routes/search.ts) and makes the links.
 */
import type { Child } from 'hono/jsx'
import { MAX_QUERY_LENGTH } from '../search/query.js'
import type { ArticleHit, SearchSort } from '../search/request.js'
import { type PageContext, feedAlternates, renderPage } from './layout.js'
import { Outlet, Time } from './parts.js'

/** An article found, as the search API answers it: `highlights` are [start, end) UTF-16 offsets into `snippet`. */
export type SearchHitView = Pick<ArticleHit, 'id' | 'title' | 'source' | 'publishedAt' | 'storyId' | 'snippet'> & { highlights: readonly (readonly number[])[] }

export type SearchResults = {
  hits: readonly SearchHitView[]
  sort: SearchSort
  /** The same search in either order, the next page, and the first (null on the first). */
  hrefs: { relevance: string; recent: string; next: string | null; first: string | null }
  /** The query in canonical form, which names the feeds of this search (`<link rel="alternate">`). */
  feedQ: string
}

export type SearchView = {
  /** The text in the box, as typed ('' before any search). */
  q: string
  /** This page's URL (path and query). */
  selfHref: string
  /** The empty form, a text the API refused, or a page of results. */
  outcome: { kind: 'form' } | { kind: 'refused' } | ({ kind: 'results' } & SearchResults)
}

/** Why the API refused a text (empty is the form, not a refusal). */
const REFUSED = `Từ khoá cần có chữ hoặc số, tối đa ${MAX_QUERY_LENGTH} ký tự.`

/** What the empty form page says, and its description. */
const HOW = 'Gõ có dấu hay không dấu đều được.'

/**
 * The search box: a labelled `type="search"` field named `q`, as long as the
 * API accepts, and a submit button.
 *
 * @example
 * <SearchForm q="hà nội" />
 */
export function SearchForm({ q }: { q: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: `<search>` (2023) is not yet a landmark in every screen reader; role="search" on the form is
    <form role="search" action="/search" method="get" class="search">
      <label for="q">Tìm bài báo</label>
      <div>
        <input type="search" id="q" name="q" value={q} maxlength={MAX_QUERY_LENGTH} enterkeyhint="search" />
        <button type="submit">Tìm</button>
      </div>
    </form>
  )
}

/**
 * The search page's HTML: the empty form, a refusal, or a page of results.
 *
 * @example
 * renderSearchPage({ q: 'ha noi', selfHref: '/search?q=ha+noi', outcome: { kind: 'results', hits, sort: 'relevance', hrefs, sources: [], feed } }, { origin, now })
 */
export function renderSearchPage(view: SearchView, context: PageContext): string {
  const { outcome } = view
  const asked = outcome.kind !== 'form'
  const head = {
    title: asked ? `Tìm “${view.q}”` : 'Tìm kiếm',
    description: asked ? `Các bài báo có “${view.q}”.` : HOW,
    canonical: `${context.origin}${view.selfHref}`,
    ogType: 'website' as const,
    alternates: outcome.kind === 'results' ? feedAlternates(undefined, outcome.feedQ) : feedAlternates(),
    ...(asked ? { robots: 'noindex' as const } : {}),
  }
  return renderPage(
    head,
    <>
      <h1>{outcome.kind === 'form' ? 'Tìm kiếm' : outcome.kind === 'refused' ? 'Không tìm được' : `Kết quả cho “${view.q}”`}</h1>
      <SearchForm q={view.q} />
      {outcome.kind === 'form' ? <p>{HOW}</p> : null}
      {outcome.kind === 'refused' ? <p>{REFUSED}</p> : null}
      {outcome.kind === 'results' ? <Results results={outcome} now={context.now} /> : null}
    </>,
  )
}

function Results({ results, now }: { results: SearchResults; now: number }) {
  const { hrefs } = results
  const order = (sort: SearchSort, label: string) => (results.sort === sort ? <strong>{label}</strong> : <a href={hrefs[sort]}>{label}</a>)
  return (
    <>
      <p class="meta">
        Xếp theo: {order('relevance', 'khớp nhất')} · {order('recent', 'mới nhất')}
      </p>
      {results.hits.length === 0 ? (
        <p>Không có bài nào khớp.</p>
      ) : (
        <ol class="list">
          {results.hits.map((hit) => (
            <Hit hit={hit} now={now} />
          ))}
        </ol>
      )}
      {hrefs.next === null && hrefs.first === null ? null : (
        <nav class="pager" aria-label="Phân trang">
          {hrefs.first === null ? <span /> : <a href={hrefs.first}>← Kết quả đầu</a>}
          {hrefs.next === null ? null : (
            <a href={hrefs.next} rel="next">
              Kết quả tiếp →
            </a>
          )}
        </nav>
      )}
    </>
  )
}

function Hit({ hit, now }: { hit: SearchHitView; now: number }) {
  const id = `k-${hit.id}`
  return (
    <li>
      <article aria-labelledby={id}>
        <h2 id={id}>
          <a href={`/articles/${hit.id}`}>{hit.title}</a>
        </h2>
        <p class="meta">
          {hit.source === null ? null : <Outlet name={hit.source} />}
          {hit.source !== null && hit.publishedAt !== null ? ' · ' : null}
          {hit.publishedAt === null ? null : <Time value={hit.publishedAt} now={now} />}
          {hit.storyId === null ? null : (
            <>
              {hit.source === null && hit.publishedAt === null ? null : ' · '}
              <a href={`/stories/${hit.storyId}`}>cả sự kiện</a>
            </>
          )}
        </p>
        {hit.snippet === '' ? null : <p>{markedSnippet(hit.snippet, hit.highlights)}</p>}
      </article>
    </li>
  )
}

/**
 * A snippet as text with its highlights as `<mark>`: offsets are UTF-16
 * indices (`String.prototype.slice`), [start, end). A highlight out of range,
 * empty or overlapping an earlier one is left unmarked rather than trusted;
 * hono/jsx escapes every piece.
 *
 * @example
 * markedSnippet('Mưa lớn ở Hà Nội', [[10, 12], [13, 16]]) // => ['Mưa lớn ở ', <mark>Hà</mark>, ' ', <mark>Nội</mark>]
 */
export function markedSnippet(snippet: string, highlights: readonly (readonly number[])[]): Child[] {
  const spans = highlights
    .map(([start = -1, end = -1]) => [start, end] as const)
    .filter(([start, end]) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= snippet.length)
    .sort((a, b) => a[0] - b[0])
  const out: Child[] = []
  let at = 0
  for (const [start, end] of spans) {
    if (start < at) continue
    if (start > at) out.push(snippet.slice(at, start))
    out.push(<mark>{snippet.slice(start, end)}</mark>)
    at = end
  }
  if (at < snippet.length) out.push(snippet.slice(at))
  return out
}
