import { describe, expect, it } from 'vitest'
import { MAX_QUERY_LENGTH, type QueryProblem, type SearchQuery, canonicalQueryOf, isQueryProblem, parseSearchQuery } from './query.js'

function parsed(q: string): SearchQuery {
  const result = parseSearchQuery(q)
  if (isQueryProblem(result)) throw new Error(`expected a query for ${q}, got ${result.problem}`)
  return result
}

function refused(q: string): QueryProblem['problem'] {
  const result = parseSearchQuery(q)
  if (!isQueryProblem(result)) throw new Error(`expected a refusal for ${q}`)
  return result.problem
}

describe('parseSearchQuery', () => {
  it('makes every syllable outside quotes a term, with its exact and folded form', () => {
    const query = parsed('Hà Nội mưa')
    expect(query.units.map((u) => u.quoted)).toEqual([false, false, false])
    expect(query.units.map((u) => u.syllables.map((s) => [s.exact, s.folded, s.marked]))).toEqual([[['hà', 'ha', true]], [['nội', 'noi', true]], [['mưa', 'mua', true]]])
  })

  it('knows a diacritic-free syllable is not marked', () => {
    expect(parsed('ha noi').units.flatMap((u) => u.syllables.map((s) => s.marked))).toEqual([false, false])
  })

  it('reads a quoted phrase as one unit, with straight or typographic quotes', () => {
    for (const q of ['"Hà Nội" mưa', '“Hà Nội” mưa', '„Hà Nội“ mưa']) {
      const query = parsed(q)
      expect(query.units, q).toHaveLength(2)
      expect(query.units[0]?.quoted, q).toBe(true)
      expect(
        query.units[0]?.syllables.map((s) => s.exact),
        q,
      ).toEqual(['hà', 'nội'])
    }
  })

  it('runs an unclosed quote to the end', () => {
    const query = parsed('mưa "Hà Nội')
    expect(query.units.map((u) => [u.quoted, u.syllables.length])).toEqual([
      [false, 1],
      [true, 2],
    ])
  })

  it('treats FTS5 operators and syntax as plain words or punctuation', () => {
    const query = parsed('NEAR(hà nội) AND -bão OR x* NOT "a:b" {title}: ^c')
    expect(canonicalQueryOf(query)).toBe('near hà nội and bão or x not "a b" title c')
  })

  it('unifies tone placement and case, and reads NFD input as NFC', () => {
    expect(canonicalQueryOf(parsed('THUỶ ĐIỆN HOÀ BÌNH'))).toBe('thủy điện hòa bình')
    expect(canonicalQueryOf(parsed('Thuỷ điện'.normalize('NFD')))).toBe('thủy điện')
  })

  it('drops lone surrogates and symbols, keeping the words', () => {
    expect(canonicalQueryOf(parsed('\uD800hà\uDC00 nội 😀'))).toBe('hà nội')
  })

  it('refuses empty, punctuation-only and too long queries', () => {
    expect(refused('')).toBe('empty')
    expect(refused('   ')).toBe('empty')
    expect(refused('*** -- () "" :')).toBe('no-words')
    expect(refused('\uD800')).toBe('no-words')
    expect(refused('a'.repeat(MAX_QUERY_LENGTH + 1))).toBe('too-long')
    expect(isQueryProblem(parseSearchQuery('ạ'.repeat(MAX_QUERY_LENGTH))), 'exactly the limit is accepted').toBe(false)
  })

  it('counts length in characters after NFC, not in UTF-16 units of decomposed input', () => {
    const word = 'ạ'.repeat(MAX_QUERY_LENGTH)
    expect(isQueryProblem(parseSearchQuery(word.normalize('NFD'))), 'NFD input twice as long in units is still 200 characters').toBe(false)
  })
})
