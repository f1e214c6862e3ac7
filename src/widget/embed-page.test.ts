import { describe, expect, it } from 'vitest'
import { renderEmbedPage, renderMissingPage } from './embed-page.js'
import { embedTargetOf, oembedResponse } from './oembed.js'

const hostile = '<img src=x onerror=alert(1)>'

describe('renderEmbedPage', () => {
  const page = renderEmbedPage(
    {
      kind: 'story',
      summary: {
        storyId: 'lu-lut',
        title: `Lũ lụt ${hostile}`,
        text: 'x',
        words: 1,
        sentences: [
          { text: `Nước dâng “cao” ${hostile}`, articleId: '0123456789abcdef', source: 'VnExpress', url: 'https://vnexpress.net/a' },
          { text: 'Câu hai.', articleId: '0123456789abcdee', source: 'Tuổi Trẻ', url: 'javascript:alert(1)' },
        ],
      },
    },
    { theme: 'dark', lang: 'vi', oembedHref: 'https://api.test/oembed?url=x&format=json', canonical: 'https://api.test/embed/stories/lu-lut' },
  )

  it('escapes every piece of article text', () => {
    expect(page, 'no live tag from the data').not.toContain('<img src=x')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page, 'quotes survive as text').toContain('Nước dâng “cao”')
  })

  it('credits outlets, links only http(s) URLs, and announces its oEmbed', () => {
    expect(page).toContain('<a href="https://vnexpress.net/a" target="_blank" rel="noopener">VnExpress</a>')
    expect(page, 'a javascript: URL never becomes a link').not.toContain('javascript:')
    expect(page).toContain('type="application/json+oembed"')
    expect(page).toContain('data-theme="dark"')
  })

  it('has no external assets', () => {
    expect(page).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\/(?!api\.test)/)
    expect(page).not.toMatch(/<img|<iframe/)
  })

  it('keeps the article text Vietnamese when the labels are English', () => {
    const english = renderEmbedPage(
      {
        kind: 'article',
        summary: {
          articleId: '0123456789abcdef',
          title: 'Bão số 5',
          source: null,
          url: 'https://vnexpress.net/a',
          text: 'Bão vào bờ.',
          words: 3,
          sentences: [{ text: 'Bão vào bờ.', paragraph: 0, index: 0 }],
        },
      },
      { theme: 'auto', lang: 'en', oembedHref: 'https://api.test/oembed', canonical: 'https://api.test/embed/articles/0123456789abcdef' },
    )
    expect(english, 'the document is Vietnamese').toMatch(/<html lang="vi"/)
    expect(english, 'the label is marked English').toContain('<p class="kicker" lang="en">Article summary</p>')
    expect(english).toContain('<p class="more" lang="en">')
    expect(english.match(/lang="en"/g), 'only the two labels').toHaveLength(2)
    expect(page, 'no lang="en" at all in Vietnamese').not.toContain('lang="en"')
  })

  it('renders a small not-found page', () => {
    expect(renderMissingPage('en')).toContain('not found')
  })
})

describe('oEmbed', () => {
  it('recognizes only this origin’s embed URLs', () => {
    expect(embedTargetOf('https://api.test/embed/stories/lu-lut', 'https://api.test')).toEqual({ kind: 'story', id: 'lu-lut' })
    expect(embedTargetOf('https://api.test/embed/articles/0123456789abcdef', 'https://api.test')).toEqual({ kind: 'article', id: '0123456789abcdef' })
    expect(embedTargetOf('https://evil.test/embed/stories/lu-lut', 'https://api.test')).toBeNull()
    expect(embedTargetOf('https://api.test/v1/stories/lu-lut', 'https://api.test')).toBeNull()
    expect(embedTargetOf('not a url', 'https://api.test')).toBeNull()
  })

  it('answers rich 1.0 with an escaped, titled, lazy iframe within the maximum size', () => {
    const answer = oembedResponse({ kind: 'story', id: 'lu-lut' }, { origin: 'https://api.test', title: `"${hostile}"`, maxwidth: 400 })
    expect(answer).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'bantin', width: 400, height: 420 })
    expect(answer.html).toMatch(/^<iframe src="https:\/\/api\.test\/embed\/stories\/lu-lut" width="400" height="420"/)
    expect(answer.html).not.toContain('<img')
    expect(answer.html, 'the title is an escaped attribute').toContain('title="&quot;&lt;img src=x onerror=alert(1)&gt;&quot;"')
    expect(answer.html).toContain('loading="lazy"')
  })

  it('keeps the theme and lang of the URL in the iframe, and refuses values the page would refuse', () => {
    const target = embedTargetOf('https://api.test/embed/stories/lu-lut?theme=dark&lang=en&utm_source=x', 'https://api.test')
    expect(target).toEqual({ kind: 'story', id: 'lu-lut', theme: 'dark', lang: 'en' })
    const answer = oembedResponse(target ?? { kind: 'story', id: '' }, { origin: 'https://api.test', title: 'Lũ' })
    expect(answer.html).toContain('src="https://api.test/embed/stories/lu-lut?theme=dark&amp;lang=en"')
    expect(embedTargetOf('https://api.test/embed/stories/lu-lut?theme=purple', 'https://api.test')).toBeNull()
    expect(embedTargetOf('https://api.test/embed/stories/lu-lut?lang=fr', 'https://api.test')).toBeNull()
  })
})
