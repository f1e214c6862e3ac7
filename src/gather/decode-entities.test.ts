import { describe, expect, it } from 'vitest'
import { decodeEntities } from './decode-entities.js'

describe('decodeEntities', () => {
  it.each([
    ['Gi&aacute; x&#259;ng &amp; d&#x1EA7;u', 'Giá xăng & dầu', 'named, decimal and hex references'],
    ['Th&agrave;nh ph&ocirc;&nbsp;H&ocirc;\u0300 Ch&iacute; Minh', 'Thành phô\u00a0H\u00f4\u0300 Chí Minh', 'Latin-1 names; a combining tone mark is left for NFC later'],
    ['&ldquo;L&aacute; phi&#7871;u c&#7911;a t&ocirc;i &#273;&acirc;u&rdquo;&hellip;', '“Lá phiếu của tôi đâu”…', 'typographic quotes and ellipsis'],
    ['5&#150;7 ng&#224;y', '5–7 ngày', '0x80–0x9F name windows-1252 characters, as the HTML standard says'],
    ['&#0;&#xD800;&#x110000;', '\uFFFD\uFFFD\uFFFD', 'zero, a surrogate and past U+10FFFF become U+FFFD'],
    ['AT&T &bogus; &amp', 'AT&T &bogus; &amp', 'a bare ampersand, an unknown name and a reference without ; stay'],
    ['&lt;b&gt; &quot;x&quot; &apos;y&apos;', '<b> "x" \'y\'', 'the XML five'],
  ])('decodes %j', (input, expected, why) => {
    expect(decodeEntities(input), why).toBe(expected)
  })
})
