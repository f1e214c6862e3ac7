/**
 * oEmbed 1.0 (https://oembed.com, §2.3) for bantin's embed pages: the URL
 * scheme it answers for, and the `rich` response with the iframe.
 * Pure: the route checks existence and sets headers.
 */

/** Frame size when the consumer sets no maximum: room for a title and about six sentences. */
export const DEFAULT_WIDTH = 600
export const DEFAULT_HEIGHT = { story: 420, article: 320 } as const

export type EmbedTarget = { kind: 'story' | 'article'; id: string }

/**
 * Which embed page a URL names, if it is one of ours (same origin, /embed/…).
 *
 * @example
 * embedTargetOf('https://api.example/embed/stories/lu-lut', 'https://api.example') // => { kind: 'story', id: 'lu-lut' }
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
  return { kind: match[1] === 'stories' ? 'story' : 'article', id: match[2] ?? '' }
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

/** The oEmbed answer: an iframe of the embed page, within maxwidth/maxheight. */
export function oembedResponse(
  target: EmbedTarget,
  options: { origin: string; title: string; maxwidth?: number | undefined; maxheight?: number | undefined },
): OEmbedRich {
  const width = Math.min(DEFAULT_WIDTH, options.maxwidth ?? DEFAULT_WIDTH)
  const height = Math.min(DEFAULT_HEIGHT[target.kind], options.maxheight ?? DEFAULT_HEIGHT[target.kind])
  const src = `${options.origin}/embed/${target.kind === 'story' ? 'stories' : 'articles'}/${encodeURIComponent(target.id)}`
  return {
    type: 'rich',
    version: '1.0',
    title: options.title,
    provider_name: 'bantin',
    provider_url: options.origin,
    html: `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy" title="${escapeAttribute(options.title)}"></iframe>`,
    width,
    height,
    cache_age: 3600,
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
