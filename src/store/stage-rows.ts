// Lands rows built in JavaScript in a temporary table of a connection through the Appender's
// DataChunks, column by column: the staged batch a single `insert … select` then writes (the scan's
// alerts, their versions, transfers and audit rows; account tables). Parsing one JSON document per
// batch cost a JSON parse per field per row (`r->>'x'` parses r again): about 1,000 alerts a second.
import { DuckDBDataChunk, DOUBLE, INTEGER, VARCHAR, type DuckDBValue } from '@duckdb/node-api'
import { connOf, type Queries } from './db.ts'
import { isRemoteColumns } from './bridge.ts'

/** Rows per DataChunk: DuckDB's vector size. */
const CHUNK = 2048

/** A staged column: text (null allowed), a double or a 32-bit integer (null allowed). */
export type StagedColumn =
  | { kind: 'str'; values: readonly (string | null)[] }
  | { kind: 'f64'; values: ArrayLike<number | null> }
  | { kind: 'i32'; values: ArrayLike<number | null> }

const TYPES = { str: VARCHAR, f64: DOUBLE, i32: INTEGER } as const

/**
 * Appends the columns (equal lengths, in the table's column order) to the temporary table `table`
 * of q's connection, which a named query created first; the rows belong to q's transaction. On a
 * bridged store (a worker thread) the owning thread appends them. Returns the number of rows.
 */
export async function appendRows(
  q: Queries,
  table: string,
  columns: readonly StagedColumn[],
): Promise<number> {
  const rows = columns.length ? columns[0].values.length : 0
  for (const c of columns)
    if (c.values.length !== rows)
      throw new Error(`staged columns of ${table} differ in length (${c.values.length} ≠ ${rows})`)
  if (!rows) return 0
  const conn: unknown = connOf(q)
  if (isRemoteColumns(conn) && conn.append) return conn.append(table, columns)
  return connOf(q).exclusive(async (raw) => {
    const appender = await raw.createAppender(table, 'main', 'temp')
    try {
      const types = columns.map((c) => TYPES[c.kind])
      for (let start = 0; start < rows; start += CHUNK) {
        const end = Math.min(rows, start + CHUNK)
        const chunk = DuckDBDataChunk.create(types, end - start)
        chunk.setColumns(columns.map((c) => slice(c, start, end)))
        appender.appendDataChunk(chunk)
      }
      appender.flushSync()
    } finally {
      appender.closeSync()
    }
    return rows
  })
}

function slice(c: StagedColumn, start: number, end: number): DuckDBValue[] {
  const out = new Array<DuckDBValue>(end - start)
  for (let i = start; i < end; i++) out[i - start] = c.values[i] ?? null
  return out
}
