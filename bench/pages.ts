/**
 * `npm run bench:pages`: how large the reading pages and feeds are on real
 * news, and how many stored values each reads. The VN-MDS dev set (329
 * reports, each credited to its outlet's domain, with its URL and date) is
 * ingested in publication order through the real Worker (wrangler dev, the
 * Newsroom, local KV); then the front pages, the largest story, a report,
 * the busiest outlet, every feed, the sitemap, a search page with many hits
 * (and its next page) and the feeds of a search are fetched and measured
 * gzipped (level 9, what a CDN serves is close to it). Target: a page's HTML
 * ≤ 30 KB gzipped. Skips with a message without ../shared/vnmds/dev.jsonl.
 */
import { gzipSync } from 'node:zlib'
import { LOCAL_TOKEN, startWorker, waitUntil } from '../scripts/dev-worker.js'
import { outletSlugOf } from '../src/store/outlet-slug.js'
import { isoFromVnmds, loadDevSet, outletOf } from './vnmds.js'

const PAGE_TARGET_BYTES = 30 * 1024

const clusters = loadDevSet()
if (clusters !== null) {
  const reports = clusters
    .flatMap((cluster) => cluster.documents)
    .map((doc) => ({ doc, publishedAt: isoFromVnmds(doc.publishedAt) }))
    .sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt))
  const worker = await startWorker()
  try {
    let last = ''
    for (const { doc, publishedAt } of reports) {
      const res = await fetch(`${worker.base}/v1/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': 'application/json' },
        // An outlet the URL does not name is left unnamed, as a report without a credit is.
        body: JSON.stringify({ title: doc.title, lead: doc.sapo, body: doc.body, publishedAt, url: doc.url, ...(outletOf(doc.url) === 'unknown' ? {} : { source: outletOf(doc.url) }) }),
      })
      if (!res.ok) throw new Error(`ingest failed: ${res.status} ${await res.text()}`)
      last = ((await res.json()) as { storyId: string }).storyId
    }
    // The Newsroom writes the heads after answering (at most a second later): wait for the last story to lead the front page.
    await waitUntil(`${worker.base}/`, async (res) => (await res.text()).includes(`/stories/${last}"`))

    const stories = (await (await fetch(`${worker.base}/v1/stories?limit=100`)).json()) as { items: { id: string; articleCount: number; sources: string[] }[] }
    const largest = [...stories.items].sort((a, b) => b.articleCount - a.articleCount)[0]
    const story = largest === undefined ? null : ((await (await fetch(`${worker.base}/v1/stories/${largest.id}`)).json()) as { articles: { id: string }[] })
    const outletCounts = new Map<string, number>()
    for (const { doc } of reports) if (outletOf(doc.url) !== 'unknown') outletCounts.set(outletOf(doc.url), (outletCounts.get(outletOf(doc.url)) ?? 0) + 1)
    const busiest = [...outletCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
    const slug = outletSlugOf(busiest) ?? ''

    const front = await (await fetch(`${worker.base}/`)).text()
    const second = /<a href="(\/\?cursor=[^"]+)" rel="next">/.exec(front)?.[1]?.replaceAll('&amp;', '&') ?? '/'
    const third = /<a href="(\/\?cursor=[^"]+)" rel="next">/.exec(await (await fetch(`${worker.base}${second}`)).text())?.[1]?.replaceAll('&amp;', '&') ?? '/'
    // A search with many hits: a full results page, its next page, and the feeds of the same search.
    const search = `/search?q=${encodeURIComponent('Việt Nam')}`
    const searchNext = /<a href="(\/search\?[^"]+)" rel="next">/.exec(await (await fetch(`${worker.base}${search}`)).text())?.[1]?.replaceAll('&amp;', '&') ?? search
    const rows: [string, string][] = [
      ['front page (25 stories, stored digests)', '/'],
      ['front page 2 (stored digests)', second],
      ['front page 3 (from the Newsroom)', third],
      [`largest story page (${largest?.articleCount ?? 0} reports)`, `/stories/${largest?.id ?? ''}`],
      ['a report page', `/articles/${story?.articles[0]?.id ?? ''}`],
      [`busiest outlet page (${busiest}, ${outletCounts.get(busiest) ?? 0} reports)`, `/sources/${slug}`],
      ['Atom feed (50 stories)', '/feeds/stories.atom'],
      ['RSS feed (50 stories)', '/feeds/stories.rss'],
      ['JSON Feed (50 stories)', '/feeds/stories.json'],
      [`Atom feed of ${busiest}`, `/feeds/stories.atom?source=${slug}`],
      ['sitemap (100 stories)', '/sitemap.xml'],
      ['search page "Việt Nam" (20 hits with snippets)', search],
      ['search page "Việt Nam", next page', searchNext],
      ['Atom feed of "viet nam"', '/feeds/stories.atom?q=viet+nam'],
      ['JSON Feed of "viet nam" from vov.vn', `/feeds/stories.json?source=vov-vn&q=viet+nam`],
    ]
    console.log(`VN-MDS dev: ${reports.length} reports ingested, ${stories.items.length} stories in the newest 100`)
    console.log(`${'what'.padEnd(52)} ${'bytes'.padStart(8)} ${'gzip'.padStart(8)}  reads`)
    for (const [label, path] of rows) {
      const res = await fetch(`${worker.base}${path}`)
      if (!res.ok) throw new Error(`${path}: ${res.status}`)
      const body = await res.text()
      const gzipped = gzipSync(body, { level: 9 }).length
      const timing = res.headers.get('Server-Timing') ?? ''
      const reads = Number(/desc="(\d+) reads"/.exec(timing)?.[1] ?? 0) + Number(/desc="(\d+) hits"/.exec(timing)?.[1] ?? 0)
      const isPage = (res.headers.get('Content-Type') ?? '').startsWith('text/html')
      const mark = isPage ? (gzipped <= PAGE_TARGET_BYTES ? '' : '  OVER 30 KB') : ''
      console.log(`${label.padEnd(52)} ${String(Buffer.byteLength(body)).padStart(8)} ${String(gzipped).padStart(8)}  ${reads}${mark}`)
    }
  } finally {
    await worker.stop()
  }
}
