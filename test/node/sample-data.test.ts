/**
 * `npm start` loads data/ headline-first, so the sample story is named from a
 * headline whatever the files are called or the order a directory lists them.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleArticles } from '../../scripts/sample-data.js'
import { storySlugOf } from '../../src/stories/group.js'
import { parseArticleText } from '../../src/text/parse-article.js'

const data = new URL('../../data/', import.meta.url).pathname
const HEADLINED = 'vietnamplus-lien-quan-nhat-tri-ke-hoach-tieu-diet-is.txt'
const UNTITLED = 'hoi-nghi-andrews-lo-trinh-chong-is.txt'
const dirs: string[] = []

/** data/'s two articles under names that sort either way. */
function copyAs(headlined: string, untitled: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-samples-'))
  dirs.push(dir)
  copyFileSync(join(data, HEADLINED), join(dir, headlined))
  copyFileSync(join(data, UNTITLED), join(dir, untitled))
  return dir
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('sample data order', () => {
  it('loads the article with a headline first, whatever the file names', () => {
    for (const [headlined, untitled] of [
      ['a.txt', 'b.txt'],
      ['z.txt', 'a.txt'],
    ] as const) {
      const order = sampleArticles(copyAs(headlined, untitled)).map((sample) => sample.name)
      expect(order, `${headlined} has the headline`).toEqual([headlined, untitled])
    }
  })

  it('names the sample story from that headline', () => {
    const [first] = sampleArticles(data)
    expect(first?.name).toBe(HEADLINED)
    const parsed = parseArticleText(first?.body ?? '')
    expect(parsed?.titleDerived).toBe(false)
    expect(storySlugOf(parsed?.title ?? '', '0123456789abcdef')).toMatch(/^lien-quan-quoc-te-nhat-tri/)
  })
})
