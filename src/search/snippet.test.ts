import { describe, expect, it } from 'vitest'
import { isQueryProblem, parseSearchQuery } from './query.js'
import { SNIPPET_CHARS, snippetOf } from './snippet.js'

function query(q: string) {
  const parsed = parseSearchQuery(q)
  if (isQueryProblem(parsed)) throw new Error(`no query in ${q}`)
  return parsed
}

/** The highlighted pieces of a snippet, as text. */
function marked(result: { snippet: string; highlights: [number, number][] }): string[] {
  return result.highlights.map(([start, end]) => result.snippet.slice(start, end))
}

const BODY = [
  'TTO - Ngày 23-10, hàng nghìn người ủng hộ đảng đối lập Campuchia lại xuống đường biểu tình ở thủ đô Phnom Penh.',
  'Ước tính khoảng 5.000 người đã diễu hành ở trung tâm thủ đô, giương cao những biểu ngữ như “Lá phiếu của tôi đâu”.',
  'Nhà chức trách đã triển khai hàng nghìn cảnh sát chống bạo động tại các con phố và những địa điểm trọng yếu ở Phnom Penh nhằm ngăn chặn nguy cơ bạo động.',
  'Trong khi đó ở Hà Nội, trời mưa. Chiều nay thủy điện Hoà Bình xả lũ.',
].join('\n')

describe('snippetOf', () => {
  it('highlights each syllable found, with or without diacritics, at offsets into the snippet', () => {
    for (const q of ['phnom penh', 'Phnom Penh', 'PHNOM PENH']) {
      const result = snippetOf(BODY, query(q))
      expect(marked(result), q).toEqual(expect.arrayContaining(['Phnom', 'Penh']))
    }
    expect(marked(snippetOf(BODY, query('bao dong')))).toEqual(['bạo động'.split(' ')[0], 'động', 'bạo', 'động'])
  })

  it('finds both tone placements and đ from a folded query', () => {
    const result = snippetOf(BODY, query('thuy dien hoa binh'))
    expect(marked(result)).toEqual(['thủy', 'điện', 'Hoà', 'Bình'])
    const exact = snippetOf(BODY, query('thuỷ điện hòa bình'))
    expect(marked(exact), 'the other placement typed').toEqual(['thủy', 'điện', 'Hoà', 'Bình'])
  })

  it('highlights a quoted phrase as one span, and only where its syllables are consecutive', () => {
    const result = snippetOf(BODY, query('"thủ đô Phnom"'))
    expect(marked(result)).toEqual(['thủ đô Phnom'])
    expect(marked(snippetOf(BODY, query('"Phnom thủ đô"'))), 'not in that order anywhere').toEqual([])
  })

  it('chooses the window with the most distinct query words', () => {
    const result = snippetOf(BODY, query('Hà Nội mưa'))
    expect(result.snippet).toContain('Hà Nội, trời mưa')
    expect(marked(result)).toEqual(['Hà', 'Nội', 'mưa'])
  })

  it('starts at a sentence when it is close, cuts at syllables, and marks cuts with an ellipsis', () => {
    const result = snippetOf(BODY, query('cảnh sát'))
    expect(result.snippet.startsWith('…Nhà chức trách'), result.snippet).toBe(true)
    expect(result.snippet.endsWith('…'), 'the body goes on').toBe(true)
    expect(result.snippet.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2)
    const words = result.snippet.slice(1, -1).split(' ')
    for (const word of [words[0] ?? '', words.at(-1) ?? '']) expect(BODY.split(/[\s,.]+/), `“${word}” is a whole word`).toContain(word.replace(/[,.]$/, ''))
  })

  it('turns line breaks into spaces without moving offsets', () => {
    const result = snippetOf('Mưa lớn.\nHà Nội ngập.', query('ha noi'))
    expect(result.snippet).toBe('Mưa lớn. Hà Nội ngập.')
    expect(marked(result)).toEqual(['Hà', 'Nội'])
  })

  it('gives the opening of the text and no highlights when nothing matches', () => {
    const result = snippetOf(BODY, query('động đất'))
    expect(result.highlights.length, 'đất is not in the body, động is').toBeGreaterThan(0)
    const none = snippetOf(BODY, query('Hải Phòng'))
    expect(none.highlights).toEqual([])
    expect(none.snippet.startsWith('TTO - Ngày 23-10')).toBe(true)
  })

  it('never cuts a character outside the BMP in half', () => {
    const text = `${'😀'.repeat(100)} Hà Nội ${'😀'.repeat(100)}`
    const result = snippetOf(text, query('ha noi'), 40)
    expect(result.snippet, 'no lone surrogate').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect(marked(result)).toEqual(['Hà', 'Nội'])
  })

  it('handles NFD queries and uppercase text alike', () => {
    const result = snippetOf('THỦY ĐIỆN HOÀ BÌNH', query('Thuỷ điện'.normalize('NFD')))
    expect(marked(result)).toEqual(['THỦY', 'ĐIỆN'])
  })
})
