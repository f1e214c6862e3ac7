/**
 * Budgeted selection by maximal marginal relevance (MMR, Carbonell &
 * Goldstein 1998): each round takes the sentence with the best score minus a
 * penalty for how much it repeats what is already taken, among those that
 * still fit the word budget, until nothing fits.
 *
 * Scores come from features.ts. Repetition is judged on concepts (content
 * bigrams, candidates.ts): the share of the smaller sentence's concepts that
 * the two have in common. Above MAX_OVERLAP two sentences say the same thing
 * (the same fact in two outlets' words) and the later one is never taken.
 *
 * Pure and deterministic: ties keep input order.
 */
import type { Candidate } from './candidates.js'
import { conceptOverlap } from './features.js'

export type Budget = {
  /** Most whitespace-separated words in all. */
  words: number
  /** Most sentences, when the caller asks by sentence count. */
  sentences?: number | undefined
}

/**
 * Above this share of shared concepts, two sentences restate each other: half
 * their phrases are the same. Below it, overlap is only penalized.
 */
export const MAX_OVERLAP = 0.5

/**
 * MMR penalty per unit of overlap, in score units, by model. Stories: 0.6,
 * measured on the dev set and stable on both halves (BENCHMARKS.md) — outlets
 * repeat each other's facts. Articles rarely restate themselves: a penalty
 * changed nothing measurable, so only the MAX_OVERLAP bound applies.
 */
export const REDUNDANCY_PENALTY = { story: 0.6, article: 0 } as const

/**
 * Choose sentences within the budget (see module comment). Always returns at
 * least one sentence when there is any candidate: the best one, even if it
 * alone is longer than the budget.
 *
 * @example
 * selectSentences(candidates, scores, { words: 60 })
 */
export function selectSentences(candidates: readonly Candidate[], scores: readonly number[], budget: Budget, penalty: number): Candidate[] {
  const maxSentences = budget.sentences ?? Number.POSITIVE_INFINITY
  const byCount = budget.sentences !== undefined
  const chosen: Candidate[] = []
  /** For each open candidate, its largest overlap with a chosen sentence so far. */
  const overlapWithChosen = new Map<number, number>(candidates.map((_, i) => [i, 0]))
  let used = 0
  while (chosen.length < maxSentences) {
    let best = -1
    let bestValue = Number.NEGATIVE_INFINITY
    for (const [i, overlap] of overlapWithChosen) {
      const candidate = candidates[i] as Candidate
      if (overlap > MAX_OVERLAP || (!byCount && used + candidate.words > budget.words)) continue
      const value = (scores[i] ?? 0) - penalty * overlap
      if (value > bestValue) {
        best = i
        bestValue = value
      }
    }
    if (best === -1) break
    const taken = candidates[best] as Candidate
    chosen.push(taken)
    used += taken.words
    overlapWithChosen.delete(best)
    for (const [i, overlap] of overlapWithChosen) {
      overlapWithChosen.set(i, Math.max(overlap, conceptOverlap(candidates[i] as Candidate, taken)))
    }
  }
  if (chosen.length === 0) {
    let top = -1
    candidates.forEach((_, i) => {
      if (top === -1 || (scores[i] ?? 0) > (scores[top] ?? 0)) top = i
    })
    if (top !== -1) chosen.push(candidates[top] as Candidate)
  }
  return chosen
}
