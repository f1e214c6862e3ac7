/**
 * `npm run bench:speed`: CPU time per summary and per summary request in
 * Node, with the real modules.
 *
 * - Story: every dev cluster with 5 reports (the issue's size), as delivered
 *   (title, lead, body), planned and summarized at the default 120 words —
 *   what the writer does when a report joins. Target ≤ 3 ms.
 * - Article: every dev report at the default 60 words. Target ≤ 1 ms.
 * - A long-running story (every dev report as one story of 329): the worst
 *   case an ingest pays, bounded by MAX_SUMMARY_REPORTS.
 * - The worst GET: a summary of the largest article bantin accepts (100,000
 *   characters), at the largest length a request may ask (500 words, or 30
 *   sentences), through what the route runs: the stored plan read and checked
 *   (JSON parse, schema, ETag; the hot cache cleared so every call pays it),
 *   the selection, the answer serialized and tagged. Target ≤ 5 ms. Writing
 *   that plan (the ingest's share) is timed beside it.
 *
 * Without ../shared it times the two sample articles of data/ instead.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { prepareFromJson, prepareFromText } from '../src/ingest/prepare.js'
import { MAX_ARTICLE_CHARACTERS } from '../src/ingest/limits.js'
import { MAX_SUMMARY_SENTENCES, MAX_SUMMARY_WORDS } from '../src/routes/queries.js'
import { etagOf, hotClear } from '../src/store/hot-cache.js'
import { articlePlanKey } from '../src/store/keys.js'
import { newReadStats, storeReader } from '../src/store/kv.js'
import type { Article } from '../src/store/schemas.js'
import type { SummaryArticle } from '../src/summarize/candidates.js'
import { MAX_SUMMARY_REPORTS, summarizeStory } from '../src/summarize/multi-document.js'
import { summarizeArticle } from '../src/summarize/single-document.js'
import { articleSummaries, articleSummaryFromPlan } from '../src/writer/summaries.js'
import { prepareClusters } from './quality.js'
import { loadDevSet } from './vnmds.js'

/** Repeat each measurement until this much CPU time has passed, for stable means. */
const MIN_CPU_MS = 2000

function cpuMsPerCall(label: string, inputs: readonly (() => unknown)[]): number {
  for (const run of inputs) run() // warm the JIT
  let calls = 0
  const start = process.cpuUsage()
  let elapsed = 0
  while (elapsed < MIN_CPU_MS * 1000) {
    for (const run of inputs) run()
    calls += inputs.length
    const used = process.cpuUsage(start)
    elapsed = used.user + used.system
  }
  const perCall = elapsed / 1000 / calls
  console.log(`  ${label.padEnd(58)} ${perCall.toFixed(3)} ms CPU (${calls} calls)`)
  return perCall
}

async function sampleArticles(): Promise<SummaryArticle[]> {
  const dir = new URL('../data/', import.meta.url)
  return Promise.all(
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => prepareFromText(readFileSync(new URL(name, dir), 'utf8'), {})),
  )
}

/** The largest article ingest accepts, made of real paragraphs (dev bodies, or the samples repeated). */
async function largestArticle(paragraphs: readonly string[]): Promise<Article> {
  const body: string[] = []
  let length = 0
  for (let i = 0; length < MAX_ARTICLE_CHARACTERS - 5_000; i++) {
    const paragraph = paragraphs[i % paragraphs.length] as string
    // Vary repeats so no paragraph is dropped as printed twice.
    const text = i < paragraphs.length ? paragraph : `${paragraph} (${i})`
    body.push(text)
    length += text.length + 1
  }
  const prepared = await prepareFromJson({ title: 'Bài dài nhất bantin nhận', paragraphs: body, publishedAt: '2026-11-20' })
  const { contentHash: _hash, ...fields } = prepared
  return { ...fields, ingestedAt: '2026-11-25T00:00:00.000Z', updatedAt: '2026-11-25T00:00:00.000Z' }
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`)
  const clusters = loadDevSet()
  let stories: SummaryArticle[][]
  let articles: SummaryArticle[]
  if (clusters === null) {
    console.log('  (timing the two sample articles of data/ instead)')
    articles = await sampleArticles()
    stories = [articles]
  } else {
    const prepared = await prepareClusters(clusters)
    stories = prepared.filter((c) => c.delivered.length === 5).map((c) => c.delivered)
    articles = prepared.flatMap((c) => c.reports)
  }
  const story = cpuMsPerCall(
    `story summary, ${stories[0]?.length ?? 0} reports as delivered, words=120`,
    stories.map((reports) => () => summarizeStory('s', reports, { words: 120 })),
  )
  const article = cpuMsPerCall(
    'article summary, words=60',
    articles.map((a) => () => summarizeArticle(a, { words: 60 })),
  )
  const long = articles.length > MAX_SUMMARY_REPORTS ? articles : []
  if (long.length > 0) cpuMsPerCall(`story summary, ${long.length} reports (reads ${MAX_SUMMARY_REPORTS})`, [() => summarizeStory('s', long, { words: 120 })])

  const largest = await largestArticle(articles.flatMap((a) => a.paragraphs))
  const planned = articleSummaries(largest)
  const raw = JSON.stringify(planned.plan)
  const key = articlePlanKey(largest.id)
  const kv = { get: async () => raw } as unknown as KVNamespace
  console.log(`  largest accepted article: ${largest.paragraphs.join(' ').length} characters, ${largest.wordCount} words; stored plan ${(raw.length / 1024).toFixed(1)} KiB`)
  cpuMsPerCall('writing its plan and default summary (once per ingest)', [() => articleSummaries(largest)])
  let worst = 0
  for (const budget of [{ words: MAX_SUMMARY_WORDS }, { words: Number.POSITIVE_INFINITY, sentences: MAX_SUMMARY_SENTENCES }]) {
    const perGet = await asyncCpuMsPerCall(
      `GET …/summary?${budget.sentences === undefined ? `words=${budget.words}` : `sentences=${budget.sentences}`} on it (read, check, select, serialize)`,
      async () => {
        hotClear()
        const stored = await storeReader(kv, newReadStats()).articlePlan(largest.id)
        if (stored === null) throw new Error(`no plan under ${key}`)
        const json = JSON.stringify(articleSummaryFromPlan(stored.value, budget))
        return etagOf(json)
      },
    )
    worst = Math.max(worst, perGet)
  }
  console.log(`  targets: story ≤ 3 ms (${story <= 3 ? 'met' : 'MISSED'}), article ≤ 1 ms (${article <= 1 ? 'met' : 'MISSED'}), worst GET ≤ 5 ms (${worst <= 5 ? 'met' : 'MISSED'})`)
}

async function asyncCpuMsPerCall(label: string, run: () => Promise<unknown>): Promise<number> {
  await run()
  let calls = 0
  const start = process.cpuUsage()
  let elapsed = 0
  while (elapsed < MIN_CPU_MS * 1000) {
    await run()
    calls += 1
    const used = process.cpuUsage(start)
    elapsed = used.user + used.system
  }
  const perCall = elapsed / 1000 / calls
  console.log(`  ${label.padEnd(58)} ${perCall.toFixed(3)} ms CPU (${calls} calls)`)
  return perCall
}

await main()
