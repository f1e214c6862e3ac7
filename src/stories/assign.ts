/**
 * The grouping procedure shared by the writer (SQL-backed state) and the
 * benchmark (in-memory state), so both decide exactly alike:
 * count the article's terms into the document frequencies, weight its vector,
 * fetch the candidate stories that share its heaviest terms, choose.
 *
 * Pure: the state is an interface; the writer implements it over SQLite.
 */
import { type ArticleSignature, type Decision, type JoinRule, type SparseVector, type StoryCandidate, chooseStory, topTerms, vectorOf } from './group.js'

/** Candidate stories are those sharing one of the article's heaviest terms: names and key phrases. */
export const CANDIDATE_TERMS = 20

/**
 * At most this many candidate stories are compared, those sharing the most of
 * those terms: bounds the reads per ingest however large the archive grows.
 */
export const MAX_CANDIDATE_STORIES = 50

/** What grouping needs to know about the stories and articles so far. */
export interface GroupingState {
  /** Add one article's terms to the document frequencies (before it is weighted). */
  countDocument(terms: readonly string[]): void
  documentFrequency(terms: readonly string[]): ReadonlyMap<string, number>
  documentCount(): number
  /**
   * Stories indexed under any of these terms (at most MAX_CANDIDATE_STORIES,
   * most shared terms first, then by id), with their latest members' vectors
   * (whole text, and headline and lead).
   */
  candidateStories(terms: readonly string[], time: number | null): StoryCandidate[]
}

/** The decision, the article's vector and its headline-and-lead vector (to store), and its index terms. */
export type Assignment = { decision: Decision; vector: SparseVector; top: SparseVector; terms: string[] }

/**
 * Decide the story of a new article (see group.ts for the model).
 *
 * @example
 * const { decision, vector } = assignArticle(state, signatureOf(article), Date.parse(article.publishedAt))
 */
export function assignArticle(state: GroupingState, signature: ArticleSignature, time: number | null, rule?: JoinRule): Assignment {
  const terms = Object.keys(signature.counts)
  state.countDocument(terms)
  const df = state.documentFrequency(terms)
  const vector = vectorOf(signature.counts, (term) => df.get(term) ?? 0, state.documentCount())
  // Headline and lead terms are among the article's, so their frequencies are already read.
  const top = vectorOf(signature.topCounts, (term) => df.get(term) ?? 0, state.documentCount())
  const indexTerms = topTerms(vector, CANDIDATE_TERMS)
  const decision = chooseStory({ vector, top }, time, state.candidateStories(indexTerms, time), signature.where, rule)
  return { decision, vector, top, terms: indexTerms }
}
