/**
 * One streaming HTMLRewriter pass over an article page, feeding
 * PageCollector (page-collect.ts) its open, close and text events; then the
 * extraction rules (page-extract.ts) read the article out of what it
 * collected. HTMLRewriter is workerd's streaming HTML parser (lol-html): no
 * DOM is built, so a 2 MB page costs a pass, not a tree.
 */
import { PageCollector } from './page-collect.js'
import { extractArticle, type PageArticle } from './page-extract.js'

/**
 * Read an article page (already decoded to text).
 *
 * @example
 * const article = await readArticlePage(html, 'https://tin.example.vn/a.html')
 */
export async function readArticlePage(html: string, pageUrl: string): Promise<PageArticle> {
  const collector = new PageCollector()
  const rewriter = new HTMLRewriter()
    .on('*', {
      element(element) {
        const handle = collector.open(element.tagName, (name) => element.getAttribute(name))
        if (handle < 0) return
        try {
          element.onEndTag(() => collector.close(handle))
        } catch {
          // A self-closing foreign element (<path/> in SVG) has no end tag: it ends here.
          collector.close(handle)
        }
      },
    })
    .onDocument({
      text(chunk) {
        collector.text(chunk.text)
      },
    })
  await rewriter.transform(new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })).arrayBuffer()
  return extractArticle(collector.result(), pageUrl)
}
