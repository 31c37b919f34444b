// Rows back from DuckDB as plain JSON-safe objects: exact decimals stay strings, BIGINT counts become
// numbers when they fit, TIMESTAMP becomes ISO 8601 UTC with its microseconds ('…T10:00:00.123456Z').
// A result is converted chunk by chunk (2,048 rows) as it is fetched: each fetch gives the event
// loop back, so a large result (the server reading a window's parties for a scan on its worker
// thread) never holds it for the whole conversion.
import {
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBResult,
  type DuckDBType,
} from '@duckdb/node-api'

export type Row = Record<string, unknown>

const BIGINTS = new Set<number>([DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UBIGINT])

export function isoTimestamp(duck: string): string {
  // DuckDB prints 'YYYY-MM-DD HH:MM:SS[.ffffff]'; stored timestamps are UTC by convention.
  return duck.replace(' ', 'T') + 'Z'
}

/** The rows of a result, as DuckDB's JSON conversion gives them with the fixes above. */
export async function rowsOf(result: DuckDBResult): Promise<Row[]> {
  const types: DuckDBType[] = result.columnTypes()
  const names = result.deduplicatedColumnNames()
  const fix: Array<(v: unknown) => unknown> = types.map((t) =>
    BIGINTS.has(t.typeId)
      ? (v) => (typeof v === 'string' ? toNumber(v) : v)
      : t.typeId === DuckDBTypeId.TIMESTAMP
        ? (v) => (typeof v === 'string' ? isoTimestamp(v) : v)
        : (v) => v,
  )
  const rows: Row[] = []
  for (;;) {
    const chunk = await result.fetchChunk()
    if (!chunk || chunk.rowCount === 0) break
    for (let i = 0; i < chunk.rowCount; i++) {
      const row: Row = {}
      chunk.visitRowValues(i, (value, _row, c, type) => {
        const v = JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter)
        row[names[c]] = v === null || v === undefined ? v : fix[c](v)
      })
      rows.push(row)
    }
  }
  return rows
}

function toNumber(s: string): number | string {
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : s
}
