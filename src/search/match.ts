/**
 * FTS5 MATCH expressions from a parsed query, and the ranking rules they
 * serve. Every term reaches FTS5 inside double quotes (an FTS5 string,
 * embedded quotes doubled), so nothing a user typed is ever read as FTS5
 * syntax; column filters and operators come only from this module.
 *
 * The index has seven columns: the title and the body (lead and paragraphs),
 * each as exact syllables, as folded ones (see fold.ts) and as pairs of
 * adjacent folded syllables (`ha_noi`, one token: a shingle, as
 * Elasticsearch's `index_phrases` keeps them). A pair is a single lookup
 * where a two-syllable phrase is a merge of two position lists, and the
 * pairs of a headline query made such phrases the most expensive part of a
 * search; and `meta`, the filter tokens (filters.ts), weighted 0. Three
 * expressions:
 *
 * - `any`: what is found and scored. Each term in folded form, plus its exact
 *   form when the user wrote diacritics; each quoted phrase as consecutive
 *   pairs (and in its exact form); each pair of adjacent unquoted terms as a
 *   pair token. BM25 (FTS5's `bm25()`) sums over these, so an exact spelling
 *   counts twice (exact and folded columns) and "Hà Nội" as a pair scores
 *   above "Hà … Nội" apart. A longer query (past MAX_TIERED_UNITS) keeps one
 *   form of each term — its spelling when typed with diacritics, else folded
 *   — and the pairs: scoring costs about as much per term as per article, and
 *   on dev the headline queries rank the same (BENCHMARKS.md). In a large archive (MIN_DOCUMENTS_TO_PRUNE), a
 *   common term (in at least half the articles; a quarter for a longer
 *   query: COMMON_SHARE) is left out while another term or
 *   folded term or phrase of the query remains: it adds nothing or little to
 *   any score, while scoring it costs a pass over much of the
 *   archive. An article with only such terms, which would have ranked last,
 *   is then not found (the "common terms" rule of Lucene). A longer query
 *   also scores only its rarest terms and pairs (MAX_SCORED_TERMS,
 *   MAX_SCORED_PAIRS), and none in no article: its cost is bounded, whatever
 *   is pasted into it.
 * - `all`: every unit, folded. Documents matching it come first.
 * - `exact`: `all`, and every syllable written with diacritics in its exact
 *   form. Among documents with every unit, these come first.
 *
 * Ranking rules (what `RankTier` orders), for a short query (MAX_TIERED_UNITS):
 * tier 0 = every unit, spelled as typed; tier 1 = every unit, some only
 * without diacritics; tier 2 = some units. Within a tier, and for a longer
 * query throughout, BM25 (title columns weighted TITLE_WEIGHT); ties by id.
 *
 * Pure: no runtime imports.
 */
import type { QuerySyllable, QueryUnit, SearchQuery } from './query.js'

/** The FTS5 table's columns, in order: the adapter creates the table from this list. */
export const SEARCH_COLUMNS = ['title_exact', 'title_folded', 'body_exact', 'body_folded', 'title_pairs', 'body_pairs', 'meta'] as const

/**
 * Matches scored by relevance, at most: the most recently indexed ones.
 * BM25 costs about a microsecond per matching article (FTS5 scores every
 * match; it has no top-k pruning), so a query of common words would cost in
 * proportion to the archive; this bounds it. A query matching fewer articles
 * is ranked whole; one matching more is ranked among the newest 2,000
 * (ingested or corrected; fewer for a long query: MAX_SCORING_WORK), which
 * for news is where the answer usually is.
 * `sort=recent` is not bounded: it scores nothing. On 10,000 articles,
 * 2,000 took a common headline query from 9 to 5 ms of SQLite CPU.
 */
export const MAX_SCORED_MATCHES = 2000

/**
 * Scoring work allowed a search: matches scored × expressions scored. FTS5's
 * `bm25()` visits every expression of the query for every match it scores,
 * so a query's cost grew with its length as well as with its matches. A
 * query of up to eight expressions — every short query typed without
 * diacritics, and most with — scores MAX_SCORED_MATCHES; a longer one
 * scores fewer, the newest: a pasted headline of 16 expressions its newest
 * 1,000 (`scoredMatchesFor`). On dev no query has that many matches; on the
 * 10,000-article archive every headline query, as written and folded, still
 * finds a report of its own event first (658 of 658, as with 2,000).
 */
export const MAX_SCORING_WORK = 16_000

/**
 * Matches scored for a query of `expressions` scored expressions, at most
 * `bound` (MAX_SCORED_MATCHES; tests lower it): see MAX_SCORING_WORK.
 *
 * @example
 * scoredMatchesFor(3) // => 2000
 * scoredMatchesFor(16) // => 1000
 */
