import { describe, expect, it } from 'vitest'
import { charsetOf, decodeBody } from './charset.js'

const ascii = (text: string) => new TextEncoder().encode(text)

describe('charsetOf', () => {
  it.each([
    ['text/xml; charset=windows-1258', '<?xml version="1.0" encoding="utf-8"?><rss/>', 'xml', 'windows-1258', 'the header wins over the declaration'],
    ['application/rss+xml', '<?xml version="1.0" encoding="windows-1258"?><rss/>', 'xml', 'windows-1258', 'the XML declaration when the header has no charset'],
    ['text/xml', "  <?xml version='1.0' encoding='ISO-8859-1'?><rss/>", 'xml', 'iso-8859-1', 'single quotes and leading space'],
    [null, '<rss/>', 'xml', 'utf-8', 'UTF-8 when nothing is declared'],
    ['text/html', '<html><head><meta charset="windows-1258"></head>', 'html', 'windows-1258', 'meta charset'],
    ['text/html', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', 'html', 'windows-1258', 'meta http-equiv'],
    ['text/html; charset=tcvn3', '<html>', 'html', 'utf-8', 'an encoding the runtime does not know falls back to UTF-8'],
    ['text/html', '<?xml version="1.0" encoding="windows-1258"?>', 'html', 'utf-8', 'an HTML page is not read for an XML declaration'],
  ] as const)('%s + %j → %s', (header, head, kind, expected, why) => {
    expect(charsetOf(header, ascii(head), kind), why).toBe(expected)
  })

  it('lets a byte order mark win over everything', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('<?xml version="1.0" encoding="windows-1258"?>')])
    expect(charsetOf('text/xml; charset=iso-8859-1', bytes, 'xml'), 'BOM first').toBe('utf-8')
  })
})

describe('decodeBody', () => {
  it('reads a windows-1258 feed, whose tone marks are combining characters', () => {
    // "Hà Nội" in windows-1258: H, à (0xE0), space, N, ô (0xF4), combining dot below (0xF2), i
    const bytes = new Uint8Array([...ascii('<?xml version="1.0" encoding="windows-1258"?><t>H'), 0xe0, 0x20, 0x4e, 0xf4, 0xf2, ...ascii('i</t>')])
    const text = decodeBody(bytes, 'application/xml', 'xml')
    expect(text.normalize('NFC'), 'decoded as Vietnamese').toContain('<t>Hà Nội</t>')
  })
})
