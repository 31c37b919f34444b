// A small RFC 4180 CSV reader that keeps the line each record starts on, so that a malformed row can
// be reported by line. An unterminated quote ends the file's records with an error, never a throw.

export interface CsvRecord {
  line: number
  fields: string[]
}

export interface CsvResult {
  records: CsvRecord[]
  errors: Array<{ line: number; message: string }>
}

export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = []
  const errors: CsvResult['errors'] = []
  let line = 1
  let start = 1
  let fields: string[] = []
  let field = ''
  let quoted = false
  let inQuotes = false
  const n = text.length
  const endRecord = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) records.push({ line: start, fields })
    fields = []
    field = ''
    quoted = false
  }
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < n; i++) {
    const c = text[i]
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else inQuotes = false
      } else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"' && field.trim() === '') {
      inQuotes = true
      quoted = true
      field = ''
    } else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n') {
      endRecord()
      line++
      start = line
    } else if (c !== '\r') field += c
  }
  if (inQuotes) errors.push({ line: start, message: 'unterminated quoted field' })
  else if (field !== '' || fields.length) endRecord()
  return { records, errors }
}

/** Splits a multi-value cell ('a;b', 'a|b') into trimmed non-empty values. */
export function splitMulti(cell: string | undefined, sep = /[;|]/): string[] {
  if (!cell) return []
  return cell
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A CSV list with a header row: its data rows, and a row's field by column name. */
export interface CsvTable {
  head: CsvRecord
  rows: CsvRecord[]
  /** The header names this column (names compare trimmed and in lower case). */
  has(column: string): boolean
  /** The row's field of this column, trimmed; '' when the header or the row lacks it. */
  get(fields: string[], column: string): string
  /**
   * The row error of a record with more fields than the header (`exact`: a number of fields other
   * than the header's); null when its width is right.
   */
  widthError(r: CsvRecord, exact?: boolean): { line: number; message: string } | null
}

/**
 * Reads a list file that starts with a header row; its CSV errors are added to `errors`. Null when
 * the file holds no record at all.
 */
export function readCsvTable(text: string, errors: CsvResult['errors']): CsvTable | null {
  const csv = parseCsv(text)
  for (const e of csv.errors) errors.push(e)
  const [head, ...rows] = csv.records
  if (!head) return null
  const col = new Map(head.fields.map((h, i) => [h.trim().toLowerCase(), i]))
  return {
    head,
    rows,
    has: (column) => col.has(column),
    get: (fields, column) => {
      const i = col.get(column)
      return i === undefined ? '' : (fields[i] ?? '').trim()
    },
    widthError: (r, exact = false) =>
      r.fields.length > head.fields.length || (exact && r.fields.length !== head.fields.length)
        ? {
            line: r.line,
            message: `expected ${head.fields.length} fields, found ${r.fields.length}`,
          }
        : null,
  }
}
