import { describe, expect, it } from 'vitest'
import { CURSOR_ARITY, type SearchPosition, cursorPartsOf, fingerprintOf, positionOf } from './request.js'

const isId = (id: string) => /^[0-9a-f]{16}$/.test(id)
const ID = '0123456789abcdef'

describe('search cursors', () => {
  it('round-trip a relevance and a recent position, the score exactly', () => {
    const positions: SearchPosition[] = [
      { sort: 'relevance', tier: 1, score: -3.141592653589793e-6, id: ID },
      { sort: 'recent', key: '2013-10-23T04:39:00.000Z', id: ID },
    ]
    for (const position of positions) {
      const parts = cursorPartsOf('abcd1234', position)
      expect(parts, position.sort).toHaveLength(CURSOR_ARITY[position.sort])
      expect(positionOf(parts, position.sort, 'abcd1234', isId), position.sort).toEqual(position)
    }
  })

  it('refuse a cursor of another query, another order, or with bad parts', () => {
    const parts = cursorPartsOf('abcd1234', { sort: 'relevance', tier: 0, score: -1.5, id: ID })
    expect(positionOf(parts, 'relevance', 'ffff0000', isId), 'another query').toBeNull()
    expect(positionOf(parts, 'recent', 'abcd1234', isId), 'another order').toBeNull()
    const bad = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part))
    expect(positionOf(bad(2, '3'), 'relevance', 'abcd1234', isId), 'no tier 3').toBeNull()
    expect(positionOf(bad(3, 'NaN'), 'relevance', 'abcd1234', isId), 'score NaN').toBeNull()
    expect(positionOf(bad(3, ''), 'relevance', 'abcd1234', isId), 'empty score').toBeNull()
    expect(positionOf(bad(4, 'nope'), 'relevance', 'abcd1234', isId), 'not an id').toBeNull()
  })

  it('fingerprint different searches differently', () => {
    expect(fingerprintOf(['articles', 'hà nội'])).toMatch(/^[0-9a-f]{8}$/)
    expect(fingerprintOf(['articles', 'hà nội'])).not.toBe(fingerprintOf(['articles', 'ha noi']))
    expect(fingerprintOf(['a', 'b c'])).not.toBe(fingerprintOf(['a b', 'c']))
  })
})
