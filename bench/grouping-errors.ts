/**
 * `npx tsx bench/grouping-errors.ts`: what the grouping core gets wrong on the
 * VN-MDS dev set, report by report — each false join (the report, the story it
 * joined, its similarity and the terms that made it) and each split (a report
 * that started or joined another story, and its similarity to its own), with
 * the B-cubed loss each accounts for. A diagnostic, not a score.
 */
import { prepareFromJson } from '../src/ingest/prepare.js'
import { assignArticle } from '../src/stories/assign.js'
import { JOIN_RULE, type SparseVector, cosine, signatureOf, storySlugOf } from '../src/stories/group.js'
import { bcubed } from './bcubed.js'
import { MemoryGrouping } from './memory-grouping.js'
import { isoFromVnmds, loadDevSet } from './vnmds.js'

type Row = { gold: string; title: string; lead: string; predicted: string; vector: SparseVector; similarity: number; places: readonly string[] }

function sharedTerms(a: SparseVector, b: SparseVector, n: number): string {
  return Object.keys(a)
    .filter((t) => b[t] !== undefined)
    .map((t) => [t, (a[t] as number) * (b[t] as number)] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([t, w]) => `${t}:${w.toFixed(3)}`)
    .join(' ')
}

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const only = process.argv.includes('--odd') ? 1 : process.argv.includes('--even') ? 0 : null
  const reports = clusters
    .filter((c) => only === null || c.cluster % 2 === only)
    .flatMap((c) => c.documents.map((doc) => ({ gold: String(c.cluster), doc, publishedAt: isoFromVnmds(doc.publishedAt) })))
    .map((r) => ({ ...r, time: Date.parse(r.publishedAt) }))
    .sort((a, b) => a.time - b.time || a.doc.id.localeCompare(b.doc.id))
  const arg = process.argv.find((a) => a.startsWith('--threshold='))
  const threshold = arg === undefined ? undefined : Number(arg.slice('--threshold='.length))
  const state = new MemoryGrouping()
  const rows: Row[] = []
  for (const r of reports) {
    const article = await prepareFromJson({ title: r.doc.title, lead: r.doc.sapo, body: r.doc.body, publishedAt: r.publishedAt })
    const signature = signatureOf(article)
    const { decision, vector, top, terms } = assignArticle(state, signature, r.time, threshold === undefined ? undefined : { ...JOIN_RULE, threshold })
    const storyId = decision.storyId ?? storySlugOf(article.title, article.id)
    state.addMember(storyId, vector, terms, r.time, signature.where, top)
    rows.push({ gold: r.gold, title: article.title, lead: article.lead ?? '', predicted: storyId, vector, similarity: decision.similarity, places: signature.where.places })
  }
  const score = bcubed(rows)
  console.log(`all: P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}`)
  // Majority gold of each predicted story, in order of arrival: the first member's gold owns the story.
  const owner = new Map<string, string>()
  for (const row of rows) if (!owner.has(row.predicted)) owner.set(row.predicted, row.gold)
  // What each kind of error costs: B3 with every story cut by cluster (no false joins), and with
  // each cluster's reports moved into its first story (no splits), the other errors kept.
  const noJoins = bcubed(rows.map((r) => ({ predicted: `${r.predicted}|${r.gold}`, gold: r.gold })))
  const firstStory = new Map<string, string>()
  for (const r of rows) if (!firstStory.has(r.gold)) firstStory.set(r.gold, r.predicted)
  const noSplits = bcubed(rows.map((r) => ({ predicted: firstStory.get(r.gold) as string, gold: r.gold })))
  console.log(`without false joins: P ${noJoins.precision.toFixed(3)} R ${noJoins.recall.toFixed(3)} F1 ${noJoins.f1.toFixed(3)}`)
  console.log(`without splits:      P ${noSplits.precision.toFixed(3)} R ${noSplits.recall.toFixed(3)} F1 ${noSplits.f1.toFixed(3)}`)
  // Each error alone: B3 gained by cutting one story by cluster, or by gathering one cluster.
  const gains: [number, string][] = []
  for (const story of new Set(rows.map((r) => r.predicted))) {
    const golds = new Set(rows.filter((r) => r.predicted === story).map((r) => r.gold))
    if (golds.size < 2) continue
    const f = bcubed(rows.map((r) => ({ predicted: r.predicted === story ? `${story}|${r.gold}` : r.predicted, gold: r.gold }))).f1
    gains.push([f - score.f1, `cut story ${story} (clusters ${[...golds].map((g) => `#${g}`).join(' ')})`])
  }
  for (const gold of new Set(rows.map((r) => r.gold))) {
    if (new Set(rows.filter((r) => r.gold === gold).map((r) => r.predicted)).size < 2) continue
    const f = bcubed(rows.map((r) => ({ predicted: r.gold === gold ? (firstStory.get(gold) as string) : r.predicted, gold: r.gold }))).f1
    gains.push([f - score.f1, `gather cluster #${gold}`])
  }
  for (const [gain, what] of gains.sort((a, b) => b[0] - a[0])) console.log(`  +${gain.toFixed(4)} ${what}`)
  console.log('\n== false joins (a report joined a story started by another cluster)')
  for (const [i, row] of rows.entries()) {
    const own = owner.get(row.predicted)
    if (own === row.gold) continue
    const members = rows.slice(0, i).filter((m) => m.predicted === row.predicted)
    console.log(`#${row.gold} → story of #${own} (sim ${row.similarity.toFixed(3)}): ${row.title}`)
    console.log(`   places ${JSON.stringify(row.places)}; story members: ${members.map((m) => `#${m.gold} ${m.title} ${JSON.stringify(m.places)}`).join(' | ')}`)
    for (const m of members) console.log(`   shared with "${m.title.slice(0, 40)}": ${sharedTerms(row.vector, m.vector, 10)}`)
  }
  console.log('\n== splits (a cluster spread over several stories)')
  const byGold = new Map<string, Row[]>()
  for (const row of rows) byGold.set(row.gold, [...(byGold.get(row.gold) ?? []), row])
  for (const [gold, members] of byGold) {
    const stories = new Set(members.map((m) => m.predicted))
    if (stories.size === 1) continue
    console.log(`#${gold}: ${members.length} reports in ${stories.size} stories`)
    for (const [i, m] of members.entries()) {
      const earlier = members.slice(0, i)
      const sims = earlier.map((e) => cosine(m.vector, e.vector).toFixed(3)).join(',')
      console.log(`   [${m.predicted.slice(0, 30)}] sim ${m.similarity.toFixed(3)} to-own [${sims}] ${m.title} ${JSON.stringify(m.places)}`)
    }
  }
}

await main()
