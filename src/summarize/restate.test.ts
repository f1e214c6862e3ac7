import { describe, expect, it } from 'vitest'
import { toSyllables } from '../text/syllables.js'
import { Lexicon } from './lexicon.js'
import { restates, skeletonOf } from './restate.js'

// One lexicon for the file, as one summary has one: ids compare across sentences.
const lexicon = new Lexicon()
const units = (text: string) => lexicon.unitsOf(toSyllables(text))
const skeleton = (text: string) => skeletonOf(text, units(text).content, lexicon)
const overlapOf = (a: string, b: string) => {
  const ca = new Set(units(a).concepts)
  const cb = new Set(units(b).concepts)
  const [small, large] = ca.size <= cb.size ? [ca, cb] : [cb, ca]
  let shared = 0
  for (const c of small) if (large.has(c)) shared += 1
  return small.size === 0 ? 0 : shared / small.size
}
const restated = (a: string, b: string) => restates(skeleton(a), skeleton(b), overlapOf(a, b))

describe('skeletonOf', () => {
  it('rounds scaled amounts, keeps exact counts with what they count, and skips dates, times and years', () => {
    expect([...skeleton('Cầu có tổng vốn đầu tư 2.538 tỷ đồng, khánh thành ngày 4/1 lúc 9h30 năm 2015.').quantities]).toEqual(['2.5e+12'])
    expect([...skeleton('Thủy thủ đoàn gồm 35 thành viên, bội chi 5,3% GDP.').quantities].sort()).toEqual(['35 thành', '5.3 %'])
    expect([...skeleton('Đội U21 Việt Nam thắng 3-1.').quantities]).toEqual([])
  })
})

describe('restates', () => {
  it('finds one fact in two outlets’ words and numbers', () => {
    expect(restated('Cầu Nhật Tân có tổng vốn đầu tư 2.538 tỷ đồng, chính thức thông xe sáng nay.', 'Sáng nay cầu Nhật Tân với vốn đầu tư hơn 2.500 tỷ đã thông xe.')).toBe(true)
    expect(restated('Bội chi dự kiến 5,3% tương đương khoảng 224.000 tỷ đồng.', 'Chính phủ đề nghị năm 2014 bội chi ở mức 5,3% GDP, tương ứng 224.000 tỷ đồng.')).toBe(true)
  })

  it('keeps two facts of one story apart, though they share its names and its date', () => {
    expect(restated('Ngày 23/10, Quốc hội thảo luận dự thảo sửa đổi Hiến pháp năm 1992.', 'Ngày 23/10, Quốc hội nghe báo cáo về thu ngân sách đạt 752.000 tỷ đồng.')).toBe(false)
    expect(restated('Cầu Nhật Tân có tổng vốn đầu tư 2.538 tỷ đồng.', 'Đường dẫn lên cầu dài 5 km do nhà thầu Nhật Bản thi công.')).toBe(false)
  })
})
