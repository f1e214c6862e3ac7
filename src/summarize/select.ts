/**
 * Budgeted selection: take sentences best score first, skip any that would
 * break the budget or restate a sentence already taken, until nothing fits.
 *
 * Scores come from features.ts. Restatement is judged on concepts (content
 * bigrams, candidates.ts): a sentence sharing more than MAX_OVERLAP of its (or
 * the other's, whichever is smaller) concepts with a chosen one says the same
 * thing — typically the same fact in two outlets' words. This is the
 * redundancy control of MMR (Carbonell & Goldstein 1998) in its hard form:
 * with a fixed word budget, a near-duplicate is pure loss.
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
 * Above this share of shared concepts, two sentences restate each other.
 * 0.3 keeps sentences that merely share the event's names and a verb (names
 * alone are 10–20% of a sentence's bigrams) and drops rewordings of one fact.
 */
export const MAX_OVERLAP = 0.3

/**
 * Choose sentences within the budget (see module comment). Always returns at
 * least one sentence when there is any candidate: the best one, even if it
 * alone is longer than the budget.
 *
 * @example
 * selectSentences(candidates, scores, { words: 60 })
 */
export function selectSentences(candidates: readonly Candidate[], scores: readonly number[], budget: Budget): Candidate[] {
  const ranked = candidates
    .map((candidate, i) => ({ candidate, score: scores[i] ?? 0, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
  const maxSentences = budget.sentences ?? Number.POSITIVE_INFINITY
  const byCount = budget.sentences !== undefined
  const chosen: Candidate[] = []
  let used = 0
  for (const { candidate } of ranked) {
    if (chosen.length >= maxSentences) break
    if (!byCount && used + candidate.words > budget.words) continue
    if (chosen.some((other) => conceptOverlap(candidate, other) > MAX_OVERLAP)) continue
    chosen.push(candidate)
    used += candidate.words
  }
  const best = ranked[0]
  if (chosen.length === 0 && best !== undefined) chosen.push(best.candidate)
  return chosen
}
