/**
 * HTTP as documented, in workerd: conditional GET by RFC 9110 on every GET
 * route through one mechanism (weak comparison, lists, `*`), `Allow` on 405
 * and OPTIONS listing every method, and problem `type` URIs that resolve.
 */
import { runDurableObjectAlarm } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { registryOf } from '../src/gather/registry.js'
import { PROBLEM_CODES } from '../src/http/problem.js'
import { WIDGET_VERSION } from '../src/widget/bundle.generated.js'
import { SEEDS, TOKEN, call, postText, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

/** Every GET route (its OpenAPI template), with paths that answer 200 once the seeds are stored. */
async function getRoutes(): Promise<[string, string][]> {
  const a = (await (await postText(SEEDS.vietnamplus, '?storyId=lien-minh-chong-is')).json()) as { id: string }
  await postText(SEEDS.andrews, '?storyId=lien-minh-chong-is')
  for (let i = 0; i < 3; i++) await postText(`Tin số ${i}\n\nNội dung riêng của tin số ${i}.`)
  await settle()
  // A source (its feed answered by test/outlet.ts); the registry writes its KV copies by alarm.
  const registered = await call('/v1/sources', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ feedUrl: 'https://tin-http.example.vn/rss.xml' }),
  })
  const source = (await registered.json()) as { id: string }
  await runDurableObjectAlarm(registryOf(env))
  const page = (await (await call('/v1/articles?limit=2')).json()) as { nextCursor: string }
  const embed = encodeURIComponent('https://bantin.test/embed/stories/lien-minh-chong-is')
  return [
    ['/healthz', '/healthz'],
    ['/openapi.json', '/openapi.json'],
    ['/v1/articles', '/v1/articles'],
    ['/v1/articles', `/v1/articles?limit=2&cursor=${page.nextCursor}`],
    ['/v1/articles/{id}', `/v1/articles/${a.id}`],
    ['/v1/articles/{id}/summary', `/v1/articles/${a.id}/summary`],
    ['/v1/articles/{id}/summary', `/v1/articles/${a.id}/summary?words=30`],
    ['/v1/stories', '/v1/stories'],
    ['/v1/stories', '/v1/stories?q=li%C3%AAn%20minh'],
    ['/v1/search', '/v1/search?q=li%C3%AAn%20minh'],
    ['/v1/stories/{id}', '/v1/stories/lien-minh-chong-is'],
    ['/v1/stories/{id}/summary', '/v1/stories/lien-minh-chong-is/summary'],
    ['/v1/stories/{id}/summary', '/v1/stories/lien-minh-chong-is/summary?sentences=2'],
    ['/widget.js', '/widget.js'],
    ['/widget/{file}', `/widget/${WIDGET_VERSION}.js`],
    ['/embed/stories/{id}', '/embed/stories/lien-minh-chong-is?lang=en'],
    ['/embed/articles/{id}', `/embed/articles/${a.id}`],
    ['/oembed', `/oembed?url=${embed}`],
    ['/problems/{code}', '/problems/invalid-query'],
    ['/', '/'],
    ['/stories/{id}', '/stories/lien-minh-chong-is'],
    ['/articles/{id}', `/articles/${a.id}`],
    ['/sources/{name}', '/sources/ttxvn-vietnam'],
    ['/feeds/stories.atom', '/feeds/stories.atom'],
    ['/feeds/stories.atom', '/feeds/stories.atom?source=TTXVN/Vietnam%2B'],
    ['/feeds/stories.rss', '/feeds/stories.rss?source=ttxvn-vietnam'],
    ['/feeds/stories.json', '/feeds/stories.json'],
    ['/feeds/stories.json', '/feeds/stories.json?q=li%C3%AAn%20minh&source=ttxvn-vietnam'],
    ['/search', '/search'],
    ['/search', '/search?q=li%C3%AAn%20minh'],
    ['/sitemap.xml', '/sitemap.xml'],
    ['/v1/sources', '/v1/sources'],
    ['/v1/sources/{id}', `/v1/sources/${source.id}`],
  ]
}

