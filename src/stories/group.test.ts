import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseArticleText } from '../text/parse-article.js'
import { type GroupingState, assignArticle } from './assign.js'
import {
  HEADLINE_MIX,
  HEADLINE_WEIGHT,
  JOIN_RULE,
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
  signatureOf,
  withinWindow,
} from './group.js'
import type { Whereabouts } from './places.js'

const NOWHERE: Whereabouts = { places: [], main: [], names: [] }

const seed = (name: string) => {
  const parsed = parseArticleText(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'))
  if (parsed === null) throw new Error('seed did not parse')
  return parsed
}

/** The smallest GroupingState: every story is a candidate. */
class TinyState implements GroupingState {
  df = new Map<string, number>()
  documents = 0
  stories = new Map<string, { members: SparseVector[]; where: Whereabouts; tops?: SparseVector[] }>()
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
    return [...this.stories].map(([id, { members, where, tops }]) => ({ id, members, tops: tops ?? members.map(() => null), latest: null, where }))
  }
}

describe('termCountsOf', () => {
  it('reads a code the same with or without its hyphen', () => {
    const hyphen = termCountsOf({ title: 'U-21 Việt Nam vô địch', lead: null, paragraphs: ['Đội U-21 thắng 3-1.'] })
    const plain = termCountsOf({ title: 'U21 Việt Nam vô địch', lead: null, paragraphs: ['Đội U21 thắng 3-1.'] })
    expect(hyphen).toEqual(plain)
    expect(hyphen.u21, 'headline ×4 and body once').toBe(HEADLINE_WEIGHT + 1)
    expect(hyphen['@u21']).toBe(2 * NAME_WEIGHT)
  })

  it('counts content syllables, bigrams, names and the headline again', () => {
    const counts = termCountsOf({ title: 'Bão Haiyan đổ bộ', lead: null, paragraphs: ['Bão Haiyan đổ bộ vào miền Trung các tỉnh.'] })
    expect(counts.bão, 'in the text once and the headline HEADLINE_WEIGHT times').toBe(1 + HEADLINE_WEIGHT)
    expect(counts['đổ bộ']).toBe(1 + HEADLINE_WEIGHT)
    expect(counts['@haiyan'], 'a name, once per capitalized mention').toBe(2 * NAME_WEIGHT)
    expect(counts.các, 'stopwords are not terms').toBeUndefined()
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
  /** A report whose headline and lead say what its whole text says. */
  const plain = (vector: SparseVector) => ({ vector, top: vector })
  const story = (members: SparseVector[], latest: number | null, where = NOWHERE): StoryCandidate => ({ id: 's1', members, tops: members, latest, where })
  it('joins the most similar story at or above the threshold, else starts one', () => {
    expect(chooseStory(plain(a), 0, [story([a], 0)]).storyId).toBe('s1')
    expect(chooseStory(plain(a), 0, [story([b], 0)]).storyId).toBeNull()
    const half = { x: Math.SQRT1_2, y: Math.SQRT1_2 }
    expect(chooseStory(plain(a), 0, [story([half], 0)]).similarity).toBeGreaterThan(JOIN_SIMILARITY)
  })

  it('ignores stories outside the window, but not undated ones', () => {
    const far = STORY_WINDOW_MS + 1
    expect(chooseStory(plain(a), far, [story([a], 0)]).storyId).toBeNull()
    expect(chooseStory(plain(a), far, [story([a], null)]).storyId).toBe('s1')
    expect(withinWindow(null, 0)).toBe(true)
  })

  it('averages over members, so one close member does not pull a report into a different story', () => {
    const decision = chooseStory(plain(a), 0, [story([a, b, b, b], 0)], NOWHERE, { ...JOIN_RULE, threshold: 0.3 })
    expect(decision.similarity).toBeCloseTo(0.25, 6)
    expect(decision.storyId).toBeNull()
  })

  it('mixes the headline-and-lead cosine into the similarity by the rule’s weight', () => {
    // Whole texts share nothing; headlines and leads are identical.
    const report = { vector: a, top: { h: 1 } }
    const candidate: StoryCandidate = { id: 's1', members: [b], tops: [{ h: 1 }], latest: 0, where: NOWHERE }
    expect(chooseStory(report, 0, [candidate], NOWHERE, { threshold: 0.3, mix: 0 })).toEqual({ storyId: null, similarity: 0 })
    expect(chooseStory(report, 0, [candidate], NOWHERE, { threshold: 0.3, mix: 0.5 })).toEqual({ storyId: 's1', similarity: 0.5 })
    expect(chooseStory(report, 0, [candidate]).similarity, 'the rule in use').toBeCloseTo(HEADLINE_MIX, 6)
  })

  it('counts a member stored without a headline vector by its whole-text cosine', () => {
    const report = { vector: a, top: { h: 1 } }
    const old: StoryCandidate = { id: 's1', members: [a], tops: [null], latest: 0, where: NOWHERE }
    expect(chooseStory(report, 0, [old]).similarity).toBeCloseTo(1, 6)
  })

  it('never joins a story that happened somewhere the report does not know of', () => {
    const elsewhere = story([a], 0, { places: ['đồng xuân'], main: [], names: ['đồng xuân', 'hà nội'] })
    expect(chooseStory(plain(a), 0, [elsewhere], { places: ['cầu giấy'], main: [], names: ['cầu giấy', 'hà nội'] }).storyId, 'identical words, other place').toBeNull()
    expect(chooseStory(plain(a), 0, [elsewhere], { places: ['đồng xuân'], main: [], names: ['đồng xuân'] }).storyId, 'same place').toBe('s1')
    expect(chooseStory(plain(a), 0, [elsewhere], NOWHERE).storyId, 'no place given').toBe('s1')
  })

  it('among stories close enough to join, takes the one whose headlines and leads are most like the report’s', () => {
    // The report's whole text is closer to s1 (x), its headline and lead to s2 (h2).
    const report = { vector: { x: 0.8, y: 0.6 }, top: { h2: 1 } }
    const s1: StoryCandidate = { id: 's1', members: [{ x: 1 }], tops: [{ h1: 1 }], latest: 0, where: NOWHERE }
    const s2: StoryCandidate = { id: 's2', members: [{ y: 1 }, { y: 1 }], tops: [{ h2: 1 }, { h2: 0.6, h1: 0.8 }], latest: 0, where: NOWHERE }
    const textOnly = { threshold: JOIN_SIMILARITY, mix: 0 }
    expect(chooseStory(report, 0, [s1, s2], NOWHERE, textOnly)).toEqual({ storyId: 's2', similarity: 0.6 })
    expect(chooseStory(report, 0, [s1, s2], NOWHERE, { ...textOnly, threshold: 0.7 }).storyId, 'only s1 is close enough: headlines do not choose').toBe('s1')
    expect(chooseStory({ vector: { z: 1 }, top: { z: 1 } }, 0, [s1, s2], NOWHERE, textOnly).storyId, 'none close enough').toBeNull()
  })

  it('never joins a story about people the report does not know of', () => {
    const others = story([a], 0, { places: [], main: ['lê quang vinh'], names: ['hà nội', 'lê quang vinh'] })
    expect(chooseStory(plain(a), 0, [others], { places: [], main: ['trần minh khôi'], names: ['hà nội', 'trần minh khôi'] }).storyId, 'identical words, other people').toBeNull()
    expect(chooseStory(plain(a), 0, [others], { places: [], main: ['trần minh khôi'], names: ['lê quang vinh', 'trần minh khôi'] }).storyId, 'one names the other').toBe('s1')
    expect(chooseStory(plain(a), 0, [others], NOWHERE).storyId, 'no name given').toBe('s1')
  })
})

describe('assignArticle on the seeds', () => {
  it('puts two outlets’ reports of one meeting into one story', () => {
    const state = new TinyState()
    const vnp = seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt')
    const andrews = seed('hoi-nghi-andrews-lo-trinh-chong-is.txt')
    const first = assignArticle(state, signatureOf(vnp), null)
    expect(first.decision.storyId, 'nothing to join yet').toBeNull()
    state.stories.set('is', { members: [first.vector], tops: [first.top], where: signatureOf(vnp).where })
    const second = assignArticle(state, signatureOf(andrews), null)
    expect(second.decision.storyId).toBe('is')
  })

  it('keeps an unrelated report apart', () => {
    const state = new TinyState()
    const vnp = seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt')
    const first = assignArticle(state, signatureOf(vnp), null)
    state.stories.set('is', { members: [first.vector], tops: [first.top], where: signatureOf(vnp).where })
    const other = assignArticle(
      state,
      signatureOf({ title: 'Giá xăng giảm 500 đồng', lead: null, paragraphs: ['Liên Bộ Công Thương - Tài chính giảm giá xăng RON 95 thêm 500 đồng mỗi lít từ 15h chiều nay.'] }),
      null,
    )
    expect(other.decision.storyId).toBeNull()
  })
})

describe('two events of one kind', () => {
  // Two fires in Hà Nội on one day, told in the same words, and a second outlet's report of the first.
  const cauGiay = {
    title: 'Cháy lớn tại quận Cầu Giấy, hàng trăm người sơ tán',
    lead: 'Rạng sáng nay, một đám cháy lớn bùng phát tại quận Cầu Giấy, Hà Nội, lực lượng cảnh sát phòng cháy chữa cháy đã khống chế ngọn lửa sau hai giờ.',
    paragraphs: [
      'Ngọn lửa bùng lên lúc 3h sáng, khói đen bốc cao hàng chục mét. Cảnh sát phòng cháy chữa cháy điều 10 xe chữa cháy tới hiện trường. Không có thiệt hại về người, nguyên nhân vụ cháy đang được điều tra.',
    ],
  }
  const dongXuan = {
    title: 'Cháy lớn tại chợ Đồng Xuân, hàng trăm tiểu thương sơ tán',
    lead: 'Rạng sáng nay, một đám cháy lớn bùng phát tại chợ Đồng Xuân, Hà Nội, lực lượng cảnh sát phòng cháy chữa cháy đã khống chế ngọn lửa sau ba giờ.',
    paragraphs: [
      'Ngọn lửa bùng lên lúc 4h sáng, khói đen bốc cao hàng chục mét. Cảnh sát phòng cháy chữa cháy điều 12 xe chữa cháy tới hiện trường. Không có thiệt hại về người, nguyên nhân vụ cháy đang được điều tra.',
    ],
  }
  const cauGiayAgain = {
    title: 'Hà Nội: Hỏa hoạn ở Cầu Giấy lúc rạng sáng',
    lead: 'Vụ cháy xảy ra tại một dãy nhà ở quận Cầu Giấy khiến hàng trăm người phải sơ tán trong đêm.',
    paragraphs: ['Cảnh sát phòng cháy chữa cháy đã khống chế ngọn lửa sau hai giờ, không có thiệt hại về người.'],
  }

  it('are alike enough in words that only the place keeps them apart', () => {
    const state = new TinyState()
    const first = assignArticle(state, signatureOf(cauGiay), null)
    state.stories.set('cau-giay', { members: [first.vector], tops: [first.top], where: NOWHERE })
    const blind = assignArticle(state, { ...signatureOf(dongXuan), where: NOWHERE }, null)
    expect(blind.decision.storyId, 'without places the second fire would join the first').toBe('cau-giay')
  })

  it('stay two stories, while a second report of one fire joins it', () => {
    const state = new TinyState()
    const first = assignArticle(state, signatureOf(cauGiay), null)
    expect(signatureOf(cauGiay).where.places).toEqual(['cầu giấy'])
    state.stories.set('cau-giay', { members: [first.vector], tops: [first.top], where: signatureOf(cauGiay).where })
    const other = assignArticle(state, signatureOf(dongXuan), null)
    expect(other.decision.storyId, 'the fire at Đồng Xuân market').toBeNull()
    state.stories.set('dong-xuan', { members: [other.vector], tops: [other.top], where: signatureOf(dongXuan).where })
    const again = assignArticle(state, signatureOf(cauGiayAgain), null)
    expect(again.decision.storyId, 'another outlet on the Cầu Giấy fire').toBe('cau-giay')
  })
})

describe('two events of one kind, to different people', () => {
  // Two trials at one court on one day, told in the same words; only who stands trial differs.
  const trial = (name: string, company: string) => ({
    title: `Xét xử nguyên giám đốc ${name} tham ô 200 tỷ đồng`,
    lead: `Sáng nay, Tòa án nhân dân TP Hà Nội mở phiên xét xử sơ thẩm ông ${name}, nguyên giám đốc Công ty ${company}, về tội tham ô tài sản.`,
    paragraphs: [
      'Theo cáo trạng, bị cáo đã lợi dụng chức vụ, quyền hạn để chiếm đoạt tiền của công ty, gây thiệt hại hơn 200 tỷ đồng. Tại tòa, bị cáo thừa nhận hành vi phạm tội. Phiên tòa dự kiến kéo dài ba ngày, hội đồng xét xử sẽ tuyên án vào cuối tuần.',
    ],
  })
  const khoi = trial('Trần Minh Khôi', 'Hòa Phát Đạt')
  const vinh = trial('Lê Quang Vinh', 'Sông Đà Xanh')
  const khoiAgain = {
    title: 'Nguyên giám đốc Trần Minh Khôi hầu tòa',
    lead: 'Bị cáo Trần Minh Khôi bị truy tố về tội tham ô tài sản, gây thiệt hại hơn 200 tỷ đồng cho công ty.',
    paragraphs: ['Tại phiên xét xử sáng nay, bị cáo thừa nhận đã chiếm đoạt tiền của công ty. Hội đồng xét xử sẽ tuyên án vào cuối tuần.'],
  }

  it('are alike enough in words that only the names keep them apart', () => {
    expect(signatureOf(khoi).where.places, 'no specific place to tell them apart').toEqual([])
    expect(signatureOf(khoi).where.main).toEqual(['hòa phát đạt', 'trần minh khôi'])
    const state = new TinyState()
    const first = assignArticle(state, signatureOf(khoi), null)
    state.stories.set('khoi', { members: [first.vector], tops: [first.top], where: NOWHERE })
    const blind = assignArticle(state, { ...signatureOf(vinh), where: NOWHERE }, null)
    expect(blind.decision.storyId, 'without names the second trial would join the first').toBe('khoi')
  })

  it('stay two stories, while a second report of one trial joins it', () => {
    const state = new TinyState()
    const first = assignArticle(state, signatureOf(khoi), null)
    state.stories.set('khoi', { members: [first.vector], tops: [first.top], where: signatureOf(khoi).where })
    const other = assignArticle(state, signatureOf(vinh), null)
    expect(other.decision.storyId, 'the trial of Lê Quang Vinh').toBeNull()
    state.stories.set('vinh', { members: [other.vector], tops: [other.top], where: signatureOf(vinh).where })
    const again = assignArticle(state, signatureOf(khoiAgain), null)
    expect(again.decision.storyId, 'another outlet on the trial of Trần Minh Khôi').toBe('khoi')
  })
})

describe('storySlugOf', () => {
  it('folds Vietnamese to an ASCII slug with a suffix', () => {
    expect(storySlugOf('Đà Nẵng: Liên quân nhất trí kế hoạch tiêu diệt IS', '3F9C2A17')).toBe('da-nang-lien-quan-nhat-tri-3f9c2a')
  })
})
