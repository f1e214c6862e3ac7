/**
 * `npx tsx bench/grouping-signals.ts`: how often each conflict signal fires
 * on pairs of VN-MDS dev reports that are one event (same cluster) versus two
 * (different clusters), on each half of the dev set. A veto is worth having
 * only if it never fires on one event; how often it fires on two says how far
 * it reaches. `--min-cosine=X` keeps only pairs at least that similar (the
 * pairs word overlap might join); `-v` prints the same-cluster pairs it fires on.
 *
 * The vetoes grouping uses (places, names) are measured beside signals tried
 * and not kept (BENCHMARKS.md): a different event date in the lead, a
 * different count of dead or injured, publication days apart.
 */
import { prepareFromJson } from '../src/ingest/prepare.js'
import { type ArticleSignature, type SparseVector, cosine, signatureOf, vectorOf } from '../src/stories/group.js'
import { namesConflict } from '../src/stories/names.js'
import { placesConflict } from '../src/stories/places.js'
import { isoFromVnmds, loadDevSet } from './vnmds.js'

type Report = { gold: number; title: string; vector: SparseVector; signature: ArticleSignature; dates: string[]; tolls: string[]; time: number }

/** The first date a headline or lead gives its event (`chiều 22-10`, `ngày 23/10`). */
const EVENT_DATE = /(?:ngày|sáng|chiều|tối|trưa|đêm)\s+(?:ngày\s+)?(\d{1,2})[-./](\d{1,2})/iu
/** A count of people in a headline or lead (`400 dân thường`, `5 người`). */
const TOLL = /(\d+(?:[.,]\d+)?)\s+(?:người|dân thường|binh sĩ|chiến binh|nạn nhân|hành khách|thi thể)/giu

const DAY_MS = 24 * 3600 * 1000

const SIGNALS: Record<string, (a: Report, b: Report) => boolean> = {
  'places (kept)': (a, b) => placesConflict(a.signature.where, b.signature.where),
  'names (kept)': (a, b) => namesConflict(a.signature.where, b.signature.where),
  'event dates differ': (a, b) => a.dates.length > 0 && b.dates.length > 0 && a.dates[0] !== b.dates[0],
  'counts of people differ': (a, b) => a.tolls.length > 0 && b.tolls.length > 0 && !a.tolls.some((n) => b.tolls.includes(n)),
  'published > 2 days apart': (a, b) => Math.abs(a.time - b.time) > 2 * DAY_MS,
}

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const minArg = process.argv.find((arg) => arg.startsWith('--min-cosine='))
  const minCosine = minArg === undefined ? 0 : Number(minArg.slice('--min-cosine='.length))
  const prepared: { gold: number; article: Awaited<ReturnType<typeof prepareFromJson>>; time: number }[] = []
  for (const cluster of clusters) {
    for (const doc of cluster.documents) {
      const publishedAt = isoFromVnmds(doc.publishedAt)
      prepared.push({ gold: cluster.cluster, article: await prepareFromJson({ title: doc.title, lead: doc.sapo, body: doc.body, publishedAt }), time: Date.parse(publishedAt) })
    }
  }
  const signatures = prepared.map((p) => signatureOf(p.article))
  const df = new Map<string, number>()
  for (const s of signatures) for (const term of Object.keys(s.counts)) df.set(term, (df.get(term) ?? 0) + 1)
  const reports: Report[] = prepared.map((p, i) => {
    const signature = signatures[i] as ArticleSignature
    const top = `${p.article.title} ${p.article.lead ?? ''}`
    const date = EVENT_DATE.exec(top)
    return {
      gold: p.gold,
      title: p.article.title,
      vector: vectorOf(signature.counts, (term) => df.get(term) ?? 0, prepared.length),
      signature,
      dates: date === null ? [] : [`${Number(date[1])}/${Number(date[2])}`],
      tolls: [...top.matchAll(TOLL)].map((m) => m[1] ?? ''),
      time: p.time,
    }
  })
  for (const [half, parity] of [
    ['odd', 1],
    ['even', 0],
  ] as const) {
    const fired = new Map<string, { same: number; different: number; examples: string[] }>()
    let same = 0
    let different = 0
    for (let i = 0; i < reports.length; i++) {
      for (let j = i + 1; j < reports.length; j++) {
        const a = reports[i] as Report
        const b = reports[j] as Report
        if (a.gold % 2 !== parity || b.gold % 2 !== parity) continue
        const similarity = cosine(a.vector, b.vector)
        if (similarity < minCosine) continue
        const one = a.gold === b.gold
        if (one) same += 1
        else different += 1
        for (const [name, signal] of Object.entries(SIGNALS)) {
          const count = fired.get(name) ?? { same: 0, different: 0, examples: [] }
          fired.set(name, count)
          if (!signal(a, b)) continue
          if (one) {
            count.same += 1
            count.examples.push(`#${a.gold} (cosine ${similarity.toFixed(2)}) “${a.title}” / “${b.title}”`)
          } else count.different += 1
        }
      }
    }
    console.log(`${half} clusters: ${same} pairs of one event, ${different} of two (cosine ≥ ${minCosine})`)
    for (const [name, count] of fired) {
      console.log(`  ${name.padEnd(28)} fires on ${String(count.same).padStart(3)} of one event, ${String(count.different).padStart(5)} of two`)
      if (process.argv.includes('-v')) for (const example of count.examples) console.log(`      ${example}`)
    }
  }
}

await main()
