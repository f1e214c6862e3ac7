/**
 * The sample articles of data/, in the order they are loaded: articles with a
 * headline line first, then those without (whose title is derived from their
 * first sentence), each group by file name. A new story takes its slug from
 * the article that opens it, so this order makes the sample story's slug come
 * from a headline whatever the file names or the directory's order; ids come
 * from content, so loading twice duplicates nothing.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { parseArticleText } from '../src/text/parse-article.js'

export type SampleArticle = { name: string; body: string; contentType: string; hasHeadline: boolean }

/** Every .txt and .json article of `dir`, headline-first (see module comment). */
export function sampleArticles(dir: string): SampleArticle[] {
  return readdirSync(dir)
    .filter((name) => ['.txt', '.json'].includes(extname(name)))
    .map((name): SampleArticle => {
      const body = readFileSync(join(dir, name), 'utf8')
      const json = extname(name) === '.json'
      return { name, body, contentType: json ? 'application/json' : 'text/plain; charset=utf-8', hasHeadline: json || parseArticleText(body)?.titleDerived === false }
    })
    .sort((a, b) => Number(b.hasHeadline) - Number(a.hasHeadline) || a.name.localeCompare(b.name))
}

/** What loading one sample answered. */
export type Loaded = { name: string; status: number; id: string | null; storyId: string | null; detail: string | null }

/** Post every sample article through the real ingest API of `base`, in sampleArticles order. */
export async function loadSamples(base: string, token: string, dir: string): Promise<Loaded[]> {
  const loaded: Loaded[] = []
  for (const sample of sampleArticles(dir)) {
    const res = await fetch(`${base}/v1/articles`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': sample.contentType }, body: sample.body })
    const answer = (await res.json()) as { id?: string; storyId?: string; detail?: string }
    loaded.push({ name: sample.name, status: res.status, id: answer.id ?? null, storyId: answer.storyId ?? null, detail: answer.detail ?? null })
  }
  return loaded
}
