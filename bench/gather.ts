/**
 * `npm run bench:gather`: gathering end to end, on loopback. The VN-MDS dev
 * reports (../shared/vnmds/dev.jsonl, or VNMDS_PATH) become article pages in
 * the five fixture layouts (scripts/outlet-layouts.ts), served by five local
 * outlets (one per layout, each its own host for politeness); `wrangler dev`
 * runs the real Worker with ALLOW_LOCAL_SOURCES=true; each outlet's feed is
 * registered and one Cron event is fired. Then:
 *
 *  - extraction: every stored article against what its page holds, put
 *    through the same ingest cleaning (`prepareFromJson`): body syllable F1
 *    (lead and paragraphs), headline exact, date exact (same instant).
 *    Targets: F1 ≥ 0.97, headline and date ≥ 0.99.
 *  - consumer throughput: pages stored per second, from the Cron event to
 *    the last article (the outlets ask for no Crawl-delay, so this is the
 *    consumer's capacity, not the politeness limit).
 *  - feed item → story summary: one new item added to a feed, a Cron event,
 *    and the time until its story (and so its summary, written with it)
 *    lists the article; five times, one per outlet.
 */
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { prepareFromJson } from '../src/ingest/prepare.js'
import { articleIdOf, canonicalUrl } from '../src/store/ids.js'
import { segmentSentences } from '../src/text/sentences.js'
import { toSyllables } from '../src/text/syllables.js'
import { LOCAL_TOKEN, startWorker } from '../scripts/dev-worker.js'
import { type LocalOutlet, startOutlet } from '../scripts/local-outlet.mjs'
import { type Furniture, LAYOUTS, type Layout, type OutletArticle, pagePath, renderPage, renderRss } from '../scripts/outlet-layouts.js'
import { isoFromVnmds, loadDevSet, outletOf } from './vnmds.js'

const TARGET_F1 = 0.97
const TARGET_EXACT = 0.99
/** Sentences per paragraph when a report's one-blob body is laid out as a page. */
const SENTENCES_PER_PARAGRAPH = 3
/** Reports kept back from the first run, one per outlet, to time a new item's way to its story summary. */
const LATENCY_RUNS = LAYOUTS.length
const DONE_TIMEOUT_MS = 600_000

type Outlet = LocalOutlet
type Page = { article: OutletArticle; layout: Layout; outlet: number; url: string }
type Stored = { id: string; title: string; lead: string | null; paragraphs: string[]; publishedAt: string | null; storyId: string; url: string | null; gathered?: { from: string } }

/** A closing signature: a short all-capitals name (`NGUYỆT PHƯƠNG`, `MINH ANH - LAN HƯƠNG`). */
const SIGNATURE = /^[\p{Lu}][\p{Lu}\s.\-–]{2,60}$/u

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const documents = clusters.flatMap((cluster) => cluster.documents)
  const furniture = furnitureOf(documents.map((doc) => doc.title))
  const pages: Page[] = documents.map((doc, i) => ({ article: articleOf(doc), layout: LAYOUTS[i % LAYOUTS.length] ?? 'express', outlet: i % LAYOUTS.length, url: '' }))
  const held = new Set(pages.slice(-LATENCY_RUNS))
  const outlets: Outlet[] = []
  for (let o = 0; o < LAYOUTS.length; o++) outlets.push(await startOutlet(new Map([['/robots.txt', 'User-agent: *\nDisallow: /tim-kiem\nCrawl-delay: 0\n']])))
  for (const page of pages) {
    const outlet = outlets[page.outlet]
    if (outlet === undefined) continue
    page.url = canonicalUrl(`${outlet.origin}${pagePath(page.article, page.layout)}`)
    outlet.files.set(pagePath(page.article, page.layout), renderPage(page.article, page.layout, furniture, `Báo Mẫu ${page.outlet + 1}`))
  }
  const publishFeed = (o: number) => {
    const listed = pages.filter((page) => page.outlet === o && !held.has(page))
    outlets[o]?.files.set(
      '/rss.xml',
      renderRss(
        listed.reverse().map(({ article, layout }) => ({ article, layout })),
        `Báo Mẫu ${o + 1}`,
      ),
    )
  }
  for (let o = 0; o < outlets.length; o++) publishFeed(o)

  const worker = await startWorker(['--var', 'ALLOW_LOCAL_SOURCES:true'])
  const sourceIds: string[] = []
  try {
    for (const [o, outlet] of outlets.entries()) {
      const res = await fetch(`${worker.base}/v1/sources`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ feedUrl: `${outlet.origin}/rss.xml`, name: `Báo Mẫu ${o + 1}` }),
      })
      if (res.status !== 201) throw new Error(`registering outlet ${o + 1}: ${res.status} ${await res.text()}`)
      sourceIds.push(((await res.json()) as { id: string }).id)
    }
    const bulk = pages.filter((page) => !held.has(page))
    console.log(`${bulk.length} pages in ${LAYOUTS.length} layouts on ${outlets.length} local outlets; firing one Cron event…`)
    const started = performance.now()
    await cron(worker.base)
    const stored = await waitForArticles(worker.base, bulk)
    const seconds = (performance.now() - started) / 1000
    await scoreExtraction(bulk, stored)
    console.log(
      `\nconsumer throughput: ${bulk.length} pages fetched, read and stored in ${seconds.toFixed(1)} s = ${(bulk.length / seconds).toFixed(1)} pages/s (Cron event to last article; wrangler dev, 2 shared cores)`,
    )

    const toArticle: number[] = []
    const toStory: number[] = []
    for (const page of held) {
      held.delete(page)
      publishFeed(page.outlet)
      // The source was checked a moment ago: an operator's pause and resume makes it due at once.
      await rearm(worker.base, sourceIds[page.outlet] as string)
      const t0 = performance.now()
      await cron(worker.base)
      const times = await untilInStory(worker.base, page)
      toArticle.push(times.article - t0)
      toStory.push(times.story - t0)
    }
    console.log(`feed item → article readable: ${spread(toArticle)}; → its story and story summary readable with it: ${spread(toStory)} (${toStory.length} new items, one Cron event each)`)
  } finally {
    await worker.stop()
    for (const outlet of outlets) await outlet.stop()
  }
}

