/**
 * Sentence features for extractive summaries, and the linear score over them.
 *
 * Each candidate sentence is described by six numbers that the literature on
 * news summarization has long found predictive (Edmundson 1969 for position
 * and title words; Radev et al. 2004, MEAD, for centroid centrality; cross-
 * document support is the multi-document form of centrality):
 *
 * - `opening`: 1 for the first sentence of an article — the news itself;
 * - `lead`: 1 / (1 + position in its article) — reporters put the news first;
 * - `depth`: position / sentences in the article — how far into the report;
 * - `headline`: share of the headline's content syllables the sentence has
 *   (for a story, of all its headlines) — the editor's own summary;
 * - `headlineConcepts`: the same for the headlines' content bigrams (phrases);
 * - `support`: for each other report, the best share of this sentence's
 *   concepts found in one of its sentences, averaged over the other reports —
 *   facts several outlets report are the event;
 * - `centrality`: cosine between the sentence's content syllables and those of
 *   the whole input;
 * - `leadShare`: for each report's lead (the editor's teaser, which is not
 *   itself quoted: see candidates.ts), the share of the lead's content bigrams
 *   the sentence states, averaged over the leads — the body sentences that
 *   carry what the editors chose to lead with;
 * - `leadPrecision`: the share of the sentence's own content bigrams found in
 *   any lead;
 * - `length`: ln(words).
 *
 * The weights are a least-squares fit of each sentence's bigram precision
 * against human summaries (scripts/fit-summary-weights.ts; see weights.ts).
 *
 * Pure: no runtime imports.
 */
import { type Candidate, conceptsOf } from './candidates.js'
import { isStopword, toSyllables } from '../text/syllables.js'

/** The features, in a fixed order (the fitting script and the weights follow it). */
export const FEATURE_NAMES = ['opening', 'lead', 'depth', 'headline', 'headlineConcepts', 'support', 'centrality', 'leadShare', 'leadPrecision', 'length'] as const

export type Features = Record<(typeof FEATURE_NAMES)[number], number>

export type FeatureWeights = Features & { bias: number }

/** What the features compare sentences with: the input's headlines and its leads (sapos). */
export type FeatureContext = { headlines: readonly string[]; leads: readonly string[] }

/** Features of every candidate, in input order. */
export function featuresOf(candidates: readonly Candidate[], context: FeatureContext): Features[] {
  const { headlines } = context
  const headlineWords = new Set(headlines.flatMap((title) => toSyllables(title)).filter((s) => !isStopword(s)))
  const headlineConcepts = new Set(headlines.flatMap((title) => [...conceptsOf(toSyllables(title))]))
  const leadConcepts = context.leads.map((lead) => conceptsOf(toSyllables(lead))).filter((concepts) => concepts.size > 0)
  // Each lead concept → the weight it adds to leadShare (1/size of each lead that has it): one lookup per sentence concept.
  const leadWeight = new Map<string, number>()
  for (const concepts of leadConcepts) for (const concept of concepts) leadWeight.set(concept, (leadWeight.get(concept) ?? 0) + 1 / concepts.size)
  const inputVector = new Map<string, number>()
  for (const candidate of candidates) for (const syllable of candidate.content) inputVector.set(syllable, (inputVector.get(syllable) ?? 0) + 1)
  const inputNorm = norm(inputVector)
  const perArticle = new Map<number, number>()
  for (const candidate of candidates) perArticle.set(candidate.article, (perArticle.get(candidate.article) ?? 0) + 1)
  const articles = perArticle.size
  const seen = new Map<number, number>()
  const supports = articles > 1 ? supportsOf(candidates) : null

  const counts = new Map<string, number>()
  return candidates.map((candidate, i) => {
    const position = seen.get(candidate.article) ?? 0
    seen.set(candidate.article, position + 1)
    // Centrality and headline overlap in one pass over the sentence's syllables (one map, cleared per sentence).
    counts.clear()
    let headlineHits = 0
    for (const syllable of candidate.content) {
      const count = counts.get(syllable) ?? 0
      if (count === 0 && headlineWords.has(syllable)) headlineHits += 1
      counts.set(syllable, count + 1)
    }
    let dot = 0
    let squares = 0
    for (const [syllable, count] of counts) {
      dot += count * (inputVector.get(syllable) ?? 0)
      squares += count * count
    }
    const denominator = Math.sqrt(squares) * inputNorm
    let conceptHits = 0
    let leadHits = 0
    let leadShare = 0
    for (const concept of candidate.concepts) {
      if (headlineConcepts.has(concept)) conceptHits += 1
      const weight = leadWeight.get(concept)
      if (weight !== undefined) {
        leadHits += 1
        leadShare += weight
      }
    }
    return {
      opening: position === 0 ? 1 : 0,
      lead: 1 / (1 + position),
      depth: position / (perArticle.get(candidate.article) ?? 1),
      headline: headlineWords.size === 0 ? 0 : headlineHits / headlineWords.size,
      headlineConcepts: headlineConcepts.size === 0 ? 0 : conceptHits / headlineConcepts.size,
      support: supports === null ? 0 : (supports[i] ?? 0) / (articles - 1),
      centrality: denominator === 0 ? 0 : dot / denominator,
      leadShare: leadConcepts.length === 0 ? 0 : leadShare / leadConcepts.length,
      leadPrecision: candidate.concepts.size === 0 ? 0 : leadHits / candidate.concepts.size,
      length: Math.log(Math.max(1, candidate.words)),
    }
  })
}

/**
 * The linear score of a feature vector.
 *
 * @example
 * scoreOf(features, STORY_WEIGHTS)
 */
export function scoreOf(features: Features, weights: FeatureWeights): number {
  let score = weights.bias
  for (const name of FEATURE_NAMES) score += weights[name] * features[name]
  return score
}

/**
 * For each candidate, the sum over the other articles of its best overlap with
 * one of their sentences. Shared concepts are counted through an inverted
 * index (concept → sentences), so the cost is the number of shared postings,
 * not the square of the number of sentences.
 */
function supportsOf(candidates: readonly Candidate[]): number[] {
  const postings = new Map<string, number[]>()
  let articles = 0
  candidates.forEach((candidate, i) => {
    articles = Math.max(articles, candidate.article + 1)
    for (const concept of candidate.concepts) {
      const list = postings.get(concept)
      if (list === undefined) postings.set(concept, [i])
      else list.push(i)
    }
  })
  // Scratch arrays reused across candidates: shared-concept counts and best overlap per article.
  const shared = new Int32Array(candidates.length)
  const best = new Float64Array(articles)
  const touched: number[] = []
  return candidates.map((candidate) => {
    for (const concept of candidate.concepts) {
      for (const j of postings.get(concept) ?? []) {
        if ((candidates[j] as Candidate).article === candidate.article) continue
        if (shared[j] === 0) touched.push(j)
        shared[j] = (shared[j] ?? 0) + 1
      }
    }
    for (const j of touched) {
      const other = candidates[j] as Candidate
      const overlap = (shared[j] ?? 0) / Math.min(candidate.concepts.size, other.concepts.size)
      if (overlap > (best[other.article] ?? 0)) best[other.article] = overlap
      shared[j] = 0
    }
    touched.length = 0
    let sum = 0
    for (let a = 0; a < articles; a++) sum += best[a] ?? 0
    best.fill(0)
    return sum
  })
}

function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const value of vector.values()) sum += value * value
  return Math.sqrt(sum)
}
