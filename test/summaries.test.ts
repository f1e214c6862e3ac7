/**
 * GET /v1/articles/:id/summary, GET /v1/stories[/:id][/summary] in workerd,
 * with stories formed by the storyId given at ingest.
 */
import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { hotClear } from '../src/store/hot-cache.js'
import { articleKey, articlePlanKey, storySummaryKey } from '../src/store/keys.js'
import { SEEDS, call, postJson, postText, problemOf, resetAll, settle } from './helpers.js'

beforeEach(resetAll)

type Summary = { text: string; words: number; sentences: { text: string; paragraph?: number | null; index?: number; articleId?: string; source?: string | null }[] }
type StoryBody = {
  id: string
  title: string
  articleCount: number
  sources: string[]
  firstPublishedAt: string | null
  updatedAt: string
  articles: { id: string; title: string; source: string | null }[]
}

async function ingestSeeds(storyId = 'lien-minh-chong-is'): Promise<{ vnp: string; andrews: string }> {
  const vnp = (await (await postText(SEEDS.vietnamplus, `?storyId=${storyId}`)).json()) as { id: string }
  const andrews = (await (await postText(SEEDS.andrews, `?storyId=${storyId}`)).json()) as { id: string }
  await settle()
  return { vnp: vnp.id, andrews: andrews.id }
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length

describe('GET /v1/articles/:id/summary', () => {
  it('serves the stored default summary: whole sentences, about 60 words, article order', async () => {
    const { vnp } = await ingestSeeds()
    const res = await call(`/v1/articles/${vnp}/summary`)
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{16}"$/)
    const summary = (await res.json()) as Summary & { articleId: string }
    expect(summary.articleId).toBe(vnp)
    expect(summary.words).toBeLessThanOrEqual(60)
    expect(summary.words).toBe(countWords(summary.text))
    expect(summary.sentences.length).toBeGreaterThan(0)
    const indexes = summary.sentences.map((s) => s.index ?? -1)
    expect(indexes, 'article order').toEqual([...indexes].sort((a, b) => a - b))
    const article = (await (await call(`/v1/articles/${vnp}`)).json()) as { lead: string; paragraphs: string[] }
    for (const sentence of summary.sentences) {
      const source = sentence.paragraph === null ? article.lead : article.paragraphs[sentence.paragraph ?? -1]
      expect(source, 'the sentence is in the paragraph it names').toContain(sentence.text)
    }
  })

  it('selects every other length from the plan the writer stored, never from the article text', async () => {
    const { andrews } = await ingestSeeds()
    const original = (await (await call(`/v1/articles/${andrews}`)).json()) as { lead: string | null; paragraphs: string[] }
    expect(await env.KV.get(articlePlanKey(andrews)), 'the writer stored a plan').not.toBeNull()
    const short = (await (await call(`/v1/articles/${andrews}/summary?words=40`)).json()) as Summary
    expect(short.sentences.length).toBeGreaterThanOrEqual(1)
    const long = (await (await call(`/v1/articles/${andrews}/summary?words=200`)).json()) as Summary
    expect(long.words).toBeLessThanOrEqual(200)
    expect(long.words).toBeGreaterThan(short.words)
    // Change the stored text behind the API's back: a summary computed from the article would now quote the new text.
    const stored = (await env.KV.get(articleKey(andrews), 'json')) as Record<string, unknown>
    await env.KV.put(articleKey(andrews), JSON.stringify({ ...stored, lead: null, paragraphs: ['Một câu hoàn toàn khác, không có trong bài gốc.'] }))
    hotClear()
    const other = (await (await call(`/v1/articles/${andrews}/summary?words=199`)).json()) as Summary
    expect(other.sentences.length).toBeGreaterThan(0)
    const text = [original.lead ?? '', ...original.paragraphs].join(' ')
    for (const sentence of other.sentences) expect(text, 'quoted from the planned article').toContain(sentence.text)
  })

  it('answers a sentence count exactly', async () => {
    const { andrews } = await ingestSeeds()
    const two = (await (await call(`/v1/articles/${andrews}/summary?sentences=2`)).json()) as Summary
    expect(two.sentences).toHaveLength(2)
  })

  it('summarizes an article of one unpunctuated sentence', async () => {
    const created = (await (await postJson({ title: 'Tin nhanh', body: 'Giá xăng giảm 500 đồng mỗi lít từ 15h chiều nay' })).json()) as { id: string }
    await settle()
    const summary = (await (await call(`/v1/articles/${created.id}/summary`)).json()) as Summary
    expect(summary.text).toBe('Giá xăng giảm 500 đồng mỗi lít từ 15h chiều nay')
  })

  for (const query of ['words=0', 'words=1001', 'words=abc', 'words=2.5', 'sentences=0', 'sentences=-1', 'words=10&sentences=2']) {
    it(`answers ?${query} with a 400 problem`, async () => {
      const { vnp } = await ingestSeeds()
      const res = await call(`/v1/articles/${vnp}/summary?${query}`)
      expect(res.status).toBe(400)
      expect((await problemOf(res)).code).toBe('invalid-query')
    })
  }

  it('answers an unknown article with a 404 problem', async () => {
    const res = await call('/v1/articles/0123456789abcdef/summary')
    expect(res.status).toBe(404)
    expect((await problemOf(res)).code).toBe('article-not-found')
  })
})

describe('stories by storyId', () => {
  it('lists a story with both reports, its sources and title', async () => {
    const { vnp, andrews } = await ingestSeeds()
    const res = await call('/v1/stories/lien-minh-chong-is')
    expect(res.status).toBe(200)
    const story = (await res.json()) as StoryBody
    expect(story.articleCount).toBe(2)
    expect(story.articles.map((a) => a.id).sort()).toEqual([vnp, andrews].sort())
    expect(story.sources).toEqual(['TTXVN/Vietnam+'])
    expect(story.title.length).toBeGreaterThan(0)
    expect(story.firstPublishedAt).toBe('2017-03')
  })

  it('serves a story summary credited to both outlets, within 120 words by default', async () => {
    const { vnp, andrews } = await ingestSeeds()
    const summary = (await (await call('/v1/stories/lien-minh-chong-is/summary')).json()) as Summary & { storyId: string }
    expect(summary.storyId).toBe('lien-minh-chong-is')
    expect(summary.words).toBeLessThanOrEqual(120)
    expect(summary.words).toBe(countWords(summary.text))
    expect(summary.sentences.length, 'a summary to check').toBeGreaterThan(1)
    const credited = new Set(summary.sentences.map((s) => s.articleId))
    for (const id of credited) expect([vnp, andrews]).toContain(id)
    const texts = summary.sentences.map((s) => s.text)
    expect(new Set(texts).size, 'no sentence twice').toBe(texts.length)
    for (const sentence of summary.sentences) {
      const article = (await (await call(`/v1/articles/${sentence.articleId}`)).json()) as { lead: string | null; paragraphs: string[]; source: string | null }
      expect([article.lead ?? '', ...article.paragraphs].join(' '), 'quoted from the credited article').toContain(sentence.text)
      expect(sentence.source).toBe(article.source)
    }
  })

  it('computes a 200-word story summary on request', async () => {
    await ingestSeeds()
    const summary = (await (await call('/v1/stories/lien-minh-chong-is/summary?words=200')).json()) as Summary
    expect(summary.words).toBeLessThanOrEqual(200)
    expect(summary.words).toBeGreaterThan(120)
  })

  it('keeps the story summary current as a report joins', async () => {
    await postText(SEEDS.vietnamplus, '?storyId=lien-minh-chong-is')
    await settle()
    const before = (await (await call('/v1/stories/lien-minh-chong-is')).json()) as StoryBody
    expect(before.articleCount).toBe(1)
    const summaryBefore = (await env.KV.get(storySummaryKey('lien-minh-chong-is'), 'json')) as Summary | null
    expect(summaryBefore?.sentences.length, 'a stored summary of the one report').toBeGreaterThan(0)
    const andrews = (await (await postText(SEEDS.andrews, '?storyId=lien-minh-chong-is')).json()) as { id: string }
    await settle()
    const after = (await (await call('/v1/stories/lien-minh-chong-is')).json()) as StoryBody
    expect(after.articleCount).toBe(2)
    const stored = (await env.KV.get(storySummaryKey('lien-minh-chong-is'), 'json')) as Summary | null
    expect(stored, 'the default summary was rewritten').not.toEqual(summaryBefore)
    expect(
      stored?.sentences.map((s) => s.articleId),
      'it quotes the report that joined',
    ).toContain(andrews.id)
  })

  it('lists stories most recently updated first, with cursors', async () => {
    for (const slug of ['mot', 'hai', 'ba']) {
      await postJson({ title: `Tin ${slug}`, body: `Nội dung riêng của tin ${slug}, đủ dài để thành một câu.`, storyId: `tin-${slug}` })
    }
    await settle()
    const first = (await (await call('/v1/stories?limit=2')).json()) as { items: { id: string }[]; nextCursor: string | null }
    expect(first.items.map((s) => s.id)).toEqual(['tin-ba', 'tin-hai'])
    const second = (await (await call(`/v1/stories?limit=2&cursor=${first.nextCursor}`)).json()) as { items: { id: string }[]; nextCursor: string | null }
    expect(second.items.map((s) => s.id)).toEqual(['tin-mot'])
    expect(second.nextCursor).toBeNull()
  })

  it('answers an unknown story with 404 and a non-slug id with 400', async () => {
    const missing = await call('/v1/stories/khong-co')
    expect(missing.status).toBe(404)
    expect((await problemOf(missing)).code).toBe('story-not-found')
    const summaryMissing = await call('/v1/stories/khong-co/summary')
    expect(summaryMissing.status).toBe(404)
    const bad = await call('/v1/stories/Not_A_Slug')
    expect(bad.status).toBe(400)
    expect((await problemOf(bad)).code).toBe('invalid-id')
    expect((await call('/v1/stories/Not_A_Slug/summary')).status).toBe(400)
  })

  it('answers a bad stories cursor with 400', async () => {
    const res = await call('/v1/stories?cursor=WyJ4Il0')
    expect(res.status).toBe(400)
  })
})
