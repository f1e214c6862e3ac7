/**
 * What one streaming pass over an article page collects: meta tags, JSON-LD,
 * the `<title>`, and every run of text as a block that knows where in the
 * page it sat. page-rewriter.ts feeds it from HTMLRewriter (open, close and
 * text events, in document order); page-extract.ts decides from the result
 * which blocks are the article.
 *
 * HTMLRewriter gives text and attribute values as written (entities intact,
 * a reference possibly split across chunks), so text is kept raw until a
 * block ends and decoded then. It does not close a `<p>` when the next `<p>`
 * opens (the HTML parser would); the collector does, and ignores the late
 * end event. Elements whose end never comes are closed with their parent.
 *
 * Pure: no runtime imports.
 */
import { decodeEntities, withoutControls } from './decode-entities.js'

/** Reads one attribute of the element being opened (HTMLRewriter's `getAttribute`). */
export type AttributeReader = (name: string) => string | null

/** Where a block of text sat, as page-extract.ts needs to judge it. */
export type Block = {
  /** Tag of the innermost block-level element holding the text. */
  tag: string
  /** Decoded text; `\n` where the page had `<br>`. */
  text: string
  /** Characters of the text inside links. */
  linkChars: number
  /** Index (in `elements`) of the element holding the text. */
  owner: number
  /** Inside navigation, header, footer, aside, a form or a hidden element. */
  excluded: boolean
  /** Inside an element whose class or id names site furniture (page-extract.ts ignores this if it would leave no text). */
  hinted: boolean
  /** Inside a figure caption or an element named like one. */
  caption: boolean
  /** Inside an element named like an article's lead (sapo). */
  lead: boolean
  /** Inside an element named like an author line. */
  byline: boolean
}

/** The element tree, flattened: each element's tag and parent index (-1 at the top). */
export type ElementInfo = { tag: string; parent: number }

export type PageSnapshot = {
  /** `og:title`, `article:published_time`, `description`, `datepublished` (itemprop), … lowercased keys; first value wins. */
  meta: Record<string, string>
  /** Raw text of each `<script type="application/ld+json">`. */
  jsonLd: string[]
  title: string | null
  canonical: string | null
  /** `datetime` attributes of `<time>` elements, in document order. */
  times: string[]
  blocks: Block[]
  elements: ElementInfo[]
}

/** Elements whose end tag never comes (HTML void elements): no end event may be asked for. */
export const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/** Elements whose text is never article text (the head's title, meta and JSON-LD are read by their own rules). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'select', 'button', 'textarea', 'canvas', 'video', 'audio', 'head'])

/**
 * Elements whose class names describe the whole page (`<body class="has-ads">`)
 * rather than a part of it: furniture words on them exclude nothing.
 */
const FRAME_TAGS = new Set(['html', 'body', 'main', 'article'])

/** Elements that are site furniture by their tag. */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog'])

/** Elements that end a run of text (block-level), so text on either side is two blocks. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'caption',
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  'body',
  'html',
  'center',
  'address',
])

/**
 * Class and id words that name site furniture on news pages: navigation,
 * related-article boxes (Vietnamese `tin liên quan`, `xem thêm`), comments
 * (`bình luận`), sharing, tags, ads (`quảng cáo`), most-read lists. Words
 * that name layout columns (`sidebar`: one large outlet's main column is
 * `sidebar-1`) or print views are left out: they hold articles too.
 */
const FURNITURE_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'footer',
  'related',
  'relate',
  'relates',
  'lienquan',
  'tinlienquan',
  'xemthem',
  'readmore',
  'comment',
  'comments',
  'binhluan',
  'share',
  'sharing',
  'social',
  'tag',
  'tags',
  'keyword',
  'keywords',
  'ad',
  'ads',
  'advert',
  'adv',
  'advertisement',
  'banner',
  'quangcao',
  'qc',
  'sponsor',
  'sponsored',
  'promo',
  'popup',
  'modal',
  'newsletter',
  'subscribe',
  'mostread',
  'docnhieu',
  'trending',
  'recommend',
  'recommended',
  'outbrain',
  'taboola',
  'toolbar',
  'pagination',
  'rating',
  'vote',
  'poll',
  'login',
])

