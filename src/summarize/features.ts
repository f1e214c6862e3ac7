/**
 * Sentence features for extractive summaries, and the linear score over them.
 *
 * Each candidate sentence is described by numbers that the literature on
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
 * - `length`: ln(words);
 * - `leadLength`: `lead` × `length` — a long sentence at the top of its
 *   report is a full lede (who, what, where, when); deeper in, length says
 *   less. (Held out on dev over 100 random half splits: story R2 +0.2, better
 *   in 123 of 200 scorings and worse in 77; short story +1.1.)
 *
 * The weights are least-squares fits against human summaries
 * (scripts/fit-summary-weights.ts; see weights.ts).
 *
 * Pure: no runtime imports.
 */
import type { Candidate } from './candidates.js'
import type { Lexicon } from './lexicon.js'
import { toSyllables } from '../text/syllables.js'

/** The features, in a fixed order (the fitting script and the weights follow it). */
export const FEATURE_NAMES = ['opening', 'lead', 'depth', 'headline', 'headlineConcepts', 'support', 'centrality', 'leadShare', 'leadPrecision', 'length', 'leadLength'] as const

export type Features = Record<(typeof FEATURE_NAMES)[number], number>

export type FeatureWeights = Features & { bias: number }

/** What the features compare sentences with: the input's headlines and its leads (sapos). */
export type FeatureContext = { headlines: readonly string[]; leads: readonly string[] }

/**
 * Features of every candidate, in input order. `lexicon` is the one the
 * candidates' units come from; sets of syllables and concepts are dense
 * arrays indexed by its ids.
 */
export function featuresOf(candidates: readonly Candidate[], context: FeatureContext, lexicon: Lexicon): Features[] {
  const headlineUnits = context.headlines.map((title) => lexicon.unitsOf(toSyllables(title)))
  const leadConcepts = context.leads.map((lead) => lexicon.unitsOf(toSyllables(lead)).concepts).filter((concepts) => concepts.length > 0)
  // Sized once every unit the features compare has its id.
  const syllables = lexicon.syllableCount
  const concepts = lexicon.conceptCount
  // Headline content syllables (numbers kept) and content bigrams, as membership flags.
  const headlineWords = new Uint8Array(syllables)
  const headlineConcepts = new Uint8Array(concepts)
  let headlineWordCount = 0
  let headlineConceptCount = 0
  for (const units of headlineUnits) {
    for (const id of units.content) {
      headlineWordCount += 1 - (headlineWords[id] ?? 0)
      headlineWords[id] = 1
    }
    for (const id of units.concepts) {
      headlineConceptCount += 1 - (headlineConcepts[id] ?? 0)
      headlineConcepts[id] = 1
    }
  }
  // Each lead concept → the weight it adds to leadShare (1/size of each lead that has it): one lookup per sentence concept.
  const leadWeight = new Float64Array(concepts)
  for (const lead of leadConcepts) for (const id of lead) leadWeight[id] = (leadWeight[id] ?? 0) + 1 / lead.length
  const inputVector = new Float64Array(syllables)
  for (const candidate of candidates) for (const id of candidate.content) inputVector[id] = (inputVector[id] ?? 0) + 1
  const inputNorm = norm(inputVector)
  const perArticle = new Map<number, number>()
  for (const candidate of candidates) perArticle.set(candidate.article, (perArticle.get(candidate.article) ?? 0) + 1)
  const articles = perArticle.size
  const seen = new Map<number, number>()
  const supports = articles > 1 ? supportsOf(candidates, concepts) : null

  // Per-sentence syllable counts, cleared through the list of syllables touched.
  const counts = new Int32Array(syllables)
  const touched: number[] = []
  return candidates.map((candidate, i) => {
    const position = seen.get(candidate.article) ?? 0
    seen.set(candidate.article, position + 1)
    // Centrality and headline overlap in one pass over the sentence's syllables.
    let headlineHits = 0
    for (const id of candidate.content) {
      const count = counts[id] ?? 0
      if (count === 0) {
        touched.push(id)
        if (headlineWords[id] === 1) headlineHits += 1
      }
      counts[id] = count + 1
    }
    let dot = 0
    let squares = 0
    for (const id of touched) {
      const count = counts[id] ?? 0
      dot += count * (inputVector[id] ?? 0)
      squares += count * count
      counts[id] = 0
    }
    touched.length = 0
    const denominator = Math.sqrt(squares) * inputNorm
    let conceptHits = 0
    let leadHits = 0
    let leadShare = 0
    for (const id of candidate.concepts) {
      conceptHits += headlineConcepts[id] ?? 0
      const weight = leadWeight[id] ?? 0
      if (weight > 0) {
        leadHits += 1
        leadShare += weight
      }
    }
    const lead = 1 / (1 + position)
    const length = Math.log(Math.max(1, candidate.words))
    return {
      opening: position === 0 ? 1 : 0,
      lead,
      depth: position / (perArticle.get(candidate.article) ?? 1),
      headline: headlineWordCount === 0 ? 0 : headlineHits / headlineWordCount,
      headlineConcepts: headlineConceptCount === 0 ? 0 : conceptHits / headlineConceptCount,
      support: supports === null ? 0 : (supports[i] ?? 0) / (articles - 1),
      centrality: denominator === 0 ? 0 : dot / denominator,
      leadShare: leadConcepts.length === 0 ? 0 : leadShare / leadConcepts.length,
      leadPrecision: candidate.concepts.length === 0 ? 0 : leadHits / candidate.concepts.length,
      length,
      leadLength: lead * length,
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
function supportsOf(candidates: readonly Candidate[], concepts: number): number[] {
  // Postings as one array (concept → the candidates that have it, ascending), sliced by offsets.
  const offsets = new Int32Array(concepts + 1)
  let articles = 0
  for (const candidate of candidates) {
    articles = Math.max(articles, candidate.article + 1)
    for (const id of candidate.concepts) offsets[id + 1] = (offsets[id + 1] ?? 0) + 1
  }
  for (let id = 0; id < concepts; id++) offsets[id + 1] = (offsets[id + 1] ?? 0) + (offsets[id] ?? 0)
  const postings = new Int32Array(offsets[concepts] ?? 0)
  const filled = offsets.slice(0, concepts)
  candidates.forEach((candidate, i) => {
    for (const id of candidate.concepts) {
      const at = filled[id] ?? 0
      postings[at] = i
      filled[id] = at + 1
    }
  })
  // Scratch arrays reused across candidates: shared-concept counts and best overlap per article.
  const shared = new Int32Array(candidates.length)
  const best = new Float64Array(articles)
  const touched: number[] = []
  return candidates.map((candidate) => {
    for (const id of candidate.concepts) {
      const end = offsets[id + 1] ?? 0
      for (let k = offsets[id] ?? 0; k < end; k++) {
        const j = postings[k] ?? 0
        if ((candidates[j] as Candidate).article === candidate.article) continue
        if (shared[j] === 0) touched.push(j)
        shared[j] = (shared[j] ?? 0) + 1
      }
    }
    for (const j of touched) {
      const other = candidates[j] as Candidate
      const overlap = (shared[j] ?? 0) / Math.min(candidate.concepts.length, other.concepts.length)
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

function norm(vector: Float64Array): number {
  let sum = 0
  for (const value of vector) sum += value * value
  return Math.sqrt(sum)
}
