/**
 * A summary plan: everything a summary of any length needs, computed once
 * when an article or a story changes. Scoring (features.ts) is the expensive
 * part of summarizing and does not depend on the length asked for, so the
 * writer scores once and keeps, for the PLAN_SENTENCES best sentences, their
 * text, place and score, whether each needs an antecedent (opening.ts), and
 * how much each pair overlaps (restate.ts: a restatement counts as 1). A
 * summary of any length is then a cheap selection from the plan (select.ts),
 * never a fresh scoring — a GET costs the same whatever it asks.
 *
 * Plans are plain data: they are stored in KV as JSON.
 *
 * Pure and deterministic.
 */
import type { Candidate } from './candidates.js'
import type { Lexicon } from './lexicon.js'
import { mayHoldFusedCaption } from '../text/sentences.js'
import { needsAntecedent } from './opening.js'
import { type FactSkeleton, restates, skeletonOf } from './restate.js'

/**
 * Sentences a plan keeps, best first. The API asks for at most 30 sentences
 * or 500 words (17–25 words a sentence: about 25 sentences), and selection
 * skips restatements and may hold a dependent sentence back, so twice that
 * leaves every length its choice.
 */
export const PLAN_SENTENCES = 64

/**
 * Smallest overlap a plan keeps. Below it the MMR penalty (0.6 × overlap)
 * moves a score by less than 0.03, under the gap between most neighbouring
 * scores; without a penalty (article plans) only restatements (1) matter.
 */
const MIN_KEPT_OVERLAP = 0.05

/** One sentence a summary may quote, as a plan keeps it. */
export type PlanSentence = {
  text: string
  words: number
  articleId: string
  /** Which report of the input, oldest first (0 for an article summary). */
  article: number
  /** Index into the article's paragraphs, or null for a lead sentence. */
  paragraph: number | null
  /** Ordinal of the sentence in its article. */
  index: number
  score: number
  /** It opens with a word that points back: it may not open a summary. */
  dependent: boolean
  /**
   * It is the first sentence its report offers (captions, fragments and the
   * like left out: candidates.ts), its lede, and shows no sign of a caption
   * fused onto it (`mayHoldFusedCaption`, text/sentences.ts): a lede is
   * quoted cut to a short budget (select.ts), and a fused caption would
   * open the summary. Absent in plans stored before session 5: read as false.
   */
  opening?: boolean | undefined
}

export type SummaryPlan = {
  /** Best first. */
  sentences: PlanSentence[]
  /** `[i, j, overlap]` for i < j into `sentences`, rounded to 0.01, 1 for a restatement; small ones left out (MIN_KEPT_OVERLAP). */
  overlaps: number[][]
  /** MMR penalty per unit of overlap (select.ts). */
  penalty: number
}

/**
 * The plan of scored candidates (`lexicon` is the one their units come from).
 *
 * @example
 * planOf(candidates, scores, REDUNDANCY_PENALTY.story, lexicon)
 */
export function planOf(candidates: readonly Candidate[], scores: readonly number[], penalty: number, lexicon: Lexicon): SummaryPlan {
  const order = candidates
    .map((candidate, i) => ({ candidate, score: scores[i] ?? 0, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, PLAN_SENTENCES)
  // Each report's first candidate, among all of them (the plan keeps only the best): its lede.
  const firstIndex = new Map<number, number>()
  for (const candidate of candidates) if (!firstIndex.has(candidate.article)) firstIndex.set(candidate.article, candidate.index)
  const kept = order.map(({ candidate }) => candidate)
  const skeletons = kept.map((candidate) => skeletonOf(candidate.text, candidate.content, lexicon))
  const shared = sharedConcepts(kept)
  const overlaps: number[][] = []
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i] as Candidate
    for (let j = i + 1; j < kept.length; j++) {
      const b = kept[j] as Candidate
      // Share of concepts in common over the smaller set: 1 when one sentence's concepts are all in the other.
      const small = Math.min(a.concepts.length, b.concepts.length)
      const overlap = small === 0 ? (a.text === b.text ? 1 : 0) : (shared[i * kept.length + j] ?? 0) / small
      const value = restates(skeletons[i] as FactSkeleton, skeletons[j] as FactSkeleton, overlap) ? 1 : Math.round(overlap * 100) / 100
      if (value >= (penalty === 0 ? 1 : MIN_KEPT_OVERLAP)) overlaps.push([i, j, value])
    }
  }
  return {
    sentences: order.map(({ candidate, score }) => ({
      text: candidate.text,
      words: candidate.words,
      articleId: candidate.articleId,
      article: candidate.article,
      paragraph: candidate.paragraph,
      index: candidate.index,
      score: Math.round(score * 10_000) / 10_000,
      dependent: needsAntecedent(candidate.text),
      opening: firstIndex.get(candidate.article) === candidate.index && !mayHoldFusedCaption(candidate.text),
    })),
    overlaps,
    penalty,
  }
}

/**
 * For each pair i < j of sentences, how many concepts they share (at
 * `i * length + j`), through an inverted index (concept → the sentences that
 * have it so far): the cost is the number of shared postings, most concepts
 * being in one or two sentences, not a merge of every pair.
 */
function sharedConcepts(sentences: readonly Candidate[]): Int32Array {
  const n = sentences.length
  const shared = new Int32Array(n * n)
  const postings = new Map<number, number[]>()
  sentences.forEach((sentence, j) => {
    for (const concept of sentence.concepts) {
      const list = postings.get(concept)
      if (list === undefined) postings.set(concept, [j])
      else {
        for (const i of list) shared[i * n + j] = (shared[i * n + j] ?? 0) + 1
        list.push(j)
      }
    }
  })
  return shared
}
