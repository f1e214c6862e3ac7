/**
 * `npm run bench:quality`: ROUGE of bantin's summaries on the VN-MDS dev set
 * (protocols in ../shared/vnmds/README.md), with the baselines computed by the
 * same code beside them. Reports reach the summarizer through the real ingest
 * code (`prepareFromJson`), as a client's would.
 *
 * (a) Story, as delivered (the main protocol): each report ingested with its
 *     title, its lead (sapo, dateline tag and all) and its body; words=200,
 *     cut at 200 syllables, scored against both references, averaged.
 *     Beside it the same with the leads withheld. Baseline: lead round-robin
 *     (first sentence of each report, then the second, …) over lead + body,
 *     and over bodies for the withheld run.
 * (b) Short story: as delivered, words=40, cut at 40 syllables, against the
 *     first 40 syllables of each reference. Baselines: the first body sentence
 *     of the earliest report; the earliest report's lead, dateline tag removed.
 * (c) Article: each report ingested without its sapo, words=50, cut at 50
 *     syllables, against that sapo. Baseline: the first three sentences; also
 *     printed without photo captions, which the baseline quotes and bantin never does.
 * (d) Hygiene (bench/hygiene.ts) over every story summary at words=20, 40 and
 *     200, as delivered.
 *
 * `--folds` also prints both halves of the dev set (odd and even clusters), so
 * a change that only helps one half shows. `--examples` prints the short
 * summaries beside their references, to read.
 */
import { prepareFromJson } from '../src/ingest/prepare.js'
import type { SummaryArticle } from '../src/summarize/candidates.js'
import type { FeatureWeights } from '../src/summarize/features.js'
import { summarizeStory } from '../src/summarize/multi-document.js'
import { summarizeArticle } from '../src/summarize/single-document.js'
import { stripDateline } from '../src/text/dateline.js'
import { segmentSentences, splitSentences } from '../src/text/sentences.js'
import { type HygieneCounts, addHygiene, emptyHygiene, formatHygiene } from './hygiene.js'
import { type Rouge, meanRouge, rouge, rougeTokens } from './rouge.js'
import { type VnmdsCluster, isoFromVnmds, loadDevSet } from './vnmds.js'

const STORY_WORDS = 200
const SHORT_WORDS = 40
const ARTICLE_WORDS = 50
const HYGIENE_WORDS = [20, 40, 200] as const

export type PreparedReport = SummaryArticle & { sapo: string }
export type PreparedCluster = {
  cluster: number
  references: string[]
  /** Reports as delivered: title, lead (the sapo) and body; oldest first. */
  delivered: PreparedReport[]
  /** The same reports without their leads (the article protocol, and the withheld story run). */
  reports: PreparedReport[]
}

type Models = { story: FeatureWeights; article: FeatureWeights }

/** Each report through the real ingest code, as delivered and without its sapo, oldest first. */
export async function prepareClusters(clusters: readonly VnmdsCluster[]): Promise<PreparedCluster[]> {
  return Promise.all(
    clusters.map(async (cluster) => {
      const documents = [...cluster.documents].sort((a, b) => isoFromVnmds(a.publishedAt).localeCompare(isoFromVnmds(b.publishedAt)))
      const prepare = async (withLead: boolean): Promise<PreparedReport[]> =>
        Promise.all(
          documents.map(async (doc) => {
            const input = { title: doc.title, body: doc.body, publishedAt: isoFromVnmds(doc.publishedAt), ...(withLead ? { lead: doc.sapo } : {}) }
            const article = await prepareFromJson(input)
            return { id: article.id, title: article.title, lead: article.lead, paragraphs: article.paragraphs, sapo: doc.sapo }
          }),
        )
      return { cluster: cluster.cluster, references: cluster.references, delivered: await prepare(true), reports: await prepare(false) }
    }),
  )
}

function sentencesOf(report: SummaryArticle): string[] {
  return [report.lead ?? '', ...report.paragraphs].flatMap((p) => splitSentences(p))
}

/** Sentences that are not photo captions or credits: what a summary may quote. */
function reportingSentencesOf(report: SummaryArticle): string[] {
  return [report.lead ?? '', ...report.paragraphs].flatMap((p) =>
    segmentSentences(p)
      .filter((s) => !s.caption)
      .map((s) => s.text),
  )
}

