/**
 * Read a news feed — RSS 2.0 (and RSS 1.0/RDF), Atom 1.0 or JSON Feed 1.1 —
 * into the outlet's name, homepage and items with canonical URLs.
 *
 * XML goes through txml (2 KB gzipped; the comparison with other parsers is
 * in ARCHITECTURE.md): CDATA kept verbatim, XML's five entities and numeric
 * references decoded, and tolerant of what real feeds get wrong (a bare `&`
 * in a title or link). Two things it leaves to us: HTML entity names that
 * feeds use although XML does not define them (`&nbsp;`, `&agrave;`) are
 * turned into numeric references first, and namespace prefixes are resolved
 * here, so `content:encoded` is found whatever prefix a feed binds to
 * http://purl.org/rss/1.0/modules/content/.
 *
 * Pure: no runtime imports. A document that is not a feed is `null`.
 */
import { parse as parseXml, type TNode } from 'txml/txml'
import { publishedAtOf } from './dates.js'
import { decodeEntities } from './decode-entities.js'
import { firstImageOf, htmlToLine } from './html-text.js'
import { itemUrlOf } from './item-url.js'

/** One item of a feed, with its link made canonical; text fields as the feed gives them. */
export type FeedItem = {
  url: string
  title: string | null
  /** The item's description or summary (HTML or text). */
  summary: string | null
  /** The item's full content, when the feed carries it (HTML or text). */
  content: string | null
  publishedAt: string | null
  author: string | null
  image: string | null
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json'

export type Feed = { format: FeedFormat; title: string | null; homepage: string | null; items: FeedItem[] }

/** Items read from one feed: a news feed lists tens; this bounds the work of a hostile one. */
export const MAX_FEED_ITEMS = 500

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const

/**
 * Parse a feed document fetched from `feedUrl` (relative links resolve
 * against it). Null when the text is no feed bantin can read.
 *
 * @example
 * parseFeed('<rss version="2.0"><channel><title>Tin</title><item><link>/a</link></item></channel></rss>', 'https://tin.example.vn/rss')
 * // => { format: 'rss', title: 'Tin', homepage: null, items: [{ url: 'https://tin.example.vn/a', … }] }
 */
export function parseFeed(text: string, feedUrl: string): Feed | null {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, feedUrl)
  let root: Node
  try {
    const nodes = parseXml(withNumericReferences(trimmed), { decodeEntities: true, keepWhitespace: true, selfClosingTags: [] })
    const element = nodes.find((node): node is TNode => typeof node !== 'string' && /^[A-Za-z_]/.test(node.tagName))
    if (element === undefined) return null
    root = resolveNames(element, new Map([['xml', NS.xml]]), feedUrl)
  } catch {
    return null
  }
  if (root.local === 'rss') return readRss(root)
  if (root.local === 'RDF' && root.uri === NS.rdf) return readRdf(root)
  if (root.local === 'feed' && root.uri === NS.atom) return readAtom(root)
  return null
}

/** An XML element with its namespace resolved and its base URL (xml:base) known. */
type Node = { uri: string; local: string; attrs: Map<string, string>; base: string; children: Node[]; element: TNode }

function resolveNames(element: TNode, inherited: Map<string, string>, base: string): Node {
  let scope = inherited
  const attributes = Object.entries(element.attributes).map(([name, value]): [string, string] => [name, value ?? ''])
  for (const [name, value] of attributes) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === inherited) scope = new Map(inherited)
      scope.set(name === 'xmlns' ? '' : name.slice(6), value)
    }
  }
  const [prefix, local] = splitName(element.tagName)
  const attrs = new Map<string, string>()
  for (const [name, value] of attributes) {
    const [attrPrefix, attrLocal] = splitName(name)
    // Unprefixed attributes have no namespace; keep xml:base and xml:lang under their full name.
    attrs.set(attrPrefix === '' ? attrLocal : scope.get(attrPrefix) === NS.xml ? `xml:${attrLocal}` : name, value)
  }
  const xmlBase = attrs.get('xml:base')
  const ownBase = xmlBase === undefined ? base : safeResolve(xmlBase, base)
  const node: Node = { uri: scope.get(prefix) ?? '', local, attrs, base: ownBase, children: [], element }
  for (const child of element.children) if (typeof child !== 'string') node.children.push(resolveNames(child, scope, ownBase))
  return node
}

