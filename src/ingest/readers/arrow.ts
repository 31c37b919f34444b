// Arrow IPC reader (file or stream format, told apart by its magic): each record batch becomes a
// canonical batch, columns matched by name (case-insensitive), values as text (see arrow-text.ts).
// source_row is the 1-based row number in the file.
import { open } from 'node:fs/promises'
import {
  DataType,
  Int64,
  RecordBatch,
  RecordBatchReader,
  Struct,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type Vector,
} from 'apache-arrow'
import { TRANSFER_COLUMNS } from '../../schema/transfer.ts'
import { UnreadableFileError } from '../../util/errors.ts'
import { STAGED_SCHEMA, stagedBatch } from '../arrow-batch.ts'
import { extraJson, mapColumns } from '../columns.ts'
import { vectorText } from './arrow-text.ts'

/** Canonical batches from text columns of one source batch. */
export function canonicalFromText(
  names: string[],
  columns: (string | null)[][],
  firstRow: number,
  file: string,
): RecordBatch {
  const m = mapColumns(names, file)
  const n = columns[0]?.length ?? 0
  const rows = Array.from({ length: n }, (_, i) => firstRow + i)
  const cols = TRANSFER_COLUMNS.map((_, c) =>
    m.index[c] < 0 ? new Array<string | null>(n).fill(null) : columns[m.index[c]],
  )
  const extra = new Array<string | null>(n)
  const row = new Array<string | null>(names.length)
  for (let i = 0; i < n; i++) {
    if (m.extra.length) {
      for (const e of m.extra) row[e.index] = columns[e.index][i]
      extra[i] = extraJson(m.extra, row)
    } else extra[i] = null
  }
  return stagedBatch(rows, cols, extra)
}

/**
 * A canonical batch from one source batch. Utf8 columns are passed through without copying; other
 * types are turned into text (arrow-text.ts); extra columns become JSON text per row.
 */
export function canonicalFromArrow(
  batch: RecordBatch,
  firstRow: number,
  file: string,
): RecordBatch {
  const names = batch.schema.fields.map((f) => f.name)
  const m = mapColumns(names, file)
  const n = batch.numRows
  const child = (i: number): Data => {
    const v = batch.getChildAt(i)! as Vector
    if (DataType.isUtf8(v.type) && v.data.length === 1) return v.data[0]
    return vectorFromArray(vectorText(v), new Utf8()).data[0]
  }
  const rows = new BigInt64Array(n)
  for (let i = 0; i < n; i++) rows[i] = BigInt(firstRow + i)
  let extra: Data
  if (m.extra.length) {
    const texts = m.extra.map((e) => vectorText(batch.getChildAt(e.index)!))
    const row = new Array<string | null>(names.length)
    const json = new Array<string | null>(n)
    for (let i = 0; i < n; i++) {
      m.extra.forEach((e, k) => (row[e.index] = texts[k][i]))
      json[i] = extraJson(m.extra, row)
    }
    extra = vectorFromArray(json, new Utf8()).data[0]
  } else
    extra = makeData({
      type: new Utf8(),
      length: n,
      nullCount: n,
      nullBitmap: new Uint8Array((n + 7) >> 3),
    })
  const children = [
    makeData({ type: new Int64(), length: n, nullCount: 0, data: rows }),
    ...TRANSFER_COLUMNS.map((_, c) =>
      m.index[c] < 0
        ? makeData({
            type: new Utf8(),
            length: n,
            nullCount: n,
            nullBitmap: new Uint8Array((n + 7) >> 3),
          })
        : child(m.index[c]),
    ),
    extra,
  ]
  return new RecordBatch(
    STAGED_SCHEMA,
    makeData({ type: new Struct(STAGED_SCHEMA.fields), length: n, nullCount: 0, children }),
  )
}

export async function* readArrow(path: string): AsyncGenerator<RecordBatch> {
  let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>
  try {
    // a file handle gives the reader random access: an IPC file is read batch by batch through its
    // footer instead of being buffered whole (a stream reads front to back either way)
    reader = await RecordBatchReader.from(await open(path, 'r'))
    await reader.open()
  } catch (e) {
    throw new UnreadableFileError(
      `${path}: not an Arrow IPC file or stream: ${(e as Error).message}`,
      {
        file: path,
      },
    )
  }
  let row = 1
  for await (const batch of reader as AsyncIterable<RecordBatch>) {
    if (batch.numRows) yield canonicalFromArrow(batch, row, path)
    row += batch.numRows
  }
}
