/**
 * `npm run bench:grouping-cv`: whether grouping's join rule should mix the
 * headline-and-lead similarity into the whole-text one, checked on held-out
 * clusters rather than on the one odd/even split.
 *
 * The rule has two knobs: the mix m (similarity = (1 − m)·whole text +
 * m·headline and lead, each an average cosine to the story's members) and the
 * join threshold. For R seeded random splits of the dev clusters into two
 * halves, (m, threshold) is chosen from a small grid on one half (best B-cubed
 * F1; ties go to the session-5 rule — whole text alone, m 0, threshold 0.18 —
 * then the smaller m, then the threshold nearer 0.18) and scored on the other
 * half, beside the session-5 rule and beside the threshold alone chosen the
 * same way (m 0) scored on the same half. Each half is grouped alone on a fresh archive,
 * reports in publication order, exactly as bench/stories.ts runs the core.
 * Reported: the mean held-out B3 of both, how many of the 2R held-out halves
 * the chosen rule wins, ties and loses, the rule chosen on all of dev with its
 * full-set B3 (grouping uses it: JOIN_RULE in src/stories/group.ts), the
 * confusable pairs (bench/confusable.ts) it joins, and what deciding reads.
 *
 * Options: `--splits N` (default 10), `--seed S` (default 1).
 */
import { prepareFromJson } from '../src/ingest/prepare.js'
import { assignArticle } from '../src/stories/assign.js'
import { type ArticleSignature, JOIN_RULE, type JoinRule, type StoryCandidate, cosine, signatureOf, storySlugOf, withinWindow } from '../src/stories/group.js'
import { bcubed } from './bcubed.js'
import { confusablePairs } from './confusable.js'
import { MemoryGrouping } from './memory-grouping.js'
import { type VnmdsCluster, isoFromVnmds, loadDevSet } from './vnmds.js'

/** A dev report with what grouping reads of it, computed once. */
type Report = { gold: string; id: string; title: string; signature: ArticleSignature; time: number }

type Rule = JoinRule

/** The grid of the check: mixes up to half, thresholds around session 5's 0.18. */
const MIXES = [0, 0.15, 0.25, 0.33, 0.5]
const THRESHOLDS = [0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2, 0.21, 0.22]
const GRID: Rule[] = MIXES.flatMap((mix) => THRESHOLDS.map((threshold) => ({ mix, threshold })))
/** The rule before the mix (session 5): whole text alone, joined at 0.18. */
const CURRENT: Rule = { mix: 0, threshold: 0.18 }

/** Scores within this of each other are a tie (B3 is a ratio of counts; differences below it are rounding). */
const TIE = 1e-9

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name)
  const value = at < 0 ? undefined : Number(process.argv[at + 1])
  return value === undefined || !Number.isFinite(value) ? fallback : value
}

/** mulberry32: a small seeded generator, so every split can be drawn again. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates shuffle of the cluster ids, cut in two halves. */
function split(ids: readonly string[], random: () => number): [Set<string>, Set<string>] {
  const order = [...ids]
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j] as string, order[i] as string]
  }
  const half = Math.floor(order.length / 2)
  return [new Set(order.slice(0, half)), new Set(order.slice(half))]
}

/** Group the reports alone on a fresh archive with one rule; predicted story per report. */
function group(reports: readonly Report[], rule: Rule): { predicted: string; gold: string }[] {
  const state = new MemoryGrouping()
  return reports.map((report) => {
    const { decision, vector, top, terms } = assignArticle(state, report.signature, report.time, rule)
    const storyId = decision.storyId ?? storySlugOf(report.title, report.id)
    state.addMember(storyId, vector, terms, report.time, report.signature.where, top)
    return { predicted: storyId, gold: report.gold }
  })
}

/** B3-F1 of every rule of the grid on these reports, in grid order. */
function scoreGrid(reports: readonly Report[]): number[] {
  return GRID.map((rule) => bcubed(group(reports, rule)).f1)
}

