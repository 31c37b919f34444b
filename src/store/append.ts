// Lands Apache Arrow record batches in a DuckDB table through the Appender's DataChunks: the one
// path by which rows built in JavaScript (ingest readers) enter the database.
import { isAscii } from 'node:buffer'
import {
  DuckDBDataChunk,
  BIGINT,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api'
import { DataType, type Data, type RecordBatch, type Utf8, type Vector } from 'apache-arrow'
import { connOf, type Queries } from './db.ts'

/** Rows per DataChunk: DuckDB's vector size. */
const CHUNK = 2048

/** DuckDB type for an Arrow column: Int64 → BIGINT, everything else is landed as text. */
function duckType(v: Vector): DuckDBType {
  return DataType.isInt(v.type) ? BIGINT : VARCHAR
}

/**
 * The strings of one Utf8 Data: an all-ASCII value buffer is decoded once and sliced (byte offsets
 * are character offsets), otherwise each value is decoded on its own.
 */
function utf8Strings(d: Data<Utf8>, out: DuckDBValue[], at: number): void {
  const offsets = d.valueOffsets
  const bytes = d.values
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const first = offsets[d.offset]
  const last = offsets[d.offset + d.length]
  const hasNulls = d.nullCount > 0
  if (isAscii(buf.subarray(first, last))) {
    const all = buf.toString('latin1', first, last)
    for (let i = 0; i < d.length; i++)
      out[at + i] =
        hasNulls && !d.getValid(i)
          ? null
          : all.substring(offsets[d.offset + i] - first, offsets[d.offset + i + 1] - first)
  } else {
    for (let i = 0; i < d.length; i++)
      out[at + i] =
        hasNulls && !d.getValid(i)
          ? null
          : buf.toString('utf8', offsets[d.offset + i], offsets[d.offset + i + 1])
  }
}

function columnValues(v: Vector): DuckDBValue[] {
  const out = new Array<DuckDBValue>(v.length)
  if (DataType.isUtf8(v.type)) {
    let at = 0
    for (const d of v.data as Data<Utf8>[]) {
      utf8Strings(d, out, at)
      at += d.length
    }
  } else if (DataType.isInt(v.type)) {
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
  const raw = connOf(q).raw
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
