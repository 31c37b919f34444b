// A plain watch list: CSV with header `name,aliases,country,list` (optional `id`, `schema`,
// `address`); aliases, countries and addresses separated by ';' or '|'.
import { readCsvTable, splitMulti } from './csv.ts'
import { emptyResult, type ParseResult } from './types.ts'

export function parsePlainCsv(text: string): ParseResult {
  const out = emptyResult()
  const table = readCsvTable(text, out.errors)
  if (!table) return out
  const { head, rows, get } = table
  if (!table.has('name')) {
    out.errors.push({ line: head.line, message: 'header has no name column' })
    return out
  }
  for (const r of rows) {
    const wrongWidth = table.widthError(r)
    if (wrongWidth) {
      out.errors.push(wrongWidth)
      continue
    }
    const name = get(r.fields, 'name')
    if (!name) {
      out.errors.push({ line: r.line, message: 'field name is empty' })
      continue
    }
    const names = [{ name, kind: 'name' }]
    for (const a of splitMulti(get(r.fields, 'aliases'))) names.push({ name: a, kind: 'alias' })
    const list = get(r.fields, 'list')
    out.entries.push({
      id: get(r.fields, 'id') || `row-${r.line}`,
      schema: get(r.fields, 'schema') || 'LegalEntity',
      caption: name,
      names,
      countries: splitMulti(get(r.fields, 'country')).map((c) => c.toUpperCase()),
      topics: ['sanction'],
      programs: list ? [list] : [],
      addresses: splitMulti(get(r.fields, 'address') || get(r.fields, 'addresses')),
      line: r.line,
    })
  }
  return out
}
