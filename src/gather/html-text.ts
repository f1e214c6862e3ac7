/**
 * Small HTML fragments → paragraphs of text: the HTML a feed item carries in
 * its description or content (`<a><img></a><br/>Sapo…`, `<p>…</p>`), used for
 * the item's summary and as the article's text when its page cannot be read.
 *
 * Not for whole pages: those stream through HTMLRewriter (page-collect.ts).
 * A fragment is a few kilobytes of markup an outlet's CMS wrote, so tags are
 * cut by pattern: block tags end a paragraph, inline tags vanish, script and
 * style go with their content, and character references are decoded.
 *
 * Pure: no runtime imports.
 */
import { decodeEntities, withoutControls } from './decode-entities.js'

/** Elements dropped with everything inside them. */
const DROPPED = /<(script|style|noscript|iframe|object|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi

/** Tags that end a line of text (block-level elements and line breaks). */
const BREAKING = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|th|section|article|header|footer|pre|hr)\b[^>]*>/gi

/**
 * Paragraphs of an HTML fragment (plain text passes through, one paragraph
 * per line).
 *
 * @example
 * htmlToParagraphs('<p>Giá xăng &amp; dầu</p><p>giảm <b>500</b> đồng.</p>') // => ['Giá xăng & dầu', 'giảm 500 đồng.']
 */
export function htmlToParagraphs(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(DROPPED, '\n')
    .replace(BREAKING, '\n')
    .replace(/<[^>]*>/g, '')
  return text
    .split('\n')
    .map((line) => withoutControls(decodeEntities(line)).replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
}

/**
 * One line of text from HTML (a title that an outlet escaped or tagged).
 *
 * @example
 * htmlToLine('Gi&aacute; <em>v&agrave;ng</em>\n tăng') // => 'Giá vàng tăng'
 */
export function htmlToLine(html: string): string {
  return htmlToParagraphs(html).join(' ')
}

/**
 * The first image source in an HTML fragment (feeds put the article's picture
 * in the description), or null.
 *
 * @example
 * firstImageOf('<a href="/a"><img src="https://i.example.vn/1.jpg" /></a> Sapo') // => 'https://i.example.vn/1.jpg'
 */
export function firstImageOf(html: string): string | null {
  const match = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/i.exec(html)
  const src = match?.[1] ?? match?.[2] ?? match?.[3]
  return src === undefined ? null : decodeEntities(src.trim())
}
