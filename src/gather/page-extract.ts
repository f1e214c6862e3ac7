/**
 * From what a pass over an article page collected (page-collect.ts) to the
 * article: headline, lead, body paragraphs, captions, author, publication
 * time, image and canonical URL.
 *
 * Metadata comes first from what the outlet declares for machines — JSON-LD
 * `NewsArticle` (schema.org), then `og:` and `article:` meta (Open Graph) —
 * and only then from the visible page. The body is the main text block,
 * found as readability-style scoring does it (Arc90's Readability, as in
 * Mozilla's readability.js): each paragraph of real prose (long enough,
 * mostly not link text, outside furniture) adds to its parent and half as
 * much to its grandparent, and the best-scored element is the article. Its
 * paragraphs are the body; captions, navigation, related-article lists,
 * comments and ads were marked while collecting and stay out.
 *
 * Pure: no runtime imports.
 */
import { publishedAtOf } from './dates.js'
import { decodeEntities } from './decode-entities.js'
import { htmlToLine } from './html-text.js'
import { itemUrlOf } from './item-url.js'
import type { Block, PageSnapshot } from './page-collect.js'

/** What a page says of its article; null where it says nothing usable. */
export type PageArticle = {
  title: string | null
  lead: string | null
  paragraphs: string[]
  captions: string[]
  author: string | null
  publishedAt: string | null
  image: string | null
  canonical: string | null
}

/** schema.org types that describe an article (NewsArticle and its relatives). */
const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'blogposting',
  'liveblogposting',
  'report',
])

/** A block shorter than this is not scored as prose (a caption, a button, a date line). Readability uses 25. */
const MIN_PROSE_CHARS = 25

/** Prose is mostly letters (Vietnamese prose ≈ 0.75 with spaces and punctuation); a date line is ≈ 0.3. */
const MIN_LETTER_SHARE = 0.5

/** A block whose text is more than half link text is a list of links, not prose. */
const MAX_LINK_DENSITY = 0.5

/** Score from length is capped (Readability: one point per 100 characters, at most 3). */
const MAX_LENGTH_POINTS = 3

/** A signature line closing an article (`NGUYỆT PHƯƠNG`) has at most this many words. */
const MAX_SIGNATURE_WORDS = 5

/** An author line is a name or two, with an agency: `Minh An - Lan Anh (theo Reuters)`. */
const MAX_BYLINE_WORDS = 10

/** A headline read from the visible page is compared with the declared one on at least this many characters. */
const MIN_HEADLINE_MATCH = 10

/** A lead found by its meta description must match on at least this many characters (descriptions get truncated). */
const MIN_LEAD_MATCH = 40

/** What JSON-LD says of the article. */
type Declared = { headline: string | null; description: string | null; datePublished: string | null; author: string | null; image: string | null; body: string | null }

/**
 * Read the article out of a collected page.
 *
 * @example
 * extractArticle(collected, 'https://tin.example.vn/a.html').title // => 'Giá xăng giảm 500 đồng'
 */
export function extractArticle(page: PageSnapshot, pageUrl: string): PageArticle {
  const declared = declaredArticle(page.jsonLd)
  const meta = page.meta
  const title = headlineOf(page, declared)
  const description = declared.description ?? meta['og:description'] ?? meta.description ?? meta['twitter:description'] ?? null
  const author = declared.author ?? personOf(meta.author) ?? personOf(meta['article:author']) ?? null

  const leadBlock = leadBlockOf(page.blocks, description)
  const lead = leadBlock?.text.replace(/\n/g, ' ') ?? null
  // Furniture named by class or id is left out, unless that leaves no prose at all (a site naming its article column oddly).
  let strict = true
  let container = mainContainer(page, leadBlock, strict)
  if (container === null) {
    strict = false
    container = mainContainer(page, leadBlock, strict)
  }
  const main = container
  const inMain = main === null ? [] : page.blocks.filter((block) => isInside(page, block, main) && (!strict || !block.hinted))

  let body = inMain.filter((block) => block !== leadBlock && isBodyText(block) && !sameText(block.text, title))
  body = dropSignature(body, author)
  let paragraphs = body.map((block) => block.text)
  if (paragraphs.length === 0 && declared.body !== null)
    paragraphs = declared.body
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
  const captions = inMain.filter((block) => block.caption && !block.excluded).map((block) => block.text.replace(/\n/g, ' '))

  return {
    title,
    lead,
    paragraphs,
    captions,
    author: author ?? bylineOf(inMain),
    publishedAt:
      publishedAtOf(declared.datePublished) ??
      firstDate([meta['article:published_time'], meta.datepublished, meta.pubdate, meta['og:published_time'], meta['dc.date.issued'], meta['dc.date'], ...page.times]),
    image: itemUrlOf(declared.image ?? meta['og:image'] ?? meta['twitter:image'], pageUrl),
    canonical: itemUrlOf(page.canonical ?? meta['og:url'], pageUrl),
  }
}

