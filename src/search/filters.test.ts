import { describe, expect, it } from 'vitest'
import { periodOf } from './dates.js'
import { filterExpressionOf, filterTokensOf } from './filters.js'

const at = (iso: string) => Date.parse(iso)

function period(value: string) {
  const found = periodOf(value)
  if (found === null) throw new Error(`no period ${value}`)
  return found
}

/** The quoted tokens of an expression. */
function tokens(expression: string | null): string[] {
  return [...(expression ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? '')
}

describe('filterTokensOf', () => {
  it('gives an article its outlet, story, year and month in Vietnam time', () => {
    const found = filterTokensOf({ source: 'Tuổi Trẻ', storyId: 'lu-mien-trung', period: period('2013-10-31T23:30:00+07:00') }).split(' ')
    expect(found.filter((t) => !t.startsWith('src_'))).toEqual(['story_lu_mien_trung', 'y2013', 'm201310'])
    expect(found[0], 'the outlet as a hash token').toMatch(/^src_[0-9a-f]{16}$/)
  })

  it('files an instant by its Vietnamese calendar month, not its UTC one', () => {
    // 06:00 on 1 November in Vietnam is 23:00 on 31 October in UTC.
    expect(filterTokensOf({ source: null, storyId: null, period: period('2013-11-01T06:00:00+07:00') })).toBe('y2013 m201311')
  })

  it('gives a month-dated article its month', () => {
    expect(filterTokensOf({ source: null, storyId: null, period: period('2017-03') })).toBe('y2017 m201703')
  })
})

describe('filterExpressionOf', () => {
  const none = { sources: [], from: null, to: null, storyId: null }

  it('is null without filters', () => {
    expect(filterExpressionOf(none)).toBeNull()
  })

  it('matches what filterTokensOf indexes, for outlets and stories', () => {
    const indexed = filterTokensOf({ source: 'VnExpress', storyId: 'bao-so-5', period: period('2013-10') }).split(' ')
    const expression = filterExpressionOf({ ...none, sources: ['Tuổi Trẻ', 'VnExpress'], storyId: 'bao-so-5' })
    expect(
      tokens(expression).filter((t) => indexed.includes(t)),
      'one outlet token and the story token are shared',
    ).toHaveLength(2)
    expect(expression, 'outlets OR, story AND').toMatch(/^\(.* OR .*\) AND \(\{meta\}: "story_bao_so_5"\)$/)
  })

  it('covers a period with whole years and the months of partial years', () => {
    const expression = filterExpressionOf({ ...none, from: at('2013-10-15T00:00:00+07:00'), to: period('2015-02').end })
    expect(tokens(expression)).toEqual(['m201310', 'm201311', 'm201312', 'y2014', 'm201501', 'm201502'])
  })

  it('runs an open period to 2100 in years, and leaves a period from before 1990 (or with no start) to SQL', () => {
    const open = tokens(filterExpressionOf({ ...none, from: period('2099-11').start }))
    expect(open).toEqual(['m209911', 'm209912', 'y2100'])
    expect(filterExpressionOf({ ...none, to: period('2013-10').end })).toBeNull()
    expect(filterExpressionOf({ ...none, from: period('1985-01').start, to: period('2013-10').end })).toBeNull()
  })

  it('keeps any period within 22 month tokens and one per year', () => {
    const expression = filterExpressionOf({ ...none, from: period('1990-02').start })
    const found = tokens(expression)
    expect(found.filter((t) => t.startsWith('m'))).toHaveLength(11)
    expect(found.filter((t) => t.startsWith('y'))).toHaveLength(2100 - 1990)
  })
})
