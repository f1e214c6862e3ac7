/**
 * The layers of ARCHITECTURE.md and STYLE.md, checked on the import lines of
 * every source file: the pure core imports no runtime, and the storage layer
 * knows nothing of HTTP (it throws domain errors that `http/` maps).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = new URL('.', import.meta.url).pathname

function sourcesOf(dir: string): { file: string; imports: string[] }[] {
  return readdirSync(join(SRC, dir))
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'))
    .map((name) => {
      const text = readFileSync(join(SRC, dir, name), 'utf8')
      const imports = [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '')
      return { file: `${dir}/${name}`, imports }
    })
}

describe('layering', () => {
  it('keeps the storage layer free of HTTP: store/ imports nothing from http/ or routes/', () => {
    const files = sourcesOf('store')
    expect(files.length, 'store/ has modules').toBeGreaterThan(3)
    const offending = files.flatMap(({ file, imports }) => imports.filter((spec) => /\/(?:http|routes)\//.test(spec) || spec.startsWith('hono')).map((spec) => `${file} → ${spec}`))
    expect(offending).toEqual([])
  })

  it('keeps gathering’s pure parts free of runtimes: the parsers and rules of gather/ import no hono, cloudflare, node or zod, and no adapter', () => {
    const pure = ['address', 'charset', 'dates', 'decode-entities', 'feed', 'html-text', 'item-url', 'page-collect', 'page-extract', 'politeness', 'robots', 'schedule']
    const files = sourcesOf('gather').filter(({ file }) => pure.some((name) => file === `gather/${name}.ts`))
    expect(files, 'every pure module is there').toHaveLength(pure.length)
    const adapters = /\/(?:http|routes|writer)\/|\.\/(?:registry|safe-fetch|polite-fetch|page-rewriter|check-feeds|consume|probe|handlers)\.js$/
    const offending = files.flatMap(({ file, imports }) =>
      imports.filter((spec) => /^(?:hono|cloudflare:|node:|zod)/.test(spec) || adapters.test(spec) || (spec.includes('/store/') && !spec.endsWith('/store/ids.js'))).map((spec) => `${file} → ${spec}`),
    )
    expect(offending).toEqual([])
  })

  it('keeps the renderers pure: feeds/ imports no runtime at all, pages/ only hono/jsx and hono/html; neither reads storage or HTTP', () => {
    const feeds = sourcesOf('feeds')
    const pages = sourcesOf('pages')
    expect(feeds.length, 'feeds/ has modules').toBeGreaterThan(4)
    expect(pages.length, 'pages/ has modules').toBeGreaterThan(6)
    const adapters = /\/(?:http|routes|writer|gather)\/|\/store\/(?:kv|keys|hot-cache|cursor)\.js$/
    const offending = [
      ...feeds.flatMap(({ file, imports }) => imports.filter((spec) => /^(?:hono|cloudflare:|node:|zod)/.test(spec) || adapters.test(spec)).map((spec) => `${file} → ${spec}`)),
      ...pages.flatMap(({ file, imports }) =>
        imports.filter((spec) => (/^(?:hono|cloudflare:|node:|zod)/.test(spec) && !/^hono\/(?:jsx|html)$/.test(spec)) || adapters.test(spec)).map((spec) => `${file} → ${spec}`),
      ),
    ]
    expect(offending).toEqual([])
  })

  it('keeps the pure core free of runtimes: text/, summarize/, stories/ import no hono, cloudflare, node or zod', () => {
    const files = ['text', 'summarize', 'stories'].flatMap(sourcesOf)
    expect(files.length, 'the core has modules').toBeGreaterThan(10)
    const offending = files.flatMap(({ file, imports }) =>
      imports.filter((spec) => /^(?:hono|cloudflare:|node:|zod)/.test(spec) || /\/(?:http|routes|store|writer)\//.test(spec)).map((spec) => `${file} → ${spec}`),
    )
    expect(offending).toEqual([])
  })
})