function readRss(root: Node): Feed | null {
  // RSS 2.0 has no namespace; the few feeds that declare a default one (userland's RSS 2 URI) use it throughout.
  const uri = root.uri
  const channel = child(root, uri, 'channel')
  if (channel === undefined) return null
  return {
    format: 'rss',
    title: line(child(channel, uri, 'title')),
    homepage: itemUrlOf(text(child(channel, uri, 'link')), channel.base),
    items: children(channel, uri, 'item')
      .slice(0, MAX_FEED_ITEMS)
      .flatMap((item) => rssItem(item, uri) ?? []),
  }
}

function readRdf(root: Node): Feed | null {
  const channel = child(root, NS.rss1, 'channel')
  return {
    format: 'rdf',
    title: line(channel && child(channel, NS.rss1, 'title')),
    homepage: channel === undefined ? null : itemUrlOf(text(child(channel, NS.rss1, 'link')), channel.base),
    items: children(root, NS.rss1, 'item')
      .slice(0, MAX_FEED_ITEMS)
      .flatMap((item) => rssItem(item, NS.rss1) ?? []),
  }
}

function rssItem(item: Node, uri: string): FeedItem | null {
  const guid = child(item, uri, 'guid')
  const permalink = guid !== undefined && guid.attrs.get('isPermaLink') !== 'false' ? text(guid) : null
  const url = itemUrlOf(text(child(item, uri, 'link')) ?? atomLink(item, 'alternate') ?? permalink, item.base)
  if (url === null) return null
  const summary = text(child(item, uri, 'description'))
  const content = text(child(item, NS.content, 'encoded'))
  const enclosure = children(item, uri, 'enclosure').find((node) => (node.attrs.get('type') ?? '').startsWith('image/'))
  return {
    url,
    title: line(child(item, uri, 'title')),
    summary,
    content,
    publishedAt: publishedAtOf(text(child(item, uri, 'pubDate')) ?? text(child(item, NS.dc, 'date'))),
    author: line(child(item, uri, 'author')) ?? line(child(item, NS.dc, 'creator')),
    image: imageOf(item, enclosure?.attrs.get('url') ?? mediaImage(item) ?? firstImageOf(summary ?? content ?? '')),
  }
}

function readAtom(root: Node): Feed {
  const feedAuthor = line(child(child(root, NS.atom, 'author'), NS.atom, 'name'))
  return {
    format: 'atom',
    title: atomText(child(root, NS.atom, 'title')),
    homepage: itemUrlOf(atomLink(root, 'alternate'), root.base),
    items: children(root, NS.atom, 'entry')
      .slice(0, MAX_FEED_ITEMS)
      .flatMap((entry) => atomEntry(entry, feedAuthor) ?? []),
  }
}

function atomEntry(entry: Node, feedAuthor: string | null): FeedItem | null {
  const id = text(child(entry, NS.atom, 'id'))
  const url = itemUrlOf(atomLink(entry, 'alternate') ?? (id !== null && /^https?:/i.test(id) ? id : null), entry.base)
  if (url === null) return null
  const contentNode = child(entry, NS.atom, 'content')
  // Content with `src` lives elsewhere (RFC 4287 §4.1.3.2): nothing to read here.
  const content = contentNode === undefined || contentNode.attrs.has('src') ? null : atomHtml(contentNode)
  const summary = atomHtml(child(entry, NS.atom, 'summary'))
  const enclosure = [...children(entry, NS.atom, 'link')].find((link) => link.attrs.get('rel') === 'enclosure' && (link.attrs.get('type') ?? '').startsWith('image/'))
  return {
    url,
    title: atomText(child(entry, NS.atom, 'title')),
    summary,
    content,
    publishedAt: publishedAtOf(text(child(entry, NS.atom, 'published')) ?? text(child(entry, NS.atom, 'updated'))),
    author: line(child(child(entry, NS.atom, 'author'), NS.atom, 'name')) ?? feedAuthor,
    image: imageOf(entry, enclosure?.attrs.get('href') ?? mediaImage(entry) ?? firstImageOf(content ?? summary ?? '')),
  }
}

/** The href of an Atom link with this rel (a link without rel is `alternate`, RFC 4287 §4.2.7.2). */
function atomLink(node: Node, rel: string): string | null {
  const link = children(node, NS.atom, 'link').find((candidate) => (candidate.attrs.get('rel') ?? 'alternate') === rel)
  return link?.attrs.get('href') ?? null
}

/** An Atom text construct as HTML: `text` is escaped, `html` is as given, `xhtml` is serialized from its div. */
function atomHtml(node: Node | undefined): string | null {
  if (node === undefined) return null
  const type = node.attrs.get('type') ?? 'text'
  if (type === 'xhtml') {
    const div = node.children[0]
    return div === undefined ? null : nonEmpty(div.element.children.map(serialize).join('').trim())
  }
  const value = text(node)
  return value === null || type === 'html' ? value : escapeHtml(value)
}