export function scoredMatchesFor(expressions: number, bound = MAX_SCORED_MATCHES): number {
  return Math.max(1, Math.min(bound, Math.floor(MAX_SCORING_WORK / Math.max(1, expressions))))
}

/**
 * Articles below which no term is left out of scoring: a pass over a small
 * archive is cheap, and there half the articles share most words.
 */
export const MIN_DOCUMENTS_TO_PRUNE = 1000

/**
 * Share of the archive from which a term is *common*: left out of a
 * query's scoring while another of its terms or phrases remains (a large
 * archive only, MIN_DOCUMENTS_TO_PRUNE). For a short query (tiered) half:
 * FTS5 floors such a term's IDF at 1e-6, so it adds nothing to any score.
 * For a longer query a quarter: such a term weighs at most ln 3 ≈ 1.1 in
 * BM25 against 5–9 for the names and the words of the event, yet FTS5 reads
 * its whole posting list to compute that weight (once per search, over the
 * whole archive, not only the matches it scores) — on the 10,000-article
 * archive the largest single cost of a headline query. On dev, headline
 * queries rank the same with a quarter as with half; an eighth loses 0.005
 * MRR (BENCHMARKS.md).
 */
export const COMMON_SHARE = { short: 1 / 2, long: 1 / 4 } as const

/**
 * Whether a term in `count` of `documents` articles is common for a query
 * ranked in tiers (`tiered`) or not (see COMMON_SHARE).
 *
 * @example
 * isCommonTerm(300, 1000, true) // => false
 * isCommonTerm(300, 1000, false) // => true
 */
export function isCommonTerm(count: number, documents: number, tiered: boolean): boolean {
  return count >= documents * (tiered ? COMMON_SHARE.short : COMMON_SHARE.long)
}

/**
 * Joins two folded syllables into a pair token. The tokenizer is told it is a
 * token character; syllables never contain it (they are letters and digits),
 * so a pair token can only come from `pairTokenOf`.
 */
export const PAIR_JOINER = '_'

/**
 * BM25 weight of a title column against 1 for a body column. A headline is
 * ~15 syllables that name the event, against hundreds in the body, so one
 * title hit says more about what the article is about. On dev, headline
 * queries score within 0.01 MRR from 2 to 8 (BENCHMARKS.md); 4 is the middle
 * of that plateau, not a fitted optimum.
 */
export const TITLE_WEIGHT = 4

/** Weights for `bm25(search_text, …)`, one per SEARCH_COLUMNS entry. */
export const BM25_WEIGHTS: readonly number[] = [TITLE_WEIGHT, TITLE_WEIGHT, 1, 1, TITLE_WEIGHT, 1, 0]

/**
 * Longest query (in distinct terms and phrases) ranked in tiers. Up to four
 * syllables — two words, how people usually search — every word is expected,
 * as web search engines treat a short query. A longer query describes rather
 * than names (a pasted headline): requiring all its words puts a long article
 * that happens to contain them all above reports of the same event, so it is
 * ranked by BM25 alone, where exact spellings and adjacent pairs still weigh
 * more (dev, headline queries: MRR@10 0.88 with tiers, 0.92 without;
 * BENCHMARKS.md). Dev headlines have 6 or more syllables but for 3, so any
 * value from 2 to 5 ranks them alike: this is not fitted to them.
 */
export const MAX_TIERED_UNITS = 4

/**
 * Most single terms a longer query scores: its rarest, by document
 * frequency. A pasted headline has 10–20 syllables; FTS5 scores every
 * expression for every match, and the common words have the longest posting
 * lists (the most matches, the most hits per match) while adding least to
 * BM25 (their IDF is low). So a query's cost grew with its length and went
 * to the words that decide least; the rare ones — names, places, the words of
 * the event — are what ties reports of one event together. Lucene's
 * MoreLikeThis keeps a text's top terms the same way. On dev, headline
 * queries rank the same down to 7 terms (BENCHMARKS.md), so 8.
 */
export const MAX_SCORED_TERMS = 8

/**
 * Most pairs and phrases a longer query scores: its rarest. Pairs are rare
 * and cheap, but their number also grew with the query (a 200-character
 * query has ~50); on dev, headline queries rank the same with 16 as with
 * all. With MAX_SCORED_TERMS, at most 24 expressions, however long the query.
 */
export const MAX_SCORED_PAIRS = 16

/** 0: every unit, spelled as typed; 1: every unit, some only folded; 2: some units. */
export type RankTier = 0 | 1 | 2