/** Lead round-robin over the reports' sentences: the first of each report, then the second, … */
function leadRoundRobin(queues: readonly string[][], words: number): string {
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

/** A reference's opening: people open their summaries with the main event. */
function openingOf(reference: string, syllables: number): string {
  return rougeTokens(reference).slice(0, syllables).join(' ')
}

export type QualityReport = {
  story: Rouge
  storyBaseline: Rouge
  storyWithheld: Rouge
  storyWithheldBaseline: Rouge
  short: Rouge
  shortFirstSentence: Rouge
  shortLead: Rouge
  article: Rouge
  articleBaseline: Rouge
  articleBaselineNoCaptions: Rouge
  hygiene: Record<(typeof HYGIENE_WORDS)[number], HygieneCounts>
}

/** Score the summarizers (with the shipped weights unless `models` is given) and the baselines. */
export function scoreClusters(prepared: readonly PreparedCluster[], models?: Models): QualityReport {
  const scores: Record<Exclude<keyof QualityReport, 'hygiene'>, Rouge[]> = {
    story: [],
    storyBaseline: [],
    storyWithheld: [],
    storyWithheldBaseline: [],
    short: [],
    shortFirstSentence: [],
    shortLead: [],
    article: [],
    articleBaseline: [],
    articleBaselineNoCaptions: [],
  }
  const hygiene = { 20: emptyHygiene(), 40: emptyHygiene(), 200: emptyHygiene() }
  for (const cluster of prepared) {
    const id = String(cluster.cluster)
    const delivered = summarizeStory(id, cluster.delivered, { words: STORY_WORDS }, models)
    scores.story.push(rouge(delivered.text, cluster.references, STORY_WORDS))
    scores.storyBaseline.push(rouge(leadRoundRobin(cluster.delivered.map(sentencesOf), STORY_WORDS), cluster.references, STORY_WORDS))
    scores.storyWithheld.push(rouge(summarizeStory(id, cluster.reports, { words: STORY_WORDS }, models).text, cluster.references, STORY_WORDS))
    scores.storyWithheldBaseline.push(rouge(leadRoundRobin(cluster.reports.map(sentencesOf), STORY_WORDS), cluster.references, STORY_WORDS))

    const openings = cluster.references.map((reference) => openingOf(reference, SHORT_WORDS))
    const short = summarizeStory(id, cluster.delivered, { words: SHORT_WORDS }, models)
    scores.short.push(rouge(short.text, openings, SHORT_WORDS))
    const earliest = cluster.reports[0]
    const earliestDelivered = cluster.delivered[0]
    scores.shortFirstSentence.push(rouge(splitSentences(earliest?.paragraphs[0] ?? '')[0] ?? '', openings, SHORT_WORDS))
    scores.shortLead.push(rouge(stripDateline(earliestDelivered?.sapo ?? '').text, openings, SHORT_WORDS))

    for (const words of HYGIENE_WORDS) {
      const summary = words === STORY_WORDS ? delivered : words === SHORT_WORDS ? short : summarizeStory(id, cluster.delivered, { words }, models)
      addHygiene(
        hygiene[words],
        summary.sentences.map((s) => s.text),
        summary.sentences.map((s) => s.articleId),
      )
    }

    for (const report of cluster.reports) {
      const single = summarizeArticle(report, { words: ARTICLE_WORDS }, models?.article)
      scores.article.push(rouge(single.text, [report.sapo], ARTICLE_WORDS))
      scores.articleBaseline.push(rouge(sentencesOf(report).slice(0, 3).join(' '), [report.sapo], ARTICLE_WORDS))
      scores.articleBaselineNoCaptions.push(rouge(reportingSentencesOf(report).slice(0, 3).join(' '), [report.sapo], ARTICLE_WORDS))
    }
  }
  const mean = Object.fromEntries(Object.entries(scores).map(([key, list]) => [key, meanRouge(list)])) as Record<Exclude<keyof QualityReport, 'hygiene'>, Rouge>
  return { ...mean, hygiene }
}

function format(r: Rouge): string {
  return `R1 ${r.r1.toFixed(1)}  R2 ${r.r2.toFixed(1)}  RL ${r.rl.toFixed(1)}`
}

export function printReport(label: string, report: QualityReport, withHygiene = true): void {
  console.log(label)
  console.log(`  story, as delivered   (words=${STORY_WORDS})  bantin ${format(report.story)}  | lead round-robin, lead + body ${format(report.storyBaseline)}`)
  console.log(`  story, leads withheld (words=${STORY_WORDS})  bantin ${format(report.storyWithheld)}  | lead round-robin, bodies      ${format(report.storyWithheldBaseline)}`)
  console.log(`  short story           (words=${SHORT_WORDS})   bantin ${format(report.short)}  | first body sentence, earliest ${format(report.shortFirstSentence)}`)
  console.log(`  ${' '.repeat(69)}| earliest lead, tag removed    ${format(report.shortLead)}`)
  console.log(`  article, no sapo      (words=${ARTICLE_WORDS})   bantin ${format(report.article)}  | first 3 sentences             ${format(report.articleBaseline)}`)
  // The official baseline quotes photo captions, which bantin's summaries never do; this one is the like-for-like comparison.
  console.log(`  ${' '.repeat(69)}| first 3 without photo captions ${format(report.articleBaselineNoCaptions)}`)
  if (!withHygiene) return
  for (const words of HYGIENE_WORDS) console.log(`  hygiene, words=${String(words).padEnd(3)} ${formatHygiene(report.hygiene[words])}`)
}

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const prepared = await prepareClusters(clusters)
  printReport(`VN-MDS dev: ${clusters.length} clusters, ${prepared.reduce((n, c) => n + c.reports.length, 0)} reports`, scoreClusters(prepared))
  if (process.argv.includes('--folds')) {
    printReport('  odd clusters', scoreClusters(prepared.filter((c) => c.cluster % 2 === 1)), false)
    printReport('  even clusters', scoreClusters(prepared.filter((c) => c.cluster % 2 === 0)), false)
  }
  if (process.argv.includes('--hygiene')) {
    const report = scoreClusters(prepared)
    for (const words of HYGIENE_WORDS) for (const example of report.hygiene[words].examples) console.log(`  [${words}] ${example}`)
  }
  if (process.argv.includes('--examples')) {
    for (const cluster of prepared) {
      console.log(`\n#${cluster.cluster}`)
      for (const words of [20, SHORT_WORDS]) console.log(`  ${words}: ${summarizeStory(String(cluster.cluster), cluster.delivered, { words }).text}`)
      console.log(`  ref: ${cluster.references[0]?.slice(0, 200)}`)
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
