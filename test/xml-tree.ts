/**
 * Test support: parse XML strictly (saxes, a conformant XML 1.0 parser with
 * namespaces: a disallowed character, a stray `]]>` or an undefined entity
 * is an error) into a small tree, so feed tests can check each spec's
 * required elements by namespace and name. Used by the pure feed tests and
 * the worker tests alike (saxes is plain JavaScript).
 */
import { SaxesParser } from 'saxes'

export type XmlElement = { ns: string; name: string; attrs: Record<string, string>; children: XmlElement[]; text: string }

/** Parse a whole document, or throw with the parser's first complaint. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true })
  const root: XmlElement = { ns: '', name: '#document', attrs: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  let error: Error | null = null
  parser.on('error', (e) => {
    error ??= e
  })
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {}
    for (const attr of Object.values(tag.attributes)) attrs[attr.local] = attr.value
    const element: XmlElement = { ns: tag.uri, name: tag.local, attrs, children: [], text: '' }
    stack.at(-1)?.children.push(element)
    stack.push(element)
  })
  parser.on('text', (text) => {
    const top = stack.at(-1)
    if (top !== undefined) top.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  if (error !== null) throw error
  const documentElement = root.children[0]
  if (documentElement === undefined) throw new Error('no document element')
  return documentElement
}

/** The children of `element` with this local name (and namespace, when given). */
export function childrenOf(element: XmlElement, name: string, ns?: string): XmlElement[] {
  return element.children.filter((child) => child.name === name && (ns === undefined || child.ns === ns))
}

/** The one child with this name, or a thrown error saying which is missing or repeated. */
export function childOf(element: XmlElement, name: string, ns?: string): XmlElement {
  const found = childrenOf(element, name, ns)
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>, expected 1`)
  const [child] = found
  if (child === undefined) throw new Error(`<${element.name}> has no <${name}>`)
  return child
}