/** Class and id words that name a photo caption. */
const CAPTION_WORDS = new Set(['caption', 'figcaption', 'chuthich', 'photocms', 'imgcaption', 'tplcaption', 'image-caption'])

/** Class and id words that name the lead paragraph (Vietnamese outlets' `sapo`). */
const LEAD_WORDS = new Set(['sapo', 'lead', 'description', 'summary', 'intro', 'chapeau', 'excerpt', 'abstract', 'standfirst', 'teaser', 'subtitle'])

/** Class and id words that name an author line. */
const BYLINE_WORDS = new Set(['author', 'byline', 'tacgia', 'writer', 'reporter', 'author_mail', 'author-name'])

/** Marks a `<br>` inside a block until whitespace is folded (U+E000, a private-use code point). */
const BREAK = '\uE000'

type Open = {
  handle: number
  element: number
  tag: string
  block: boolean
  skipped: boolean
  excluded: boolean
  hinted: boolean
  caption: boolean
  lead: boolean
  byline: boolean
  link: boolean
  jsonLd: boolean
  title: boolean
}

/**
 * Collects a page from parser events; see module comment.
 *
 * @example
 * const page = new PageCollector()
 * const p = page.open('p', () => null); page.text('Xin ch&agrave;o'); page.close(p)
 * page.result().blocks[0].text // => 'Xin chào'
 */
export class PageCollector {
  private readonly stack: Open[] = []
  private readonly elements: ElementInfo[] = []
  private readonly blocks: Block[] = []
  private readonly meta: Record<string, string> = {}
  private readonly jsonLd: string[] = []
  private readonly times: string[] = []
  private canonical: string | null = null
  private title: string | null = null
  private nextHandle = 0
  /** Raw text of the run being read, the element that holds it, and its link characters. */
  private run: { owner: Open; parts: string[]; linkChars: number } | null = null
  /** Raw text of the JSON-LD script or title element being read. */
  private raw: string[] | null = null