/** The rule with the best score; ties go to the session-5 rule, then the smaller mix, then the threshold nearer its. */
function choose(scores: readonly number[], allowed: (rule: Rule) => boolean = () => true): Rule {
  const best = Math.max(...scores.filter((_, i) => allowed(GRID[i] as Rule)))
  const tied = GRID.filter((rule, i) => allowed(rule) && (scores[i] as number) >= best - TIE)
  if (tied.some((rule) => same(rule, CURRENT))) return CURRENT
  tied.sort((a, b) => a.mix - b.mix || Math.abs(a.threshold - CURRENT.threshold) - Math.abs(b.threshold - CURRENT.threshold))
  return tied[0] as Rule
}

function same(a: Rule, b: Rule): boolean {
  return a.mix === b.mix && Math.abs(a.threshold - b.threshold) < 1e-9
}

function scoreOf(scores: readonly number[], rule: Rule): number {
  const at = GRID.findIndex((candidate) => same(candidate, rule))
  return scores[at] as number
}

const label = (rule: Rule) => `m ${rule.mix.toFixed(2)}, t ${rule.threshold.toFixed(2)}`

/** How many confusable pairs (each ingested alone) end up sharing a story under this rule. */
function confusableJoined(clusters: readonly VnmdsCluster[], reports: readonly Report[], rule: Rule): number {
  let joined = 0
  for (const { a, b } of confusablePairs(clusters)) {
    const ga = String(a.cluster)
    const gb = String(b.cluster)
    const items = group(
      reports.filter((r) => r.gold === ga || r.gold === gb),
      rule,
    )
    const golds = new Map<string, Set<string>>()
    for (const item of items) golds.set(item.predicted, (golds.get(item.predicted) ?? new Set()).add(item.gold))
    if ([...golds.values()].some((set) => set.has(ga) && set.has(gb))) joined += 1
  }
  return joined
}

/**
 * What the Newsroom reads per ingest to decide (all dev, JOIN_RULE): candidate stories, member rows
 * (one statement per candidate story) and the bytes of their vectors and headline vectors as stored (JSON).
 * Beside it, how many extra statements the session-5 rule made: it read a story's headline vectors in a
 * statement of their own, for each story above 0.18 when two or more were (vetoes not asked: an upper bound).
 */
