/**
 * Story-scorer experiments (issue 11, session 6): other targets, fits and
 * features for the story model, each judged held out on the VN-MDS dev set —
 * fitted on the odd clusters and scored on the even ones, the reverse, and
 * over 30 random half splits (60 scorings, the same splits for every model,
 * so differences between rows are paired). Prints story R2 (words=200) and
 * short story R2 (words=40, against the first 40 syllables of each
 * reference), with the same plan and selection as the Worker's.
 *
 * Run: npx tsx scripts/story-scorer-lab.ts (about two minutes). Nothing here
 * ships: the winner moved into scripts/fit-summary-weights.ts.
 */
import { type PreparedCluster, prepareClusters } from '../bench/quality.js'
import { rouge, rougeTokens } from '../bench/rouge.js'
import { loadDevSet } from '../bench/vnmds.js'
import { type Candidate, candidatesOf, contextOf } from '../src/summarize/candidates.js'
import { FEATURE_NAMES, type Features, featuresOf } from '../src/summarize/features.js'
import { Lexicon } from '../src/summarize/lexicon.js'
import { planOf } from '../src/summarize/plan.js'
import { REDUNDANCY_PENALTY, selectFromPlan } from '../src/summarize/select.js'
import { xorshift } from '../bench/random.js'
import { solve } from './fit-summary-weights.js'

type FeatureName = (typeof FEATURE_NAMES)[number]

/** One cluster, scored once: its candidates, their features and what the references say of each. */
type Item = {
  cluster: number
  candidates: Candidate[]
  lexicon: Lexicon
  features: Features[]
  references: string[]
  openings: string[]
  /** Mean over the references of the share of the sentence's distinct bigrams they have. */
  precision: number[]
  /** Mean over the references of the share of their distinct bigrams the sentence has. */
  recall: number[]
  /** Distinct bigrams of the sentence. */
  bigrams: number[]
}

/** A model: fitted on some items, it scores any item's candidates. */
type Model = (train: readonly Item[]) => (item: Item) => number[]

type Scores = { story: number; short: number }

function bigramSet(text: string): Set<string> {
  const tokens = rougeTokens(text)
  return new Set(tokens.slice(1).map((token, i) => `${tokens[i]} ${token}`))
}

function itemOf(cluster: PreparedCluster): Item {
  const lexicon = new Lexicon()
  const candidates = cluster.delivered.flatMap((report, order) => candidatesOf(report, order, lexicon))
  const references = cluster.references.map(bigramSet)
  const grams = candidates.map((candidate) => bigramSet(candidate.text))
  const shared = (sentence: Set<string>, reference: Set<string>) => [...sentence].filter((gram) => reference.has(gram)).length
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length)
  return {
    cluster: cluster.cluster,
    candidates,
    lexicon,
    features: featuresOf(candidates, contextOf(cluster.delivered), lexicon),
    references: cluster.references,
    openings: cluster.references.map((reference) => rougeTokens(reference).slice(0, 40).join(' ')),
    precision: grams.map((g) => (g.size === 0 ? 0 : mean(references.map((r) => shared(g, r) / g.size)))),
    recall: grams.map((g) => mean(references.map((r) => shared(g, r) / Math.max(1, r.size)))),
    bigrams: grams.map((g) => g.size),
  }
}

/** Story and short story R2 of a scorer on some items, in points. */
function evaluate(items: readonly Item[], scorer: (item: Item) => number[]): Scores {
  let story = 0
  let short = 0
  for (const item of items) {
    const plan = planOf(item.candidates, scorer(item), REDUNDANCY_PENALTY.story, item.lexicon)
    story += rouge(
      selectFromPlan(plan, { words: 200 })
        .map((c) => c.text)
        .join(' '),
      item.references,
      200,
    ).r2
    short += rouge(
      selectFromPlan(plan, { words: 40 })
        .map((c) => c.text)
        .join(' '),
      item.openings,
      40,
    ).r2
  }
  return { story: (100 * story) / items.length, short: (100 * short) / items.length }
}

