/**
 * What a story is, computed from its reports: its title, its sources, when it
 * was first published, its reports in reading order. Pure: the writer passes
 * the reports and the time; nothing here reads a clock or storage.
 */
import { Lexicon } from '../summarize/lexicon.js'
import { reportsToSummarize } from '../summarize/multi-document.js'
import { toSyllables } from '../text/syllables.js'

/** What the story needs of each report. */
export type StoryMember = {
  id: string
  title: string
  /** True when the title was built from the first sentence (the text had no headline). */
  titleDerived: boolean
  source: string | null
  url: string | null
  publishedAt: string | null
  /** Sort key of the report: publication time (UTC) or, without one, ingest time. */
  sortKey: string
}

export type StoryFacts = {
  title: string
  articleCount: number
  sources: string[]
  firstPublishedAt: string | null
  /** Oldest report first. */
  members: StoryMember[]
}

/**
 * The facts of a story from its reports (in any order).
 *
 * @example
 * storyFactsOf([{ id: 'a', title: 'Bão số 5 đổ bộ', source: 'VnExpress', url: null, publishedAt: '2026-09-01', sortKey: '2026-09-01' }])
 */
export function storyFactsOf(members: readonly StoryMember[]): StoryFacts {
  const ordered = [...members].sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.id.localeCompare(b.id))
  const sources = [...new Set(ordered.flatMap((m) => (m.source === null ? [] : [m.source])))]
  const firstPublishedAt = ordered.find((m) => m.publishedAt !== null)?.publishedAt ?? null
  return { title: storyTitleOf(reportsToSummarize(ordered)), articleCount: ordered.length, sources, firstPublishedAt, members: ordered }
}

/**
 * The story's title, chosen among and against the reports its summary reads
 * (`reportsToSummarize`: all of them up to 20, then the first and the newest):
 * comparing every pair of headlines costs the square of the story's size, and
 * a long-running story's title should say where it stands now.
 *
 * Among real headlines (a title derived from a first sentence only when no
 * report has one), the one that shares the most phrases (content bigrams) with
 * the other headlines — the one closest to what every outlet says — and, on a
 * tie, the earliest.
 */
export function storyTitleOf(ordered: readonly StoryMember[]): string {
  const lexicon = new Lexicon()
  const concepts = ordered.map((m) => new Set(lexicon.unitsOf(toSyllables(m.title)).concepts))
  const anyHeadline = ordered.some((m) => !m.titleDerived)
  let best = 0
  let bestScore = -1
  concepts.forEach((mine, i) => {
    if (anyHeadline && ordered[i]?.titleDerived === true) return
    let score = 0
    concepts.forEach((other, j) => {
      if (i === j || mine.size === 0) return
      let shared = 0
      for (const concept of mine) if (other.has(concept)) shared += 1
      score += shared / mine.size
    })
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  })
  return ordered[best]?.title ?? ''
}
