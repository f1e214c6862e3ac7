/**
 * The problems /openapi.json documents are the problems the API answers: for
 * every problem code there is a request here that produces it, and the
 * document lists that code under that status for that operation. A code no
 * request can produce, or a status an operation answers without saying so,
 * fails this file.
 */
import { runInDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { MAX_SOURCES, registryOf } from '../src/gather/registry.js'
import { PROBLEM_CODES, type ProblemCode } from '../src/http/problem.js'
import { articleKey } from '../src/store/keys.js'
import { SEEDS, TOKEN, call, postJson, postText, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; 'x-problem-codes'?: string[] }> }>>
  components: { responses: Record<string, { 'x-problem-codes'?: string[] }> }
}

/** A request that must answer `code`, and the operation (path template, method) that documents it. */
type Case = { operation: [string, string]; send: (ids: Seeded) => Response | Promise<Response> }
type Seeded = { article: string; other: string }

/** A second stored article, besides the vietnamplus seed. */
const OTHER = { title: 'Tin khác', body: 'Một tin khác hẳn về thời tiết.' }

const json = (body: unknown, init: RequestInit = {}): RequestInit => ({
  method: 'POST',
  ...init,
  headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...init.headers },
  body: JSON.stringify(body),
})

const CASES: Record<ProblemCode, Case> = {
  'invalid-query': { operation: ['/v1/articles', 'get'], send: () => call('/v1/articles?limit=1e1') },
  'malformed-json': { operation: ['/v1/articles', 'post'], send: () => call('/v1/articles', { ...json(null), body: '{"title":' }) },
  'malformed-text': {
    operation: ['/v1/articles', 'post'],
    send: () => call('/v1/articles', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' }, body: new Uint8Array([0xff, 0xfe]) }),
  },
  'invalid-id': { operation: ['/v1/stories/{id}', 'get'], send: () => call('/v1/stories/Not_A_Slug') },
  'invalid-characters': { operation: ['/v1/articles', 'post'], send: () => postJson({ title: 'Tin\u0000', body: 'Nội dung.' }) },
  unauthorized: { operation: ['/v1/articles', 'post'], send: () => postJson({ title: 'Tin', body: 'Nội dung.' }, { Authorization: 'Bearer wrong' }) },
  'article-not-found': { operation: ['/v1/articles/{id}', 'get'], send: () => call('/v1/articles/0123456789abcdef') },
  'story-not-found': { operation: ['/v1/stories/{id}', 'get'], send: () => call('/v1/stories/khong-co') },
  'outlet-not-found': { operation: ['/feeds/stories.atom', 'get'], send: () => call('/feeds/stories.atom?source=khong-co') },
  'route-not-found': { operation: ['/problems/{code}', 'get'], send: () => call('/problems/khong-co') },
  'method-not-allowed': { operation: ['/v1/articles', 'get'], send: () => call('/v1/articles', { method: 'PATCH' }) },
  'duplicate-article': { operation: ['/v1/articles/{id}', 'put'], send: ({ article }) => call(`/v1/articles/${article}`, json(OTHER, { method: 'PUT' })) },
  'payload-too-large': { operation: ['/v1/articles', 'post'], send: () => postText(`Tiêu đề\n\n${'Câu. '.repeat(250_000)}`) },
  'article-too-large': { operation: ['/v1/articles', 'post'], send: () => postJson({ title: 'Dài', body: 'Mưa lớn ở miền Trung. '.repeat(5000) }) },
  'unsupported-media-type': { operation: ['/v1/articles', 'post'], send: () => postText('<p>x</p>', '', { 'Content-Type': 'text/html' }) },
  'invalid-article': { operation: ['/v1/articles', 'post'], send: () => postJson({ title: 'Tin', body: 'Nội dung.', publishedAt: '2017-02-30' }) },
  'empty-article': { operation: ['/v1/articles', 'post'], send: () => postJson({ title: 'Tin', body: 'Tin liên quan' }) },
  'corrupt-record': {
    operation: ['/v1/articles/{id}', 'get'],
    send: async () => {
      await env.KV.put(articleKey('00000000000000aa'), '{"id": 5}')
      return call('/v1/articles/00000000000000aa')
    },
  },
  internal: {
    // A deployment without its Newsroom binding: the Worker fails where it reaches for it and answers a bare 500.
    operation: ['/v1/articles', 'post'],
    send: () => createApp().request('/v1/articles', json({ title: 'Tin', body: 'Nội dung.' }), { ...env, NEWSROOM: undefined }),
  },
  'source-not-found': { operation: ['/v1/sources/{id}', 'get'], send: () => call('/v1/sources/0123456789abcdef') },
  'invalid-source': { operation: ['/v1/sources', 'post'], send: () => call('/v1/sources', json({ feedUrl: 'ftp://tin.example.vn/rss.xml' })) },
  // Outbound fetches are answered by the fixture outlets of test/outlet.ts.
  'feed-unreadable': { operation: ['/v1/sources', 'post'], send: () => call('/v1/sources', json({ feedUrl: 'https://tin-problems.example.vn/khong-co.xml' })) },
  'feed-unreachable': { operation: ['/v1/sources', 'post'], send: () => call('/v1/sources', json({ feedUrl: 'https://flaky-problems.example.vn/rss.xml' })) },
  'too-many-sources': {
    operation: ['/v1/sources', 'post'],
    send: async () => {
      // A registry already keeping its MAX_SOURCES sources (rows written straight into its table).
      await runInDurableObject(registryOf(env), (_instance, state) => {
        const now = new Date().toISOString()
        for (let i = 0; i < MAX_SOURCES; i++) {
          state.storage.sql.exec(
            'INSERT INTO sources (id, feed_url, name, check_every_minutes, created_at, updated_at, next_check_at) VALUES (?, ?, ?, 10, ?, ?, 0)',
            i.toString(16).padStart(16, '0'),
            `https://tin-${i}.example.vn/rss.xml`,
            'Tin',
            now,
            now,
          )
        }
      })
      return call('/v1/sources', json({ feedUrl: 'https://tin-full.example.vn/rss.xml' }))
    },
  },
  'format-not-implemented': { operation: ['/oembed', 'get'], send: () => call(`/oembed?url=${encodeURIComponent('https://bantin.test/embed/stories/x')}&format=xml`) },
  'writes-disabled': {
    operation: ['/v1/articles', 'post'],
    send: () => createApp().request('/v1/articles', json({ title: 'Tin', body: 'Nội dung.' }), { ...env, INGEST_TOKEN: undefined }),
  },
}

describe('every documented problem code is produced, where the document says', () => {
  it('has a case for exactly the documented codes', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PROBLEM_CODES].sort())
  })

  it.each([...PROBLEM_CODES])('%s', async (code) => {
    const article = ((await (await postText(SEEDS.vietnamplus)).json()) as { id: string }).id
    const other = ((await (await postJson(OTHER)).json()) as { id: string }).id
    await settle()
    const { operation, send } = CASES[code]
    const res = await send({ article, other })
    const problem = await problemOf(res)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(problem.code, problem.detail).toBe(code)
    const doc = (await (await call('/openapi.json')).json()) as Doc
    const [path, method] = operation
    const response = doc.paths[path]?.[method]?.responses[String(res.status)]
    expect(response, `${method.toUpperCase()} ${path} documents ${res.status}`).toBeDefined()
    const shared = response?.$ref === undefined ? response : doc.components.responses[response.$ref.split('/').pop() ?? '']
    expect(shared?.['x-problem-codes'], `${method.toUpperCase()} ${path} ${res.status} lists ${code}`).toContain(code)
  })
})
