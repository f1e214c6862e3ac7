/**
 * The widget and the iframe embed in a real Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core), on a host page served from another origin than
 * the Worker, which runs under `wrangler dev` with a fresh local store.
 *
 * Without Chromium on the machine the suite is skipped with a message, except
 * in CI (CI=true), where .ci/run installs it and its absence is a failure.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, type Page, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_TOKEN, type RunningWorker, startWorker, waitUntil } from '../../scripts/dev-worker.js'

const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run should have installed Debian's chromium`)
if (!hasChromium) console.warn(`SKIP browser tests: ${CHROMIUM} not found (apt-get install chromium to run them)`)

const STORY = 'lien-minh-chong-is'
const seed = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')

describe.skipIf(!hasChromium)('widget and embed in Chromium', () => {
  let worker: RunningWorker
  let host: Server
  let hostOrigin: string
  let browser: Browser
  let page: Page
  let hostileArticle: string
  const consoleErrors: string[] = []
  const summaryRequests: string[] = []

  beforeAll(async () => {
    worker = await startWorker()
    const post = async (body: string, type: string, query = '') => {
      const res = await fetch(`${worker.base}/v1/articles${query}`, { method: 'POST', headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': type }, body })
      if (!res.ok) throw new Error(`seed failed: ${res.status}`)
      return (await res.json()) as { id: string }
    }
    await post(seed('vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt'), 'text/plain', `?storyId=${STORY}`)
    await post(seed('hoi-nghi-andrews-lo-trinh-chong-is.txt'), 'text/plain', `?storyId=${STORY}`)
    hostileArticle = (
      await post(
        JSON.stringify({
          title: 'Tin <img src=x onerror=alert(1)>',
          body: 'Nội dung của bản tin thử nghiệm có thẻ HTML trong tiêu đề, đủ dài để tóm tắt.',
          source: 'Báo Thử',
          url: 'https://bao-thu.example/tin',
        }),
        'application/json',
      )
    ).id
    // The Newsroom writes KV copies after answering; wait until the story lists both reports.
    await waitUntil(`${worker.base}/v1/stories/${STORY}`, async (res) => res.ok && ((await res.json()) as { articleCount: number }).articleCount === 2)
    await waitUntil(`${worker.base}/v1/articles/${hostileArticle}/summary`, (res) => res.ok)

    host = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo mẫu</title>
<style>body{font-family:Georgia,serif;max-width:760px;margin:24px auto;padding:0 12px;background:#f6f4ef} section{color:red}</style></head>
<body><h1>Trang của một tòa soạn</h1>
<script src="${worker.base}/widget.js" async></script>
<bantin-summary id="light" story="${STORY}" theme="light"></bantin-summary>
<p>…</p>
<bantin-summary id="dark" story="${STORY}" theme="dark" lang="en"></bantin-summary>
<p>…</p>
<bantin-summary id="hostile" article="${hostileArticle}" theme="light"></bantin-summary>
<p>Embed:</p>
<iframe id="frame" src="${worker.base}/embed/stories/${STORY}" width="600" height="200" style="border:0"></iframe>
<script>addEventListener('message', (e) => { if (e.data && e.data.type === 'bantin:resize') { document.getElementById('frame').height = e.data.height; window.resizedTo = e.data.height } })</script>
</body></html>`)
    })
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = await browser.newPage({ viewport: { width: 900, height: 1400 } })
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(String(error)))
    page.on('request', (request) => {
      if (request.url().includes('/summary')) summaryRequests.push(request.url())
    })
    await page.goto(`${hostOrigin}/`)
    await page.locator('#light h2').waitFor()
    await page.locator('#dark h2').waitFor()
    await page.locator('#hostile h2').waitFor()
    await page.waitForFunction(() => (window as unknown as { resizedTo?: number }).resizedTo !== undefined)
  })

  afterAll(async () => {
    await browser?.close()
    host?.close()
    await worker?.stop()
  })

  it('renders the story summary with its title, sentences and outlet credits', async () => {
    const title = await page.locator('#light h2').textContent()
    expect(title?.length, 'a story title').toBeGreaterThan(10)
    const items = page.locator('#light li')
    expect(await items.count(), 'summary sentences').toBeGreaterThan(1)
    expect(await page.locator('#light .credit').first().textContent()).toContain('TTXVN/Vietnam+')
    expect(await page.locator('#light p.kicker').textContent()).toBe('Tóm tắt sự kiện')
  })

  it('applies the dark theme and the English labels, isolated from the host page styles', async () => {
    const colors = await page.evaluate(() => {
      const section = (id: string) => document.getElementById(id)?.shadowRoot?.querySelector('section')
      const light = section('light')
      const dark = section('dark')
      return { light: light && getComputedStyle(light).backgroundColor, dark: dark && getComputedStyle(dark).backgroundColor, lightText: light && getComputedStyle(light).color }
    })
    expect(colors.dark).toBe('rgb(22, 24, 28)')
    expect(colors.light).toBe('rgb(255, 255, 255)')
    expect(colors.lightText, "the host's `section{color:red}` does not leak in").toBe('rgb(26, 26, 26)')
    expect(await page.locator('#dark p.kicker').textContent()).toBe('Story summary')
  })

  it('translates the labels only: the article text stays Vietnamese under lang="en"', async () => {
    const languages = await page.evaluate(() => {
      const root = document.getElementById('dark')?.shadowRoot
      const is = (selector: string, lang: string) => root?.querySelector(selector)?.matches(`:lang(${lang})`) ?? null
      return { title: is('h2', 'vi'), sentence: is('li', 'vi'), label: is('p.kicker', 'en'), titleEnglish: is('h2', 'en') }
    })
    expect(languages).toEqual({ title: true, sentence: true, label: true, titleEnglish: false })
  })

  it('fetches each summary once however many elements show it', () => {
    const storySummaries = summaryRequests.filter((url) => url.includes(`/v1/stories/${STORY}/summary`))
    expect(storySummaries).toHaveLength(1)
  })

  it('shows a hostile title as text', async () => {
    expect(await page.locator('#hostile h2').textContent()).toBe('Tin <img src=x onerror=alert(1)>')
    const images = await page.evaluate(() => document.getElementById('hostile')?.shadowRoot?.querySelectorAll('img').length)
    expect(images).toBe(0)
  })

  it('renders the iframe embed and sizes it by postMessage', async () => {
    const frame = page.frameLocator('#frame')
    expect((await frame.locator('h1').textContent())?.length).toBeGreaterThan(10)
    expect(await frame.locator('li').count()).toBeGreaterThan(1)
    const height = await page.evaluate(() => (window as unknown as { resizedTo: number }).resizedTo)
    expect(height, 'the frame reported its content height').toBeGreaterThan(150)
  })

  it('logs no console errors, and keeps a screenshot', async () => {
    expect(consoleErrors).toEqual([])
    mkdirSync(new URL('../screenshots/', import.meta.url), { recursive: true })
    await page.locator('#frame').scrollIntoViewIfNeeded()
    await page.frameLocator('#frame').locator('li').first().waitFor()
    await page.screenshot({ path: new URL('../screenshots/widget.png', import.meta.url).pathname, fullPage: true })
  })
})