/** The first JSON-LD object of an article type, read leniently (CMSes emit raw newlines in strings). */
function declaredArticle(scripts: readonly string[]): Declared {
  for (const script of scripts) {
    const found = findArticle(parseLenient(script))
    if (found !== null) {
      return {
        headline: textOf(found.headline) ?? textOf(found.name),
        description: textOf(found.description),
        datePublished: textOf(found.datePublished) ?? textOf(found.dateCreated),
        author: namesOf(found.author),
        image: urlOf(found.image) ?? urlOf(found.thumbnailUrl),
        body: typeof found.articleBody === 'string' ? decodeEntities(found.articleBody) : null,
      }
    }
  }
  return { headline: null, description: null, datePublished: null, author: null, image: null, body: null }
}

function parseLenient(script: string): unknown {
  const text = script.trim().replace(/^<!--|-->$/g, '')
  try {
    return JSON.parse(text)
  } catch {
    try {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters inside strings are what JSON.parse refused
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '))
    } catch {
      return null
    }
  }
}

function findArticle(value: unknown): Record<string, unknown> | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticle(item)
      if (found !== null) return found
    }
    return null
  }
  if (!isRecord(value)) return null
  const types = Array.isArray(value['@type']) ? value['@type'] : [value['@type']]
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type.toLowerCase()))) return value
  return findArticle(value['@graph'])
}

/**
 * The headline: the page's own `<h1>` when it is the declared headline (a
 * JSON-LD headline may be cut at 110 characters; an `og:title` may carry
 * the site's name), else the declared one, else the first `<h1>` outside
 * furniture, else the document title.
 */
function headlineOf(page: PageSnapshot, declared: Declared): string | null {
  const hints = [declared.headline, page.meta['og:title'], page.meta['twitter:title']].filter((hint): hint is string => hint !== null && hint !== undefined && hint !== '')
  const headings = page.blocks.filter((block) => block.tag === 'h1').map((block) => block.text.replace(/\n/g, ' '))
  const confirmed = headings.find((heading) => hints.some((hint) => sameHeadline(heading, hint)))
  if (confirmed !== undefined) return confirmed
  if (declared.headline !== null) return declared.headline
  const og = page.meta['og:title']
  if (og !== undefined && og !== '') return withoutSiteName(og, page.meta['og:site_name'])
  const visible = page.blocks.find((block) => block.tag === 'h1' && !block.excluded)
  if (visible !== undefined) return visible.text.replace(/\n/g, ' ')
  return page.title === null ? null : withoutSiteName(page.title, page.meta['og:site_name'])
}

function sameHeadline(heading: string, hint: string): boolean {
  const a = fold(heading)
  const b = fold(hint).replace(/(?:\.\.\.|…)$/u, '')
  if (a.length < MIN_HEADLINE_MATCH || b.length < MIN_HEADLINE_MATCH) return a === b
  return a === b || b.startsWith(a) || a.startsWith(b)
}

/** `Giá xăng giảm - VnExpress` → `Giá xăng giảm`: a trailing ` - Site` / ` | Site` when it names the site or is short. */
function withoutSiteName(title: string, siteName: string | undefined): string {
  const match = /^(.*\S)\s+[|\-–—]\s+([^|\-–—]+)$/u.exec(title)
  if (match === null) return title
  const [, head = title, tail = ''] = match
  const namesSite = siteName !== undefined && fold(tail) === fold(siteName)
  return namesSite || tail.trim().split(/\s+/).length <= 3 ? head : title
}

/**
 * The element holding the article text (see module comment), or null when
 * the page has no prose at all.
 */
function mainContainer(page: PageSnapshot, lead: Block | null, strict: boolean): number | null {
  const scores = new Map<number, number>()
  for (const block of page.blocks) {
    // The lead is found on its own; counted here, it would pull a short article's score up to the wrapper around lead and body.
    if (block === lead || !isProse(block) || (strict && block.hinted)) continue
    const points = 1 + (block.text.match(/[,，]/g)?.length ?? 0) + Math.min(Math.floor(block.text.length / 100), MAX_LENGTH_POINTS)
    const parent = page.elements[block.owner]?.parent ?? -1
    if (parent === -1) continue
    scores.set(parent, (scores.get(parent) ?? 0) + points)
    const grandparent = page.elements[parent]?.parent ?? -1
    if (grandparent !== -1) scores.set(grandparent, (scores.get(grandparent) ?? 0) + points / 2)
  }
  let best: number | null = null
  let bestScore = 0
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element
      bestScore = score
    }
  }
  return best
}

