/**
 * The outlets that worker tests gather from: miniflare's `outboundService`
 * hands every outbound fetch of the Worker to `answerOutbound`, which serves
 * the committed fixture site (test/fixtures/gather/site/, built by
 * scripts/build-gather-fixtures.ts) under any `*.example.vn` host. No request
 * leaves the machine.
 *
 * The first word of the host picks how the outlet behaves, so each test
 * makes its own outlet (`busy-3f9a.example.vn`) and shares no state:
 *   tin, bao, json, …  well-behaved: feeds with ETag/Last-Modified, pages, robots.txt
 *   busy     answers each page 429 (Retry-After: 120) the first time it is asked
 *   gone     pages answer 404
 *   down     pages answer 500
 *   private  robots.txt disallows the article pages
 *   hop      pages redirect to a loopback address
 *   loop     pages redirect without end
 *   huge     pages are 6 MB of HTML
 *   legacy   the RSS feed in windows-1258, declared only in its XML declaration
 *   flaky    the feed answers 503
 *   fading   the feed answers once, then 503 (a source that starts failing)
 * Any host: `/go?to=URL` redirects to URL.
 * `https://fixtures.test/log?host=H` answers the requests seen for host H,
 * so a test can check what was asked (headers included), not just what came back.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const SITE = fileURLToPath(new URL('./fixtures/gather/site/', import.meta.url))

type Seen = { method: string; path: string; ifNoneMatch: string | null; ifModifiedSince: string | null; userAgent: string | null }

const log = new Map<string, Seen[]>()
const asked = new Set<string>()

/** The feeds' last change, for Last-Modified and If-Modified-Since. */
const FEED_MODIFIED = 'Mon, 23 Nov 2026 03:00:00 GMT'

export async function answerOutbound(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (url.hostname === 'fixtures.test') return Response.json(log.get(url.searchParams.get('host') ?? '') ?? [])
  const host = url.host
  const seen = log.get(host) ?? []
  seen.push({
    method: request.method,
    path: url.pathname,
    ifNoneMatch: request.headers.get('If-None-Match'),
    ifModifiedSince: request.headers.get('If-Modified-Since'),
    userAgent: request.headers.get('User-Agent'),
  })
  log.set(host, seen)
  const kind = url.hostname === '127.0.0.1' ? 'tin' : (url.hostname.split('.')[0] ?? '').split('-')[0]
  const origin = `${url.protocol}//${host}`
  const path = url.pathname

  if (path === '/go') return new Response(null, { status: 302, headers: { Location: url.searchParams.get('to') ?? '/' } })
  if (path === '/robots.txt') {
    if (kind === 'private') return text('User-agent: *\nDisallow: /the-gioi/\nCrawl-delay: 0\n', 'text/plain')
    return new Response(read('robots.txt'), { headers: { 'Content-Type': 'text/plain' } })
  }
  const feed = FEEDS[path]
  if (feed !== undefined) {
    const first = !asked.has(url.href)
    asked.add(url.href)
    if (kind === 'flaky' || (kind === 'fading' && !first)) return new Response('Service Unavailable', { status: 503, headers: { 'Retry-After': '600' } })
    const body = read(feed.file).replaceAll('{{origin}}', origin)
    const etag = `"${hash(body)}"`
    if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: { ETag: etag } })
    if (kind === 'legacy' && feed.file === 'rss.xml') {
      const legacy = body.replace('encoding="UTF-8"', 'encoding="windows-1258"')
      return new Response(toWindows1258(legacy), { headers: { 'Content-Type': 'application/rss+xml', ETag: etag, 'Last-Modified': FEED_MODIFIED } })
    }
    return new Response(body, { headers: { 'Content-Type': feed.type, ETag: etag, 'Last-Modified': FEED_MODIFIED } })
  }
  if (!path.endsWith('.html')) return new Response('Not Found', { status: 404 })
  switch (kind) {
    case 'busy':
      if (!asked.has(url.href)) {
        asked.add(url.href)
        return new Response('Too Many Requests', { status: 429, headers: { 'Retry-After': '120' } })
      }
      break
    case 'gone':
      return new Response('<html><body>Không tìm thấy trang</body></html>', { status: 404, headers: { 'Content-Type': 'text/html' } })
    case 'down':
      return new Response('Internal Server Error', { status: 500 })
    case 'hop':
      return new Response(null, { status: 302, headers: { Location: `http://127.0.0.1:8080${path}` } })
    case 'loop':
      return new Response(null, { status: 301, headers: { Location: `${origin}${path.replace('.html', '')}-.html` } })
    case 'huge':
      return new Response(`<html><body>${'<p>Tin rất dài.</p>'.repeat(350_000)}</body></html>`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
  }
  try {
    return new Response(read(path.slice(1)).replaceAll('{{origin}}', origin), { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
  } catch {
    return new Response('Not Found', { status: 404 })
  }
}

const FEEDS: Record<string, { file: string; type: string }> = {
  '/rss.xml': { file: 'rss.xml', type: 'application/rss+xml; charset=utf-8' },
  '/atom.xml': { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8' },
  '/feed.json': { file: 'feed.json', type: 'application/feed+json' },
}

function read(file: string): string {
  return readFileSync(SITE + file, 'utf8')
}

function text(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': type } })
}

function hash(body: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16)
}

/** windows-1258 bytes for text (Node has no encoder for it): precomposed where the code page has the letter, combining tone marks otherwise. */
function toWindows1258(value: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258')
  const byteOf = new Map<string, number>()
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(new Uint8Array([b])), b)
  const out: number[] = []
  for (const char of value.normalize('NFC')) {
    const direct = byteOf.get(char)
    if (direct !== undefined) {
      out.push(direct)
      continue
    }
    const [base = '', ...marks] = [...char.normalize('NFD')]
    let head = base
    const rest: string[] = []
    for (const mark of marks) {
      const combined = (head + mark).normalize('NFC')
      if (byteOf.has(combined)) head = combined
      else rest.push(mark)
    }
    for (const part of [head, ...rest]) out.push(byteOf.get(part) ?? 0x3f)
  }
  return new Uint8Array(out)
}
