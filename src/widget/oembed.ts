/**
 * oEmbed 1.0 (https://oembed.com, §2.3) for bantin's embed pages: the URL
 * scheme it answers for, and the `rich` response with the iframe. The iframe
 * keeps the `theme` and `lang` of the URL it was asked for, has a `title`
 * (WCAG 4.1.2: a frame needs an accessible name) and loads lazily; its
 * attributes are escaped by hono's `html` template, as the embed pages are.
 * Pure: the route checks existence and sets headers.
 */
import { html } from 'hono/html'
import type { Lang, Theme } from './embed-page.js'

/** Frame size when the consumer sets no maximum: room for a title and about six sentences. */
export const DEFAULT_WIDTH = 600
export const DEFAULT_HEIGHT = { story: 420, article: 320 } as const

/** An embed page: which summary, and the presentation its URL asked for (absent: the page's default). */
export type EmbedTarget = { kind: 'story' | 'article'; id: string; theme?: Theme; lang?: Lang }

const THEMES: readonly string[] = ['light', 'dark', 'auto'] satisfies Theme[]
const LANGS: readonly string[] = ['vi', 'en'] satisfies Lang[]

/**
 * Which embed page a URL names, if it is one of ours (same origin, /embed/…,
 * and a `theme` or `lang` the page accepts).
 *
 * @example
 * embedTargetOf('https://api.example/embed/stories/lu-lut?theme=dark', 'https://api.example') // => { kind: 'story', id: 'lu-lut', theme: 'dark' }
 */
export function embedTargetOf(url: string, origin: string): EmbedTarget | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.origin !== origin) return null
  const match = /^\/embed\/(stories|articles)\/([A-Za-z0-9-]{1,80})$/.exec(parsed.pathname)
  if (match === null) return null
  const target: EmbedTarget = { kind: match[1] === 'stories' ? 'story' : 'article', id: match[2] ?? '' }
  const theme = parsed.searchParams.get('theme')
  const lang = parsed.searchParams.get('lang')
  if (theme !== null) {
    if (!isTheme(theme)) return null
    target.theme = theme
  }
  if (lang !== null) {
    if (!isLang(lang)) return null
    target.lang = lang
  }
  return target
}

export type OEmbedRich = {
  type: 'rich'
  version: '1.0'
  title: string
  provider_name: 'bantin'
  provider_url: string
  html: string
  width: number
  height: number
  cache_age: number
}

/** The URL of an embed page, with the presentation it was asked for. */
export function embedPageUrl(target: EmbedTarget, origin: string): string {
  const url = new URL(`${origin}/embed/${target.kind === 'story' ? 'stories' : 'articles'}/${encodeURIComponent(target.id)}`)
  if (target.theme !== undefined) url.searchParams.set('theme', target.theme)
  if (target.lang !== undefined) url.searchParams.set('lang', target.lang)
  return url.href
}

/** The oEmbed answer: an iframe of the embed page, within maxwidth/maxheight. */
export function oembedResponse(target: EmbedTarget, options: { origin: string; title: string; maxwidth?: number | undefined; maxheight?: number | undefined }): OEmbedRich {
  const width = Math.min(DEFAULT_WIDTH, options.maxwidth ?? DEFAULT_WIDTH)
  const height = Math.min(DEFAULT_HEIGHT[target.kind], options.maxheight ?? DEFAULT_HEIGHT[target.kind])
  const src = embedPageUrl(target, options.origin)
  return {
    type: 'rich',
    version: '1.0',
    title: options.title,
    provider_name: 'bantin',
    provider_url: options.origin,
    html: html`<iframe src="${src}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy" title="${options.title}"></iframe>`.toString(),
    width,
    height,
    cache_age: 3600,
  }
}

function isTheme(value: string): value is Theme {
  return THEMES.includes(value)
}

function isLang(value: string): value is Lang {
  return LANGS.includes(value)
}
