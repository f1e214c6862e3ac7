/**
 * `npm run bench:quality`: ROUGE of bantin's summaries on the VN-MDS dev set
 * (protocol in ../shared/vnmds/README.md), with the baselines computed by the
 * same code beside them.
 *
 * (a) Story: every report of a cluster, oldest first, summarized at words=200,
 *     cut at 200 syllables, scored against both references, averaged.
 *     Baseline: lead round-robin (first sentence of each report, then the second, …).
 * (b) Article: each report ingested without its sapo (through the real ingest
 *     code), summarized at words=50, cut at 50 syllables, scored against its sapo.
 *     Baseline: the first three sentences; also printed without photo captions,
 *     which the baseline quotes and bantin never does.
 *
 * `--folds` also prints both halves of the dev set (odd and even clusters), so
 * a change that only helps one half shows.
 */
import { prepareFromJson } from '../src/ingest/prepare.js'
import type { SummaryArticle } from '../src/summarize/candidates.js'
import type { FeatureWeights } from '../src/summarize/features.js'
import { summarizeStory } from '../src/summarize/multi-document.js'
import { summarizeArticle } from '../src/summarize/single-document.js'
import { segmentSentences, splitSentences } from '../src/text/sentences.js'
import { type Rouge, meanRouge, rouge } from './rouge.js'
import { type VnmdsCluster, isoFromVnmds, loadDevSet } from './vnmds.js'

const STORY_WORDS = 200
const ARTICLE_WORDS = 50

export type PreparedCluster = { cluster: number; references: string[]; reports: (SummaryArticle & { sapo: string })[] }

/** Each report through the real ingest code (JSON, without its sapo), oldest first. */
export async function prepareClusters(clusters: readonly VnmdsCluster[]): Promise<PreparedCluster[]> {
  return Promise.all(
    clusters.map(async (cluster) => {
      const documents = [...cluster.documents].sort((a, b) => isoFromVnmds(a.publishedAt).localeCompare(isoFromVnmds(b.publishedAt)))
      const reports = await Promise.all(
        documents.map(async (doc) => {
          const article = await prepareFromJson({ title: doc.title, body: doc.body, publishedAt: isoFromVnmds(doc.publishedAt) })
          return { id: article.id, title: article.title, lead: article.lead, paragraphs: article.paragraphs, sapo: doc.sapo }
        }),
      )
      return { cluster: cluster.cluster, references: cluster.references, reports }
    }),
  )
}

function sentencesOf(report: SummaryArticle): string[] {
  return [report.lead ?? '', ...report.paragraphs].flatMap((p) => splitSentences(p))
}

/** Sentences that are not photo captions or credits: what a summary may quote. */
function reportingSentencesOf(report: SummaryArticle): string[] {
  return [report.lead ?? '', ...report.paragraphs].flatMap((p) => segmentSentences(p).filter((s) => !s.caption).map((s) => s.text))
}

function leadRoundRobin(reports: readonly SummaryArticle[], words: number): string {
  const queues = reports.map(sentencesOf)
  const out: string[] = []
  let used = 0
  for (let round = 0; used < words && queues.some((q) => q.length > round); round++) {
    for (const queue of queues) {
      const sentence = queue[round]
      if (sentence === undefined || used >= words) continue
      out.push(sentence)
      used += sentence.split(/\s+/).length
    }
  }
  return out.join(' ')
}

export type QualityReport = { story: Rouge; storyBaseline: Rouge; article: Rouge; articleBaseline: Rouge; articleBaselineNoCaptions: Rouge }

/** Score the summarizers (with the shipped weights unless `models` is given) and the baselines. */
export function scoreClusters(prepared: readonly PreparedCluster[], models?: { story: FeatureWeights; article: FeatureWeights }): QualityReport {
  const story: Rouge[] = []
  const storyBaseline: Rouge[] = []
  const article: Rouge[] = []
  const articleBaseline: Rouge[] = []
  const articleBaselineNoCaptions: Rouge[] = []
  for (const cluster of prepared) {
    const summary = summarizeStory(String(cluster.cluster), cluster.reports, { words: STORY_WORDS }, models)
    story.push(rouge(summary.text, cluster.references, STORY_WORDS))
    storyBaseline.push(rouge(leadRoundRobin(cluster.reports, STORY_WORDS), cluster.references, STORY_WORDS))
    for (const report of cluster.reports) {
      const single = summarizeArticle(report, { words: ARTICLE_WORDS }, models?.article)
      article.push(rouge(single.text, [report.sapo], ARTICLE_WORDS))
      articleBaseline.push(rouge(sentencesOf(report).slice(0, 3).join(' '), [report.sapo], ARTICLE_WORDS))
      articleBaselineNoCaptions.push(rouge(reportingSentencesOf(report).slice(0, 3).join(' '), [report.sapo], ARTICLE_WORDS))
    }
  }
  return { story: meanRouge(story), storyBaseline: meanRouge(storyBaseline), article: meanRouge(article), articleBaseline: meanRouge(articleBaseline), articleBaselineNoCaptions: meanRouge(articleBaselineNoCaptions) }
}

function format(r: Rouge): string {
  return `R1 ${r.r1.toFixed(1)}  R2 ${r.r2.toFixed(1)}  RL ${r.rl.toFixed(1)}`
}

export function printReport(label: string, report: QualityReport): void {
  console.log(`${label}`)
  console.log(`  story   (words=${STORY_WORDS}, 2 refs)  bantin ${format(report.story)}   | lead round-robin ${format(report.storyBaseline)}`)
  const article = `  article (words=${ARTICLE_WORDS}, sapo)    bantin ${format(report.article)}   | `
  console.log(`${article}first 3 sentences ${format(report.articleBaseline)}`)
  // The official baseline quotes photo captions, which bantin's summaries never do; this one is the like-for-like comparison.
  console.log(`${' '.repeat(article.length - 2)}| first 3 without photo captions ${format(report.articleBaselineNoCaptions)}`)
}

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const prepared = await prepareClusters(clusters)
  printReport(`VN-MDS dev: ${clusters.length} clusters, ${prepared.reduce((n, c) => n + c.reports.length, 0)} reports`, scoreClusters(prepared))
  if (process.argv.includes('--folds')) {
    printReport('  odd clusters', scoreClusters(prepared.filter((c) => c.cluster % 2 === 1)))
    printReport('  even clusters', scoreClusters(prepared.filter((c) => c.cluster % 2 === 0)))
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
