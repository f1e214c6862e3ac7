/**
 * An in-memory GroupingState with the same semantics as the Newsroom's SQL
 * one (inverted index of stories by their members' heaviest terms, the most
 * recent MAX_MEMBERS_COMPARED members per story), for fast grouping runs.
 */
import { type GroupingState, MAX_CANDIDATE_STORIES } from '../src/stories/assign.js'
import { MAX_MEMBERS_COMPARED, type SparseVector, type StoryCandidate, withinWindow } from '../src/stories/group.js'
import { type Whereabouts, mergeWhereabouts } from '../src/stories/places.js'

export class MemoryGrouping implements GroupingState {
  private readonly df = new Map<string, number>()
  private documents = 0
  private readonly stories = new Map<string, { members: { vector: SparseVector; top: SparseVector; time: number | null; where: Whereabouts }[]; latest: number | null }>()
  private readonly index = new Map<string, Set<string>>()

  countDocument(terms: readonly string[]): void {
    this.documents += 1
    for (const term of terms) this.df.set(term, (this.df.get(term) ?? 0) + 1)
  }

  documentFrequency(terms: readonly string[]): ReadonlyMap<string, number> {
    return new Map(terms.map((term) => [term, this.df.get(term) ?? 0]))
  }

  documentCount(): number {
    return this.documents
  }

  candidateStories(terms: readonly string[], time: number | null): StoryCandidate[] {
    const shared = new Map<string, number>()
    for (const term of terms) {
      for (const id of this.index.get(term) ?? []) {
        if (withinWindow(time, this.stories.get(id)?.latest ?? null)) shared.set(id, (shared.get(id) ?? 0) + 1)
      }
    }
    const ids = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_CANDIDATE_STORIES)
      .map(([id]) => id)
    return ids.map((id) => {
      const story = this.stories.get(id)
      const compared = (story?.members ?? []).slice(-MAX_MEMBERS_COMPARED)
      return { id, members: compared.map((m) => m.vector), tops: compared.map((m) => m.top), latest: story?.latest ?? null, where: mergeWhereabouts(compared.map((m) => m.where)) }
    })
  }

  /** Record that an article with this vector (and headline-and-lead vector) joined (or started) a story. */
  addMember(storyId: string, vector: SparseVector, terms: readonly string[], time: number | null, where: Whereabouts = { places: [], main: [], names: [] }, top: SparseVector = {}): void {
    const story = this.stories.get(storyId) ?? { members: [], latest: time }
    story.members.push({ vector, top, time, where })
    // Newest last, undated first: the same order as the writer's `ORDER BY time DESC` reversed.
    story.members.sort((a, b) => (a.time ?? Number.NEGATIVE_INFINITY) - (b.time ?? Number.NEGATIVE_INFINITY))
    story.latest = time === null ? story.latest : Math.max(story.latest ?? time, time)
    this.stories.set(storyId, story)
    for (const term of terms) {
      const ids = this.index.get(term) ?? new Set<string>()
      ids.add(storyId)
      this.index.set(term, ids)
    }
  }
}
