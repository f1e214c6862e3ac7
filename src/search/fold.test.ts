import { describe, expect, it } from 'vitest'
import { toSyllables } from '../text/syllables.js'
import { exactFormOf, foldSyllable, foldText, indexFormsOf, searchFieldsOf, searchTokensOf } from './fold.js'

describe('foldSyllable', () => {
  it.each([
    ['đường', 'duong', 'đ folds to d (unicode61 remove_diacritics 2 does not)'],
    ['Đà', 'da', 'capital Đ folds too'],
    ['nghiêng', 'nghieng', 'circumflex'],
    ['trưởng', 'truong', 'horn and hook'],
    ['hòa', 'hoa', 'old tone placement'],
    ['hoà', 'hoa', 'new tone placement'],
    ['thủy', 'thuy', 'tone on u'],
    ['ỷ', 'y', 'tone on y alone'],
    ['HÀ', 'ha', 'uppercase'],
    ['Ho\u0300a', 'hoa', 'NFD input'],
    ['café', 'cafe', 'a non-Vietnamese letter with a mark'],
    ['covid19', 'covid19', 'letters and digits untouched'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(foldSyllable(input)).toBe(expected)
  })
})

describe('foldText', () => {
  it('folds every character in place, so offsets into the text are offsets into the folded text', () => {
    expect(foldText('Thuỷ điện Hoà Bình, ĐẮK LẮK!')).toBe('thuy dien hoa binh, dak lak!')
    const odd = '😀 x\ud800y 서울 Ωmega ς'
    expect(foldText(odd), 'surrogates, lone or paired, and letters without marks stay as they are').toBe('😀 x\ud800y 서울 ωmega ς')
    expect(foldText('İstanbul Hà'), 'a character whose lowercase is two units still folds to one').toBe('istanbul ha')
  })

  it('folds a text longer than one batch of units whole', () => {
    const text = 'Đà Nẵng mưa lớn. '.repeat(1000)
    const folded = foldText(text)
    expect(folded.length).toBe(text.length)
    expect(folded).toBe('da nang mua lon. '.repeat(1000))
  })
})

describe('exactFormOf', () => {
  it.each([
    ['hoà', 'hòa'],
    ['HOÀ', 'hòa'],
    ['Thuỷ', 'thủy'],
    ['kho\u0309e', 'khỏe'],
    ['quý', 'quý'],
    ['Hà', 'hà'],
  ])('%s → %s: NFC, lowercase, one tone placement', (input, expected) => {
    expect(exactFormOf(input)).toBe(expected)
  })
})

describe('searchTokensOf', () => {
  it('gives each syllable its span in the text and both forms', () => {
    const text = 'Thuỷ điện Hoà Bình, TP.HCM'
    const tokens = searchTokensOf(text)
    expect(
      tokens.map((t) => text.slice(t.start, t.end)),
      'spans cut the original text',
    ).toEqual(['Thuỷ', 'điện', 'Hoà', 'Bình', 'TP', 'HCM'])
    expect(tokens.map((t) => t.exact)).toEqual(['thủy', 'điện', 'hòa', 'bình', 'tp', 'hcm'])
    expect(tokens.map((t) => t.folded)).toEqual(['thuy', 'dien', 'hoa', 'binh', 'tp', 'hcm'])
  })

  it('has the same exact forms as toSyllables, the tokenizer the rest of bantin counts with', () => {
    const text = 'Giá xăng giảm 5.000 đồng/lít từ 15h chiều nay; “khoẻ mạnh” ở Thanh Hoá'
    expect(searchTokensOf(text).map((t) => t.exact)).toEqual(toSyllables(text))
  })

  it('keeps offsets right past characters outside the BMP and outside Vietnamese', () => {
    const text = '😀 Hà Nội 서울 Ωmega'
    const tokens = searchTokensOf(text)
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hà', 'Nội', '서울', 'Ωmega'])
    expect(tokens[0]?.start, 'the emoji is two UTF-16 units and a space').toBe(3)
  })
})

describe('indexFormsOf', () => {
  it('joins exact syllables, folded syllables and pairs of folded syllables with single spaces, from NFC or NFD alike', () => {
    const expected = { exact: 'hòa bình đà nẵng', folded: 'hoa binh da nang', pairs: 'hoa_binh binh_da da_nang' }
    expect(indexFormsOf('Hoà Bình, Đà Nẵng')).toEqual(expected)
    expect(indexFormsOf('Hoà Bình, Đà Nẵng'.normalize('NFD')), 'NFD text indexes the same').toEqual(expected)
  })
})

describe('searchFieldsOf', () => {
  it('reads the lead and the paragraphs as the body, one per line', () => {
    expect(searchFieldsOf({ title: 'T', lead: 'Sapo.', paragraphs: ['Một.', 'Hai.'] })).toEqual({ title: 'T', body: 'Sapo.\nMột.\nHai.' })
    expect(searchFieldsOf({ title: 'T', lead: null, paragraphs: ['Một.'] }).body).toBe('Một.')
  })
})
