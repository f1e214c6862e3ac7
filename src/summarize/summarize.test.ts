import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseArticleText } from '../text/parse-article.js'
import type { SummaryArticle } from './candidates.js'
import { MAX_SUMMARY_REPORTS, reportsToSummarize, summarizeStory } from './multi-document.js'
import { summarizeArticle } from './single-document.js'

function seed(name: string, id: string): SummaryArticle {
  const parsed = parseArticleText(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'))
  if (parsed === null) throw new Error(`seed ${name} did not parse`)
  return { id, title: parsed.title, lead: parsed.lead, paragraphs: parsed.paragraphs }
}

const VIETNAMPLUS = seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt', 'vnp')
const ANDREWS = seed('hoi-nghi-andrews-lo-trinh-chong-is.txt', 'andrews')
const words = (text: string) => text.split(/\s+/).filter(Boolean).length

describe('summarizeArticle', () => {
  it.each([30, 40, 60, 120])('keeps a budget of %i words with whole sentences, or the lede cut alone', (budget) => {
    const summary = summarizeArticle(VIETNAMPLUS, { words: budget })
    expect(summary.words, 'reported words match the text').toBe(words(summary.text))
    expect(summary.words, 'within budget').toBeLessThanOrEqual(budget)
    const all = [VIETNAMPLUS.lead ?? '', ...VIETNAMPLUS.paragraphs].join(' ')
    expect(summary.sentences.length, 'some sentences to check').toBeGreaterThan(0)
    for (const sentence of summary.sentences) {
      if (!sentence.text.endsWith('…')) expect(all, 'a sentence of the article, verbatim').toContain(sentence.text)
      else {
        expect(summary.sentences, 'a cut sentence stands alone').toHaveLength(1)
        expect(all, 'the start of a sentence of the article').toContain(sentence.text.slice(0, -1))
      }
    }
  })

  it('quotes a lede longer than the budget cut at a clause boundary, not a later detail that fits', () => {
    const lede =
      'Các nước thành viên liên minh chống lực lượng Nhà nước Hồi giáo tự xưng đã nhất trí về kế hoạch quân sự mới tại hội nghị ở thủ đô Washington, sau hai ngày thảo luận căng thẳng giữa các bộ trưởng quốc phòng về việc chia sẻ gánh nặng tài chính và lực lượng.'
    const article = { id: 'lede', title: 'Liên minh nhất trí kế hoạch chống IS', lead: null, paragraphs: [lede, 'Hội nghị kéo dài hai ngày tại Washington.', 'Các bên sẽ gặp lại vào tháng sau.'] }
    const summary = summarizeArticle(article, { words: 40 })
    expect(
      summary.sentences.map((s) => s.index),
      'the lede',
    ).toEqual([0])
    expect(summary.text, 'cut after the clause, in the budget').toBe(
      'Các nước thành viên liên minh chống lực lượng Nhà nước Hồi giáo tự xưng đã nhất trí về kế hoạch quân sự mới tại hội nghị ở thủ đô Washington…',
    )
    expect(summary.words).toBeLessThanOrEqual(40)
  })

  it('keeps article order and points at the right paragraph', () => {
    const summary = summarizeArticle(VIETNAMPLUS, { words: 120 })
    const indexes = summary.sentences.map((s) => s.index)
    expect(indexes, 'article order').toEqual([...indexes].sort((a, b) => a - b))
    expect(summary.sentences.length, 'some sentences to check').toBeGreaterThan(0)
    for (const sentence of summary.sentences) {
      const source = sentence.paragraph === null ? VIETNAMPLUS.lead : VIETNAMPLUS.paragraphs[sentence.paragraph]
      expect(source, `paragraph ${sentence.paragraph} holds the sentence`).toContain(sentence.text)
    }
  })

  it('takes exactly K sentences when asked by count', () => {
    expect(summarizeArticle(VIETNAMPLUS, { words: 1000, sentences: 2 }).sentences).toHaveLength(2)
  })

  it('always returns at least one sentence, even over a tiny budget', () => {
    const summary = summarizeArticle(ANDREWS, { words: 1 })
    expect(summary.sentences).toHaveLength(1)
  })

  it('summarizes a one-sentence article without punctuation', () => {
    const summary = summarizeArticle({ id: 'x', title: 'Tin nhanh', lead: null, paragraphs: ['Giá xăng giảm 500 đồng mỗi lít từ chiều nay'] }, { words: 60 })
    expect(summary.text).toBe('Giá xăng giảm 500 đồng mỗi lít từ chiều nay')
  })

  it('never returns just the title again', () => {
    const summary = summarizeArticle(
      {
        id: 'x',
        title: 'Giá xăng giảm mạnh từ chiều nay',
        lead: null,
        paragraphs: ['Giá xăng giảm mạnh từ chiều nay.', 'Liên Bộ Công Thương - Tài chính điều chỉnh giá xăng dầu lúc 15h ngày 23/11.'],
      },
      { words: 60 },
    )
    expect(summary.text).not.toMatch(/^Giá xăng giảm mạnh từ chiều nay\.$/)
    expect(summary.sentences.map((s) => s.text)).not.toContain('Giá xăng giảm mạnh từ chiều nay.')
  })

  it('gives the same output for the same input', () => {
    expect(summarizeArticle(VIETNAMPLUS, { words: 60 })).toEqual(summarizeArticle(VIETNAMPLUS, { words: 60 }))
  })
})

describe('summarizeStory', () => {
  const reports = [ANDREWS, VIETNAMPLUS]

  it('credits every sentence to the report it came from', () => {
    const summary = summarizeStory('is', reports, { words: 120 })
    expect(summary.sentences.length, 'some sentences to check').toBeGreaterThan(0)
    for (const sentence of summary.sentences) {
      const report = reports.find((r) => r.id === sentence.articleId)
      expect(report, 'a known article').toBeDefined()
      expect([report?.lead ?? '', ...(report?.paragraphs ?? [])].join(' '), 'quoted from that article').toContain(sentence.text)
    }
  })

  it('keeps the budget and orders earlier reports first', () => {
    const summary = summarizeStory('is', reports, { words: 120 })
    expect(summary.words).toBeLessThanOrEqual(120)
    expect(summary.words).toBe(words(summary.text))
    const order = summary.sentences.map((s) => reports.findIndex((r) => r.id === s.articleId))
    expect(order, 'report order').toEqual([...order].sort((a, b) => a - b))
  })

  it('draws on both reports and never repeats a sentence', () => {
    const summary = summarizeStory('is', reports, { words: 200 })
    const texts = summary.sentences.map((s) => s.text)
    expect(new Set(texts).size).toBe(texts.length)
    expect(new Set(summary.sentences.map((s) => s.articleId)).size, 'both outlets quoted').toBe(2)
  })

  it('does not quote the same fact twice when two outlets print it alike', () => {
    const copy = { ...VIETNAMPLUS, id: 'copy', title: 'Liên quân nhất trí kế hoạch chống IS' }
    const summary = summarizeStory('is', [VIETNAMPLUS, copy], { words: 200 })
    const texts = summary.sentences.map((s) => s.text)
    expect(new Set(texts).size, 'no sentence twice').toBe(texts.length)
  })

  it('is deterministic', () => {
    expect(summarizeStory('is', reports, { words: 120 })).toEqual(summarizeStory('is', reports, { words: 120 }))
  })

  it('reads the first report and the most recent ones of a long story', () => {
    const long = Array.from({ length: MAX_SUMMARY_REPORTS + 10 }, (_, i) => ({ ...(i % 2 === 0 ? VIETNAMPLUS : ANDREWS), id: `r${i}` }))
    const read = reportsToSummarize(long).map((r) => r.id)
    expect(read).toHaveLength(MAX_SUMMARY_REPORTS)
    expect(read[0], 'the report that broke the story').toBe('r0')
    expect(read.slice(1), 'then the most recent, oldest first').toEqual(long.slice(11).map((r) => r.id))
    const quoted = new Set(summarizeStory('is', long, { words: 200 }).sentences.map((s) => s.articleId))
    expect(quoted.size, 'some reports quoted').toBeGreaterThan(0)
    for (const id of quoted) expect(read, `${id} is one of the reports read`).toContain(id)
    expect(
      reportsToSummarize(long.slice(0, 3)).map((r) => r.id),
      'short stories read whole',
    ).toEqual(['r0', 'r1', 'r2'])
  })
})
