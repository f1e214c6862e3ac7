/**
 * Online story grouping: which story (if any) a new report belongs to, decided
 * one article at a time in arrival order, as a wire desk would.
 *
 * Each article is a TF-IDF vector (Salton & Buckley 1988: log-scaled term
 * frequency × smoothed inverse document frequency, cosine-normalized) over
 * - content syllables and syllable bigrams of its title, lead and body
 *   (bigrams approximate Vietnamese two-syllable words);
 * - proper names (capitalized tokens that are not stopwords), counted
 *   NAME_WEIGHT times: who and where separate two events on one topic
 *   (two Syria stories share "Syria", not "Deir al-Zor" or "OPCW");
 * - the headline's syllables and bigrams again, HEADLINE_WEIGHT times in all.
 *
 * A report joins a story when their similarity reaches JOIN_SIMILARITY;
 * otherwise it starts a story. The similarity mixes two average cosines to the
 * story's members (group-average linkage, which does not chain the way
 * single-link does): of the whole text, and of the headline and lead, which
 * state the event (HEADLINE_MIX).
 * Only stories whose newest report is within STORY_WINDOW_MS of the new one
 * are candidates (see the constants for why); undated reports are compared
 * with every candidate. A story that says its event happened somewhere else
 * (places.ts: the report and the story name specific places, none in common)
 * or to someone else (names.ts: the names at the top of each, none mentioned
 * by the other) is never joined, whatever the cosine: word overlap alone
 * joins two fires, two earthquakes, two trials or two matches of one week.
 *
 * Pure: document frequencies and candidate stories are passed in.
 */
import { asciiWordsOf } from '../text/normalize.js'
import { splitSentences } from '../text/sentences.js'
import { isStopword, toSyllables } from '../text/syllables.js'
import { joinCodes, mainNamesOf, namesConflict } from './names.js'
import { type Whereabouts, namesIn, placesConflict, specificPlacesOf } from './places.js'

/** A sparse vector: term → weight. */
export type SparseVector = Record<string, number>

/** Term frequencies of one article, before weighting. */
export type TermCounts = Record<string, number>

/** A candidate story as the grouper sees it. */
export type StoryCandidate = {
  id: string
  /** Frozen vectors of (up to MAX_MEMBERS_COMPARED of) its members. */
  members: readonly SparseVector[]
  /** The same members' headline-and-lead vectors, in the same order; null for a member stored before they were kept. */
  tops: readonly (SparseVector | null)[]
  /** Newest member's publication time (ms since epoch); null when no member has a date. */
  latest: number | null
  /** Where its compared members say the event happened, and the names they mention (places.ts). */
  where: Whereabouts
}

/**
 * What grouping reads of an article: its term counts, those of the parts that
 * state the event (headline and lead), where it says the event happened and
 * whom it names.
 */
export type ArticleSignature = { counts: TermCounts; topCounts: TermCounts; where: Whereabouts }

const NOWHERE: Whereabouts = { places: [], main: [], names: [] }

/**
 * Sentences of the body that state the event when there is no lead. With a
 * lead, only headline and lead count: on the dev set, places from the first
 * three body sentences as well split 13 true stories (B3 recall 0.922 → 0.911)
 * and kept no false pair apart.
 */
const EVENT_SENTENCES = 1

/**
 * The signature of an article: term counts of all its text, and the term
 * counts, specific places and main names (names.ts) of the parts that state the event —
 * headline and lead, or without a lead the first EVENT_SENTENCES sentences (a
 * report names a hundred places and people in passing, but where the event
 * happened and to whom is said at the top) — and every name it mentions.
 *
 * @example
 * signatureOf({ title: 'Động đất ở Sơn La', lead: null, paragraphs: ['Trận động đất 4,8 độ xảy ra ở Sơn La.'] }).places // => ['sơn la']
 */
export function signatureOf(article: { title: string; lead: string | null; paragraphs: readonly string[] }): ArticleSignature {
  const opening: string[] = []
  for (const paragraph of article.paragraphs) {
    for (const sentence of splitSentences(paragraph)) {
      if (opening.length >= EVENT_SENTENCES) break
      opening.push(sentence)
    }
    if (opening.length >= EVENT_SENTENCES) break
  }
  const top = [article.title, article.lead ?? '', ...(article.lead === null ? opening : [])]
  const all = [article.title, article.lead ?? '', ...article.paragraphs]
  return {
    counts: termCountsOf(article),
    topCounts: termCountsOf({ title: article.title, lead: article.lead, paragraphs: article.lead === null ? opening : [] }),
    where: { places: specificPlacesOf(top), main: mainNamesOf(top, all), names: namesIn(all) },
  }
}