function readsPerIngest(reports: readonly Report[]): void {
  let seen: StoryCandidate[] = []
  const state = new (class extends MemoryGrouping {
    override candidateStories(terms: readonly string[], time: number | null): StoryCandidate[] {
      seen = super.candidateStories(terms, time)
      return seen
    }
  })()
  let stories = 0
  let rows = 0
  let vectorBytes = 0
  let topBytes = 0
  let oldExtra = 0
  for (const report of reports) {
    const { decision, vector, top, terms } = assignArticle(state, report.signature, report.time)
    stories += seen.length
    for (const candidate of seen) {
      rows += candidate.members.length
      for (const member of candidate.members) vectorBytes += JSON.stringify(member).length
      for (const memberTop of candidate.tops) topBytes += memberTop === null ? 0 : JSON.stringify(memberTop).length
    }
    const above = seen.filter(
      (c) => withinWindow(report.time, c.latest) && c.members.length > 0 && c.members.reduce((sum, m) => sum + cosine(vector, m), 0) / c.members.length >= CURRENT.threshold,
    ).length
    if (above >= 2) oldExtra += above
    state.addMember(decision.storyId ?? storySlugOf(report.title, report.id), vector, terms, report.time, report.signature.where, top)
  }
  const n = reports.length
  console.log(
    `reads per ingest (all dev, ${label(JOIN_RULE)}): ${(stories / n).toFixed(1)} candidate stories, ${(1 + stories / n).toFixed(1)} statements, ${(rows / n).toFixed(1)} member rows, ${(vectorBytes / n / 1024).toFixed(1)} KiB of vectors + ${(topBytes / n / 1024).toFixed(1)} KiB of headline vectors; the session-5 rule read headline vectors in ${(oldExtra / n).toFixed(2)} more statements per ingest (at most)`,
  )
}

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const splits = option('--splits', 10)
  const seed = option('--seed', 1)
  const reports: Report[] = []
  for (const cluster of clusters) {
    for (const doc of cluster.documents) {
      const publishedAt = isoFromVnmds(doc.publishedAt)
      const article = await prepareFromJson({ title: doc.title, lead: doc.sapo, body: doc.body, publishedAt })
      reports.push({ gold: String(cluster.cluster), id: article.id, title: article.title, signature: signatureOf(article), time: Date.parse(publishedAt) })
    }
  }
  reports.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id))
  const ids = clusters.map((c) => String(c.cluster))
  console.log(`VN-MDS dev: ${reports.length} reports, ${ids.length} clusters; ${splits} random splits into halves (seed ${seed}); grid ${MIXES.length} mixes × ${THRESHOLDS.length} thresholds`)

  const random = generator(seed)
  const heldOut: { chosen: Rule; mixed: number; current: number; thresholdOnly: number }[] = []
  for (let r = 0; r < splits; r++) {
    const halves = split(ids, random).map((half) => reports.filter((report) => half.has(report.gold)))
    const scores = halves.map(scoreGrid)
    for (const [tune, test] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const chosen = choose(scores[tune] as number[])
      const mixed = scoreOf(scores[test] as number[], chosen)
      const current = scoreOf(scores[test] as number[], CURRENT)
      // The threshold alone chosen the same way: what the mix adds beyond re-tuning the threshold.
      const thresholdOnly = scoreOf(
        scores[test] as number[],
        choose(scores[tune] as number[], (rule) => rule.mix === 0),
      )
      heldOut.push({ chosen, mixed, current, thresholdOnly })
      console.log(
        `  split ${String(r + 1).padStart(2)} half ${tune === 0 ? 'A→B' : 'B→A'}: chosen ${label(chosen)} (tuning half ${scoreOf(scores[tune] as number[], chosen).toFixed(3)} vs ${scoreOf(scores[tune] as number[], CURRENT).toFixed(3)}); held out ${mixed.toFixed(3)} vs session-5 rule ${current.toFixed(3)}`,
      )
    }
  }
  const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length
  const differences = heldOut.map((h) => h.mixed - h.current)
  const wins = differences.filter((d) => d > TIE).length
  const losses = differences.filter((d) => d < -TIE).length
  const spread = Math.sqrt(mean(differences.map((d) => (d - mean(differences)) ** 2)))
  console.log(
    `held-out B3-F1, mean of ${heldOut.length} halves: chosen on the other half ${mean(heldOut.map((h) => h.mixed)).toFixed(4)}; session-5 rule (${label(CURRENT)}) ${mean(heldOut.map((h) => h.current)).toFixed(4)}`,
  )
  console.log(
    `  difference ${mean(differences) >= 0 ? '+' : ''}${mean(differences).toFixed(4)} (sd ${spread.toFixed(4)}); chosen rule wins ${wins}, ties ${heldOut.length - wins - losses}, loses ${losses}`,
  )
  const overThreshold = heldOut.map((h) => h.mixed - h.thresholdOnly)
  console.log(
    `  threshold alone chosen on the other half (m 0): ${mean(heldOut.map((h) => h.thresholdOnly)).toFixed(4)}; the mix and threshold beat it on ${overThreshold.filter((d) => d > TIE).length}, tie ${overThreshold.filter((d) => Math.abs(d) <= TIE).length}, lose ${overThreshold.filter((d) => d < -TIE).length}`,
  )
  const picks = new Map<string, number>()
  for (const h of heldOut) picks.set(label(h.chosen), (picks.get(label(h.chosen)) ?? 0) + 1)
  console.log(`  rules chosen: ${[...picks].map(([rule, n]) => `${rule} ×${n}`).join('; ')}`)

  const all = scoreGrid(reports)
  const chosenAll = choose(all)
  console.log(`all dev: chosen ${label(chosenAll)} → B3-F1 ${scoreOf(all, chosenAll).toFixed(3)}; session-5 rule ${scoreOf(all, CURRENT).toFixed(3)}`)
  if (!same(chosenAll, JOIN_RULE)) console.log(`  NOTE: grouping uses ${label(JOIN_RULE)} (JOIN_RULE), not the rule chosen here`)
  for (const mix of MIXES) console.log(`  m ${mix.toFixed(2)}: ${THRESHOLDS.map((threshold) => `${threshold.toFixed(2)} ${scoreOf(all, { mix, threshold }).toFixed(3)}`).join('  ')}`)
  readsPerIngest(reports)
  console.log(
    `confusable pairs joined (${confusablePairs(clusters).length}, each alone): chosen ${confusableJoined(clusters, reports, chosenAll)}; session-5 rule ${confusableJoined(clusters, reports, CURRENT)}`,
  )
}

await main()
