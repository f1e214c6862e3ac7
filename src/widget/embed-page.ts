/**
 * Self-contained HTML for iframe embeds (/embed/stories/:id, /embed/articles/:id):
 * no external assets, one inline style and one inline script allowed by hash
 * in a strict Content-Security-Policy, every piece of article text escaped by
 * hono's `html` template (a title `<img src=x onerror=…>` shows as text).
 * The script posts the content height to the host page so it can size the frame.
 *
 * The page's language is Vietnamese (`<html lang="vi">`): `lang=en` translates
 * the labels only, and only they are marked `lang="en"`, so a screen reader
 * still reads the article text as Vietnamese.
 *
 * Pure: renders strings from data; the route reads storage and sets headers.
 */
import { html, raw } from 'hono/html'
import type { ArticleSummaryRecord, StorySummaryRecord } from '../store/schemas.js'
import { safeHref } from './safe-href.js'

export type Theme = 'light' | 'dark' | 'auto'
export type Lang = 'vi' | 'en'

const LABELS = {
  vi: { story: 'Tóm tắt sự kiện', article: 'Tóm tắt bài báo', more: 'Đọc bài gốc', missing: 'Không tìm thấy tóm tắt này.', by: 'bantin' },
  en: { story: 'Story summary', article: 'Article summary', more: 'Read the original', missing: 'This summary was not found.', by: 'bantin' },
} as const

/** The one inline stylesheet; colors meet WCAG AA in both themes. */
export const EMBED_STYLE = `:root{--bg:#fff;--fg:#1a1a1a;--muted:#555;--link:#0b57d0;--line:#d9d9d9;color-scheme:light dark}
html[data-theme=dark]{--bg:#16181c;--fg:#ececec;--muted:#b4b4b4;--link:#8ab4f8;--line:#3a3d42}
@media (prefers-color-scheme:dark){html[data-theme=auto]{--bg:#16181c;--fg:#ececec;--muted:#b4b4b4;--link:#8ab4f8;--line:#3a3d42}}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{padding:14px 16px}p.kicker{margin:0 0 4px;font-size:12px;letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}
h1{margin:0 0 10px;font-size:18px;line-height:1.3}ol{margin:0;padding:0;list-style:none}li{margin:0 0 8px}
a{color:var(--link)}a:focus-visible{outline:2px solid var(--link);outline-offset:2px}.credit{font-size:13px;color:var(--muted);white-space:nowrap}
.more{margin:10px 0 0;font-size:14px}`

/** The one inline script: report the content height to the embedding page. */
export const EMBED_SCRIPT = `(function(){function s(){parent.postMessage({type:"bantin:resize",height:document.documentElement.scrollHeight},"*")}addEventListener("load",s);if(window.ResizeObserver)new ResizeObserver(s).observe(document.body)})()`

export type EmbedInput = { kind: 'story'; summary: StorySummaryRecord } | { kind: 'article'; summary: ArticleSummaryRecord }

/**
 * The embed page for a story or article summary.
 *
 * @example
 * renderEmbedPage({ kind: 'story', summary }, { theme: 'auto', lang: 'vi', oembedHref, canonical })
 */
export function renderEmbedPage(input: EmbedInput, options: { theme: Theme; lang: Lang; oembedHref: string; canonical: string }): string {
  const labels = LABELS[options.lang]
  // The page is Vietnamese text; `lang=en` translates the labels only, so they alone are marked English.
  const labelLang = options.lang === 'vi' ? '' : html` lang="${options.lang}"`
  const { summary } = input
  const items =
    input.kind === 'story'
      ? input.summary.sentences.map((s) => html`<li>${s.text} ${credit(s.source, s.url)}</li>`)
      : input.summary.sentences.map((s) => html`<li>${s.text}${input.summary.source === null ? '' : html` <span class="credit">— ${input.summary.source}</span>`}</li>`)
  const moreHref = safeHref(input.kind === 'story' ? input.summary.sentences.find((s) => safeHref(s.url) !== null)?.url : input.summary.url)
  return html`<!doctype html>
<html lang="vi" data-theme="${options.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${summary.title}</title>
<link rel="canonical" href="${options.canonical}">
<link rel="alternate" type="application/json+oembed" href="${options.oembedHref}" title="${summary.title}">
<style>${raw(EMBED_STYLE)}</style>
</head>
<body>
<main aria-labelledby="t">
<p class="kicker"${labelLang}>${input.kind === 'story' ? labels.story : labels.article}</p>
<h1 id="t">${summary.title}</h1>
<ol>${items}</ol>
${moreHref === null ? '' : html`<p class="more"${labelLang}><a href="${moreHref}" target="_blank" rel="noopener">${labels.more} →</a></p>`}
</main>
<script>${raw(EMBED_SCRIPT)}</script>
</body>
</html>`.toString()
}

/** The small page for an unknown id. */
export function renderMissingPage(lang: Lang): string {
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>404</title><style>${raw(EMBED_STYLE)}</style></head>
<body><main><p>${LABELS[lang].missing}</p></main><script>${raw(EMBED_SCRIPT)}</script></body></html>`.toString()
}

function credit(source: string | null, url: string | null) {
  if (source === null) return ''
  const href = safeHref(url)
  return href === null ? html`<span class="credit">— ${source}</span>` : html`<span class="credit">— <a href="${href}" target="_blank" rel="noopener">${source}</a></span>`
}
