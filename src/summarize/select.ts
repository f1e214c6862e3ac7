/**
 * Budgeted selection from a summary plan (plan.ts) by maximal marginal
 * relevance (MMR, Carbonell & Goldstein 1998): each round takes the sentence
 * with the best score minus a penalty for how much it repeats what is already
 * taken, among those that still fit the budget, until nothing fits.
 *
 * A lede too long for the budget is quoted cut rather than passed over: when
 * the best self-contained sentence opens its report and does not fit, the
 * summary is that sentence up to the budget, ending at a clause boundary in
 * the budget's last quarter when there is one, and in `…`. The opening
 * sentence of a news report states its event (who, what, where, when); a
 * later sentence that happens to be short enough is usually a detail. (Dev,
 * R2 by half: article summaries at words=50 odd 15.7 → 15.6, even 17.9 →
 * 19.3; short story summaries at words=40 odd 23.4 → 23.1, even 26.3 → 36.9:
 * people open their summaries with a report's lede as often as not.)
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
  if (budget.sentences === undefined) {
    const top = sentences.find((sentence) => !sentence.dependent)
    if (top !== undefined && top.words > budget.words && top.opening === true) return [cutToBudget(top, budget.words)]
  }
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
  return [top.words <= budget.words ? top : cutToBudget(top, budget.words)]
}

/**
 * A sentence's first words within the budget, ending in `…`: at the last
 * clause boundary (comma, semicolon, colon) in the budget's last quarter when
 * there is one, so the cut falls at a pause, else at the budget. (Earlier
 * boundaries keep only an opening clause: `Được đồn đại khá lâu và bị rò rỉ
 * khá nhiều…` says nothing.)
 */
function cutToBudget(sentence: PlanSentence, budget: number): PlanSentence {
  let words = sentence.text.split(/\s+/).slice(0, Math.max(1, budget))
  let end = words.length - 1
  while (end >= (budget * 3) / 4 && !/[,;:]$/u.test(words[end] ?? '')) end -= 1
  if (end >= (budget * 3) / 4) words = words.slice(0, end + 1)
  return { ...sentence, text: `${words.join(' ').replace(/[,;:]$/u, '')}…`, words: words.length }
}

/** Whether a comes before b in a summary: an earlier report, or earlier in the same one. */
function precedes(a: PlanSentence, b: PlanSentence): boolean {
  return a.article < b.article || (a.article === b.article && a.index < b.index)
}

function inSummaryOrder(a: PlanSentence, b: PlanSentence): number {
  return a.article - b.article || a.index - b.index
}
