import { describe, expect, it } from 'vitest'
import { firstImageOf, htmlToLine, htmlToParagraphs } from './html-text.js'

describe('htmlToParagraphs', () => {
  it('splits at block tags and line breaks, drops tags, scripts and comments, decodes references', () => {
    const html = '<a href="/a"><img src="/i.jpg"/></a></br>TTO - Ng&agrave;y 23-10, h&agrave;ng ngh&igrave;n người<!-- qc --><script>x()</script><p>Cảnh sát <b>chống bạo động</b> được triển khai.</p>'
    expect(htmlToParagraphs(html)).toEqual(['TTO - Ngày 23-10, hàng nghìn người', 'Cảnh sát chống bạo động được triển khai.'])
  })

  it('drops control characters a CMS left in the text (the ingest path refuses them)', () => {
    expect(htmlToParagraphs('<p>Gi\u0008á x&#1;ăng\u007f</p>')).toEqual(['Giá xăng'])
  })

  it('passes plain text through, one paragraph per line', () => {
    expect(htmlToParagraphs('Dòng một.\n\n  Dòng   hai.  ')).toEqual(['Dòng một.', 'Dòng hai.'])
  })
})

describe('htmlToLine and firstImageOf', () => {
  it('makes one line of an escaped title', () => {
    expect(htmlToLine('Gi&aacute; <em>v&agrave;ng</em>\n tăng &quot;sốc&quot;')).toBe('Giá vàng tăng "sốc"')
  })

  it('finds the first image in a description, whatever the quoting', () => {
    expect(firstImageOf("<a><img class=x src='https://i.example.vn/1.jpg?w=1&amp;h=2'></a>")).toBe('https://i.example.vn/1.jpg?w=1&h=2')
    expect(firstImageOf('Không có ảnh')).toBeNull()
  })
})
