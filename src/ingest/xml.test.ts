import { describe, it, expect } from 'vitest'
import { findAll, parseXml, textOf, XmlError } from './xml.ts'

describe('parseXml', () => {
  it('drops namespace prefixes, decodes entities and CDATA, skips comments and PIs', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a:Doc xmlns:a="urn:x"><a:Nm>A &amp; B &#x41;&#66;</a:Nm>` +
        `<a:Amt Ccy='EUR'>1.5</a:Amt><a:Nm><![CDATA[<raw>]]></a:Nm><a:Empty/></a:Doc>`,
    )
    const doc = root.children[0]
    expect(doc.name).toBe('Doc')
    expect(textOf(doc, 'Nm')).toBe('A & B AB')
    expect(doc.children[1].attrs).toEqual({ Ccy: 'EUR' })
    expect(findAll(root, 'Nm').map((e) => e.text)).toEqual(['A & B AB', '<raw>'])
    expect(textOf(doc, 'Empty')).toBe('')
  })

  it('refuses mismatched or unclosed elements with a line number', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(XmlError)
    expect(() => parseXml('<a><b></b>')).toThrow(/not closed/)
    expect(() => parseXml('just text')).toThrow(XmlError)
  })
})
