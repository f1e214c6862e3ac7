/**
 * RSS 2.0 (the RSS Advisory Board's specification): a `channel` with its
 * required `title`, `link` and `description`, `language`, `lastBuildDate`,
 * and an `atom:link rel="self"` (the Board's best practice); each `item`
 * with `title`, `link`, a permalink `guid` (the story page), `pubDate`, the
 * credited summary as escaped HTML in `description`, each outlet as a
 * `category`. Dates are RFC 822 with a four-digit year, in GMT. Every piece
 * of text goes through escapeXml. Pure.
 */
import { type FeedEntry, type FeedInfo, contentHtmlOf } from './entries.js'
import { escapeXml } from './xml.js'

/**
 * An instant as RFC 822 (RSS 2.0 §"Elements of <item>"), e.g. `Wed, 25 Nov 2026 07:00:00 GMT`.
 *
 * @example
 * rfc822('2026-11-25T07:00:00.000Z') // => 'Wed, 25 Nov 2026 07:00:00 GMT'
 */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString()
}

/**
 * An RSS 2.0 document. An item's `pubDate` is its first publication when
 * that is an instant, else its last update.
 *
 * @example
 * renderRss({ title: 'bantin', description: '…', selfUrl, homeUrl, updated }, entries)
 */
export function renderRss(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const x = escapeXml
  const items = entries.map(
    (entry) => `<item>
<title>${x(entry.title)}</title>
<link>${x(entry.url)}</link>
<guid isPermaLink="true">${x(entry.id)}</guid>
<pubDate>${rfc822(entry.published ?? entry.updated)}</pubDate>
${entry.sources.map((source) => `<category>${x(source)}</category>\n`).join('')}<description>${x(contentHtmlOf(entry))}</description>
</item>
`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(info.title)}</title>
<link>${x(info.homeUrl)}</link>
<description>${x(info.description)}</description>
<language>vi</language>
${info.updated === null ? '' : `<lastBuildDate>${rfc822(info.updated)}</lastBuildDate>\n`}<generator>bantin</generator>
<atom:link href="${x(info.selfUrl)}" rel="self" type="application/rss+xml"/>
${items.join('')}</channel>
</rss>
`
}
