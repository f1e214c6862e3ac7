/**
 * /widget.js, /embed/* and /oembed in workerd, against stored stories.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { OEmbedSchema } from '../src/routes/spec.js'
import { WIDGET_VERSION } from '../src/widget/bundle.generated.js'
import { SEEDS, call, postJson, postText, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

async function seedStory(): Promise<string> {
  await postText(SEEDS.vietnamplus, '?storyId=lien-minh-chong-is')
  await postText(SEEDS.andrews, '?storyId=lien-minh-chong-is')
  await settle()
  return 'lien-minh-chong-is'
}

describe('/widget.js', () => {
  it('serves the element as JavaScript, cacheable, from any origin', async () => {
    const res = await call('/widget.js', { headers: { Origin: 'https://publisher.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d+/)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(await res.text()).toContain('bantin-summary')
  })

  it('serves the versioned URL immutable and refuses unknown versions', async () => {
    const res = await call(`/widget/${WIDGET_VERSION}.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toContain('immutable')
    expect((await call('/widget/000000000000.js')).status).toBe(404)
  })
})

describe('/embed/*', () => {
  it('renders a story summary page with a strict CSP and an oEmbed link', async () => {
    const id = await seedStory()
    const res = await call(`/embed/stories/${id}?theme=dark`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/)
    const page = await res.text()
    expect(page).toContain('application/json+oembed')
    expect(page).toContain('TTXVN/Vietnam+')
    expect(page).toContain('postMessage')
  })

  it('keeps the article text Vietnamese with English labels, and links oEmbed to the page as asked', async () => {
    const id = await seedStory()
    const page = await (await call(`/embed/stories/${id}?lang=en&theme=dark`)).text()
    expect(page, 'the document language is the text’s').toMatch(/<html lang="vi"/)
    expect(page).toContain('<p class="kicker" lang="en">Story summary</p>')
    const oembed = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1] ?? ''
    expect(new URL(oembed.replace(/&amp;/g, '&')).searchParams.get('url')).toBe(`https://bantin.test/embed/stories/${id}?theme=dark&lang=en`)
  })

  it('shows a hostile title as text', async () => {
    const created = (await (await postJson({ title: 'Tin <img src=x onerror=alert(1)>', body: 'Nội dung của bản tin thử nghiệm có thẻ HTML trong tiêu đề.' })).json()) as { id: string }
    await settle()
    const page = await (await call(`/embed/articles/${created.id}`)).text()
    expect(page).not.toContain('<img src=x')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('answers an unknown id with a small 404 page and a bad theme with a 400 problem', async () => {
    const missing = await call('/embed/stories/khong-co')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect((await call('/embed/articles/0123456789abcdef')).status).toBe(404)
    const bad = await call('/embed/stories/khong-co?theme=purple')
    expect(bad.status).toBe(400)
    expect((await problemOf(bad)).code).toBe('invalid-query')
  })
})

describe('/oembed', () => {
  it('answers rich oEmbed 1.0 for a story embed URL, within maxwidth', async () => {
    const id = await seedStory()
    const url = `https://bantin.test/embed/stories/${id}`
    const res = await call(`/oembed?url=${encodeURIComponent(url)}&format=json&maxwidth=480`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'bantin', width: 480 })
    expect(String(body.html)).toContain(`src="${url}"`)
    expect(typeof body.height).toBe('number')
    expect(OEmbedSchema.safeParse(body).success, 'the answer is what /openapi.json documents').toBe(true)
  })

  it('keeps theme and lang of the URL in the iframe, with a title and lazy loading', async () => {
    const id = await seedStory()
    const url = `https://bantin.test/embed/stories/${id}?theme=dark&lang=en`
    const body = (await (await call(`/oembed?url=${encodeURIComponent(url)}`)).json()) as { html: string; title: string }
    expect(body.html).toContain(`src="https://bantin.test/embed/stories/${id}?theme=dark&amp;lang=en"`)
    expect(body.html).toContain('loading="lazy"')
    expect(body.html).toMatch(/ title="[^"]{10,}"/)
    const bad = await call(`/oembed?url=${encodeURIComponent(`https://bantin.test/embed/stories/${id}?theme=purple`)}`)
    expect(bad.status, 'a theme the page refuses is not an embed URL').toBe(404)
  })

  it('refuses what it cannot embed', async () => {
    const id = await seedStory()
    const ours = encodeURIComponent(`https://bantin.test/embed/stories/${id}`)
    const cases: [string, number, string][] = [
      [`/oembed?url=${ours}&format=xml`, 501, 'format-not-implemented'],
      [`/oembed?url=${encodeURIComponent(`https://elsewhere.test/embed/stories/${id}`)}`, 404, 'route-not-found'],
      [`/oembed?url=${encodeURIComponent('https://bantin.test/embed/stories/khong-co')}`, 404, 'story-not-found'],
      ['/oembed', 400, 'invalid-query'],
      [`/oembed?url=${ours}&maxwidth=0`, 400, 'invalid-query'],
    ]
    for (const [path, status, code] of cases) {
      const res = await call(path)
      expect(res.status, path).toBe(status)
      expect((await problemOf(res)).code, path).toBe(code)
    }
  })
})
