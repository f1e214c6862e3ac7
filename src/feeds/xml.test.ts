import { describe, expect, it } from 'vitest'
import { escapeXml } from './xml.js'

describe('escapeXml', () => {
  it('escapes the five markup characters, so `]]>` and tags stay text', () => {
    expect(escapeXml(`Giá <b>xăng</b> & "dầu" 'hỏa' ]]>`)).toBe('Giá &lt;b&gt;xăng&lt;/b&gt; &amp; &quot;dầu&quot; &apos;hỏa&apos; ]]&gt;')
  })

  it('keeps Vietnamese text, tabs, line ends and astral characters as they are', () => {
    const text = 'Tuổi Trẻ\tTP.HCM\n5.000 đồng 📰'
    expect(escapeXml(text)).toBe(text)
  })

  it('replaces characters XML 1.0 does not allow with U+FFFD', () => {
    expect(escapeXml('a\u0000b\u0001c\u000bd\u001fe')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde')
    expect(escapeXml('lone \ud800 and \udfff')).toBe('lone \ufffd and \ufffd')
    expect(escapeXml('\ufffe\uffff')).toBe('\ufffd\ufffd')
    expect(escapeXml('C1 \u0085 \u009f, DEL \u007f')).toBe('C1 \ufffd \ufffd, DEL \ufffd')
  })
})