describe('conditional GET (RFC 9110 §13.1.2) on every GET route', () => {
  it('answers 304 to its own tag, weak or strong, alone or in a list, and to *; 200 to another tag', async () => {
    const routes = await getRoutes()
    const doc = (await (await call('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> }
    const documented = Object.entries(doc.paths).flatMap(([template, ops]) => ('get' in ops ? [template] : []))
    expect([...new Set(routes.map(([template]) => template))].sort(), 'a case for every documented GET route').toEqual(documented.sort())
    for (const [, path] of routes) {
      const first = await call(path)
      expect(first.status, path).toBe(200)
      const tag = first.headers.get('ETag') ?? ''
      expect(tag, `${path} has a strong ETag`).toMatch(/^"[^"]+"$/)
      const conditions = [tag, `W/${tag}`, `"nope", ${tag}`, `"nope",W/${tag} , "other"`, '*']
      for (const condition of conditions) {
        const res = await call(path, { headers: { 'If-None-Match': condition } })
        expect(res.status, `${path} If-None-Match: ${condition}`).toBe(304)
        expect(await res.text(), '304 has no body').toBe('')
        expect(res.headers.get('ETag'), `${path}: the 304 names the tag`).toBe(tag)
        expect(res.headers.get('Cache-Control'), `${path}: the 304 keeps Cache-Control`).toBe(first.headers.get('Cache-Control'))
      }
      const other = await call(path, { headers: { 'If-None-Match': '"nope", W/"other"' } })
      expect(other.status, `${path} with another tag`).toBe(200)
      const head = await call(path, { method: 'HEAD', headers: { 'If-None-Match': tag } })
      expect(head.status, `HEAD ${path}`).toBe(304)
    }
  })

  it('keeps CORS headers on a 304, so a widget can revalidate from a publisher page', async () => {
    const first = await call('/widget.js', { headers: { Origin: 'https://publisher.example' } })
    const res = await call('/widget.js', { headers: { Origin: 'https://publisher.example', 'If-None-Match': first.headers.get('ETag') ?? '' } })
    expect(res.status).toBe(304)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })

  it('answers * on something that does not exist with its 404, not 304', async () => {
    const res = await call('/v1/articles/0123456789abcdef', { headers: { 'If-None-Match': '*' } })
    expect(res.status).toBe(404)
  })
})

describe('Allow lists every method a path answers', () => {
  const paths: [string, string][] = [
    ['/v1/articles', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/articles/0123456789abcdef', 'GET, HEAD, PUT, DELETE, OPTIONS'],
    ['/v1/articles/0123456789abcdef/summary', 'GET, HEAD, OPTIONS'],
    ['/v1/stories/lien-minh', 'GET, HEAD, OPTIONS'],
    ['/embed/stories/lien-minh', 'GET, HEAD, OPTIONS'],
    ['/openapi.json', 'GET, HEAD, OPTIONS'],
  ]
  for (const [path, allow] of paths) {
    it(`${path}: ${allow}, on 405 and on OPTIONS`, async () => {
      const wrong = await call(path, { method: 'PATCH' })
      expect(wrong.status).toBe(405)
      expect(wrong.headers.get('Allow')).toBe(allow)
      expect((await problemOf(wrong)).code).toBe('method-not-allowed')
      const options = await call(path, { method: 'OPTIONS' })
      expect(options.status).toBe(204)
      expect(options.headers.get('Allow')).toBe(allow)
    })
  }

  it('answers a CORS preflight with Allow and the read methods only', async () => {
    const res = await call('/v1/articles', { method: 'OPTIONS', headers: { Origin: 'https://publisher.example', 'Access-Control-Request-Method': 'GET' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
    expect(res.headers.get('Allow')).toBe('GET, HEAD, POST, OPTIONS')
  })

  it('answers OPTIONS on a path no route serves with 404', async () => {
    const res = await call('/v2/nothing', { method: 'OPTIONS' })
    expect(res.status).toBe(404)
    expect((await problemOf(res)).code).toBe('route-not-found')
  })
})

describe('problem type URIs resolve', () => {
  it('serves a short page for every problem code, from the type URI of a real problem', async () => {
    expect(PROBLEM_CODES.length).toBeGreaterThan(15)
    const problem = (await (await call('/v1/articles?limit=0')).json()) as { type: string; title: string }
    const page = await call(new URL(problem.type, 'https://bantin.test/v1/articles').pathname)
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain(problem.title)
    for (const code of PROBLEM_CODES) {
      const res = await call(`/problems/${code}`)
      expect(res.status, code).toBe(200)
      expect(await res.text(), code).toContain(`<code>${code}</code>`)
    }
  })

  it('answers an unknown problem type with a 404 problem', async () => {
    const res = await call('/problems/no-such-problem')
    expect(res.status).toBe(404)
    expect((await problemOf(res)).code).toBe('route-not-found')
    expect((await call('/problems/constructor')).status, 'not an inherited property').toBe(404)
  })
})