export type Decision = { storyId: string | null; similarity: number }

/**
 * Headline terms count this many times in all (once in the text, the rest
 * added): the headline is the editor's statement of what the event is, and
 * two outlets' headlines of one event share its key phrase far more often
 * than their bodies share any one paragraph.
 */
export const HEADLINE_WEIGHT = 4

/**
 * Proper names count this many times. Three lets a shared name outweigh a few
 * shared common words, without letting one name (a country) decide alone.
 */
export const NAME_WEIGHT = 3

/**
 * Weight of the headline-and-lead cosine in a report's similarity to a story
 * (the whole text's gets the rest). Headline and lead state the event; the
 * body carries background that neighbouring stories of one running topic
 * share, and words that two outlets' reports of one event need not share.
 * Chosen with JOIN_SIMILARITY from a small grid (mix 0–0.5, threshold
 * 0.14–0.22) on all of dev; the choice procedure was checked on held-out
 * halves of the clusters (bench/grouping-cv.ts, BENCHMARKS.md).
 */
export const HEADLINE_MIX = 0.5

/**
 * Similarity (see HEADLINE_MIX) at which a report joins a story: below it
 * unrelated stories on one topic merge, above it reports of one event in
 * different words split. Chosen with HEADLINE_MIX.
 */
export const JOIN_SIMILARITY = 0.16

/** What decides a join: the similarity a story must reach, and the weight of headline and lead in it. */
export type JoinRule = { threshold: number; mix: number }

/** The rule grouping uses. */
export const JOIN_RULE: JoinRule = { threshold: JOIN_SIMILARITY, mix: HEADLINE_MIX }

/**
 * Reports of one event arrive within days (dev set: median span 6 h, 90th
 * percentile 17 h); a week covers follow-ups without comparing against the
 * whole archive. This is what "recent" means for candidate stories.
 */
export const STORY_WINDOW_MS = 7 * 24 * 3600 * 1000

/**
 * Documents imagined to precede the first ingest, none containing any term: a
 * prior that keeps IDF from collapsing while the archive is tiny (with two
 * reports of one event, every shared word would otherwise weigh almost
 * nothing). Its pull fades as real documents accumulate.
 */
export const PRIOR_DOCUMENTS = 10

/** Terms kept in a stored article vector: the heaviest, enough for cosine (the tail adds <5% of the norm). */
export const MAX_VECTOR_TERMS = 150

/** Members compared per candidate story: the most recent, bounding work on long-running stories. */
export const MAX_MEMBERS_COMPARED = 20

/**
 * Term counts of an article: content syllables, content bigrams and names.
 *
 * @example
 * termCountsOf({ title: 'Bão số 5 đổ bộ Quảng Ngãi', lead: null, paragraphs: [] })
 */
export function termCountsOf(article: { title: string; lead: string | null; paragraphs: readonly string[] }): TermCounts {
  const text = joinCodes([article.title, article.lead ?? '', ...article.paragraphs].join('\n'))
  const counts: TermCounts = {}
  const add = (term: string, n: number) => {
    counts[term] = (counts[term] ?? 0) + n
  }
  const addLine = (line: string, times: number) => {
    const syllables = toSyllables(line)
    for (let i = 0; i < syllables.length; i++) {
      const a = syllables[i] as string
      if (!isStopword(a) && !/^\d+$/.test(a)) add(a, times)
      const b = syllables[i + 1]
      if (b !== undefined && !(isStopword(a) && isStopword(b))) add(`${a} ${b}`, times)
    }
  }
  for (const line of text.split('\n')) addLine(line, 1)
  addLine(joinCodes(article.title), HEADLINE_WEIGHT - 1)
  for (const token of text.match(/\p{Lu}[\p{L}\p{N}-]*/gu) ?? []) {
    const name = toSyllables(token)[0]
    if (name !== undefined && !isStopword(name)) add(`@${name}`, NAME_WEIGHT)
  }
  return counts
}

/**
 * The TF-IDF vector of an article, cosine-normalized and cut to its
 * MAX_VECTOR_TERMS heaviest terms. `df` gives each term's document frequency
 * among `documents` articles (this one included).
 */
export function vectorOf(counts: TermCounts, df: (term: string) => number, documents: number): SparseVector {
  const weighted: [string, number][] = []
  for (const [term, count] of Object.entries(counts)) {
    // Smoothed IDF with PRIOR_DOCUMENTS imagined documents that lack the term (see the constant).
    const idf = Math.log((documents + PRIOR_DOCUMENTS) / (df(term) + 0.5))
    if (idf > 0) weighted.push([term, (1 + Math.log(count)) * idf])
  }
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const kept = weighted.slice(0, MAX_VECTOR_TERMS)
  const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0))
  const vector: SparseVector = {}
  for (const [term, w] of kept) vector[term] = norm === 0 ? 0 : w / norm
  return vector
}

