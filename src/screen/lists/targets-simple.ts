// OpenSanctions targets.simple.csv: a header row (id, schema, name, aliases, countries, sanctions,
// addresses, identifiers, program_ids, dataset …); multi-valued cells separated by ';'.
import { readCsvTable, splitMulti } from './csv.ts'
import { identifierKey } from './remarks.ts'
import { emptyResult, type ParseResult } from './types.ts'

export function parseTargetsSimple(text: string): ParseResult {
  const out = emptyResult()
  const table = readCsvTable(text, out.errors)
  if (!table) return out
  const { rows, get } = table
  for (const r of rows) {
    const wrongWidth = table.widthError(r, true)
    if (wrongWidth) {
      out.errors.push(wrongWidth)
      continue
    }
    const id = get(r.fields, 'id')
    const name = get(r.fields, 'name')
    if (!id || !name) {
      out.errors.push({ line: r.line, message: `field ${!id ? 'id' : 'name'} is empty` })
      continue
    }
    const names = [{ name, kind: 'name' }]
    for (const a of splitMulti(get(r.fields, 'aliases'), /;/))
      names.push({ name: a, kind: 'alias' })
    const sanctions = get(r.fields, 'sanctions')
    out.entries.push({
      id,
      schema: get(r.fields, 'schema') || 'LegalEntity',
      caption: name,
      names,
      countries: splitMulti(get(r.fields, 'countries'), /;/).map((c) => c.toUpperCase()),
      topics: sanctions ? ['sanction'] : [],
      birthDates: splitMulti(get(r.fields, 'birth_date'), /;/),
      addresses: splitMulti(get(r.fields, 'addresses'), /;/),
      identifiers: splitMulti(get(r.fields, 'identifiers'), /;/)
        .map(identifierKey)
        .filter((x) => x.length >= 5),
      programs: [
        ...splitMulti(get(r.fields, 'program_ids'), /;/),
        ...splitMulti(get(r.fields, 'dataset'), /;/),
      ],
      line: r.line,
    })
  }
  return out
}
