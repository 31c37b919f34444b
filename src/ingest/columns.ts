// Maps a file's column names onto the canonical record: names are trimmed and case-insensitive, in
// any order; columns beyond the canonical record are kept (as JSON) in `extra`.
import { REQUIRED_COLUMNS, TRANSFER_COLUMNS, type TransferColumn } from '../schema/transfer.ts'
import { UnreadableFileError } from '../util/errors.ts'
import type { ColumnMap } from '../store/index.ts'

const CANONICAL = new Set<string>(TRANSFER_COLUMNS)

export interface MappedColumns extends ColumnMap {
  /** Per canonical column (TRANSFER_COLUMNS order), its index in the file or -1. */
  index: Int32Array
}

/** Maps header names; a missing required column or a repeated canonical one makes the file unreadable. */
export function mapColumns(names: string[], file: string): MappedColumns {
  const fields: ColumnMap['fields'] = {}
  const extra: ColumnMap['extra'] = []
  names.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, '').trim()
    const key = name.toLowerCase()
    if (CANONICAL.has(key)) {
      const c = key as TransferColumn
      if (fields[c] !== undefined)
        throw new UnreadableFileError(`${file}: column ${c} appears twice in the header`, {
          file,
          field: c,
        })
      fields[c] = i
    } else extra.push({ name, index: i })
  })
  const missing = REQUIRED_COLUMNS.filter((c) => fields[c] === undefined)
  if (missing.length)
    throw new UnreadableFileError(
      `${file}: header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(found: ${names.join(', ')})`,
      { file, field: missing[0] },
    )
  const index = Int32Array.from(TRANSFER_COLUMNS, (c) => fields[c] ?? -1)
  return { fields, extra, index }
}

/** The extra columns of one row as JSON text (empty values as null), or null when there are none. */
export function extraJson(extra: ColumnMap['extra'], values: (string | null)[]): string | null {
  if (!extra.length) return null
  const o: Record<string, string | null> = {}
  for (const e of extra) {
    const v = values[e.index]
    o[e.name] = v === undefined || v === '' ? null : v
  }
  return JSON.stringify(o)
}
