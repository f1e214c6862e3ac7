/**
 * Input is clean or refused, never stored broken: hostile and careless writes
 * in workerd, each answered with its problem and changing nothing stored
 * (KV keys and the Newsroom's SQL rows alike); and the bounds on what a GET
 * may ask for and what an article may be.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_ARTICLE_CHARACTERS, MAX_ARTICLE_SENTENCES } from '../src/ingest/limits.js'
import { MAX_SUMMARY_SENTENCES, MAX_SUMMARY_WORDS } from '../src/routes/queries.js'
import { SEEDS, TOKEN, call, postJson, postText, problemOf, resetAll, settle, storedState } from './helpers.js'

beforeEach(resetAll)

const DAY_MS = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const valid = { title: 'Giá xăng giảm', body: 'Giá xăng giảm 500 đồng mỗi lít từ 15h chiều nay.' }

/** A long article of distinct sentences: `count` sentences of about `words` syllables, in paragraphs of ten. */
function longArticle(count: number, words = 12): { title: string; paragraphs: string[] } {
  const sentences = Array.from({ length: count }, (_, i) => `Câu số ${i} kể rằng ${'tin '.repeat(Math.max(0, words - 5))}ở phường ${i % 97}.`)
  const paragraphs: string[] = []
  for (let i = 0; i < sentences.length; i += 10) paragraphs.push(sentences.slice(i, i + 10).join(' '))
  return { title: 'Bản tin rất dài về mưa lũ', paragraphs }
}

type Case = { name: string; send: () => Promise<Response>; status: number; code: string; field?: string; detail?: RegExp }

const refused: Case[] = [
  { name: 'a NUL in the title', send: () => postJson({ ...valid, title: 'Giá xăng\u0000 giảm' }), status: 400, code: 'invalid-characters', field: 'title' },
  {
    name: 'a lone surrogate in a paragraph',
    send: () => postJson({ title: 'Tin', paragraphs: ['Đoạn một.', 'Bão số 5 \ud83c đổ bộ.'] }),
    status: 400,
    code: 'invalid-characters',
    field: 'paragraphs.1',
  },
  { name: 'a BEL in the lead', send: () => postJson({ ...valid, lead: 'Sapo\u0007.' }), status: 400, code: 'invalid-characters', field: 'lead' },
  { name: 'an escape in the source', send: () => postJson({ ...valid, source: 'Tuổi\u001b Trẻ' }), status: 400, code: 'invalid-characters', field: 'source' },
  { name: 'a C1 control in the body', send: () => postJson({ ...valid, body: 'Dòng một.\u0085Dòng hai.' }), status: 400, code: 'invalid-characters', field: 'body' },
  { name: 'a form feed in a text body, by line', send: () => postText('Tiêu đề\n\nĐoạn\u000c một.'), status: 400, code: 'invalid-characters', field: 'body', detail: /line 3, column 5/ },
  { name: 'a NUL in a text body', send: () => postText(`${SEEDS.andrews}\u0000`), status: 400, code: 'invalid-characters', field: 'body' },
  { name: 'both body and paragraphs', send: () => postJson({ ...valid, paragraphs: ['Một đoạn khác.'] }), status: 422, code: 'invalid-article', field: 'paragraphs' },
  { name: 'a date line with month 13', send: () => postText('date 2017-13\nTiêu đề\n\nĐoạn một của bài.'), status: 422, code: 'invalid-article', field: 'body', detail: /Line 1/ },
  { name: 'a date line in words', send: () => postText('\n\ndate hôm qua\nTiêu đề\n\nĐoạn một của bài.'), status: 422, code: 'invalid-article', field: 'body', detail: /Line 3/ },
  { name: 'a date line in another format', send: () => postText('Date: 12/3/2017\nTiêu đề\n\nĐoạn một của bài.'), status: 422, code: 'invalid-article', field: 'body' },
  { name: 'a text dated before 1990', send: () => postText('date 1985-05\nTiêu đề\n\nĐoạn một của bài.'), status: 422, code: 'invalid-article', field: 'body' },
  { name: 'publishedAt before 1990', send: () => postJson({ ...valid, publishedAt: '1989-12-31' }), status: 422, code: 'invalid-article', field: 'publishedAt' },
  { name: 'a publishedAt month before 1990', send: () => postJson({ ...valid, publishedAt: '1989-12' }), status: 422, code: 'invalid-article', field: 'publishedAt' },
  { name: 'publishedAt three days ahead', send: () => postJson({ ...valid, publishedAt: isoDay(Date.now() + 3 * DAY_MS) }), status: 422, code: 'invalid-article', field: 'publishedAt' },
  {
    name: 'a timestamp a year ahead',
    send: () => postJson({ ...valid, publishedAt: `${isoDay(Date.now() + 365 * DAY_MS)}T09:00:00+07:00` }),
    status: 422,
    code: 'invalid-article',
    field: 'publishedAt',
  },
  {
    name: '?storyId= on a JSON body',
    send: () => call('/v1/articles?storyId=tin-xang', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(valid) }),
    status: 400,
    code: 'invalid-query',
    field: 'storyId',
  },
  {
    name: '?url= on a JSON body',
    send: () => call('/v1/articles?url=https://a.example/x', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(valid) }),
    status: 400,
    code: 'invalid-query',
    field: 'url',
  },
  {
    name: 'an article over 100,000 characters',
    send: () => postJson({ title: 'Dài', body: 'Mưa lớn kéo dài ở các tỉnh miền Trung. '.repeat(Math.ceil(MAX_ARTICLE_CHARACTERS / 38) + 10) }),
    status: 413,
    code: 'article-too-large',
    field: 'body',
  },
  { name: 'an article over 2,000 sentences', send: () => postJson(longArticle(MAX_ARTICLE_SENTENCES + 1, 4)), status: 413, code: 'article-too-large', field: 'paragraphs' },
  {
    name: 'a text article over 100,000 characters',
    send: () => postText(`Tiêu đề\n\n${'Mưa lớn kéo dài ở các tỉnh miền Trung. '.repeat(2700)}`),
    status: 413,
    code: 'article-too-large',
    field: 'body',
  },
]

