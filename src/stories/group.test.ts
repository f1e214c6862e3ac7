import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseArticleText } from '../text/parse-article.js'
import { type GroupingState, assignArticle } from './assign.js'
import {
  HEADLINE_WEIGHT,
  JOIN_SIMILARITY,
  NAME_WEIGHT,
  STORY_WINDOW_MS,
  type SparseVector,
  type StoryCandidate,
  chooseStory,
  cosine,
  storySlugOf,
  termCountsOf,
  vectorOf,
  withinWindow,
} from './group.js'

const seed = (name: string) => {
  const parsed = parseArticleText(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'))
  if (parsed === null) throw new Error('seed did not parse')
  return parsed
}

/** The smallest GroupingState: every story is a candidate. */
class TinyState implements GroupingState {
  df = new Map<string, number>()
  documents = 0
  stories = new Map<string, SparseVector[]>()
  countDocument(terms: readonly string[]) {
    this.documents += 1
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1)
  }
  documentFrequency(terms: readonly string[]) {
    return new Map(terms.map((t) => [t, this.df.get(t) ?? 0]))
  }
  documentCount() {
    return this.documents
  }
  candidateStories(): StoryCandidate[] {
    return [...this.stories].map(([id, members]) => ({ id, members, latest: null }))
  }
}

describe('termCountsOf', () => {
  it('counts content syllables, bigrams, names and the headline again', () => {
    const counts = termCountsOf({ title: 'Bão Haiyan đổ bộ', lead: null, paragraphs: ['Bão Haiyan đổ bộ vào miền Trung các tỉnh.'] })
    expect(counts['bão'], 'in the text once and the headline HEADLINE_WEIGHT times').toBe(1 + HEADLINE_WEIGHT)
    expect(counts['đổ bộ']).toBe(1 + HEADLINE_WEIGHT)
    expect(counts['@haiyan'], 'a name, once per capitalized mention').toBe(2 * NAME_WEIGHT)
    expect(counts['các'], 'stopwords are not terms').toBeUndefined()
  })
})

describe('vectorOf and cosine', () => {
  it('gives unit vectors and a cosine of 1 for the same text', () => {
    const counts = termCountsOf({ title: 'Giá xăng giảm', lead: null, paragraphs: ['Giá xăng giảm 500 đồng mỗi lít.'] })
    const v = vectorOf(counts, () => 1, 10)
    const norm = Math.sqrt(Object.values(v).reduce((s, w) => s + w * w, 0))
    expect(norm).toBeCloseTo(1, 6)
    expect(cosine(v, v)).toBeCloseTo(1, 6)
  })
})

describe('chooseStory', () => {
  const a: SparseVector = { x: 1 }
  const b: SparseVector = { y: 1 }
  it('joins the most similar story at or above the threshold, else starts one', () => {
    expect(chooseStory(a, 0, [{ id: 's1', members: [a], latest: 0 }]).storyId).toBe('s1')
    expect(chooseStory(a, 0, [{ id: 's1', members: [b], latest: 0 }]).storyId).toBeNull()
    const half = { x: Math.SQRT1_2, y: Math.SQRT1_2 }
    expect(chooseStory(a, 0, [{ id: 's1', members: [half], latest: 0 }]).similarity).toBeGreaterThan(JOIN_SIMILARITY)
  })

  it('ignores stories outside the window, but not undated ones', () => {
    const far = STORY_WINDOW_MS + 1
    expect(chooseStory(a, far, [{ id: 's1', members: [a], latest: 0 }]).storyId).toBeNull()
    expect(chooseStory(a, far, [{ id: 's1', members: [a], latest: null }]).storyId).toBe('s1')
    expect(withinWindow(null, 0)).toBe(true)
  })

  it('averages over members, so one close member does not pull a report into a different story', () => {
    const decision = chooseStory(a, 0, [{ id: 's1', members: [a, b, b, b], latest: 0 }], 0.3)
    expect(decision.similarity).toBeCloseTo(0.25, 6)
    expect(decision.storyId).toBeNull()
  })
})

describe('assignArticle on the seeds', () => {
  it('puts two outlets’ reports of one meeting into one story', () => {
    const state = new TinyState()
    const vnp = seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt')
    const andrews = seed('hoi-nghi-andrews-lo-trinh-chong-is.txt')
    const first = assignArticle(state, termCountsOf(vnp), null)
    expect(first.decision.storyId, 'nothing to join yet').toBeNull()
    state.stories.set('is', [first.vector])
    const second = assignArticle(state, termCountsOf(andrews), null)
    expect(second.decision.storyId).toBe('is')
  })

  it('keeps an unrelated report apart', () => {
    const state = new TinyState()
    const first = assignArticle(state, termCountsOf(seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt')), null)
    state.stories.set('is', [first.vector])
    const other = assignArticle(state, termCountsOf({ title: 'Giá xăng giảm 500 đồng', lead: null, paragraphs: ['Liên Bộ Công Thương - Tài chính giảm giá xăng RON 95 thêm 500 đồng mỗi lít từ 15h chiều nay.'] }), null)
    expect(other.decision.storyId).toBeNull()
  })
})

describe('storySlugOf', () => {
  it('folds Vietnamese to an ASCII slug with a suffix', () => {
    expect(storySlugOf('Đà Nẵng: Liên quân nhất trí kế hoạch tiêu diệt IS', '3F9C2A17')).toBe('da-nang-lien-quan-nhat-tri-3f9c2a')
  })
})