/**
 * Cosine of two normalized sparse vectors: the dot product over `a`'s terms.
 * Grouping passes the report's vector as `a` to every member; choosing the
 * smaller side instead cost two key arrays per call, more than it saved.
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0
  for (const term in a) {
    const other = b[term]
    if (other !== undefined) dot += (a[term] as number) * other
  }
  return dot
}

/** A report's vectors: of its whole text, and of its headline and lead. */
export type ReportVectors = { vector: SparseVector; top: SparseVector }

/**
 * The story a report joins, or `storyId: null` to start a new one.
 *
 * A story is close enough to join when its similarity to the report reaches
 * `rule.threshold`: (1 − mix) × the average cosine of the whole texts + mix ×
 * the average cosine of the headlines and leads (a member without a stored
 * headline vector counts its whole-text cosine in both). When more than one
 * story is close enough, the report joins the one whose headlines and leads
 * are most like its own: those state the event, while the body carries the
 * background that neighbouring stories of one running topic share (an
 * under-21 final's report recalls the under-22 squad named the day before).
 *
 * @example
 * chooseStory({ vector, top }, Date.parse('2013-10-23T08:00:00+07:00'), candidates)
 */
export function chooseStory(report: ReportVectors, time: number | null, candidates: readonly StoryCandidate[], where: Whereabouts = NOWHERE, rule: JoinRule = JOIN_RULE): Decision {
  let best: Decision = { storyId: null, similarity: 0 }
  const passing: { decision: Decision; top: number }[] = []
  for (const candidate of candidates) {
    if (!withinWindow(time, candidate.latest) || candidate.members.length === 0) continue
    const { text, top } = averageCosines(report, candidate)
    const similarity = (1 - rule.mix) * text + rule.mix * top
    // Two events of one kind in different places, or that happened to different people (two trials,
    // two matches), are two stories however alike their words. Asked only of a story close enough to
    // join: a story's members name hundreds of people and places.
    if (similarity >= rule.threshold && (placesConflict(where, candidate.where) || namesConflict(where, candidate.where))) continue
    const decision = { storyId: candidate.id, similarity }
    if (similarity >= rule.threshold) passing.push({ decision, top })
    if (similarity > best.similarity || (similarity === best.similarity && best.storyId !== null && candidate.id < best.storyId)) best = decision
  }
  if (best.similarity < rule.threshold) return { storyId: null, similarity: best.similarity }
  // Candidates come in a fixed order (most shared terms, then id), so a tie goes the same way every time.
  let chosen = best
  let chosenTop = -1
  for (const { decision, top } of passing) {
    if (top > chosenTop) {
      chosen = decision
      chosenTop = top
    }
  }
  return chosen
}

/** Group-average linkage, twice: the mean cosine of the report to each member, of whole texts and of headlines and leads. */
function averageCosines(report: ReportVectors, candidate: StoryCandidate): { text: number; top: number } {
  let text = 0
  let top = 0
  candidate.members.forEach((member, i) => {
    const similarity = cosine(report.vector, member)
    const memberTop = candidate.tops[i]
    text += similarity
    top += memberTop === null || memberTop === undefined ? similarity : cosine(report.top, memberTop)
  })
  return { text: text / candidate.members.length, top: top / candidate.members.length }
}

/**
 * Whether two publication times are close enough for one story. An undated
 * report (or story) is compared with any: its date is unknown, not distant.
 */
export function withinWindow(a: number | null, b: number | null): boolean {
  return a === null || b === null || Math.abs(a - b) <= STORY_WINDOW_MS
}

/** The heaviest terms of a vector, to find candidate stories through an inverted index. */
export function topTerms(vector: SparseVector, count: number): string[] {
  return Object.entries(vector)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([term]) => term)
}

/**
 * A readable, unique story slug from a headline: diacritics folded to ASCII
 * (đ → d), at most SLUG_WORDS words, then a short hex suffix from `salt`.
 *
 * @example
 * storySlugOf('Liên quân nhất trí kế hoạch tiêu diệt IS', '3f9c2a17') // => 'lien-quan-nhat-tri-ke-hoach-3f9c2a'
 */
export function storySlugOf(headline: string, salt: string): string {
  const words = asciiWordsOf(headline).slice(0, SLUG_WORDS)
  const suffix =
    salt
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 6) || '0'
  return [...words, suffix].join('-')
}

/** Headline words in a story slug: enough to recognize the story, short enough for URLs. */
const SLUG_WORDS = 6
