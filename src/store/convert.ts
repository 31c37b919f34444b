// Rows back from DuckDB as plain JSON-safe objects: exact decimals stay strings, BIGINT counts become
// numbers when they fit, TIMESTAMP becomes ISO 8601 UTC with its microseconds ('…T10:00:00.123456Z').
import { DuckDBTypeId, type DuckDBResultReader, type DuckDBType } from '@duckdb/node-api'

export type Row = Record<string, unknown>

const BIGINTS = new Set<number>([DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UBIGINT])

export function isoTimestamp(duck: string): string {
  // DuckDB prints 'YYYY-MM-DD HH:MM:SS[.ffffff]'; stored timestamps are UTC by convention.
  return duck.replace(' ', 'T') + 'Z'
}

export function rowsOf(result: DuckDBResultReader): Row[] {
  const rows = result.getRowObjectsJson() as Row[]
  const types: DuckDBType[] = result.columnTypes()
  const names = result.columnNames()
  const fix: Array<[string, (v: unknown) => unknown]> = []
  types.forEach((t, i) => {
    if (BIGINTS.has(t.typeId))
      fix.push([names[i], (v) => (typeof v === 'string' ? toNumber(v) : v)])
    else if (t.typeId === DuckDBTypeId.TIMESTAMP)
      fix.push([names[i], (v) => (typeof v === 'string' ? isoTimestamp(v) : v)])
  })
  if (fix.length)
    for (const r of rows)
      for (const [k, f] of fix) if (r[k] !== null && r[k] !== undefined) r[k] = f(r[k])
  return rows
}

function toNumber(s: string): number | string {
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : s
}
