import { describe, expect, it } from 'vitest'
import { planStory } from './multi-document.js'
import { PLAN_SENTENCES, type PlanSentence, type SummaryPlan } from './plan.js'
import { selectFromPlan } from './select.js'
import { summarizeArticle } from './single-document.js'

const sentence = (text: string, score: number, article: number, index: number, dependent = false, opening = index === 0): PlanSentence => ({
  text,
  words: text.split(' ').length,
  articleId: `a${article}`,
  article,
  paragraph: 0,
  index,
  score,
  dependent,
  opening,
})

describe('selectFromPlan', () => {
  it('never opens a summary with a sentence that leans on one before it, while another exists', () => {
    const plan: SummaryPlan = {
      sentences: [sentence('Tuy nhiên, hai người bị thương nặng và được đưa đi cấp cứu.', 0.9, 0, 0, true), sentence('Một vụ đánh bom tự sát làm 7 người chết ở Volgograd chiều qua.', 0.5, 1, 0)],
      overlaps: [],
      penalty: 0.6,
    }
    expect(
      selectFromPlan(plan, { words: 20 }).map((s) => s.text),
      'one sentence: the self-contained one',
    ).toEqual(['Một vụ đánh bom tự sát làm 7 người chết ở Volgograd chiều qua.'])
    const both = selectFromPlan(plan, { words: 40 })
    expect(both[0]?.dependent, 'with room for two, the dependent one may follow').toBe(false)
  })

  it('quotes a dependent sentence when there is nothing else', () => {
    const plan: SummaryPlan = { sentences: [sentence('Tuy nhiên, giá vàng vẫn tăng mạnh trong phiên chiều nay.', 0.9, 0, 0, true)], overlaps: [], penalty: 0 }
    expect(selectFromPlan(plan, { words: 60 })).toHaveLength(1)
  })

  it('never takes a restatement of a sentence it took', () => {
    const plan: SummaryPlan = {
      sentences: [sentence('Cầu Nhật Tân vốn 2.538 tỷ đồng thông xe sáng nay.', 0.9, 0, 0), sentence('Sáng nay cầu Nhật Tân hơn 2.500 tỷ đã thông xe.', 0.8, 1, 0)],
      overlaps: [[0, 1, 1]],
      penalty: 0,
    }
    expect(selectFromPlan(plan, { words: 200 })).toHaveLength(1)
  })

  it('never exceeds its budget: when nothing fits, the best sentence is cut with an ellipsis', () => {
    const long = Array.from({ length: 40 }, (_, i) => `chữ${i}`).join(' ')
    const plan: SummaryPlan = { sentences: [sentence(long, 1, 0, 0)], overlaps: [], penalty: 0 }
    const [only] = selectFromPlan(plan, { words: 10 })
    expect(only?.words).toBe(10)
    expect(only?.text.endsWith('…')).toBe(true)
    expect(long.startsWith(only?.text.slice(0, -1) ?? '?'), 'a prefix of the sentence').toBe(true)
  })

  it('marks each report’s first quotable sentence as its opening, whether or not the plan keeps it', () => {
    const report = (id: string, lede: string) => ({
      id,
      title: 'Bão số 5 đổ bộ',
      lead: null,
      paragraphs: [lede, 'Mưa lớn kéo dài ở các tỉnh miền Trung từ chiều qua.', 'Hàng nghìn hộ dân đã được sơ tán khỏi vùng nguy hiểm.'],
    })
    const plan = planStory([report('a', 'Ảnh: AFP'), report('b', 'Bão số 5 đổ bộ vào Quảng Ngãi sáng nay với sức gió cấp 12.')])
    const openings = plan.sentences.filter((s) => s.opening === true)
    expect(openings.map((s) => [s.article, s.text])).toEqual([
      [0, 'Mưa lớn kéo dài ở các tỉnh miền Trung từ chiều qua.'],
      [1, 'Bão số 5 đổ bộ vào Quảng Ngãi sáng nay với sức gió cấp 12.'],
    ])
  })

  it('does not take a lede with a caption fused onto it as the report’s opening', () => {
    const report = {
      id: 'a',
      title: 'U23 Việt Nam hòa Myanmar',
      lead: null,
      paragraphs: ['Trận đấu khá tốt của U23 VN Đúng như dự đoán, HLV Hoàng Văn Phúc đã tung nhiều cầu thủ dự bị vào sân.', 'U23 Việt Nam hòa U23 Myanmar 1-1 trong trận giao hữu lượt về.'],
    }
    const plan = planStory([report])
    expect(
      plan.sentences.filter((s) => s.opening === true).map((s) => s.text),
      'a doubtful lede is not quoted cut; the report has no opening then',
    ).toEqual([])
    expect(
      plan.sentences.map((s) => s.text),
      'it is still a candidate like any other',
    ).toContain(report.paragraphs[0])
  })

  it('cuts the best sentence to the budget only when it opens its report', () => {
    const long = Array.from({ length: 30 }, (_, i) => (i === 16 || i === 8 ? `chữ${i},` : `chữ${i}`)).join(' ')
    const short = 'Hội nghị kéo dài hai ngày tại thủ đô.'
    const plan = (opening: boolean): SummaryPlan => ({ sentences: [sentence(long, 0.9, 0, 1, false, opening), sentence(short, 0.5, 0, 5)], overlaps: [], penalty: 0 })
    const [lede] = selectFromPlan(plan(true), { words: 20 })
    expect(lede?.text, 'the lede, cut at its comma in the budget’s last quarter').toBe(`${long.split(' ').slice(0, 17).join(' ').slice(0, -1)}…`)
    expect(lede?.words).toBe(17)
    expect(
      selectFromPlan(plan(false), { words: 20 }).map((s) => s.text),
      'a long sentence further in is passed over for one that fits',
    ).toEqual([short])
  })

  it('keeps the budget on a real article whose every sentence is longer than it', () => {
    const summary = summarizeArticle(
      { id: 'x', title: 'Tin', lead: null, paragraphs: ['Giá xăng RON 95 giảm 500 đồng mỗi lít từ 15h chiều nay theo quyết định của liên Bộ Công Thương và Tài chính.'] },
      { words: 5 },
    )
    expect(summary.words).toBe(5)
    expect(summary.text.split(' ')).toHaveLength(5)
  })
})

describe('planStory', () => {
  it('keeps a bounded plan from which every length is a selection', () => {
    // 150 sentences that share no phrase: each names a different pair of syllables.
    const syllables = ['ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'trăm', 'nghìn', 'vạn', 'triệu', 'cam', 'quýt', 'bưởi']
    const paragraphs = Array.from({ length: 150 }, (_, i) => `Hàng ${syllables[i % 15]} ${syllables[Math.floor(i / 15) % 15]} đã về kho số ${i} từ sáng sớm nay.`)
    const plan = planStory([{ id: 'a', title: 'Hàng về kho', lead: null, paragraphs }])
    expect(plan.sentences).toHaveLength(PLAN_SENTENCES)
    const short = selectFromPlan(plan, { words: 40 })
    const long = selectFromPlan(plan, { words: 500 })
    expect(short.reduce((n, s) => n + s.words, 0)).toBeLessThanOrEqual(40)
    expect(long.reduce((n, s) => n + s.words, 0)).toBeLessThanOrEqual(500)
    expect(long.length).toBeGreaterThan(short.length)
    expect(JSON.parse(JSON.stringify(plan)), 'plain data, storable as JSON').toEqual(plan)
  })
})