/** Ridge least squares by the normal equations (inputs already centered: no bias). */
function ridge(rows: readonly number[][], targets: readonly number[], lambda: number): number[] {
  const n = rows[0]?.length ?? 0
  const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0))
  rows.forEach((x, k) => {
    for (let i = 0; i < n; i++) {
      const row = a[i] as number[]
      for (let j = 0; j < n; j++) row[j] = (row[j] ?? 0) + (x[i] ?? 0) * (x[j] ?? 0)
      row[n] = (row[n] ?? 0) + (x[i] ?? 0) * (targets[k] ?? 0)
    }
  })
  for (let i = 0; i < n; i++) (a[i] as number[])[i] = ((a[i] as number[])[i] ?? 0) + lambda
  return solve(a)
}

const centerValues = (values: readonly number[]) => {
  const mean = values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length)
  return values.map((v) => v - mean)
}

const centerRows = (rows: readonly number[][]) => {
  const width = rows[0]?.length ?? 0
  const means = Array.from({ length: width }, (_, j) => rows.reduce((sum, r) => sum + (r[j] ?? 0), 0) / Math.max(1, rows.length))
  return rows.map((r) => r.map((v, j) => v - (means[j] ?? 0)))
}

const dot = (w: readonly number[], x: readonly number[]) => w.reduce((sum, v, i) => sum + v * (x[i] ?? 0), 0)

/** Ridge over a design, features and target centered within each story, weights rounded as the fit script does. */
function linear(design: (item: Item) => number[][], target: (item: Item) => number[], lambda = 1): Model {
  return (train) => {
    const rows = train.flatMap((item) => centerRows(design(item)))
    const targets = train.flatMap((item) => centerValues(target(item)))
    const w = ridge(rows, targets, lambda).map((v) => Number(v.toPrecision(2)))
    return (item) => design(item).map((x) => dot(w, x))
  }
}

/** A model's scores rescaled (one slope, fitted on the training stories) to the precision scale, where the MMR penalty was chosen. */
function onPrecisionScale(model: Model): Model {
  return (train) => {
    const scorer = model(train)
    let xy = 0
    let xx = 0
    for (const item of train) {
      const s = centerValues(scorer(item))
      const y = centerValues(item.precision)
      s.forEach((v, k) => {
        xy += v * (y[k] ?? 0)
        xx += v * v
      })
    }
    const slope = xx === 0 ? 1 : xy / xx
    return (item) => scorer(item).map((v) => v * slope)
  }
}

/** The features of session 5 (before this lab): all but `leadLength`, which came out of it. */
const SESSION5_FEATURES = FEATURE_NAMES.filter((name) => name !== 'leadLength')
const base = (f: Features) => SESSION5_FEATURES.map((name) => f[name])
const baseDesign = (item: Item) => item.features.map(base)
const shippedDesign = (item: Item) => item.features.map((f) => FEATURE_NAMES.map((name) => f[name]))
const precisionTarget = (item: Item) => item.precision
/** The shipped target (fit-summary-weights.ts): precision × (bigrams / 30)^0.2. */
const shippedTarget = (item: Item) => item.precision.map((p, k) => p * (Math.max(1, item.bigrams[k] ?? 0) / 30) ** 0.2)

function percentiles(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0])
  const out = new Array<number>(values.length).fill(0)
  order.forEach(([, i], rank) => {
    out[i] = rank / Math.max(1, values.length - 1)
  })
  return out
}

/** Candidate indices of each report. */
function reportsOf(item: Item): Map<number, number[]> {
  const reports = new Map<number, number[]>()
  item.candidates.forEach((candidate, i) => {
    reports.set(candidate.article, [...(reports.get(candidate.article) ?? []), i])
  })
  return reports
}

