/**
 * What publishers embed: /widget.js (the custom element), the iframe pages
 * /embed/stories/:id and /embed/articles/:id, and /oembed for them.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { CACHE_POLICY, jsonWithPolicy, staticAsset } from '../http/respond.js'
import { etagOf } from '../store/hot-cache.js'
import { ARTICLE_ID, isStoryId } from '../store/schemas.js'
import { WIDGET_VERSION } from '../widget/bundle.generated.js'
import { EMBED_SCRIPT, EMBED_STYLE, type EmbedInput, type Lang, type Theme, renderEmbedPage, renderMissingPage } from '../widget/embed-page.js'
import { type EmbedTarget, embedPageUrl, embedTargetOf, oembedResponse } from '../widget/oembed.js'
import { parseQuery } from '../http/validate.js'
import { EmbedQuerySchema, OEmbedQuerySchema } from './queries.js'

export const embedRoutes = new Hono<AppEnv>()

/** A versioned widget URL never changes content: cache it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** The unversioned URL in snippets is re-checked hourly (ETag makes that a 304). */
const WIDGET_POLICY = 'public, max-age=3600, stale-while-revalidate=86400'

/** The widget's ETag: its content version. */
const WIDGET_ETAG = `"${WIDGET_VERSION}"`

/** The widget script, a static asset (scripts/build-widget.mjs), with the API's headers. */
async function widget(c: Context<AppEnv>, cacheControl: string) {
  return c.body(await staticAsset(c, '/widget.js'), 200, {
    ETag: WIDGET_ETAG,
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': cacheControl,
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
  })
}

embedRoutes.get('/widget.js', (c) => widget(c, WIDGET_POLICY))
embedRoutes.get('/widget/:file', async (c) => {
  if (c.req.param('file') !== `${WIDGET_VERSION}.js`) throw new ApiError('route-not-found', `This widget version does not exist; the current one is /widget/${WIDGET_VERSION}.js.`)
  return await widget(c, IMMUTABLE)
})

embedRoutes.get('/embed/stories/:id', async (c) => {
  const id = c.req.param('id')
  const options = parseQuery(c, EmbedQuerySchema)
  const summary = isStoryId(id) ? ((await c.var.store.storySummary(id))?.value ?? null) : null
  return embedPage(c, { kind: 'story', id }, summary === null ? null : { kind: 'story', summary }, options)
})

embedRoutes.get('/embed/articles/:id', async (c) => {
  const id = c.req.param('id')
  const options = parseQuery(c, EmbedQuerySchema)
  const summary = ARTICLE_ID.test(id) ? ((await c.var.store.articleSummary(id))?.value ?? null) : null
  return embedPage(c, { kind: 'article', id }, summary === null ? null : { kind: 'article', summary }, options)
})

async function embedPage(c: Context<AppEnv>, target: EmbedTarget, input: EmbedInput | null, { theme, lang }: { theme: Theme; lang: Lang }) {
  const origin = new URL(c.req.url).origin
  const canonical = embedPageUrl(target, origin)
  // The discovery link names this page as asked for, so an oEmbed consumer keeps its theme and language.
  const asked = embedPageUrl({ ...target, ...(c.req.query('theme') === undefined ? {} : { theme }), ...(c.req.query('lang') === undefined ? {} : { lang }) }, origin)
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': await embedPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': input === null ? 'public, max-age=60' : CACHE_POLICY.item,
  }
  if (input === null) return c.body(renderMissingPage(lang), 404, headers)
  const oembedHref = `${origin}/oembed?url=${encodeURIComponent(asked)}&format=json`
  const page = renderEmbedPage(input, { theme, lang, oembedHref, canonical })
  return c.body(page, 200, { ...headers, ETag: etagOf(page) })
}

let policy: Promise<string> | undefined

/** CSP allowing exactly the page's one inline style and one inline script, by hash; framing allowed anywhere. */
function embedPolicy(): Promise<string> {
  policy ??= Promise.all([sha256Base64(EMBED_STYLE), sha256Base64(EMBED_SCRIPT)]).then(
    ([style, script]) => `default-src 'none'; style-src 'sha256-${style}'; script-src 'sha256-${script}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *`,
  )
  return policy
}

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return btoa(String.fromCharCode(...digest))
}

embedRoutes.get('/oembed', async (c) => {
  const { url, format, maxwidth, maxheight } = parseQuery(c, OEmbedQuerySchema)
  if (format !== 'json') throw new ApiError('format-not-implemented', `format=${format} is not implemented; use format=json.`)
  const origin = new URL(c.req.url).origin
  const target = embedTargetOf(url, origin)
  if (target === null) throw new ApiError('route-not-found', `${url} is not an embed URL of ${origin}.`)
  const summary =
    target.kind === 'story'
      ? isStoryId(target.id)
        ? ((await c.var.store.storySummary(target.id))?.value ?? null)
        : null
      : ARTICLE_ID.test(target.id)
        ? ((await c.var.store.articleSummary(target.id))?.value ?? null)
        : null
  if (summary === null) throw new ApiError(target.kind === 'story' ? 'story-not-found' : 'article-not-found', `Nothing to embed at ${url}.`)
  return jsonWithPolicy(c, oembedResponse(target, { origin, title: summary.title, maxwidth, maxheight }), 'item')
})
