import { describe, expect, it } from 'vitest'
import { matchPlanOf, quote } from './match.js'
import { isQueryProblem, parseSearchQuery } from './query.js'

function plan(q: string) {
  const query = parseSearchQuery(q)
  if (isQueryProblem(query)) throw new Error(`no query in ${q}`)
  return matchPlanOf(query)
}

/** Every double-quoted FTS5 string in an expression, and what is left outside them. */
function split(expression: string): { strings: string[]; outside: string } {
  const strings: string[] = []
  const outside = expression.replace(/"((?:[^"]|"")*)"/g, (_all, inner: string) => {
    strings.push(inner)
    return '""'
  })
  return { strings, outside }
}

describe('matchPlanOf', () => {
  it('searches a diacritic-free query in the folded columns only', () => {
    const { any, all, exact } = plan('ha noi')
    expect(any).toBe('{title_folded body_folded}: "ha" OR {title_folded body_folded}: "noi" OR {title_folded body_folded}: "ha noi"')
    expect(all).toBe('{title_folded body_folded}: "ha" AND {title_folded body_folded}: "noi"')
    expect(exact, 'nothing was typed with diacritics').toBeNull()
  })

  it('adds the exact spelling of a marked query, and an exact tier requiring it', () => {
    const { any, exact } = plan('Hà Nội')
    expect(split(any).strings).toEqual(['ha', 'hà', 'noi', 'nội', 'ha noi', 'hà nội'])
    expect(exact).toBe(
      '{title_folded body_folded}: "ha" AND {title_folded body_folded}: "noi" AND {title_exact body_exact}: "hà" AND {title_exact body_exact}: "nội"',
    )
  })

  it('keeps a quoted phrase whole and pairs only unquoted neighbours', () => {
    const { any, all } = plan('"bão số 5" miền Trung')
    expect(split(any).strings).toEqual(['bao so 5', 'bão số 5', 'mien', 'miền', 'trung', 'mien trung', 'miền trung'])
    expect(all).toBe('{title_folded body_folded}: "bao so 5" AND {title_folded body_folded}: "mien" AND {title_folded body_folded}: "trung"')
  })

  it('needs no "all" expression for a single unit', () => {
    expect(plan('bão').all).toBeNull()
    expect(plan('"Hà Nội"').all).toBeNull()
  })

  it('ranks in tiers up to MAX_TIERED_UNITS distinct units, and by BM25 alone beyond', () => {
    expect(plan('giá vàng hôm nay').tiered, 'four syllables').toBe(true)
    expect(plan('"giá vàng" hôm nay tăng').tiered, 'a phrase is one unit').toBe(true)
    expect(plan('giá vàng hôm nay tăng mạnh').tiered, 'a pasted headline').toBe(false)
    expect(plan('mưa mưa mưa mưa mưa mưa').tiered, 'repeats count once').toBe(true)
  })

  it('lists a repeated word once', () => {
    expect(split(plan('mưa mưa').any).strings).toEqual(['mua', 'mưa', 'mua mua', 'mưa mưa'])
    expect(plan('mưa mưa').all).toBeNull()
  })

  it('lets nothing a user types outside FTS5 strings, whatever they type', () => {
    const hostile = ['"a" OR "b', 'x*', '-bão', 'NEAR(a b, 2)', 'a:b', '(hà) AND nội', '^đầu', '"""x"', "' OR 1=1 --", '{title_exact}: x']
    for (const q of hostile) {
      const { any, all, exact } = plan(q)
      for (const expression of [any, all, exact]) {
        if (expression === null) continue
        const { outside } = split(expression)
        expect(outside.replace(/\{title_(exact|folded) body_(exact|folded)\}: ""/g, '').replace(/ (AND|OR) /g, ''), `${q} → ${expression}`).toBe('')
      }
    }
  })
})

describe('quote', () => {
  it('doubles embedded double quotes, as FTS5 strings require', () => {
    expect(quote('a"b')).toBe('"a""b"')
  })
})
