// Goods lists: HS code prefixes with tier and category (`hs_code,tier,description[,category]`), and a
// description lexicon (`term,lang,category,tier[,generic]`) mapping multilingual keywords to dual-use
// categories. Lexicon rows with generic=true are plain declared descriptions ('spare parts') used to
// spot a generic description on a controlled HS code.
import { parseCsv } from './csv.ts'
import { foldPurpose } from '../goods-regex.ts'
import { emptyResult, type ParseResult } from './types.ts'
import { pushAll } from '../../util/array.ts'

function header(fields: string[]): Map<string, number> {
  return new Map(fields.map((h, i) => [h.trim().toLowerCase(), i]))
}

export function parseGoodsHs(text: string): ParseResult {
  const out = emptyResult()
  const { records, errors } = parseCsv(text)
  pushAll(out.errors, errors)
  const [head, ...rows] = records
  if (!head) return out
  const col = header(head.fields)
  const get = (f: string[], k: string) => (col.has(k) ? (f[col.get(k)!] ?? '').trim() : '')
  for (const r of rows) {
    const prefix = get(r.fields, 'hs_code').replace(/[.\s]/g, '')
    if (!/^\d{2,10}$/.test(prefix)) {
      out.errors.push({
        line: r.line,
        message: `field hs_code '${get(r.fields, 'hs_code')}' is not 2 to 10 digits`,
      })
      continue
    }
    const tier = get(r.fields, 'tier')
    if (!tier) {
      out.errors.push({ line: r.line, message: 'field tier is empty' })
      continue
    }
    out.codes.push({
      prefix,
      tier,
      category: get(r.fields, 'category') || `chpl-tier-${tier}`,
      description: get(r.fields, 'description'),
      line: r.line,
    })
  }
  return out
}

export function parseGoodsLexicon(text: string): ParseResult {
  const out = emptyResult()
  const { records, errors } = parseCsv(text)
  pushAll(out.errors, errors)
  const [head, ...rows] = records
  if (!head) return out
  const col = header(head.fields)
  const get = (f: string[], k: string) => (col.has(k) ? (f[col.get(k)!] ?? '').trim() : '')
  for (const r of rows) {
    const term = foldPurpose(get(r.fields, 'term'))
    const category = get(r.fields, 'category')
    if (!term || !category) {
      out.errors.push({ line: r.line, message: `field ${!term ? 'term' : 'category'} is empty` })
      continue
    }
    const generic = /^(true|1|yes)$/i.test(get(r.fields, 'generic')) || category === 'generic'
    out.terms.push({
      term,
      lang: get(r.fields, 'lang'),
      category,
      tier: get(r.fields, 'tier') || '',
      generic,
      line: r.line,
    })
  }
  return out
}