/** A dev report as an outlet's page holds it: paragraphs of three sentences, captions as figures, the signature apart. */
function articleOf(doc: { id: string; title: string; sapo: string; publishedAt: string; url: string; body: string }): OutletArticle {
  const sentences = segmentSentences(doc.body)
  const captions = sentences.filter((sentence) => sentence.caption).map((sentence) => sentence.text)
  const prose = sentences.filter((sentence) => !sentence.caption).map((sentence) => sentence.text)
  const last = prose.at(-1)
  const author = last !== undefined && SIGNATURE.test(last) && last.split(/\s+/).length <= 6 ? last : null
  if (author !== null) prose.pop()
  const paragraphs: string[] = []
  for (let i = 0; i < prose.length; i += SENTENCES_PER_PARAGRAPH) paragraphs.push(prose.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '))
  return {
    slug: `bai-${doc.id}`,
    title: doc.title,
    lead: doc.sapo.trim() === '' ? null : doc.sapo,
    paragraphs,
    captions,
    author: author === null ? null : titleCase(author),
    publishedAt: isoFromVnmds(doc.publishedAt),
    section: outletOf(doc.url)
      .replace(/^www\./, '')
      .replace(/\./g, '-'),
  }
}

/** Fire the Cron handler now, through wrangler's --test-scheduled route. */
async function cron(base: string): Promise<void> {
  const res = await fetch(`${base}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`)
  if (!res.ok) throw new Error(`the Cron trigger answered ${res.status}`)
}

/** Pause and resume a source (PUT /v1/sources/:id): resuming makes it due now. */
async function rearm(base: string, id: string): Promise<void> {
  for (const paused of [true, false]) {
    const res = await fetch(`${base}/v1/sources/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ paused }),
    })
    if (!res.ok) throw new Error(`pausing source ${id}: ${res.status} ${await res.text()}`)
  }
}

/** Poll until every page's article is stored (or the pages stop changing), then read them all. */
async function waitForArticles(base: string, pages: readonly Page[]): Promise<Map<string, Stored>> {
  const ids = new Map(await Promise.all(pages.map(async (page) => [await articleIdOf(page.url, ''), page.url] as const)))
  const found = new Map<string, Stored>()
  const deadline = Date.now() + DONE_TIMEOUT_MS
  while (found.size < ids.size && Date.now() < deadline) {
    for (const [id, url] of ids) {
      if (found.has(url)) continue
      const res = await fetch(`${base}/v1/articles/${id}`)
      if (res.ok) found.set(url, (await res.json()) as Stored)
    }
    if (found.size < ids.size) await sleep(250)
  }
  if (found.size < ids.size) console.log(`only ${found.size} of ${ids.size} pages stored within ${DONE_TIMEOUT_MS / 1000} s`)
  return found
}

async function scoreExtraction(pages: readonly Page[], stored: Map<string, Stored>): Promise<void> {
  let f1Sum = 0
  let titles = 0
  let dates = 0
  let fromItems = 0
  const byLayout = new Map<Layout, { n: number; f1: number }>()
  const worst: { url: string; f1: number }[] = []
  for (const page of pages) {
    const got = stored.get(page.url)
    const known = await prepareFromJson({
      title: page.article.title,
      ...(page.article.lead === null ? {} : { lead: page.article.lead }),
      paragraphs: page.article.paragraphs,
      url: page.url,
      ...(page.article.publishedAt === null ? {} : { publishedAt: page.article.publishedAt }),
    })
    const f1 = got === undefined ? 0 : syllableF1([got.lead ?? '', ...got.paragraphs].join(' '), [known.lead ?? '', ...known.paragraphs].join(' '))
    f1Sum += f1
    if (got !== undefined && got.title === known.title) titles += 1
    if (got !== undefined && got.publishedAt !== null && known.publishedAt !== null && Date.parse(got.publishedAt) === Date.parse(known.publishedAt)) dates += 1
    if (got?.gathered?.from === 'feed-item') fromItems += 1
    const layout = byLayout.get(page.layout) ?? { n: 0, f1: 0 }
    byLayout.set(page.layout, { n: layout.n + 1, f1: layout.f1 + f1 })
    worst.push({ url: page.url, f1 })
  }
  const n = pages.length
  const mark = (value: number, target: number) => `${value.toFixed(3)} (target ≥ ${target}: ${value >= target ? 'met' : 'MISSED'})`
  console.log(`\nextraction on ${n} pages (${stored.size} stored, ${fromItems} from the feed item):`)
  console.log(`  body syllable F1 ${mark(f1Sum / n, TARGET_F1)}`)
  console.log(`  headline exact   ${mark(titles / n, TARGET_EXACT)}`)
  console.log(`  date exact       ${mark(dates / n, TARGET_EXACT)}`)
  console.log(`  F1 by layout: ${[...byLayout].map(([layout, s]) => `${layout} ${(s.f1 / s.n).toFixed(3)}`).join(', ')}`)
  worst.sort((a, b) => a.f1 - b.f1)
  console.log(
    `  lowest: ${worst
      .slice(0, 3)
      .map((w) => `${w.f1.toFixed(3)} ${w.url}`)
      .join('; ')}`,
  )
}

/** F1 of the syllable multisets (the dev set's ROUGE-1 tokenization: NFC, lowercase, letters and digits, one tone convention). */
function syllableF1(candidate: string, reference: string): number {
  const counts = new Map<string, number>()
  const ref = toSyllables(reference)
  for (const token of ref) counts.set(token, (counts.get(token) ?? 0) + 1)
  const cand = toSyllables(candidate)
  let overlap = 0
  for (const token of cand) {
    const left = counts.get(token) ?? 0
    if (left > 0) {
      overlap += 1
      counts.set(token, left - 1)
    }
  }
  if (overlap === 0) return 0
  const precision = overlap / cand.length
  const recall = overlap / ref.length
  return (2 * precision * recall) / (precision + recall)
}

/**
 * When the new item's article became readable, and when its story did with
 * it (the story and its summary are written together). Both as a reader
 * polling every 50 ms sees them: through KV and the read path's hot cache.
 */
async function untilInStory(base: string, page: Page): Promise<{ article: number; story: number }> {
  const id = await articleIdOf(page.url, '')
  const deadline = Date.now() + 60_000
  let article: number | null = null
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/v1/articles/${id}`)
    if (res.ok) {
      article ??= performance.now()
      const { storyId } = (await res.json()) as Stored
      const story = await fetch(`${base}/v1/stories/${storyId}`)
      const summary = await fetch(`${base}/v1/stories/${storyId}/summary`)
      if (story.ok && summary.ok && ((await story.json()) as { articles: { id: string }[] }).articles.some((member) => member.id === id)) return { article, story: performance.now() }
    }
    await sleep(50)
  }
  throw new Error(`${page.url} did not reach its story within 60 s`)
}

function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  return `median ${((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000).toFixed(1)} s, max ${((sorted.at(-1) ?? 0) / 1000).toFixed(1)} s`
}

/** Other stories' headlines and readers' comments around each article (the same for every page). */
function furnitureOf(titles: readonly string[]): Furniture {
  return {
    related: titles.slice(0, 6),
    comments: ['Mong cơ quan chức năng sớm vào cuộc làm rõ, xử lý nghiêm để người dân yên tâm.', 'Thông tin rất hữu ích, cảm ơn tòa soạn đã đưa tin kịp thời.'],
  }
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
}

await main()