function isProse(block: Block): boolean {
  return (
    !block.excluded &&
    !block.caption &&
    !isByline(block) &&
    !/^h[1-6]$/.test(block.tag) &&
    block.text.length >= MIN_PROSE_CHARS &&
    linkDensity(block) <= MAX_LINK_DENSITY &&
    letterShare(block.text) >= MIN_LETTER_SHARE
  )
}

/** Share of a text's characters that are letters: a date line (`Thứ năm, 31/10/2013, 21:15 (GMT+7)`) or a score table is mostly not. */
function letterShare(text: string): number {
  return (text.match(/\p{L}/gu)?.length ?? 0) / text.length
}

function isBodyText(block: Block): boolean {
  return !block.excluded && !block.caption && !isByline(block) && block.tag !== 'h1' && linkDensity(block) <= MAX_LINK_DENSITY
}

/** A signature or author line: marked as one, and short (a right-aligned paragraph of prose is still prose). */
function isByline(block: Block): boolean {
  return block.byline && block.text.split(/\s+/).length <= MAX_BYLINE_WORDS
}

function linkDensity(block: Block): number {
  return block.text.length === 0 ? 0 : block.linkChars / block.text.length
}

function isInside(page: PageSnapshot, block: Block, container: number): boolean {
  for (let element = block.owner; element !== -1; element = page.elements[element]?.parent ?? -1) {
    if (element === container) return true
  }
  return false
}

/**
 * The lead (sapo): the block the page's description quotes (descriptions are
 * often cut short), else a block in an element named like a lead.
 */
function leadBlockOf(blocks: readonly Block[], description: string | null): Block | null {
  if (description !== null) {
    const wanted = fold(description).replace(/(?:\.\.\.|…)$/u, '')
    const quoted = blocks.find((block) => {
      if (block.caption || block.tag === 'h1') return false
      const text = fold(block.text)
      return text === wanted || (wanted.length >= MIN_LEAD_MATCH && text.startsWith(wanted))
    })
    if (quoted !== undefined) return quoted
  }
  return blocks.find((block) => block.lead && !block.caption && block.tag !== 'h1' && block.text.length >= MIN_PROSE_CHARS) ?? null
}

/** Drop the closing signature (`NGUYỆT PHƯƠNG`, the declared author) that outlets print as the last paragraph. */
function dropSignature(body: Block[], author: string | null): Block[] {
  const last = body.at(-1)
  if (last === undefined) return body
  const text = last.text.trim()
  const words = text.split(/\s+/)
  const isAuthor = author !== null && fold(text) === fold(author)
  const shouting = words.length <= MAX_SIGNATURE_WORDS && text === text.toUpperCase() && text !== text.toLowerCase() && !/[.!?:;,]/.test(text)
  return isAuthor || shouting ? body.slice(0, -1) : body
}

/** An author line in the article block (`<p class="author">Minh An</p>`), when nothing declared one. */
function bylineOf(blocks: readonly Block[]): string | null {
  const line = blocks.find((block) => isByline(block) && !block.excluded)
  return line === undefined ? null : line.text.replace(/\n/g, ' ')
}

function firstDate(values: readonly (string | undefined)[]): string | null {
  for (const value of values) {
    const date = publishedAtOf(value)
    if (date !== null) return date
  }
  return null
}

/** A person's name from `author` meta; Facebook profile URLs (`article:author`) are not names. */
function personOf(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '' || /^https?:\/\//i.test(value.trim())) return null
  return value.trim()
}

/** schema.org author: a name, a Person or Organization, or a list of them. */
function namesOf(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value]
  const names = list.map((item) => (typeof item === 'string' ? textOf(item) : isRecord(item) ? textOf(item.name) : null)).filter((name): name is string => name !== null)
  return names.length === 0 ? null : names.join(', ')
}

/** schema.org image: a URL, an ImageObject, or a list of them. */
function urlOf(value: unknown): string | null {
  const first: unknown = Array.isArray(value) ? value[0] : value
  if (typeof first === 'string') return first.trim() || null
  return isRecord(first) ? (textOf(first.url) ?? textOf(first.contentUrl)) : null
}

/** A JSON-LD string as plain text (some CMSes escape HTML into it). */
function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = htmlToLine(value)
  return text === '' ? null : text
}

function sameText(a: string, b: string | null): boolean {
  return b !== null && fold(a) === fold(b)
}

/** Case- and whitespace-insensitive form for comparing a page's texts with each other (NFC, lowercase). */
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