export type MatchPlan = {
  /** What is found and scored. */
  any: string
  /** How many expressions `any` scores (its FTS5 phrases). */
  expressions: number
  /** Whether results are ordered in tiers before BM25 (a short query: see MAX_TIERED_UNITS). */
  tiered: boolean
  /** Documents with every unit (null when `any` already requires every unit: a single unit). */
  all: string | null
  /** Documents with every unit, marked syllables spelled exactly (null when nothing was typed with diacritics). */
  exact: string | null
}

const EXACT = '{title_exact body_exact}'
const FOLDED = '{title_folded body_folded}'
const PAIRS = '{title_pairs body_pairs}'

/**
 * The three expressions for a query. `common` holds its common terms (folded or exact
 * syllables; `isCommonTerm`): they are left out of `any`
 * unless no other folded term or phrase would remain (see the module comment).
 * `frequencies` holds the document frequency of the tokens `frequencyTokensOf`
 * lists (a token missing from it is in no article): with it, a longer query
 * scores only its rarest terms and pairs, and none that matches nothing
 * (MAX_SCORED_TERMS, MAX_SCORED_PAIRS).
 *
 * @example
 * matchPlanOf(parseSearchQuery('Hà Nội'))
 * // => { any: '{title_folded body_folded}: "ha" OR {title_exact body_exact}: "hà" OR … OR {title_pairs body_pairs}: "ha_noi"',
 * //      all: '{title_folded body_folded}: "ha" AND {title_folded body_folded}: "noi"',
 * //      exact: '… AND {title_exact body_exact}: "hà" AND {title_exact body_exact}: "nội"', tiered: true }
 */
export function matchPlanOf(query: SearchQuery, common: ReadonlySet<string> = new Set(), frequencies?: ReadonlyMap<string, number>): MatchPlan {
  const required = requiredOf(query)
  const tiered = required.length <= MAX_TIERED_UNITS
  const isKept = (candidate: Candidate) => candidate.term === null || !common.has(candidate.term)
  const units: Candidate[] = []
  const spellings: Candidate[] = []
  for (const unit of query.units) {
    const single = unit.syllables.length === 1 ? unit.syllables[0] : undefined
    const marked = unit.syllables.some((syllable) => syllable.marked)
    if (!tiered && single?.marked === true) units.push({ expression: exact(unit), term: single.exact, tokens: [single.exact] })
    else units.push({ expression: folded(unit), term: single?.folded ?? null, tokens: unit.syllables.map((syllable) => syllable.folded) })
    if (tiered && marked) spellings.push({ expression: exact(unit), term: single?.exact ?? null, tokens: [] })
  }
  // A unit stays, so every document with all units (tiers 0 and 1) is still found.
  const kept = units.filter(isKept)
  const candidates = [...(kept.length > 0 ? kept : units), ...spellings.filter(isKept)]
  query.units.forEach((unit, index) => {
    const next = query.units[index + 1]
    if (next === undefined || unit.quoted || next.quoted) return
    const syllables = [...unit.syllables, ...next.syllables]
    candidates.push({ expression: folded({ syllables, quoted: true }), term: null, tokens: syllables.map((syllable) => syllable.folded) })
  })
  const distinct = [...new Map(candidates.map((candidate) => [candidate.expression, candidate])).values()]
  const scored = !tiered && frequencies !== undefined ? rarest(distinct, frequencies) : distinct
  const all = required.join(' AND ')
  const marked = [...new Set(query.units.flatMap((unit) => unit.syllables.filter((s) => s.marked).map((s) => `${EXACT}: ${quote(s.exact)}`)))]
  return {
    any: scored.map((candidate) => candidate.expression).join(' OR '),
    expressions: scored.length,
    tiered,
    all: required.length > 1 ? all : null,
    exact: marked.length > 0 ? [all, ...marked].join(' AND ') : null,
  }
}

/**
 * Whether a query is ranked in tiers: at most MAX_TIERED_UNITS distinct units.
 *
 * @example
 * isTiered(parseSearchQuery('giá vàng hôm nay')) // => true
 */
export function isTiered(query: SearchQuery): boolean {
  return requiredOf(query).length <= MAX_TIERED_UNITS
}

/** Each distinct unit, folded: what a document needs for the first tiers. */
function requiredOf(query: SearchQuery): string[] {
  return [...new Set(query.units.map(folded))]
}

/**
 * An expression that may be scored: its text, its single term (a syllable
 * in one form: what the common-terms rule judges) or null for a pair or a
 * phrase, and the tokens its rarity is read from.
 */
type Candidate = { expression: string; term: string | null; tokens: string[] }

