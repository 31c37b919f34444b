// A small, strict-enough XML parser for payment messages: elements (namespace prefixes dropped),
// attributes, text, CDATA, character and the five predefined entity references; comments,
// processing instructions and DOCTYPE are skipped. Not a validating parser.
import { BadInputError } from '../util/errors.ts'

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      )
    return ENTITIES[e] ?? m
  })
}

const local = (name: string) => name.slice(name.indexOf(':') + 1)

export class XmlError extends BadInputError {}

/** Parses a document and returns its root element. */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  let i = 0
  const lineAt = (pos: number) => src.slice(0, pos).split('\n').length
  const fail = (msg: string, pos: number): never => {
    throw new XmlError(`XML line ${lineAt(pos)}: ${msg}`, { line: lineAt(pos) })
  }
  while (i < src.length) {
    const lt = src.indexOf('<', i)
    const textEnd = lt < 0 ? src.length : lt
    if (textEnd > i) stack[stack.length - 1].text += decodeEntities(src.slice(i, textEnd))
    if (lt < 0) break
    if (src.startsWith('<!--', lt)) {
      const e = src.indexOf('-->', lt + 4)
      if (e < 0) fail('unterminated comment', lt)
      i = e + 3
    } else if (src.startsWith('<![CDATA[', lt)) {
      const e = src.indexOf(']]>', lt + 9)
      if (e < 0) fail('unterminated CDATA', lt)
      stack[stack.length - 1].text += src.slice(lt + 9, e)
      i = e + 3
    } else if (src.startsWith('<?', lt)) {
      const e = src.indexOf('?>', lt + 2)
      if (e < 0) fail('unterminated processing instruction', lt)
      i = e + 2
    } else if (src.startsWith('<!', lt)) {
      const e = src.indexOf('>', lt + 2)
      if (e < 0) fail('unterminated declaration', lt)
      i = e + 1
    } else if (src[lt + 1] === '/') {
      const e = src.indexOf('>', lt)
      if (e < 0) fail('unterminated end tag', lt)
      const name = local(src.slice(lt + 2, e).trim())
      const open = stack.pop()
      if (!open || stack.length === 0 || open.name !== name)
        fail(`end tag </${name}> does not match <${open?.name ?? ''}>`, lt)
      i = e + 1
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
        src.slice(lt, lt + 4096),
      )
      if (!m) fail('malformed start tag', lt)
      const [whole, qname, attrText, selfClose] = m!
      const attrs: Record<string, string> = {}
      for (const a of attrText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[local(a[1])] = decodeEntities(a[2] ?? a[3] ?? '')
      const el: XmlElement = { name: local(qname), attrs, children: [], text: '' }
      stack[stack.length - 1].children.push(el)
      if (!selfClose) stack.push(el)
      i = lt + whole.length
    }
  }
  if (stack.length !== 1)
    fail(`element <${stack[stack.length - 1].name}> is not closed`, src.length)
  if (!root.children.length) fail('no element found', 0)
  return root
}

/** The first descendant reached by a path of local names, e.g. child(el, 'DbtrAcct', 'Id'). */
export function child(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  return childAt(el, path)
}

function childAt(el: XmlElement | undefined, path: string[]): XmlElement | undefined {
  let cur = el
  for (const p of path) {
    cur = cur?.children.find((c) => c.name === p)
    if (!cur) return undefined
  }
  return cur
}

export function textOf(el: XmlElement | undefined, ...path: string[]): string | null {
  const e = childAt(el, path)
  return e ? e.text.trim() : null
}

/** Every element with this local name, in document order, at any depth. */
export function findAll(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c)
    else findAll(c, name, out)
  }
  return out
}
