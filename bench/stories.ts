/**
 * `npm run bench:stories`: story grouping on the VN-MDS dev set.
 *
 * Every report is ingested in publication order with no storyId, through the
 * real Worker (wrangler dev, the Newsroom Durable Object, local KV), and the
 * storyIds it answers are scored with B-cubed precision, recall and F1
 * against the human clusters; ingest throughput is reported too.
 *
 * Beside it: the same grouping core in-process on each half of the dev set
 * (odd and even clusters), and the README's baseline — single-link TF-IDF
 * cosine at its best threshold — computed here by the same scorer.
 */
import { prepareFromJson } from '../src/ingest/prepare.js'
import { assignArticle } from '../src/stories/assign.js'
import { storySlugOf, termCountsOf, vectorOf, cosine, type SparseVector } from '../src/stories/group.js'
import { isStopword, toSyllables } from '../src/text/syllables.js'
import { type BCubed, bcubed } from './bcubed.js'
import { MemoryGrouping } from './memory-grouping.js'
import { LOCAL_TOKEN, startWorker } from '../scripts/dev-worker.js'
import { type VnmdsDocument, isoFromVnmds, loadDevSet } from './vnmds.js'

type Report = { gold: string; doc: VnmdsDocument; publishedAt: string; time: number }

function format(label: string, score: BCubed): string {
  return `${label.padEnd(46)} P ${score.precision.toFixed(3)}  R ${score.recall.toFixed(3)}  B3-F1 ${score.f1.toFixed(3)}`
}

/** The grouping core in-process, exactly as the writer runs it. */
async function groupInProcess(reports: readonly Report[]): Promise<BCubed> {
  const state = new MemoryGrouping()
  const items: { predicted: string; gold: string }[] = []
  for (const report of reports) {
    const article = await prepareFromJson({ title: report.doc.title, body: report.doc.body, publishedAt: report.publishedAt })
    const { decision, vector, terms } = assignArticle(state, termCountsOf(article), report.time)
    const storyId = decision.storyId ?? storySlugOf(article.title, article.id)
    state.addMember(storyId, vector, terms, report.time)
    items.push({ predicted: storyId, gold: report.gold })
  }
  return bcubed(items)
}

/** Baseline: single-link clustering on unigram TF-IDF cosine, online, at the best of a threshold sweep. */
function singleLinkBaseline(reports: readonly Report[]): { threshold: number; score: BCubed } {
  const counts = reports.map((r) => {
    const c: Record<string, number> = {}
    for (const s of toSyllables(`${r.doc.title}\n${r.doc.body}`)) if (!isStopword(s) && !/^\d+$/.test(s)) c[s] = (c[s] ?? 0) + 1
    return c
  })
  let best = { threshold: 0, score: { precision: 0, recall: 0, f1: 0 } }
  for (let threshold = 0.1; threshold <= 0.6; threshold += 0.05) {
    const df = new Map<string, number>()
    const vectors: SparseVector[] = []
    const cluster: number[] = []
    counts.forEach((c, i) => {
      for (const term of Object.keys(c)) df.set(term, (df.get(term) ?? 0) + 1)
      const v = vectorOf(c, (t) => df.get(t) ?? 0, i + 1)
      let bestSim = 0
      let bestJ = -1
      vectors.forEach((other, j) => {
        const sim = cosine(v, other)
        if (sim > bestSim) {
          bestSim = sim
          bestJ = j
        }
      })
      cluster.push(bestJ >= 0 && bestSim >= threshold ? (cluster[bestJ] as number) : i)
      vectors.push(v)
    })
    const score = bcubed(reports.map((r, i) => ({ predicted: String(cluster[i]), gold: r.gold })))
    if (score.f1 > best.score.f1) best = { threshold: Math.round(threshold * 100) / 100, score }
  }
  return best
}

async function groupThroughWorker(reports: readonly Report[]): Promise<{ score: BCubed; perSecond: number }> {
  const worker = await startWorker()
  try {
    const items: { predicted: string; gold: string }[] = []
    const started = performance.now()
    for (const report of reports) {
      const res = await fetch(`${worker.base}/v1/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: report.doc.title, body: report.doc.body, publishedAt: report.publishedAt }),
      })
      const body = (await res.json()) as { storyId?: string; detail?: string }
      if (!res.ok || body.storyId === undefined) throw new Error(`ingest failed: ${res.status} ${body.detail ?? ''}`)
      items.push({ predicted: body.storyId, gold: report.gold })
    }
    const seconds = (performance.now() - started) / 1000
    return { score: bcubed(items), perSecond: reports.length / seconds }
  } finally {
    await worker.stop()
  }
}

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const reports: Report[] = clusters
    .flatMap((c) =>
      c.documents.map((doc) => {
        const publishedAt = isoFromVnmds(doc.publishedAt)
        return { gold: String(c.cluster), doc, publishedAt, time: Date.parse(publishedAt) }
      }),
    )
    .sort((a, b) => a.time - b.time || a.doc.id.localeCompare(b.doc.id))
  console.log(`VN-MDS dev: ${reports.length} reports in ${clusters.length} human clusters, ingested in publication order with no storyId`)
  const baseline = singleLinkBaseline(reports)
  console.log(format(`baseline: single-link TF-IDF, best threshold ${baseline.threshold}`, baseline.score))
  console.log(format('bantin core, in-process, all clusters', await groupInProcess(reports)))
  console.log(format('bantin core, in-process, odd clusters', await groupInProcess(reports.filter((r) => Number(r.gold) % 2 === 1))))
  console.log(format('bantin core, in-process, even clusters', await groupInProcess(reports.filter((r) => Number(r.gold) % 2 === 0))))
  if (process.argv.includes('--core-only')) return
  const real = await groupThroughWorker(reports)
  console.log(format('bantin Worker (wrangler dev, DO + KV)', real.score))
  console.log(`  ingest throughput: ${real.perSecond.toFixed(1)} articles/s (one client, sequential POSTs, loopback)`)
}

await main()