/** An Atom text construct as one line of plain text. */
function atomText(node: Node | undefined): string | null {
  const html = atomHtml(node)
  return html === null ? null : nonEmpty(htmlToLine(html))
}

function mediaImage(item: Node): string | null {
  const media = [...children(item, NS.media, 'content'), ...children(item, NS.media, 'thumbnail')].find((node) => {
    const medium = node.attrs.get('medium') ?? node.attrs.get('type') ?? 'image'
    return medium.startsWith('image')
  })
  return media?.attrs.get('url') ?? null
}

function imageOf(node: Node, raw: string | null): string | null {
  return raw === null ? null : itemUrlOf(raw, node.base)
}

function parseJsonFeed(text: string, feedUrl: string): Feed | null {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return null
  }
  if (!isRecord(doc) || typeof doc.version !== 'string' || !doc.version.startsWith('https://jsonfeed.org/version/') || !Array.isArray(doc.items)) return null
  const feedAuthor = jsonAuthor(doc)
  const items: FeedItem[] = []
  for (const raw of doc.items.slice(0, MAX_FEED_ITEMS)) {
    if (!isRecord(raw)) continue
    const id = str(raw.id)
    const url = itemUrlOf(str(raw.url) ?? (id !== null && /^https?:/i.test(id) ? id : null), feedUrl)
    if (url === null) continue
    const content = str(raw.content_html) ?? (str(raw.content_text) === null ? null : escapeHtml(str(raw.content_text) ?? ''))
    items.push({
      url,
      title: str(raw.title),
      summary: str(raw.summary),
      content,
      publishedAt: publishedAtOf(str(raw.date_published) ?? str(raw.date_modified)),
      author: jsonAuthor(raw) ?? feedAuthor,
      image: itemUrlOf(str(raw.image) ?? str(raw.banner_image) ?? firstImageOf(content ?? ''), feedUrl),
    })
  }
  return { format: 'json', title: str(doc.title), homepage: itemUrlOf(str(doc.home_page_url), feedUrl), items }
}

/** JSON Feed 1.1 `authors[]`, or 1.0's `author`. */
function jsonAuthor(record: Record<string, unknown>): string | null {
  const list = Array.isArray(record.authors) ? record.authors : [record.author]
  const first: unknown = list[0]
  return isRecord(first) ? str(first.name) : null
}

function child(node: Node | undefined, uri: string, local: string): Node | undefined {
  return node?.children.find((candidate) => candidate.local === local && candidate.uri === uri)
}

function children(node: Node, uri: string, local: string): Node[] {
  return node.children.filter((candidate) => candidate.local === local && candidate.uri === uri)
}

/** The text of an element and its descendants (CDATA and references already resolved by the parser), trimmed; null if empty. */
function text(node: Node | undefined): string | null {
  return node === undefined ? null : nonEmpty(textOf(node.element).trim())
}

function textOf(element: TNode): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('')
}

/**
 * One line of plain text from an element that should hold text but often
 * holds escaped HTML (`&amp;quot;` in titles, `<b>` in CDATA).
 */
function line(node: Node | undefined): string | null {
  const value = text(node)
  return value === null ? null : nonEmpty(htmlToLine(value))
}

/** An element's content as HTML (Atom xhtml content). */
function serialize(node: TNode | string): string {
  if (typeof node === 'string') return escapeHtml(node)
  const local = splitName(node.tagName)[1]
  const attrs = Object.entries(node.attributes)
    .filter(([name]) => !name.startsWith('xmlns'))
    .map(([name, value]) => ` ${name}="${escapeHtml(value ?? '')}"`)
    .join('')
  return `<${local}${attrs}>${node.children.map(serialize).join('')}</${local}>`
}

/** XML defines only these five names; feeds use HTML's too. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

/**
 * HTML entity names → numeric references, so the XML parser decodes them
 * (`&nbsp;` → `&#160;`); a name HTML does not know either stays as text.
 */
function withNumericReferences(xml: string): string {
  // CDATA sections are matched too, and kept verbatim: references mean nothing inside them.
  return xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|&([A-Za-z][A-Za-z0-9]*);/g, (whole, name: string | undefined) => {
    if (name === undefined || XML_ENTITIES.has(name)) return whole
    const decoded = decodeEntities(whole)
    return decoded === whole ? `&amp;${name};` : `&#${decoded.codePointAt(0) ?? 65533};`
  })
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':')
  return colon === -1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)]
}

function safeResolve(relative: string, base: string): string {
  try {
    return new URL(relative, base).toString()
  } catch {
    return base
  }
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function nonEmpty(value: string): string | null {
  return value === '' ? null : value
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
