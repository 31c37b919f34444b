// XML for payment messages through saxes (a maintained, streaming, well-formedness-checking parser):
// elements (namespace prefixes dropped), attributes, text, CDATA, character and the five predefined
// entity references; comments, processing instructions and DOCTYPE are skipped. parseXml builds a
// whole document; XmlStream hands over chosen elements as they close, so that a bulk file lands in
// bounded memory (only the element being read is held). Not a validating parser.
import { SaxesParser } from 'saxes'
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

/**
 * A streaming reader: feed text with write(), end with close(); every element whose local name is in
 * `keep` is built (with its subtree) and handed to `onElement` when it closes, with the local names
 * of its ancestors. Elements outside kept ones are not held.
 */
export class XmlStream {
  private readonly parser = new SaxesParser({ xmlns: false })
  private stack: XmlElement[] = []
  /** Ancestors' local names of the current position (outside kept subtrees too). */
  private path: string[] = []
  private roots = 0
  private error: XmlError | undefined

  constructor(
    keep: ReadonlySet<string>,
    onElement: (el: XmlElement, ancestors: readonly string[]) => void,
  ) {
    const p = this.parser
    const fail = (message: string) => {
      this.error ??= new XmlError(`XML line ${p.line}: ${message}`, { line: p.line })
    }
    p.on('error', (e) => fail(e.message.replace(/^\d+:\d+: /, '')))
    p.on('opentag', (tag) => {
      const name = local(tag.name)
      if (this.path.length === 0) this.roots++
      if (this.stack.length > 0 || keep.has(name)) {
        const attrs: Record<string, string> = {}
        for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = String(v)
        const el: XmlElement = { name, attrs, children: [], text: '' }
        if (this.stack.length > 0) this.stack[this.stack.length - 1].children.push(el)
        this.stack.push(el)
      }
      this.path.push(name)
    })
    p.on('text', (t) => {
      if (this.stack.length > 0) this.stack[this.stack.length - 1].text += t
    })
    p.on('cdata', (t) => {
      if (this.stack.length > 0) this.stack[this.stack.length - 1].text += t
    })
    p.on('closetag', () => {
      this.path.pop()
      const el = this.stack.pop()
      if (el && this.stack.length === 0) onElement(el, this.path)
    })
  }

  write(text: string): void {
    if (this.error) throw this.error
    this.parser.write(text)
    if (this.error) throw this.error
  }

  close(): void {
    if (this.error) throw this.error
    if (this.path.length > 0) {
      const open = this.path[this.path.length - 1]
      this.error = new XmlError(`XML line ${this.parser.line}: element <${open}> is not closed`, {
        line: this.parser.line,
      })
      throw this.error
    }
    this.parser.close()
    if (this.error) throw this.error
    if (this.roots === 0) throw new XmlError('XML line 1: no element found', { line: 1 })
  }
}

/** Parses a document and returns its root element. */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' }
  // keep every element: the outermost one closes last and holds the whole tree
  const all = { has: () => true } as unknown as ReadonlySet<string>
  const s = new XmlStream(all, (el) => root.children.push(el))
  s.write(src)
  s.close()
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