  /** An element starts. Returns its handle for `close`, or -1 for a void element (which never closes). */
  open(tag: string, attribute: AttributeReader): number {
    const name = tag.toLowerCase()
    if (VOID_ELEMENTS.has(name)) {
      this.openVoid(name, attribute)
      return -1
    }
    // The HTML parser closes an open <p> (or <li>) when another starts; HTMLRewriter does not.
    if (name === 'p' || name === 'li') {
      const innermost = this.innermostBlock()
      if (innermost?.tag === name) this.closeOpen(innermost)
    }
    const parent = this.stack.at(-1)
    const words = wordsOf(attribute('class'), attribute('id'))
    const hidden = /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribute('style') ?? '') || attribute('hidden') !== null || attribute('aria-hidden') === 'true'
    const type = (attribute('type') ?? '').toLowerCase()
    const open: Open = {
      handle: this.nextHandle++,
      element: this.elements.length,
      tag: name,
      block: BLOCK_TAGS.has(name),
      skipped: (parent?.skipped ?? false) || SKIPPED.has(name),
      excluded: (parent?.excluded ?? false) || FURNITURE_TAGS.has(name) || hidden,
      hinted: (parent?.hinted ?? false) || (!FRAME_TAGS.has(name) && words.some((word) => FURNITURE_WORDS.has(word))),
      caption: (parent?.caption ?? false) || name === 'figcaption' || words.some((word) => CAPTION_WORDS.has(word)),
      lead: (parent?.lead ?? false) || words.some((word) => LEAD_WORDS.has(word)),
      // Outlets also set the signature apart by aligning it right (`<p style="text-align:right"><b>Tên</b></p>`).
      byline: (parent?.byline ?? false) || words.some((word) => BYLINE_WORDS.has(word)) || /text-align\s*:\s*right/i.test(attribute('style') ?? '') || attribute('align') === 'right',
      link: (parent?.link ?? false) || name === 'a',
      jsonLd: name === 'script' && type === 'application/ld+json',
      title: name === 'title' && this.title === null && (parent === undefined || parent.tag === 'head' || parent.tag === 'html'),
    }
    if (open.block) this.endRun()
    this.elements.push({ tag: name, parent: parent?.element ?? -1 })
    this.stack.push(open)
    if (open.jsonLd || open.title) this.raw = []
    if (name === 'time') {
      const datetime = attribute('datetime')
      if (datetime !== null) this.times.push(decodeEntities(datetime))
    }
    return open.handle
  }

  /** The element opened with this handle ends (and any element inside it still open). */
  close(handle: number): void {
    const open = this.stack.find((candidate) => candidate.handle === handle)
    if (open !== undefined) this.closeOpen(open)
  }

  /** A chunk of text, as written in the page. */
  text(chunk: string): void {
    const top = this.stack.at(-1)
    if (top === undefined) return
    if (this.raw !== null && (top.jsonLd || top.title)) {
      this.raw.push(chunk)
      return
    }
    if (top.skipped || chunk === '') return
    const owner = this.innermostBlock() ?? top
    if (this.run !== null && this.run.owner !== owner) this.endRun()
    if (this.run === null) this.run = { owner, parts: [], linkChars: 0 }
    this.run.parts.push(chunk)
    if (top.link) this.run.linkChars += chunk.length
  }

  /** Everything collected; closes whatever is still open. */
  result(): PageSnapshot {
    const bottom = this.stack[0]
    if (bottom !== undefined) this.closeOpen(bottom)
    this.endRun()
    return { meta: this.meta, jsonLd: this.jsonLd, title: this.title, canonical: this.canonical, times: this.times, blocks: this.blocks, elements: this.elements }
  }

  private openVoid(name: string, attribute: AttributeReader): void {
    if (name === 'br') {
      if (this.run !== null) this.run.parts.push(BREAK)
      return
    }
    if (name === 'meta') {
      const key = (attribute('property') ?? attribute('name') ?? attribute('itemprop'))?.trim().toLowerCase()
      const content = attribute('content')
      if (key !== undefined && key !== '' && content !== null && !(key in this.meta)) this.meta[key] = foldSpace(decodeEntities(content))
      return
    }
    if (name === 'link' && this.canonical === null && /(?:^|\s)canonical(?:\s|$)/i.test(attribute('rel') ?? '')) {
      const href = attribute('href')
      if (href !== null) this.canonical = decodeEntities(href).trim()
    }
  }

  private innermostBlock(): Open | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]
      if (open?.block) return open
    }
    return undefined
  }

  private closeOpen(open: Open): void {
    const index = this.stack.lastIndexOf(open)
    if (index === -1) return
    if (this.raw !== null && (open.jsonLd || open.title)) {
      const text = this.raw.join('')
      if (open.jsonLd) this.jsonLd.push(text)
      else this.title = foldSpace(decodeEntities(text)) || null
      this.raw = null
    }
    if (this.stack.slice(index).some((inner) => inner.block)) this.endRun()
    this.stack.length = index
  }

  private endRun(): void {
    const run = this.run
    this.run = null
    if (run === null) return
    const text = decodeEntities(run.parts.join(''))
      .split(BREAK)
      .map(foldSpace)
      .filter((line) => line !== '')
      .join('\n')
    if (text === '') return
    const { owner } = run
    this.blocks.push({
      tag: owner.tag,
      text,
      linkChars: Math.min(run.linkChars, text.length),
      owner: owner.element,
      excluded: owner.excluded,
      hinted: owner.hinted,
      caption: owner.caption,
      lead: owner.lead,
      byline: owner.byline,
    })
  }
}

/** Class and id split into lowercase words: `box-tinlienquan fck_detail` → box, tinlienquan, fck, detail (and the whole tokens). */
function wordsOf(className: string | null, id: string | null): string[] {
  const tokens = `${className ?? ''} ${id ?? ''}`
    .toLowerCase()
    .split(/\s+/)
    .filter((token) => token !== '')
  return [...tokens, ...tokens.flatMap((token) => token.split(/[-_]+/))]
}

/**
 * Whitespace as HTML renders it: any run of it is one space. Control
 * characters (a CMS's stray \u0008) render as nothing, and the ingest path
 * refuses them, so they go too.
 */
function foldSpace(text: string): string {
  return withoutControls(text).replace(/\s+/g, ' ').trim()
}
