/**
 * The reading pages in a real Chromium (Debian's /usr/bin/chromium, driven
 * by playwright-core) against the Worker under `wrangler dev` with a fresh
 * store: each page renders with JavaScript off, its links lead where they
 * say, nothing is logged to the console, axe-core finds no serious or
 * critical violation in light or dark colours, the page fits 320 px without
 * sideways scrolling, and focus is visible. The search box submits without
 * script and its results lead to the reports and stories they name.
 * Screenshots of the front page (light), a story page and a search (dark) go
 * to test/screenshots/ (docs/ keeps a copy).
 *
 * Without Chromium on the machine the suite is skipped with a message, except
 * in CI (CI=true), where .ci/run installs it and its absence is a failure.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_TOKEN, type RunningWorker, startWorker, waitUntil } from '../../scripts/dev-worker.js'

const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run should have installed Debian's chromium`)
if (!hasChromium) console.warn(`SKIP browser tests: ${CHROMIUM} not found (apt-get install chromium to run them)`)

const STORY = 'lien-minh-chong-is'
const seed = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const SCREENSHOTS = new URL('../screenshots/', import.meta.url)

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

describe.skipIf(!hasChromium)('reading pages in Chromium', () => {
  let worker: RunningWorker
  let browser: Browser
  let context: BrowserContext
  const consoleErrors: string[] = []
  const ids: { vietnamplus: string; andrews: string } = { vietnamplus: '', andrews: '' }

  beforeAll(async () => {
    worker = await startWorker()
    const post = async (body: string, type: string, query = '') => {
      const res = await fetch(`${worker.base}/v1/articles${query}`, { method: 'POST', headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': type }, body })
      if (!res.ok) throw new Error(`seed failed: ${res.status}`)
      return (await res.json()) as { id: string }
    }
    ids.vietnamplus = (await post(seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt'), 'text/plain', `?storyId=${STORY}&url=https://www.vietnamplus.vn/lien-quan.html`)).id
    ids.andrews = (await post(seed('hoi-nghi-andrews-lo-trinh-chong-is.txt'), 'text/plain', `?storyId=${STORY}`)).id
    await post(
      JSON.stringify({
        title: 'Giá xăng <b>giảm</b> 500 đồng & dầu ]]> giữ nguyên',
        body: 'Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu. Xăng RON 95 giảm 500 đồng mỗi lít, dầu diesel giữ nguyên. Đây là lần giảm thứ ba liên tiếp trong tháng.',
        source: 'Tuổi Trẻ',
        url: 'https://tuoitre.vn/gia-xang-giam.htm',
        publishedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      }),
      'application/json',
    )
    // The Newsroom writes KV copies after answering; wait until the front page shows both stories.
    await waitUntil(`${worker.base}/`, async (res) => res.ok && (await res.text()).includes(`/stories/${STORY}`) && (await (await fetch(`${worker.base}/`)).text()).includes('Giá xăng'))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    // JavaScript off, as the pages promise to work without it; axe is injected by the test, past the CSP, in its own contexts.
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 1200 } })
    context.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    context.on('weberror', (error) => consoleErrors.push(String(error.error())))
    // A link that leads nowhere shows here too.
    context.on('response', (response) => {
      if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`)
    })
  })

  afterAll(async () => {
    await browser?.close()
    await worker?.stop()
  })

  async function open(path: string): Promise<Page> {
    const page = await context.newPage()
    const res = await page.goto(`${worker.base}${path}`)
    expect(res?.status(), path).toBe(200)
    return page
  }

  it('renders the front page with JavaScript off, and its links lead where they say', async () => {
    const page = await open('/')
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('html').getAttribute('lang')).toBe('vi')
    const stories = page.locator('main ol.list > li h2 a')
    expect(await stories.count(), 'both stories').toBe(2)
    const story = page.locator(`main a[href="/stories/${STORY}"]`)
    const title = (await story.textContent()) ?? ''
    await story.click()
    await page.waitForURL(`${worker.base}/stories/${STORY}`)
    expect(await page.locator('h1').textContent(), 'the story page is titled as its link').toBe(title)
    await page.goto(`${worker.base}/`)
    const outlet = page.locator('main a[href="/sources/tuoi-tre"]').first()
    expect(await outlet.textContent()).toBe('Tuổi Trẻ')
    await outlet.click()
    await page.waitForURL(`${worker.base}/sources/tuoi-tre`)
    expect(await page.locator('h1').textContent()).toBe('Tuổi Trẻ')
    const hostile = page.locator('main h3 a').first()
    expect(await hostile.textContent(), 'markup in a title is text').toBe('Giá xăng <b>giảm</b> 500 đồng & dầu ]]> giữ nguyên')
    expect(await page.locator('main b').count()).toBe(0)
    await page.close()
  })

  it('renders a story page whose summary sentences lead to their reports, and reports to their pages and originals', async () => {
    const page = await open(`/stories/${STORY}`)
    const credits = page.locator('main .summary a.credit')
    expect(await credits.count(), 'credited sentences').toBeGreaterThan(1)
    const href = (await credits.first().getAttribute('href')) ?? ''
    expect([`/articles/${ids.vietnamplus}`, `/articles/${ids.andrews}`]).toContain(href)
    await credits.first().click()
    await page.waitForURL(`${worker.base}${href}`)
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('main a[href^="/stories/"]').getAttribute('href'), 'the report page leads back to its story').toBe(`/stories/${STORY}`)
    await page.goto(`${worker.base}/stories/${STORY}`)
    const original = page.locator('main a[rel="noopener nofollow"]')
    expect(await original.count(), 'one report has an original URL').toBe(1)
    expect(await original.getAttribute('href')).toBe('https://www.vietnamplus.vn/lien-quan.html')
    await page.close()
  })

  it('renders a report page that links the original at its outlet', async () => {
    const page = await open(`/articles/${ids.vietnamplus}`)
    expect(await page.locator('h1').textContent()).toBe('Liên quân quốc tế nhất trí về kế hoạch tiêu diệt nhóm IS')
    expect(await page.locator('main a.original').getAttribute('href')).toBe('https://www.vietnamplus.vn/lien-quan.html')
    expect(await page.locator('main .summary p').count()).toBeGreaterThan(0)
    await page.close()
  })

  it('searches from the front page with JavaScript off, and the results lead where they say', async () => {
    const page = await open('/')
    await page.locator('form[role="search"] input[name="q"]').fill('tieu diet')
    await page.locator('form[role="search"] button[type="submit"]').click()
    await page.waitForURL(`${worker.base}/search?q=tieu+diet`)
    expect(await page.locator('h1').textContent()).toBe('Kết quả cho “tieu diet”')
    expect(await page.locator('input[name="q"]').inputValue(), 'the box keeps the query').toBe('tieu diet')
    const hits = page.locator('main ol.list > li h2 a')
    expect(await hits.count(), 'both reports of the IS story mention it').toBe(2)
    expect(await page.locator('main ol.list mark').count(), 'the words are marked').toBeGreaterThan(1)
    const headline = hits.first()
    const href = (await headline.getAttribute('href')) ?? ''
    expect([`/articles/${ids.vietnamplus}`, `/articles/${ids.andrews}`]).toContain(href)
    const title = (await headline.textContent()) ?? ''
    await headline.click()
    await page.waitForURL(`${worker.base}${href}`)
    expect(await page.locator('h1').textContent(), 'the report page is titled as its link').toBe(title)
    await page.goBack()
    await page.locator('main ol.list > li a[href^="/stories/"]').first().click()
    await page.waitForURL(`${worker.base}/stories/${STORY}`)
    await page.goto(`${worker.base}/search?q=${encodeURIComponent('giá xăng')}`)
    expect(await page.locator('main ol.list > li h2 a').first().textContent(), 'the exact spelling first, its markup as text').toBe('Giá xăng <b>giảm</b> 500 đồng & dầu ]]> giữ nguyên')
    await page.close()
  })

  it('shows a 404 page for an unknown story', async () => {
    // Its own context: Chromium logs the 404 itself, which the console check of the others must not see.
    const missing = await browser.newContext({ javaScriptEnabled: false })
    const page = await missing.newPage()
    const res = await page.goto(`${worker.base}/stories/khong-co-su-kien-nay`)
    expect(res?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Không tìm thấy sự kiện')
    await page.locator('main a[href="/"]').click()
    await page.waitForURL(`${worker.base}/`)
    await missing.close()
  })

  it('has no serious or critical axe violation on any page, in light or dark colours', async () => {
    const paths = ['/', `/stories/${STORY}`, `/articles/${ids.vietnamplus}`, '/sources/tuoi-tre', '/stories/khong-co-su-kien-nay', '/search?q=tieu+diet', '/search?q=***']
    const found: string[] = []
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe needs script: a context of its own with JavaScript on and the page's CSP bypassed for the injected engine only.
      const axeContext = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1000, height: 1200 } })
      for (const path of paths) {
        const page = await axeContext.newPage()
        await page.goto(`${worker.base}${path}`)
        await page.addScriptTag({ content: AXE_SOURCE })
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe
          return (await axe.run(document, { resultTypes: ['violations'] })).violations
        })
        expect(violations.length + 1, `${colorScheme} ${path}: axe ran`).toBeGreaterThan(0)
        for (const v of violations)
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme} ${path}: ${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)
        await page.close()
      }
      await axeContext.close()
    }
    expect(found).toEqual([])
  })

  it('fits 320 px without sideways scrolling, and shows where the focus is', async () => {
    const narrow = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } })
    for (const path of ['/', `/stories/${STORY}`, `/articles/${ids.vietnamplus}`, '/sources/ttxvn-vietnam', `/search?q=${'Liên quân quốc tế nhất trí '.repeat(7)}`]) {
      const page = await narrow.newPage()
      await page.goto(`${worker.base}${path}`)
      const width = await page.evaluate('document.documentElement.scrollWidth')
      expect(width, `${path} at 320 px`).toBeLessThanOrEqual(320)
      await page.close()
    }
    const page = await narrow.newPage()
    await page.goto(`${worker.base}/`)
    await page.keyboard.press('Tab')
    const skip = await page.evaluate(
      '(() => { const a = document.activeElement; const s = getComputedStyle(a); return { text: a.textContent, left: a.getBoundingClientRect().left, outline: s.outlineStyle, width: s.outlineWidth } })()',
    )
    expect(skip, 'the first Tab shows the skip link, with a focus ring').toEqual({ text: 'Bỏ qua, đến nội dung chính', left: 8, outline: 'solid', width: '3px' })
    await page.keyboard.press('Tab')
    const brand = await page.evaluate('(() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.textContent, s.outlineStyle, s.outlineWidth] })()')
    expect(brand).toEqual(['bantin', 'solid', '3px'])
    await page.locator('input[name="q"]').focus()
    const box = await page.evaluate('(() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.name, s.outlineStyle, s.outlineWidth] })()')
    expect(box, 'the search box shows its focus too').toEqual(['q', 'solid', '3px'])
    await narrow.close()
  })

  it('logs no console errors, and keeps screenshots of the front page, a story page and a search', async () => {
    expect(consoleErrors).toEqual([])
    mkdirSync(SCREENSHOTS, { recursive: true })
    // The front page in light colours, the story page in dark: both schemes on record.
    for (const [path, name, colorScheme] of [
      ['/', 'front-page', 'light'],
      [`/stories/${STORY}`, 'story-page', 'dark'],
      ['/search?q=tieu+diet', 'search-page', 'dark'],
    ] as const) {
      const shots = await browser.newContext({ javaScriptEnabled: false, colorScheme, viewport: { width: 900, height: 900 } })
      const page = await shots.newPage()
      await page.goto(`${worker.base}${path}`)
      await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true })
      await shots.close()
    }
  })
})
