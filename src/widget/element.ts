/**
 * <bantin-summary>: a framework-free custom element that shows a story or
 * article summary on any page, served as /widget.js.
 *
 *   <script src="https://API_ORIGIN/widget.js" async></script>
 *   <bantin-summary story="STORY_ID"></bantin-summary>
 *
 * Attributes: `story` or `article` (an id), `words` (summary length), `theme`
 * (light | dark | auto, default auto), `lang` (vi, default, | en: labels only).
 * It finds the API origin from its own script URL, fetches the summary once
 * per id however many elements show it, and renders into a Shadow DOM so the
 * host page's styles and its own never mix. Article text is only ever set as
 * text (textContent), never parsed as HTML.
 *
 * Browser only: bundled by scripts/build-widget.mjs, never imported by the Worker.
 */
import { safeHref } from './safe-href.js'

type Sentence = { text: string; articleId?: string; source?: string | null; url?: string | null }
type Summary = { title: string; text: string; sentences: Sentence[]; source?: string | null; url?: string | null }

const LABELS = {
  vi: { loading: 'Đang tải tóm tắt…', error: 'Không tải được tóm tắt.', story: 'Tóm tắt sự kiện', article: 'Tóm tắt bài báo', more: 'Đọc bài gốc', by: 'Nguồn' },
  en: { loading: 'Loading summary…', error: 'Could not load the summary.', story: 'Story summary', article: 'Article summary', more: 'Read the original', by: 'Source' },
} as const

/** Colors meet WCAG AA (4.5:1) for text and links on their backgrounds in both themes. */
const STYLE = `
:host{display:block;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--bg:#fff;--fg:#1a1a1a;--muted:#555;--link:#0b57d0;--line:#d9d9d9;max-width:42rem}
:host([theme=dark]){--bg:#16181c;--fg:#ececec;--muted:#b4b4b4;--link:#8ab4f8;--line:#3a3d42}
@media (prefers-color-scheme:dark){:host(:not([theme=light]):not([theme=dark])){--bg:#16181c;--fg:#ececec;--muted:#b4b4b4;--link:#8ab4f8;--line:#3a3d42}}
section{background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
p.kicker{margin:0 0 4px;font-size:12px;letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}
h2{margin:0 0 10px;font-size:18px;line-height:1.3}
ol{margin:0;padding:0;list-style:none}
li{margin:0 0 8px}
a{color:var(--link)}
a:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.credit{font-size:13px;color:var(--muted);white-space:nowrap}
.more{margin:10px 0 0;font-size:14px}
.state{margin:0;color:var(--muted)}
`

/** The API origin: where this script was loaded from. */
const ORIGIN = (() => {
  const script = document.currentScript
  const src = script instanceof HTMLScriptElement ? script.src : ''
  try {
    return new URL(src).origin
  } catch {
    return location.origin
  }
})()

/** One request per summary URL, shared by every element that shows it. */
const requests = new Map<string, Promise<Summary>>()

function load(url: string): Promise<Summary> {
  let request = requests.get(url)
  if (request === undefined) {
    request = fetch(url, { headers: { Accept: 'application/json' } }).then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      return checkSummary(await res.json())
    })
    request.catch(() => requests.delete(url)) // a failure may be retried by a later element
    requests.set(url, request)
  }
  return request
}

/** Check the answer's shape before rendering any of it. */
function checkSummary(value: unknown): Summary {
  const v = value as Partial<Summary> | null
  if (v === null || typeof v !== 'object' || typeof v.title !== 'string' || !Array.isArray(v.sentences)) throw new Error('unexpected answer')
  const sentences = v.sentences.filter((s): s is Sentence => s !== null && typeof s === 'object' && typeof (s as Sentence).text === 'string')
  return { title: v.title, text: String(v.text ?? ''), sentences, source: v.source ?? null, url: v.url ?? null }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text
  return node
}

class BantinSummary extends HTMLElement {
  static observedAttributes = ['story', 'article', 'words', 'lang']
  private readonly root: ShadowRoot
  private generation = 0

  constructor() {
    super()
    this.root = this.attachShadow({ mode: 'open' })
  }

  connectedCallback(): void {
    void this.render()
  }

  attributeChangedCallback(): void {
    if (this.isConnected) void this.render()
  }

  /** The labels' language: `lang="en"` translates the labels only; the article text stays Vietnamese. */
  private get labelLang(): 'vi' | 'en' {
    return this.getAttribute('lang') === 'en' ? 'en' : 'vi'
  }

  private get labels() {
    return LABELS[this.labelLang]
  }

  private async render(): Promise<void> {
    const generation = ++this.generation
    const story = this.getAttribute('story')
    const article = this.getAttribute('article')
    const words = this.getAttribute('words')
    const kind = story !== null ? 'stories' : 'articles'
    const id = story ?? article
    const labels = this.labels
    const section = el('section', { 'aria-busy': 'true', 'aria-live': 'polite' })
    section.append(el('p', { class: 'state', role: 'status', lang: this.labelLang }, labels.loading))
    this.show(section)
    if (id === null || id === '') return this.fail(generation, labels.error)
    const query = words !== null && /^\d+$/.test(words) ? `?words=${words}` : ''
    try {
      const summary = await load(`${ORIGIN}/v1/${kind}/${encodeURIComponent(id)}/summary${query}`)
      if (generation !== this.generation) return
      this.show(this.build(summary, kind === 'stories'))
    } catch {
      this.fail(generation, labels.error)
    }
  }

  private build(summary: Summary, isStory: boolean): HTMLElement {
    const labels = this.labels
    const headingId = 'bantin-title'
    const section = el('section', { 'aria-labelledby': headingId })
    // The host's `lang` attribute is inherited by everything inside: mark the labels and the (Vietnamese) text each with its own.
    section.append(el('p', { class: 'kicker', lang: this.labelLang }, isStory ? labels.story : labels.article), el('h2', { id: headingId, lang: 'vi' }, summary.title))
    const list = el('ol', { lang: 'vi' })
    for (const sentence of summary.sentences) {
      const item = el('li')
      item.append(document.createTextNode(`${sentence.text} `))
      const source = isStory ? sentence.source : summary.source
      const href = safeHref(isStory ? sentence.url : null)
      if (source) {
        const credit = el('span', { class: 'credit' })
        credit.append(document.createTextNode('— '))
        credit.append(href === null ? document.createTextNode(source) : el('a', { href, target: '_blank', rel: 'noopener' }, source))
        item.append(credit)
      }
      list.append(item)
    }
    section.append(list)
    const more = safeHref(isStory ? summary.sentences.find((s) => safeHref(s.url) !== null)?.url : summary.url)
    if (more !== null) {
      const p = el('p', { class: 'more', lang: this.labelLang })
      p.append(el('a', { href: more, target: '_blank', rel: 'noopener' }, `${labels.more} →`))
      section.append(p)
    }
    return section
  }

  private fail(generation: number, message: string): void {
    if (generation !== this.generation) return
    const section = el('section')
    section.append(el('p', { class: 'state', role: 'alert', lang: this.labelLang }, message))
    this.show(section)
  }

  private show(content: HTMLElement): void {
    const style = el('style', {}, STYLE)
    this.root.replaceChildren(style, content)
  }
}

if (!customElements.get('bantin-summary')) customElements.define('bantin-summary', BantinSummary)
