import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parseRecord } from './csv.ts'
import { sniffDelimiter } from '../csv-scan.ts'

const parse = (s: string, eof = true) => parseRecord(Buffer.from(s), 0, 44, eof)

describe('parseRecord', () => {
  it('splits fields, quoted delimiters, doubled quotes, quoted newlines and CRLF', () => {
    expect(parse('a,b,c\nnext')).toEqual({ fields: ['a', 'b', 'c'], end: 6, lines: 1 })
    expect(parse('"a,1","say ""hi""",\r\n')).toMatchObject({
      fields: ['a,1', 'say "hi"', ''],
      lines: 1,
    })
    expect(parse('x,"two\nlines",y\n')).toMatchObject({
      fields: ['x', 'two\nlines', 'y'],
      lines: 2,
    })
    expect(parse('a, "q" ,b')).toMatchObject({ fields: ['a', 'q', 'b'] })
    expect(parse('ab"c,d\n')).toMatchObject({ fields: ['ab"c', 'd'] })
  })

  it('waits for more bytes unless at the end of the file', () => {
    expect(parse('a,"open', false)).toBeNull()
    expect(parse('a,b', false)).toBeNull()
    expect(parse('a,"open\nmore')).toMatchObject({ error: 'unterminated_quote', lines: 1 })
    expect(parse('a,"x"y,b\nnext')).toMatchObject({ error: 'unterminated_quote', end: 9 })
  })

  it('round-trips any fields written with RFC 4180 quoting', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (fields) => {
        const text = fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',') + '\n'
        expect(parse(text)?.fields).toEqual(fields)
      }),
    )
  })
})

describe('sniffDelimiter', () => {
  it('picks the delimiter used most outside quotes', () => {
    expect(sniffDelimiter('tx_id;ts;amount')).toBe(';')
    expect(sniffDelimiter('tx_id\tts\tamount')).toBe('\t')
    expect(sniffDelimiter('"a;b;c"|x|y')).toBe('|')
    expect(sniffDelimiter('tx_id,ts,amount')).toBe(',')
  })
})
