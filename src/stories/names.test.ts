import { describe, expect, it } from 'vitest'
import { knower, mainNamesOf, nameKey, namesConflict } from './names.js'

describe('mainNamesOf', () => {
  it.each<[string, string[], string[], string[]]>([
    ['a one-syllable name inside a sentence', ['Mệt mỏi, Nadal rút khỏi Basel'], [], ['basel', 'nadal']],
    ['a sentence-opening word is no name', ['Tin buồn'], ['Gia đình báo tin.'], []],
    ['a sentence-opening name the report also writes inside a sentence', ['Obama trấn an Tổng thống Pháp'], ['Ông Obama nói với tổng thống Pháp.'], ['obama', 'pháp']],
    ['after a colon a sentence opens', ['Rơi máy bay tại Lào: Thi thể trôi xa'], ['Các thi thể được tìm thấy.'], ['lào']],
    ['the first syllable of an institution, written in lowercase elsewhere', ['Quốc hội thảo luận Luật Thi đua'], ['Dự luật được quốc hội thông qua.'], ['luật thi']],
    ['multi-syllable runs whole', ['Xét xử Trần Minh Khôi, nguyên giám đốc Sông Đà Xanh'], [], ['sông đà xanh', 'trần minh khôi']],
    ['places news names all the time left out', ['Cháy lớn ở TP Hà Nội và Việt Nam'], [], []],
    ['a hyphen between letter and number ignored', ['Đội U-23 Việt Nam thắng U23 Myanmar'], [], ['u23 myanmar', 'u23 việt nam']],
  ])('%s', (_, top, all, expected) => {
    expect(mainNamesOf(top, all)).toEqual(expected)
  })
})

describe('nameKey and knower', () => {
  it('compares names syllable for syllable, either inside the other', () => {
    expect(nameKey('U-21 Việt Nam')).toBe('u21 việt nam')
    expect(knower(['fernando torres'])('torres')).toBe(true)
    expect(knower(['torres'])('fernando torres')).toBe(true)
    expect(knower(['torresan', 'san torres'])('torres'), 'inside a longer name').toBe(true)
    expect(knower(['torresan'])('torres'), 'not inside a syllable').toBe(false)
  })
})

describe('namesConflict', () => {
  const khoi = { main: ['trần minh khôi'], names: ['hà nội', 'trần minh khôi', 'hòa phát đạt'] }
  const vinh = { main: ['lê quang vinh'], names: ['hà nội', 'lê quang vinh', 'sông đà xanh'] }
  it('sees two reports whose top names the other never mentions as two events', () => {
    expect(namesConflict(khoi, vinh)).toBe(true)
  })

  it('keeps them together when either mentions one of the other’s main names anywhere', () => {
    expect(namesConflict(khoi, { main: ['lê quang vinh'], names: ['lê quang vinh', 'khôi'] })).toBe(false)
    expect(namesConflict({ main: ['khôi', 'hòa phát đạt'], names: ['khôi'] }, vinh)).toBe(true)
    expect(namesConflict({ main: ['sông đà xanh'], names: ['sông đà xanh'] }, vinh)).toBe(false)
  })

  it('finds no conflict where either side has no main name', () => {
    expect(namesConflict({ main: [], names: ['a'] }, vinh)).toBe(false)
    expect(namesConflict(vinh, { main: [], names: [] })).toBe(false)
  })
})
