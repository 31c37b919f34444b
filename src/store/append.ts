// Lands Apache Arrow record batches in a DuckDB table through the Appender's DataChunks: the one
// path by which rows built in JavaScript (ingest readers) enter the database.
import {
  DuckDBDataChunk,
  BIGINT,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api'
import { DataType, type RecordBatch, type Vector } from 'apache-arrow'
import type { Queries } from './db.ts'

/** Rows per DataChunk: DuckDB's vector size. */
const CHUNK = 2048

/** DuckDB type for an Arrow column: Int64 → BIGINT, everything else is landed as text. */
function duckType(v: Vector): DuckDBType {
  return DataType.isInt(v.type) ? BIGINT : VARCHAR
}

function columnValues(v: Vector): DuckDBValue[] {
  const out = new Array<DuckDBValue>(v.length)
  if (DataType.isInt(v.type)) {
    for (let i = 0; i < v.length; i++) {
      const x = v.get(i) as number | bigint | null
      out[i] = x === null ? null : BigInt(x)
    }
  } else {
    for (let i = 0; i < v.length; i++) out[i] = (v.get(i) as string | null) ?? null
  }
  return out
}

/**
 * Appends every batch to `table` (in `schema`: 'main' for persistent tables, or the temp catalog)
 * on the connection of `q`, so that the rows belong to q's transaction. Batch columns must match
 * the table's columns by position. Returns the number of rows appended.
 */
export async function appendArrow(
  q: Queries,
  table: string,
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  opts: { temp?: boolean; onRows?: (rows: number) => void } = {},
): Promise<number> {
  const raw = q.conn.raw
  const appender = opts.temp
    ? await raw.createAppender(table, 'main', 'temp')
    : await raw.createAppender(table)
  let total = 0
  try {
    for await (const batch of batches) {
      if (batch.numRows === 0) continue
      const vectors = batch.schema.fields.map((_, i) => batch.getChildAt(i)!)
      const types = vectors.map(duckType)
      const cols = vectors.map(columnValues)
      for (let start = 0; start < batch.numRows; start += CHUNK) {
        const end = Math.min(batch.numRows, start + CHUNK)
        const chunk = DuckDBDataChunk.create(types, end - start)
        chunk.setColumns(cols.map((c) => c.slice(start, end)))
        appender.appendDataChunk(chunk)
      }
      total += batch.numRows
      opts.onRows?.(total)
    }
    appender.flushSync()
  } finally {
    appender.closeSync()
  }
  return total
}
