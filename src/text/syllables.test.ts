import { describe, expect, it } from 'vitest'
import { normalizeText } from './normalize.js'
import { isStopword, toSyllables, unifyTonePlacement } from './syllables.js'

describe('unifyTonePlacement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['khoẻ', 'khỏe'],
    ['thuỷ', 'thủy'],
    ['hòa', 'hòa'],
    ['quý', 'quý'],
    ['hoàng', 'hoàng'],
    ['huỳnh', 'huỳnh'],
    ['toà', 'tòa'],
  ])('%s → %s', (input, expected) => {
    expect(unifyTonePlacement(input)).toBe(expected)
  })
})

describe('toSyllables', () => {
  it('lowercases, unifies tone placement and splits on non-word characters', () => {
    expect(toSyllables('Hoà bình ở TP.HCM, 5.000 người')).toEqual(['hòa', 'bình', 'ở', 'tp', 'hcm', '5', '000', 'người'])
  })

  it('treats NFD and NFC input alike', () => {
    const text = 'Thuỷ điện Hoà Bình khoẻ mạnh'
    expect(toSyllables(text.normalize('NFD'))).toEqual(toSyllables(text))
  })
})

describe('isStopword', () => {
  it('knows single syllables and multi-syllable entries from stopwords-iso', () => {
    expect(isStopword('các')).toBe(true)
    expect(isStopword('bởi vì')).toBe(true)
    expect(isStopword('khủng')).toBe(false)
  })
})

describe('normalizeText', () => {
  it('folds odd spaces, zero-width characters and CRLF', () => {
    expect(normalizeText('Ho\u0300a\u00a0 bi\u0300nh\u200b\r\nx ')).toBe('Hòa bình\nx')
  })
})
