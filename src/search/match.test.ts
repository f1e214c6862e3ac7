import { describe, expect, it } from 'vitest'
import {
  MAX_SCORED_MATCHES,
  MAX_SCORED_PAIRS,
  MAX_SCORED_TERMS,
  MAX_SCORING_WORK,
  frequencyTokensOf,
  isCommonTerm,
  isCountCurrent,
  scoredMatchesFor,
  isTiered,
  matchPlanOf,
  quote,
  scoredTermsOf,
} from './match.js'
import { isQueryProblem, parseSearchQuery } from './query.js'

function parsed(q: string) {
  const query = parseSearchQuery(q)
  if (isQueryProblem(query)) throw new Error(`no query in ${q}`)
  return query
}

function plan(q: string) {
  return matchPlanOf(parsed(q))
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
  it('searches a diacritic-free query in the folded columns, and its neighbours as a pair token', () => {
    const { any, all, exact } = plan('ha noi')
    expect(any).toBe('{title_folded body_folded}: "ha" OR {title_folded body_folded}: "noi" OR {title_pairs body_pairs}: "ha_noi"')
    expect(all).toBe('{title_folded body_folded}: "ha" AND {title_folded body_folded}: "noi"')
    expect(exact, 'nothing was typed with diacritics').toBeNull()
  })

  it('adds the exact spelling of a marked query, and an exact tier requiring it', () => {
    const { any, exact } = plan('Hà Nội')
    expect(split(any).strings).toEqual(['ha', 'noi', 'hà', 'nội', 'ha_noi'])
    expect(exact).toBe('{title_folded body_folded}: "ha" AND {title_folded body_folded}: "noi" AND {title_exact body_exact}: "hà" AND {title_exact body_exact}: "nội"')
  })

  it('matches a quoted phrase as consecutive pairs (and exactly), and pairs only unquoted neighbours', () => {
    const { any, all } = plan('"bão số 5" miền Trung')
    expect(any).toContain('{title_pairs body_pairs}: "bao_so so_5"')
    expect(any).toContain('{title_exact body_exact}: "bão số 5"')
    expect(split(any).strings).toEqual(['bao_so so_5', 'mien', 'trung', 'bão số 5', 'miền', 'mien_trung'])
    expect(all).toBe('{title_pairs body_pairs}: "bao_so so_5" AND {title_folded body_folded}: "mien" AND {title_folded body_folded}: "trung"')
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

  it('gives a longer query one form of each term, its spelling when typed with diacritics, and its pairs', () => {
    const { any, tiered } = plan('Giá vàng hôm nay tăng mạnh')
    expect(tiered).toBe(false)
    expect(split(any).strings).toEqual(['giá', 'vàng', 'hôm', 'nay', 'tăng', 'mạnh', 'gia_vang', 'vang_hom', 'hom_nay', 'nay_tang', 'tang_manh'])
    expect(any.startsWith('{title_exact body_exact}: "giá"'), 'typed with diacritics: the exact columns').toBe(true)
    expect(split(plan('gia vang hom nay tang manh').any).strings.slice(0, 2), 'typed without: the folded ones').toEqual(['gia', 'vang'])
  })

  it('lists a repeated word once', () => {
    expect(split(plan('mưa mưa').any).strings).toEqual(['mua', 'mưa', 'mua_mua'])
    expect(plan('mưa mưa').all).toBeNull()
  })

  it('leaves terms in half the articles out of the scored expression, unless no other term or phrase remains', () => {
    const query = parsed('của Hà Nội')
    expect(scoredTermsOf(query)).toEqual(['cua', 'của', 'ha', 'hà', 'noi', 'nội'])
    const { any, all } = matchPlanOf(query, new Set(['cua', 'của']))
    expect(split(any).strings, 'common terms out, their pairs in').toEqual(['ha', 'noi', 'hà', 'nội', 'cua_ha', 'ha_noi'])
    expect(all, 'every unit is still required for the first tier').toContain('"cua"')
    expect(split(matchPlanOf(parsed('của'), new Set(['cua', 'của'])).any).strings, 'a query of common terms only keeps them (folded: it finds every spelling)').toEqual(['cua'])
    expect(split(matchPlanOf(parsed('người dân'), new Set(['nguoi', 'người', 'dan', 'dân'])).any).strings, 'a pair alone would lose articles with both apart').toEqual(['nguoi', 'dan', 'nguoi_dan'])
    expect(split(matchPlanOf(parsed('người dân'), new Set(['nguoi', 'dan'])).any).strings, 'exact spellings cannot stand in for the folded terms').toEqual([
      'nguoi',
      'dan',
      'người',
      'dân',
      'nguoi_dan',
    ])
    expect(scoredTermsOf(parsed('"Hà Nội" mưa')), 'phrases are not looked up').toEqual(['mua', 'mưa'])
  })

  it('scores a longer query by its rarest terms and pairs only, in query order, and nothing in no article', () => {
    const query = parsed('một hai ba bốn năm sáu bảy tám chín mười')
    expect(isTiered(query)).toBe(false)
    const tokens = frequencyTokensOf(query)
    expect(tokens.slice(0, 3), 'each syllable folded, and as typed when typed with diacritics').toEqual(['mot', 'một', 'hai'])
    // The n-th word is in 100·n articles, spelled as typed or not; the last in none.
    const words = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười']
    const folded = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi']
    const frequencies = new Map<string, number>()
    words.forEach((word, i) => {
      const count = word === 'mười' ? 0 : 100 * (i + 1)
      frequencies.set(word, count).set(folded[i] ?? '', count)
    })
    const strings = split(matchPlanOf(query, new Set(), frequencies).any).strings
    expect(
      strings.filter((s) => !s.includes('_')),
      'the MAX_SCORED_TERMS rarest terms that are in some article, as typed',
    ).toEqual(words.slice(0, MAX_SCORED_TERMS))
    expect(
      strings.filter((s) => s.includes('_')),
      'every pair but the one with a word in no article',
    ).toEqual(['mot_hai', 'hai_ba', 'ba_bon', 'bon_nam', 'nam_sau', 'sau_bay', 'bay_tam', 'tam_chin'])
    const none = matchPlanOf(query, new Set(), new Map())
    expect(split(none.any).strings, 'nothing matches: one expression stays, so the query is still valid').toEqual(['một'])
  })

  it('bounds the expressions of any query, however long', () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`)
    const query = parsed(words.join(' '))
    const frequencies = new Map(frequencyTokensOf(query).map((token, i) => [token, i + 1]))
    const strings = split(matchPlanOf(query, new Set(), frequencies).any).strings
    expect(strings.filter((s) => !s.includes('_'))).toHaveLength(MAX_SCORED_TERMS)
    expect(strings.filter((s) => s.includes('_'))).toHaveLength(MAX_SCORED_PAIRS)
    expect(plan(words.join(' ')).any.split(' OR ').length, 'without frequencies (no index at hand) nothing is cut').toBe(50 + 49)
  })

  it('never cuts a short query: its tiers need every unit', () => {
    const query = parsed('giá vàng hôm nay')
    expect(isTiered(query)).toBe(true)
    expect(matchPlanOf(query, new Set(), new Map()).any, 'frequencies are not used').toBe(plan('giá vàng hôm nay').any)
  })

  it('lets nothing a user types outside FTS5 strings, whatever they type', () => {
    const hostile = ['"a" OR "b', 'x*', '-bão', 'NEAR(a b, 2)', 'a:b', '(hà) AND nội', '^đầu', '"""x"', "' OR 1=1 --", '{title_exact}: x', 'a_b', 'ha_noi']
    for (const q of hostile) {
      const { any, all, exact } = plan(q)
      for (const expression of [any, all, exact]) {
        if (expression === null) continue
        const { outside, strings } = split(expression)
        expect(outside.replace(/\{title_(exact|folded|pairs) body_(exact|folded|pairs)\}: ""/g, '').replace(/ (AND|OR) /g, ''), `${q} → ${expression}`).toBe('')
        for (const string of strings) expect(string, `${q}: only letters, digits, spaces and the pair joiner`).toMatch(/^[\p{L}\p{N} _]+$/u)
      }
    }
    expect(split(plan('a_b').any).strings, 'an underscore typed is a separator, never a pair').toEqual(['a', 'b', 'a_b'])
  })
})

describe('isCountCurrent', () => {
  it('keeps a remembered document count while the writes since cannot change what it decides', () => {
    expect(isCountCurrent(0, 0, 100), 'no write since: always').toBe(true)
    expect(isCountCurrent(0, 1, 100), 'in no article, then a write: it may be in the new one').toBe(false)
    expect(isCountCurrent(50, 3, 1000), '3 writes move 50 by 6 %: rare either way').toBe(true)
    expect(isCountCurrent(50, 4, 1000), 'more than 1/16 of it: read again').toBe(false)
    expect(isCountCurrent(800, 10, 1000), 'common either way').toBe(true)
    expect(isCountCurrent(502, 5, 1000), 'could now be under half the archive: read again').toBe(false)
    expect(isCountCurrent(497, 5, 1000), 'could now be half the archive: read again').toBe(false)
    expect(isCountCurrent(252, 5, 1000), 'could now be under a quarter (a longer query): read again').toBe(false)
    expect(isCountCurrent(320, 5, 1000), 'over a quarter, under half either way').toBe(true)
  })
})

describe('scoredMatchesFor', () => {
  it('scores every allowed match for a query of few expressions, fewer for a long one, never none', () => {
    expect(scoredMatchesFor(3)).toBe(MAX_SCORED_MATCHES)
    expect(scoredMatchesFor(8), 'eight expressions: the whole bound').toBe(MAX_SCORED_MATCHES)
    expect(scoredMatchesFor(16), 'a pasted headline: half').toBe(MAX_SCORING_WORK / 16)
    expect(scoredMatchesFor(24) * 24).toBeLessThanOrEqual(MAX_SCORING_WORK)
    expect(scoredMatchesFor(16, 3), 'a lower bound stays the bound').toBe(3)
    expect(scoredMatchesFor(1_000_000)).toBe(1)
  })

  it('counts the expressions a plan scores', () => {
    expect(plan('ha noi').expressions, 'two terms and their pair').toBe(3)
    expect(plan('Hà Nội').expressions, 'and the two spellings').toBe(5)
  })
})

describe('isCommonTerm', () => {
  it('takes half the archive for a short query and a quarter for a longer one', () => {
    expect(isCommonTerm(500, 1000, true), 'half: common to a short query').toBe(true)
    expect(isCommonTerm(499, 1000, true)).toBe(false)
    expect(isCommonTerm(250, 1000, false), 'a quarter: common to a longer query').toBe(true)
    expect(isCommonTerm(249, 1000, false)).toBe(false)
  })
})

describe('quote', () => {
  it('doubles embedded double quotes, as FTS5 strings require', () => {
    expect(quote('a"b')).toBe('"a""b"')
  })
})