/** Per candidate, its report's mean support, centrality and headline overlap, its log sentence count and its top-3 support. */
function reportFeatures(item: Item): number[][] {
  const byReport = new Map<number, number[]>()
  for (const [article, indices] of reportsOf(item)) {
    const mean = (name: FeatureName) => indices.reduce((sum, i) => sum + (item.features[i]?.[name] ?? 0), 0) / indices.length
    const top = Math.max(...indices.slice(0, 3).map((i) => item.features[i]?.support ?? 0))
    byReport.set(article, [mean('support'), mean('centrality'), mean('headline'), Math.log(indices.length), top])
  }
  return item.candidates.map((candidate) => byReport.get(candidate.article) ?? [])
}

/** Per candidate, the named features as percentiles within its report. */
function withinReportRanks(item: Item, names: readonly FeatureName[]): number[][] {
  const out = item.candidates.map((): number[] => [])
  for (const indices of reportsOf(item).values()) {
    for (const name of names) {
      const ranks = percentiles(indices.map((i) => item.features[i]?.[name] ?? 0))
      indices.forEach((i, k) => {
        out[i]?.push(ranks[k] ?? 0)
      })
    }
  }
  return out
}

/** Per candidate, the mean support and centrality of the sentences beside it in its report. */
function neighbourFeatures(item: Item): number[][] {
  return item.candidates.map((candidate, i) => {
    const beside = [i - 1, i + 1].filter((j) => item.candidates[j]?.article === candidate.article)
    const mean = (name: FeatureName) => (beside.length === 0 ? 0 : beside.reduce((sum, j) => sum + (item.features[j]?.[name] ?? 0), 0) / beside.length)
    return [mean('support'), mean('centrality')]
  })
}

/** Per candidate, the share of its bigrams (all, not only content) found in at least one other report. */
function otherReportBigrams(item: Item): number[] {
  const reportGrams = new Map<number, Set<string>>()
  for (const [article, indices] of reportsOf(item)) reportGrams.set(article, new Set(indices.flatMap((i) => [...bigramSet(item.candidates[i]?.text ?? '')])))
  return item.candidates.map((candidate) => {
    const grams = [...bigramSet(candidate.text)]
    const found = grams.filter((gram) => [...reportGrams].some(([article, set]) => article !== candidate.article && set.has(gram)))
    return grams.length === 0 ? 0 : found.length / grams.length
  })
}

const withColumns = (extra: (item: Item) => number[][]) => (item: Item) => {
  const columns = extra(item)
  return item.features.map((f, k) => [...base(f), ...(columns[k] ?? [])])
}

const crosses = (pairs: readonly [FeatureName, FeatureName][]) => (item: Item) => item.features.map((f) => [...base(f), ...pairs.map(([a, b]) => f[a] * f[b])])

/** Linear RankNet: logistic loss on the pairs of one story whose precision differs by more than `margin`, by gradient descent on standardized features. */
function pairwise(margin: number): Model {
  return (train) => {
    const stories = train.map((item) => ({ x: centerRows(baseDesign(item)), y: item.precision }))
    const width = SESSION5_FEATURES.length
    const all = stories.flatMap((s) => s.x)
    const sd = Array.from({ length: width }, (_, j) => Math.sqrt(all.reduce((sum, r) => sum + (r[j] ?? 0) ** 2, 0) / all.length) || 1)
    const pairs: number[][] = []
    for (const { x, y } of stories) {
      for (let i = 0; i < x.length; i++)
        for (let j = 0; j < x.length; j++) if ((y[i] ?? 0) - (y[j] ?? 0) > margin) pairs.push(Array.from({ length: width }, (_, f) => ((x[i]?.[f] ?? 0) - (x[j]?.[f] ?? 0)) / (sd[f] ?? 1)))
    }
    const w = new Array<number>(width).fill(0)
    for (let epoch = 0; epoch < 60; epoch++) {
      const gradient = new Array<number>(width).fill(0)
      for (const d of pairs) {
        const p = 1 / (1 + Math.exp(dot(w, d)))
        for (let f = 0; f < width; f++) gradient[f] = (gradient[f] ?? 0) + p * (d[f] ?? 0)
      }
      for (let f = 0; f < width; f++) w[f] = (w[f] ?? 0) + 0.5 * ((gradient[f] ?? 0) / pairs.length - 1e-3 * (w[f] ?? 0))
    }
    const weights = w.map((v, f) => v / (sd[f] ?? 1))
    return (item) => baseDesign(item).map((x) => dot(weights, x))
  }
}

