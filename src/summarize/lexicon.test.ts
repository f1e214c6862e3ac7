import { describe, expect, it } from 'vitest'
import { isStopword, toSyllables } from '../text/syllables.js'
import { Lexicon, SYLLABLE_DIGITS, SYLLABLE_STOP } from './lexicon.js'

/** A lexicon with a way back from ids to text, for reading results in tests. */
function readable() {
  const lexicon = new Lexicon()
  const names: string[] = []
  const id = (syllable: string) => {
    const value = lexicon.syllable(syllable)
    names[value] = syllable
    return value
  }
  const units = (text: string) => {
    const syllables = toSyllables(text)
    for (const syllable of syllables) id(syllable)
    const concepts = new Map<number, string>()
    for (let i = 1; i < syllables.length; i++) concepts.set(lexicon.concept(id(syllables[i - 1] as string), id(syllables[i] as string)), `${syllables[i - 1]} ${syllables[i]}`)
    const result = lexicon.unitsOf(syllables)
    return { ...result, conceptTexts: Array.from(result.concepts, (c) => concepts.get(c)), contentTexts: Array.from(result.content, (s) => names[s]) }
  }
  return { lexicon, id, units, name: (value: number) => names[value] }
}

describe('Lexicon', () => {
  it('gives each distinct syllable one dense id and knows stopwords and numbers', () => {
    const { lexicon, id } = readable()
    expect(toSyllables('Các bộ trưởng, các 40.000 bộ').map(id)).toEqual([0, 1, 2, 0, 3, 4, 1])
    expect(lexicon.syllableCount).toBe(5)
    expect(isStopword('các')).toBe(true)
    expect(lexicon.kinds[0]).toBe(SYLLABLE_STOP)
    expect(lexicon.kinds[2]).toBe(0)
    expect(lexicon.kinds[3]).toBe(SYLLABLE_DIGITS)
  })

  it('counts each content bigram once, in order of first occurrence, leaving out stopword pairs and number pairs', () => {
    const { units } = readable()
    // `và các` and `các bộ` are pairs of stopwords; the repeated `bộ trưởng` counts once.
    expect(['và', 'các', 'bộ'].every(isStopword) && !isStopword('trưởng')).toBe(true)
    expect(units('Bộ trưởng quốc phòng và các bộ trưởng').conceptTexts).toEqual(['bộ trưởng', 'trưởng quốc', 'quốc phòng', 'phòng và'])
    // `40 000` are two runs of digits; `000 người` stays.
    expect(units('Tài sản 40.000 người').conceptTexts).toEqual(['tài sản', 'sản 40', '000 người'])
  })

  it('keeps content syllables in order with numbers, and terms without numbers, distinct and ascending', () => {
    const { lexicon, units, name } = readable()
    const text = 'Cơn bão 5 và cơn bão 6 đổ bộ'
    const { content, contentTexts } = units(text)
    const expected = toSyllables(text).filter((s) => !isStopword(s))
    expect(expected).toContain('5')
    expect(contentTexts).toEqual(expected)
    const terms = lexicon.termsOf(content)
    expect([...terms]).toEqual([...terms].sort((a, b) => a - b))
    expect(Array.from(terms, name).sort()).toEqual([...new Set(expected.filter((s) => !/^\d+$/.test(s)))].sort())
  })
})
