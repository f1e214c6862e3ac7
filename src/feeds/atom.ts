/**
 * Atom 1.0 (RFC 4287): the feed with its required `id`, `title`, `updated`
 * and `author`, `link rel="self"` (§4.2.7.2 recommends it) and the page it
 * follows; each entry with `id`, `title`, `updated`, an alternate link, the
 * short summary as `summary` and the credited summary as `content
 * type="html"`, each outlet as a `category`. Dates are RFC 3339 instants.
 * Every piece of text goes through escapeXml. Pure.
 */
import { type FeedEntry, type FeedInfo, contentHtmlOf } from './entries.js'
import { escapeXml } from './xml.js'

/** An empty feed still needs an `updated` (§4.1.1): the epoch says "nothing yet" without a clock. */
const NEVER = '1970-01-01T00:00:00.000Z'

/**
 * An Atom document.
 *
 * @example
 * renderAtom({ title: 'bantin', description: '…', selfUrl, homeUrl, updated }, entries)
 */
export function renderAtom(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const x = escapeXml
  const items = entries.map(
    (entry) => `<entry>
<id>${x(entry.id)}</id>
<title type="text">${x(entry.title)}</title>
<link rel="alternate" type="text/html" href="${x(entry.url)}"/>
<updated>${x(entry.updated)}</updated>
${entry.published === null ? '' : `<published>${x(entry.published)}</published>\n`}${entry.sources.map((source) => `<category term="${x(source)}"/>\n`).join('')}<summary type="text">${x(entry.short)}</summary>
<content type="html">${x(contentHtmlOf(entry))}</content>
</entry>
`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>${x(info.selfUrl)}</id>
<title type="text">${x(info.title)}</title>
<subtitle type="text">${x(info.description)}</subtitle>
<updated>${x(info.updated ?? NEVER)}</updated>
<link rel="self" type="application/atom+xml" href="${x(info.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${x(info.homeUrl)}"/>
<author><name>bantin</name></author>
<generator>bantin</generator>
${items.join('')}</feed>
`
}
