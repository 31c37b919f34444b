// Arrow IPC reader (file or stream format, told apart by its magic): each record batch becomes a
// canonical batch, columns matched by name (case-insensitive), values as text (see arrow-text.ts).
// source_row is the 1-based row number in the file.
import { createReadStream } from 'node:fs'
import { RecordBatchReader, type RecordBatch } from 'apache-arrow'
import { TRANSFER_COLUMNS } from '../../schema/transfer.ts'
import { UnreadableFileError } from '../../util/errors.ts'
import { stagedBatch } from '../batch.ts'
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

export async function* readArrow(path: string): AsyncGenerator<RecordBatch> {
  let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>
  try {
    reader = await RecordBatchReader.from(createReadStream(path))
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
    const names = batch.schema.fields.map((f) => f.name)
    const columns = names.map((_, i) => vectorText(batch.getChildAt(i)!))
    yield canonicalFromText(names, columns, row, path)
    row += batch.numRows
  }
}
