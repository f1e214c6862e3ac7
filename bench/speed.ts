/**
 * `npm run bench:speed`: CPU time per summary in Node, with the real modules.
 * Story: every dev cluster with 5 reports (the size), summarized at the
 * default 120 words. Article: every dev report at the default 60 words.
 * Targets: ≤ 5 ms per story summary, ≤ 1 ms per article summary.
 * Also a long-running story (every dev report as one story of 329): the worst
 * case an ingest pays, bounded by MAX_SUMMARY_REPORTS.
 * Without ../shared it times the two sample articles of data/ instead.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { prepareFromText } from '../src/ingest/prepare.js'
import type { SummaryArticle } from '../src/summarize/candidates.js'
import { MAX_SUMMARY_REPORTS, summarizeStory } from '../src/summarize/multi-document.js'
import { summarizeArticle } from '../src/summarize/single-document.js'
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
  console.log(`  ${label.padEnd(44)} ${perCall.toFixed(3)} ms CPU per summary (${calls} calls)`)
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
    stories = prepared.filter((c) => c.reports.length === 5).map((c) => c.reports)
    articles = prepared.flatMap((c) => c.reports)
  }
  const story = cpuMsPerCall(`story summary, ${stories[0]?.length ?? 0} reports, words=120`, stories.map((reports) => () => summarizeStory('s', reports, { words: 120 })))
  const article = cpuMsPerCall('article summary, words=60', articles.map((a) => () => summarizeArticle(a, { words: 60 })))
  const long = articles.length > MAX_SUMMARY_REPORTS ? articles : []
  if (long.length > 0) cpuMsPerCall(`story summary, ${long.length} reports (reads ${MAX_SUMMARY_REPORTS})`, [() => summarizeStory('s', long, { words: 120 })])
  console.log(`  targets: story ≤ 5 ms (${story <= 5 ? 'met' : 'MISSED'}), article ≤ 1 ms (${article <= 1 ? 'met' : 'MISSED'})`)
}

await main()