describe('writes that are refused change nothing', () => {
  for (const bad of refused) {
    it(`answers ${bad.name} with ${bad.status} ${bad.code}`, async () => {
      await postText(SEEDS.vietnamplus)
      const before = await storedState()
      expect(before.articles, 'one article stored before').toBe(1)
      const res = await bad.send()
      expect(res.status, 'status').toBe(bad.status)
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
      const problem = await problemOf(res)
      expect(problem.code, problem.detail).toBe(bad.code)
      if (bad.field !== undefined)
        expect(
          problem.errors?.map((e) => e.field),
          'names the field',
        ).toContain(bad.field)
      if (bad.detail !== undefined) expect(problem.detail).toMatch(bad.detail)
      expect(await storedState(), 'KV and SQL unchanged').toEqual(before)
    })
  }
})

describe('writes at the edges are accepted', () => {
  it('keeps tabs and CR LF line ends (they are spaces and line ends)', async () => {
    const res = await postText('Tiêu đề\r\n\r\nĐoạn\tmột của bài.\r\n\r\nĐoạn hai.')
    expect(res.status).toBe(201)
    const article = (await res.json()) as { title: string; lead: string; paragraphs: string[] }
    expect([article.title, article.lead, ...article.paragraphs]).toEqual(['Tiêu đề', 'Đoạn một của bài.', 'Đoạn hai.'])
  })

  it('accepts a publication date tomorrow and on 1990-01-01', async () => {
    expect((await postJson({ ...valid, publishedAt: isoDay(Date.now() + DAY_MS) })).status).toBe(201)
    expect((await postJson({ title: 'Tin cũ', body: 'Một tin rất cũ.', publishedAt: '1990-01-01' })).status).toBe(201)
  })

  it('accepts an article of the largest size and bounds every summary of it', async () => {
    const article = longArticle(MAX_ARTICLE_SENTENCES - 10, 8)
    const res = await postJson(article)
    expect(res.status, 'the largest accepted article').toBe(201)
    const { id, wordCount } = (await res.json()) as { id: string; wordCount: number }
    expect(wordCount, 'a long article').toBeGreaterThan(10_000)
    await settle()
    const bySentences = (await (await call(`/v1/articles/${id}/summary?sentences=${MAX_SUMMARY_SENTENCES}`)).json()) as { sentences: unknown[] }
    expect(bySentences.sentences.length, 'at most the sentences asked for').toBeLessThanOrEqual(MAX_SUMMARY_SENTENCES)
    expect(bySentences.sentences.length).toBeGreaterThan(0)
    const byWords = (await (await call(`/v1/articles/${id}/summary?words=${MAX_SUMMARY_WORDS}`)).json()) as { words: number }
    expect(byWords.words, 'at most the words asked for').toBeLessThanOrEqual(MAX_SUMMARY_WORDS)
    expect(byWords.words).toBeGreaterThan(0)
  })
})

