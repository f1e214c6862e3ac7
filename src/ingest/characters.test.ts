import { describe, expect, it } from 'vitest'
import { findForbiddenCharacter, stringsOf } from './characters.js'

describe('findForbiddenCharacter', () => {
  it('accepts Vietnamese text with tabs, CR LF line ends, NBSP and emoji', () => {
    expect(findForbiddenCharacter('Giá xăng giảm 500 đồng\tmỗi lít.\r\nTP.HCM hoà 2,5 tỷ 📰'), 'clean text').toBeNull()
    expect(findForbiddenCharacter('Ho\u0300a bi\u0300nh'), 'NFD diacritics are characters').toBeNull()
  })

  it('finds NUL, C0 and C1 controls and DEL, with line and column', () => {
    expect(findForbiddenCharacter('Tin nóng\u0000')).toEqual({ line: 1, column: 9, description: 'U+0000 (NUL)' })
    expect(findForbiddenCharacter('Dòng một\nDòng\u000chai')).toEqual({ line: 2, column: 5, description: 'U+000C (form feed)' })
    expect(findForbiddenCharacter('a\u0085b')?.description, 'C1 next line').toBe('U+0085 (a control character)')
    expect(findForbiddenCharacter('a\u007fb')?.description).toBe('U+007F (DEL)')
  })

  it('finds lone surrogates, high or low, and accepts pairs', () => {
    expect(findForbiddenCharacter('Bão số 5 \ud83c')?.description, 'a high surrogate at the end').toBe('a lone surrogate (U+D83C)')
    expect(findForbiddenCharacter('\udc00 đầu dòng')?.description, 'a low surrogate alone').toBe('a lone surrogate (U+DC00)')
    expect(findForbiddenCharacter('\ud83d\udcf0'), 'a pair is one character').toBeNull()
  })
})

describe('stringsOf', () => {
  it('names every string of a JSON body by its path, keys included', () => {
    const found = stringsOf({ title: 'Tiêu đề', paragraphs: ['Một.', 'Hai.'], extra: { n: 1 } })
    expect(found.map((f) => f.field)).toEqual(['title (a key)', 'title', 'paragraphs (a key)', 'paragraphs.0', 'paragraphs.1', 'extra (a key)', 'extra.n (a key)'])
    expect(found.map((f) => f.text)).toContain('Hai.')
  })
})