/** The ridge model plus `rounds` regression stumps (decile thresholds, shrinkage 0.1) fitted to its within-story residuals. */
function ridgeAndStumps(rounds: number): Model {
  return (train) => {
    const linearScorer = linear(baseDesign, precisionTarget)(train)
    const rows = train.flatMap(baseDesign)
    const residual = train.flatMap((item) => {
      const predicted = linearScorer(item)
      return centerValues(item.precision.map((y, k) => y - (predicted[k] ?? 0)))
    })
    const width = SESSION5_FEATURES.length
    const thresholds = Array.from({ length: width }, (_, j) => {
      const sorted = rows.map((r) => r[j] ?? 0).sort((a, b) => a - b)
      return [...new Set([1, 2, 3, 4, 5, 6, 7, 8, 9].map((q) => sorted[Math.floor((q / 10) * (sorted.length - 1))] ?? 0))]
    })
    const stumps: { feature: number; threshold: number; left: number; right: number }[] = []
    for (let round = 0; round < rounds; round++) {
      let best = { gain: -1, feature: 0, threshold: 0, left: 0, right: 0 }
      for (let j = 0; j < width; j++) {
        for (const threshold of thresholds[j] ?? []) {
          let leftSum = 0
          let leftCount = 0
          let rightSum = 0
          rows.forEach((r, k) => {
            if ((r[j] ?? 0) <= threshold) {
              leftSum += residual[k] ?? 0
              leftCount += 1
            } else rightSum += residual[k] ?? 0
          })
          const rightCount = rows.length - leftCount
          if (leftCount === 0 || rightCount === 0) continue
          const gain = leftSum ** 2 / leftCount + rightSum ** 2 / rightCount
          if (gain > best.gain) best = { gain, feature: j, threshold, left: (0.1 * leftSum) / leftCount, right: (0.1 * rightSum) / rightCount }
        }
      }
      stumps.push(best)
      rows.forEach((r, k) => {
        residual[k] = (residual[k] ?? 0) - ((r[best.feature] ?? 0) <= best.threshold ? best.left : best.right)
      })
    }
    return (item) => {
      const linearScores = linearScorer(item)
      return baseDesign(item).map((x, k) => (linearScores[k] ?? 0) + stumps.reduce((sum, s) => sum + ((x[s.feature] ?? 0) <= s.threshold ? s.left : s.right), 0))
    }
  }
}

/** Random halves: the same for every model. */
function halves(items: readonly Item[], splits: number, seed: number): [Item[], Item[]][] {
  const random = xorshift(seed)
  return Array.from({ length: splits }, () => {
    const shuffled = [...items]
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[shuffled[i], shuffled[j]] = [shuffled[j] as Item, shuffled[i] as Item]
    }
    const half = Math.floor(shuffled.length / 2)
    return [shuffled.slice(0, half), shuffled.slice(half)]
  })
}