describe('query numbers are plain decimal integers within bounds', () => {
  const bad = ['limit=0x10', 'limit=1e1', 'limit=%2B5', 'limit=%205', 'limit=5%20', 'limit=', 'limit=-1', 'limit=1.0']
  for (const query of bad) {
    it(`refuses /v1/articles?${query}`, async () => {
      const res = await call(`/v1/articles?${query}`)
      expect(res.status).toBe(400)
      const problem = await problemOf(res)
      expect(problem.code).toBe('invalid-query')
      expect(problem.errors?.map((e) => e.field)).toContain('limit')
    })
  }

  it('accepts a plain decimal limit', async () => {
    expect((await call('/v1/articles?limit=5')).status).toBe(200)
    expect((await call('/v1/articles?limit=007')).status, 'leading zeros are still decimal').toBe(200)
  })

  it(`caps summaries at ${MAX_SUMMARY_WORDS} words and ${MAX_SUMMARY_SENTENCES} sentences`, async () => {
    const { id } = (await (await postText(SEEDS.vietnamplus)).json()) as { id: string }
    await settle()
    for (const [query, status] of [
      [`words=${MAX_SUMMARY_WORDS}`, 200],
      [`words=${MAX_SUMMARY_WORDS + 1}`, 400],
      [`sentences=${MAX_SUMMARY_SENTENCES}`, 200],
      [`sentences=${MAX_SUMMARY_SENTENCES + 1}`, 400],
      ['words=1e2', 400],
      ['sentences=0x3', 400],
    ] as const) {
      expect((await call(`/v1/articles/${id}/summary?${query}`)).status, query).toBe(status)
      expect((await call(`/v1/stories/${'lien-quan'}/summary?${query}`)).status === 400, `${query} on a story`).toBe(status === 400)
    }
  })
})

describe('undated articles', () => {
  it('sort at their ingest time: after an article published tomorrow, before one published yesterday', async () => {
    const ids: Record<string, string> = {}
    for (const [name, publishedAt] of [
      ['yesterday', isoDay(Date.now() - DAY_MS)],
      ['undated', undefined],
      ['tomorrow', isoDay(Date.now() + DAY_MS)],
    ] as const) {
      const res = await postJson({ title: `Tin ${name}`, body: `Nội dung riêng của tin ${name}.`, ...(publishedAt === undefined ? {} : { publishedAt }) })
      ids[name] = ((await res.json()) as { id: string }).id
    }
    await settle()
    const page = (await (await call('/v1/articles')).json()) as { items: { id: string }[] }
    expect(page.items.map((item) => item.id)).toEqual([ids.tomorrow, ids.undated, ids.yesterday])
  })
})

describe('cursors bantin did not issue are refused', () => {
  async function firstCursor(list: 'articles' | 'stories'): Promise<string> {
    for (let i = 0; i < 3; i++) await postJson({ title: `Tin ${i}`, body: `Nội dung riêng của tin số ${i}.`, storyId: `tin-${i}` })
    await settle()
    const page = (await (await call(`/v1/${list}?limit=1`)).json()) as { nextCursor: string | null }
    expect(page.nextCursor, 'a next page').not.toBeNull()
    return page.nextCursor ?? ''
  }

  async function expectRefused(path: string): Promise<void> {
    const res = await call(path)
    expect(res.status, path).toBe(400)
    const problem = await problemOf(res)
    expect(problem.code).toBe('invalid-query')
    expect(problem.errors?.map((e) => e.field)).toEqual(['cursor'])
  }

  it('accepts its own cursor', async () => {
    const cursor = await firstCursor('articles')
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect((await call(`/v1/articles?limit=1&cursor=${cursor}`)).status).toBe(200)
  })

  it('refuses a truncated cursor', async () => {
    const cursor = await firstCursor('articles')
    await expectRefused(`/v1/articles?cursor=${cursor.slice(0, -1)}`)
    await expectRefused(`/v1/articles?cursor=${cursor.slice(0, cursor.indexOf('.'))}`)
  })

  it('refuses a forged position with a copied tag', async () => {
    const cursor = await firstCursor('articles')
    const [, tag] = cursor.split('.')
    const forged = btoa(JSON.stringify(['articles', '9999-12-31', '9999-12-31T00:00:00.000Z', 'ffffffffffffffff']))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
    await expectRefused(`/v1/articles?cursor=${forged}.${tag}`)
    await expectRefused(`/v1/articles?cursor=${forged}`)
  })

  it('refuses a cursor from another list', async () => {
    const stories = await firstCursor('stories')
    await expectRefused(`/v1/articles?cursor=${stories}`)
    const articles = (await (await call('/v1/articles?limit=1')).json()) as { nextCursor: string }
    await expectRefused(`/v1/stories?cursor=${articles.nextCursor}`)
  })

  it('refuses a cursor signed under another deployment secret', async () => {
    const cursor = await firstCursor('stories')
    const { createApp } = await import('../src/app.js')
    const { env } = await import('cloudflare:workers')
    const other = await createApp().request(`/v1/stories?cursor=${cursor}`, {}, { ...env, INGEST_TOKEN: 'another-secret' })
    expect(other.status, 'another key does not verify it').toBe(400)
  })
})
