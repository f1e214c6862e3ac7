import { describe, expect, it } from 'vitest'
import { type StoryMember, storyFactsOf } from './story.js'

const member = (id: string, title: string, sortKey: string, extra: Partial<StoryMember> = {}): StoryMember => ({
  id,
  title,
  titleDerived: false,
  source: null,
  url: null,
  publishedAt: sortKey,
  sortKey,
  ...extra,
})

describe('storyFactsOf', () => {
  it('orders reports oldest first and lists each outlet once', () => {
    const facts = storyFactsOf([
      member('b', 'Bão số 5 đổ bộ Quảng Ngãi', '2026-09-02', { source: 'VnExpress' }),
      member('a', 'Bão số 5 sắp đổ bộ', '2026-09-01', { source: 'Tuổi Trẻ' }),
      member('c', 'Quảng Ngãi sơ tán dân trước bão số 5', '2026-09-03', { source: 'VnExpress' }),
    ])
    expect(facts.members.map((m) => m.id)).toEqual(['a', 'b', 'c'])
    expect(facts.sources).toEqual(['Tuổi Trẻ', 'VnExpress'])
    expect(facts.firstPublishedAt).toBe('2026-09-01')
    expect(facts.articleCount).toBe(3)
  })

  it('titles the story with the headline closest to the others', () => {
    const facts = storyFactsOf([member('a', 'Tin buồn', '2026-09-01'), member('b', 'Bão số 5 đổ bộ Quảng Ngãi', '2026-09-02'), member('c', 'Bão số 5 đổ bộ miền Trung', '2026-09-03')])
    expect(facts.title).toBe('Bão số 5 đổ bộ Quảng Ngãi')
  })

  it('prefers a real headline to a title derived from a first sentence', () => {
    const facts = storyFactsOf([
      member('a', 'Trong bối cảnh đó, ngày 20-7 Mỹ đã tổ chức hội nghị…', '2017-03', { titleDerived: true }),
      member('b', 'Liên quân nhất trí kế hoạch tiêu diệt IS', '2017-03'),
    ])
    expect(facts.title).toBe('Liên quân nhất trí kế hoạch tiêu diệt IS')
  })
  it('titles a long story from the reports its summary reads: the first and the newest', () => {
    // 40 reports: the first, 20 on an early angle (the most headlines overall), then 19 on where the story stands now.
    const reports = [
      member('r00', 'Bão số 5 hình thành trên Biển Đông', '2026-09-01T00'),
      ...Array.from({ length: 20 }, (_, i) => member(`r${String(i + 1).padStart(2, '0')}`, `Ngư dân vào bờ tránh bão số 5, đợt ${i + 1}`, `2026-09-01T${String(i + 1).padStart(2, '0')}`)),
      ...Array.from({ length: 19 }, (_, i) => member(`r${String(i + 21).padStart(2, '0')}`, `Bão số 5 đổ bộ Quảng Ngãi, bản tin ${i + 1}`, `2026-09-02T${String(i).padStart(2, '0')}`)),
    ]
    const facts = storyFactsOf(reports)
    expect(facts.articleCount, 'every report still counts').toBe(40)
    expect(
      facts.members.map((m) => m.id),
      'and is listed',
    ).toHaveLength(40)
    expect(facts.title).toBe('Bão số 5 đổ bộ Quảng Ngãi, bản tin 1')
  })
})
