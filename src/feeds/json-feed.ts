/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1): `version`, `title`, `items`
 * (required), `home_page_url`, `feed_url`, `description`, `language`,
 * `authors`; each item with its `id` (the story page), `url`, `title`, the
 * credited summary as `content_html` and `content_text`, the short summary as
 * `summary`, `date_published` / `date_modified` as RFC 3339, and the outlets
 * as `tags`. Served as `application/feed+json`. JSON.stringify escapes what
 * JSON needs; lone surrogates come out as `\ud800` escapes. Pure.
 */
import { type FeedEntry, type FeedInfo, contentHtmlOf, contentTextOf } from './entries.js'

/**
 * A JSON Feed document, as text.
 *
 * @example
 * JSON.parse(renderJsonFeed(info, entries)).version // => 'https://jsonfeed.org/version/1.1'
 */
export function renderJsonFeed(info: FeedInfo, entries: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: info.title,
    home_page_url: info.homeUrl,
    feed_url: info.selfUrl,
    description: info.description,
    language: 'vi',
    authors: [{ name: 'bantin' }],
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: contentHtmlOf(entry),
      content_text: contentTextOf(entry),
      summary: entry.short,
      ...(entry.published === null ? {} : { date_published: entry.published }),
      date_modified: entry.updated,
      tags: entry.sources,
    })),
  })
}