/**
 * The MAX_SCORED_TERMS single terms and MAX_SCORED_PAIRS pairs and phrases
 * in the fewest articles, in query order, leaving out those that match
 * nothing (a syllable in no article adds nothing to any score, nor does a
 * pair or phrase with one). A pair or a phrase is taken to be as rare as its
 * rarest syllable, a bound on its own count: counting each pair would cost a
 * lookup of its own (~0.1 ms), and pairs are rarely the common ones. When
 * every candidate matches nothing, the first stays, so the expression is
 * still valid (and finds nothing, as it would have).
 */
function rarest(candidates: readonly Candidate[], frequencies: ReadonlyMap<string, number>): Candidate[] {
  const rarity = (candidate: Candidate) => Math.min(...candidate.tokens.map((token) => frequencies.get(token) ?? 0))
  const found = candidates.map((candidate, order) => ({ candidate, order, documents: rarity(candidate) })).filter((entry) => entry.documents > 0)
  if (found.length === 0) return candidates.slice(0, 1)
  const byRarity = [...found].sort((a, b) => a.documents - b.documents || a.order - b.order)
  const terms = byRarity.filter((entry) => entry.candidate.term !== null).slice(0, MAX_SCORED_TERMS)
  const pairs = byRarity.filter((entry) => entry.candidate.term === null).slice(0, MAX_SCORED_PAIRS)
  return [...terms, ...pairs].sort((a, b) => a.order - b.order).map((entry) => entry.candidate)
}

/**
 * Whether a token's document count read `writes` index writes ago still
 * decides as a fresh count would. Each write changes a count by at most one,
 * so the count now is within `writes` of the one read: it is used when no
 * write came since, or when the writes are at most 1/16 of it and too few to
 * move it across either share of the `documents` articles there are now
 * that makes a term common (COMMON_SHARE); the rarity order of a longer
 * query may then use a count off by 1/16. A token read as in no article is
 * read again after any write: an article with it may have come.
 *
 * @example
 * isCountCurrent(0, 1, 100) // => false
 * isCountCurrent(800, 10, 1000) // => true: 790–810 is over half of 1,000 either way
 */
export function isCountCurrent(count: number, writes: number, documents: number): boolean {
  if (writes === 0) return true
  const sameSide = (share: number) => count - writes >= documents * share || count + writes < documents * share
  return writes * 16 <= count && sameSide(COMMON_SHARE.short) && sameSide(COMMON_SHARE.long)
}

/**
 * Every token whose document frequency `matchPlanOf` may use: the query's
 * single-syllable terms (folded, and exact when typed with diacritics) and
 * the folded syllables of its phrases.
 *
 * @example
 * frequencyTokensOf(parseSearchQuery('Hà "Nội mưa"')) // => ['ha', 'hà', 'noi', 'mua']
 */
export function frequencyTokensOf(query: SearchQuery): string[] {
  const tokens = new Set(scoredTermsOf(query))
  for (const unit of query.units) for (const syllable of unit.syllables) tokens.add(syllable.folded)
  return [...tokens]
}

/**
 * The single-syllable terms of a query whose document frequency decides
 * whether they are scored (`common` of `matchPlanOf`).
 *
 * @example
 * scoredTermsOf(parseSearchQuery('của Hà Nội')) // => ['cua', 'của', 'ha', 'hà', 'noi', 'nội']
 */
export function scoredTermsOf(query: SearchQuery): string[] {
  const terms = new Set<string>()
  for (const unit of query.units) {
    const [single, ...rest] = unit.syllables
    if (single === undefined || rest.length > 0) continue
    terms.add(single.folded)
    if (single.marked) terms.add(single.exact)
  }
  return [...terms]
}

/**
 * A pair token: two adjacent folded syllables as one term.
 *
 * @example
 * pairTokenOf('ha', 'noi') // => 'ha_noi'
 */
export function pairTokenOf(first: string, second: string): string {
  return `${first}${PAIR_JOINER}${second}`
}

/** A unit in folded form: one syllable in the folded columns, a phrase as consecutive pairs. */
function folded(unit: QueryUnit): string {
  if (unit.syllables.length === 1) return `${FOLDED}: ${quote(unit.syllables[0]?.folded ?? '')}`
  return `${PAIRS}: ${quote(pairTokensOf(unit.syllables).join(' '))}`
}

/** The pair tokens of consecutive syllables (none for one syllable). */
function pairTokensOf(syllables: readonly QuerySyllable[]): string[] {
  return syllables.slice(1).map((second, i) => pairTokenOf(syllables[i]?.folded ?? '', second.folded))
}

function exact(unit: QueryUnit): string {
  return `${EXACT}: ${quote(unit.syllables.map((s) => s.exact).join(' '))}`
}

/** An FTS5 string: double quotes around, embedded double quotes doubled (FTS5 query syntax §3.1). */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}