const SPLITS = 30
const SEED = 99

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const items = (await prepareClusters(clusters)).map(itemOf)
  const odd = items.filter((item) => item.cluster % 2 === 1)
  const even = items.filter((item) => item.cluster % 2 === 0)
  const splits = halves(items, SPLITS, SEED)
  const random = (model: Model): Scores[] => splits.flatMap(([a, b]) => [evaluate(b, model(a)), evaluate(a, model(b))])
  const mean = (scores: readonly Scores[], key: keyof Scores) => scores.reduce((sum, s) => sum + s[key], 0) / scores.length
  const reference = random(linear(baseDesign, precisionTarget))
  const rows: [string, Model][] = [
    ['session 5: precision target', linear(baseDesign, precisionTarget)],
    ['precision × (bigrams/30)^0.2', linear(baseDesign, shippedTarget)],
    ['precision × (bigrams/30)^0.2, + leadLength (shipped)', linear(shippedDesign, shippedTarget)],
    ['precision × (bigrams/30)^0.3', linear(baseDesign, (item) => item.precision.map((p, k) => p * (Math.max(1, item.bigrams[k] ?? 0) / 30) ** 0.3))],
    ['precision × (bigrams/30)^0.1', linear(baseDesign, (item) => item.precision.map((p, k) => p * (Math.max(1, item.bigrams[k] ?? 0) / 30) ** 0.1))],
    ['recall target', onPrecisionScale(linear(baseDesign, (item) => item.recall))],
    ['percentile of precision in its story', onPrecisionScale(linear(baseDesign, (item) => percentiles(item.precision)))],
    ['top fifth by precision (0/1)', onPrecisionScale(linear(baseDesign, (item) => percentiles(item.precision).map((r) => (r > 0.8 ? 1 : 0))))],
    ['pairwise logistic (RankNet), margin 0.05', onPrecisionScale(pairwise(0.05))],
    ['pairwise logistic (RankNet), margin 0.15', onPrecisionScale(pairwise(0.15))],
    ['+ length×lead (precision target)', linear(crosses([['length', 'lead']]), precisionTarget)],
    [
      '+ length×lead, support×centrality, depth×support',
      linear(
        crosses([
          ['length', 'lead'],
          ['support', 'centrality'],
          ['depth', 'support'],
        ]),
        precisionTarget,
      ),
    ],
    ['+ report: mean support, centrality, headline; log size; top-3 support', linear(withColumns(reportFeatures), precisionTarget)],
    [
      '+ ranks within the report (5 features)',
      linear(
        withColumns((item) => withinReportRanks(item, ['support', 'centrality', 'headline', 'leadShare', 'leadPrecision'])),
        precisionTarget,
      ),
    ],
    ['+ neighbours’ support and centrality', linear(withColumns(neighbourFeatures), precisionTarget)],
    [
      '+ share of bigrams in another report',
      linear(
        withColumns((item) => otherReportBigrams(item).map((v) => [v])),
        precisionTarget,
      ),
    ],
    ['ridge + 50 boosted stumps on its residual', ridgeAndStumps(50)],
    [
      'shipped + report features',
      linear((item) => {
        const columns = reportFeatures(item)
        return shippedDesign(item).map((x, k) => [...x, ...(columns[k] ?? [])])
      }, shippedTarget),
    ],
  ]
  console.log(`held out: fit odd → score even, fit even → score odd, ${SPLITS} random half splits (Δ against the session 5 model on the same splits)`)
  for (const [label, model] of rows) {
    const oddEven = evaluate(even, model(odd))
    const evenOdd = evaluate(odd, model(even))
    const scores = random(model)
    const delta = (key: keyof Scores) => {
      const d = mean(scores, key) - mean(reference, key)
      return `${d >= 0 ? '+' : ''}${d.toFixed(2)}`
    }
    console.log(
      `${label.padEnd(72)} story ${oddEven.story.toFixed(1)} / ${evenOdd.story.toFixed(1)} / ${mean(scores, 'story').toFixed(2)} (${delta('story')})  short ${oddEven.short.toFixed(1)} / ${evenOdd.short.toFixed(1)} / ${mean(scores, 'short').toFixed(2)} (${delta('short')})`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
