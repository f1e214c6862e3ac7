/**
 * Budgeted selection from a summary plan (plan.ts) by maximal marginal
 * relevance (MMR, Carbonell & Goldstein 1998): each round takes the sentence
 * with the best score minus a penalty for how much it repeats what is already
 * taken, among those that still fit the budget, until nothing fits.
 *
 * Three rules on top:
 * - a restatement of a sentence already taken (overlap above MAX_OVERLAP, or
 *   the same quantity or names: restate.ts) is never taken;
 * - a sentence that needs an antecedent (opening.ts) is taken only after one
 *   that comes before it in the summary's order, so a summary never opens with
 *   `Tuy nhiên, …` or `Ông cho biết …` while any self-contained sentence exists;
 * - a summary never exceeds its word budget: when not even the best sentence
 *   fits, its first words are quoted, ending in `…`.
 *
 * The summary reads in report order, oldest report first, and within a report
 * in reading order.
 *
 * Pure and deterministic: ties keep plan order.
 */
import type { PlanSentence, SummaryPlan } from './plan.js'
import { MAX_OVERLAP } from './restate.js'

export type Budget = {
  /** Most whitespace-separated words in all. */
  words: number
  /** Most sentences, when the caller asks by sentence count. */
  sentences?: number | undefined
}

/**
 * MMR penalty per unit of overlap, in score units, by model. Stories: 0.6,
 * measured on the dev set and stable on both halves (BENCHMARKS.md) — outlets
 * repeat each other's facts. Articles rarely restate themselves: a penalty
 * changed nothing measurable, so only the restatement rule applies.
 */
export const REDUNDANCY_PENALTY = { story: 0.6, article: 0 } as const

/**
 * Choose sentences within the budget (see module comment), in summary order.
 * Returns at least one sentence when the plan has any.
 *
 * @example
 * selectFromPlan(plan, { words: 60 }).map((s) => s.text).join(' ')
 */
export function selectFromPlan(plan: SummaryPlan, budget: Budget): PlanSentence[] {
  const { sentences } = plan
  const n = sentences.length
  const overlap = new Float64Array(n * n)
  for (const [i = 0, j = 0, value = 0] of plan.overlaps) {
    overlap[i * n + j] = value
    overlap[j * n + i] = value
  }
  const maxSentences = budget.sentences ?? Number.POSITIVE_INFINITY
  const byCount = budget.sentences !== undefined
  /** Largest overlap of each sentence with any taken so far. */
  const worst = new Float64Array(n)
  const taken: number[] = []
  const open = new Set(sentences.map((_, i) => i))
  let used = 0
  while (taken.length < maxSentences) {
    let best = -1
    let bestValue = Number.NEGATIVE_INFINITY
    for (const i of open) {
      const sentence = sentences[i] as PlanSentence
      if ((worst[i] ?? 0) > MAX_OVERLAP || (!byCount && used + sentence.words > budget.words)) continue
      if (sentence.dependent && !taken.some((t) => precedes(sentences[t] as PlanSentence, sentence))) continue
      const value = sentence.score - plan.penalty * (worst[i] ?? 0)
      if (value > bestValue) {
        best = i
        bestValue = value
      }
    }
    if (best === -1) break
    taken.push(best)
    open.delete(best)
    used += (sentences[best] as PlanSentence).words
    for (const i of open) worst[i] = Math.max(worst[i] ?? 0, overlap[i * n + best] ?? 0)
  }
  if (taken.length === 0) return fallback(sentences, budget)
  return taken.map((i) => sentences[i] as PlanSentence).sort(inSummaryOrder)
}

/** When nothing fits: the best self-contained sentence (else the best), cut to the budget. */
function fallback(sentences: readonly PlanSentence[], budget: Budget): PlanSentence[] {
  const top = sentences.find((sentence) => !sentence.dependent) ?? sentences[0]
  if (top === undefined) return []
  if (top.words <= budget.words) return [top]
  const words = top.text.split(/\s+/).slice(0, Math.max(1, budget.words))
  return [{ ...top, text: `${words.join(' ').replace(/[,;:]$/u, '')}…`, words: words.length }]
}

/** Whether a comes before b in a summary: an earlier report, or earlier in the same one. */
function precedes(a: PlanSentence, b: PlanSentence): boolean {
  return a.article < b.article || (a.article === b.article && a.index < b.index)
}

function inSummaryOrder(a: PlanSentence, b: PlanSentence): number {
  return a.article - b.article || a.index - b.index
}
