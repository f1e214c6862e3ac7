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
import { storySlugOf, signatureOf, vectorOf, cosine, type SparseVector } from '../src/stories/group.js'
import { isStopword, toSyllables } from '../src/text/syllables.js'
import { type BCubed, bcubed } from './bcubed.js'
import { MemoryGrouping } from './memory-grouping.js'
import { LOCAL_TOKEN, startWorker } from '../scripts/dev-worker.js'
import { confusablePairs } from './confusable.js'
import { workerdCpuMs } from './workerd-cpu.js'
import { type VnmdsCluster, type VnmdsDocument, isoFromVnmds, loadDevSet } from './vnmds.js'

type Report = { gold: string; doc: VnmdsDocument; publishedAt: string; time: number }

function format(label: string, score: BCubed): string {
  return `${label.padEnd(46)} P ${score.precision.toFixed(3)}  R ${score.recall.toFixed(3)}  B3-F1 ${score.f1.toFixed(3)}`
}

type Assigned = { predicted: string; gold: string }

/** The grouping core in-process, exactly as the writer runs it, on a fresh archive. */
async function assignInProcess(reports: readonly Report[]): Promise<Assigned[]> {
  const state = new MemoryGrouping()
  const items: Assigned[] = []
  for (const report of reports) {
    const article = await prepareFromJson({ title: report.doc.title, lead: report.doc.sapo, body: report.doc.body, publishedAt: report.publishedAt })
    const signature = signatureOf(article)
    const { decision, vector, top, terms } = assignArticle(state, signature, report.time)
    const storyId = decision.storyId ?? storySlugOf(article.title, article.id)
    state.addMember(storyId, vector, terms, report.time, signature.where, top)
    items.push({ predicted: storyId, gold: report.gold })
  }
  return items
}

async function groupInProcess(reports: readonly Report[]): Promise<BCubed> {
  return bcubed(await assignInProcess(reports))
}

/** Whether some story holds reports of both gold clusters a and b. */
function joins(items: readonly Assigned[], a: string, b: string): boolean {
  const golds = new Map<string, Set<string>>()
  for (const item of items) golds.set(item.predicted, (golds.get(item.predicted) ?? new Set()).add(item.gold))
  return [...golds.values()].some((set) => set.has(a) && set.has(b))
}

/**
 * The confusable set (bench/confusable.ts): each pair of same-kind clusters
 * ingested together on a fresh archive; how many pairs end up sharing a story,
 * and B-cubed over all pairs. Also how many of those pairs the full run joined.
 */
async function confusable(clusters: readonly VnmdsCluster[], reports: readonly Report[], full: readonly Assigned[]): Promise<void> {
  const pairs = confusablePairs(clusters)
  let joined = 0
  let joinedInFull = 0
  const all: Assigned[] = []
  const examples: string[] = []
  for (const { kind, a, b } of pairs) {
    const ga = String(a.cluster)
    const gb = String(b.cluster)
    const items = await assignInProcess(reports.filter((r) => r.gold === ga || r.gold === gb))
    all.push(...items.map((item) => ({ predicted: `${ga}-${gb}:${item.predicted}`, gold: `${ga}-${gb}:${item.gold}` })))
    if (joins(items, ga, gb)) {
      joined += 1
      if (examples.length < 12) examples.push(`    ${kind}: #${ga} ${a.name} + #${gb} ${b.name}`)
    }
    if (joins(full, ga, gb)) joinedInFull += 1
  }
  console.log(format(`confusable set: ${pairs.length} same-kind pairs, each alone`, bcubed(all)))
  console.log(`  pairs joined into one story: ${joined} of ${pairs.length} (each pair alone); ${joinedInFull} in the all-dev run`)
  for (const line of examples) console.log(line)
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

async function groupThroughWorker(reports: readonly Report[]): Promise<{ score: BCubed; perSecond: number; cpuMs: number }> {
  const worker = await startWorker()
  try {
    const items: { predicted: string; gold: string }[] = []
    const started = performance.now()
    const cpuBefore = workerdCpuMs(worker)
    for (const report of reports) {
      const res = await fetch(`${worker.base}/v1/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: report.doc.title, lead: report.doc.sapo, body: report.doc.body, publishedAt: report.publishedAt }),
      })
      const body = (await res.json()) as { storyId?: string; detail?: string }
      if (!res.ok || body.storyId === undefined) throw new Error(`ingest failed: ${res.status} ${body.detail ?? ''}`)
      items.push({ predicted: body.storyId, gold: report.gold })
    }
    const seconds = (performance.now() - started) / 1000
    return { score: bcubed(items), perSecond: reports.length / seconds, cpuMs: (workerdCpuMs(worker) - cpuBefore) / reports.length }
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
  const full = await assignInProcess(reports)
  console.log(format('bantin core, in-process, all clusters', bcubed(full)))
  console.log(format('bantin core, in-process, odd clusters', await groupInProcess(reports.filter((r) => Number(r.gold) % 2 === 1))))
  console.log(format('bantin core, in-process, even clusters', await groupInProcess(reports.filter((r) => Number(r.gold) % 2 === 0))))
  await confusable(clusters, reports, full)
  if (process.argv.includes('--core-only')) return
  const real = await groupThroughWorker(reports)
  console.log(format('bantin Worker (wrangler dev, DO + KV)', real.score))
  console.log(`  ingest throughput: ${real.perSecond.toFixed(1)} articles/s (one client, sequential POSTs, loopback); workerd CPU ${real.cpuMs.toFixed(1)} ms per ingest`)
}

await main()
