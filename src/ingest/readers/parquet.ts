// Parquet reader: DuckDB's read_parquet streamed chunk by chunk into canonical Arrow batches (the
// ingest itself stages Parquet natively; this reader serves callers that want the batches).
import type { RecordBatch } from 'apache-arrow'
import { parquetTextChunks } from '../../store/index.ts'
import type { Queries } from '../../store/index.ts'
import { canonicalFromText } from './arrow.ts'

export async function* readParquet(q: Queries, path: string): AsyncGenerator<RecordBatch> {
  let row = 1
  for await (const { names, columns } of parquetTextChunks(q, path)) {
    const batch = canonicalFromText(names, columns, row, path)
    row += batch.numRows
    yield batch
  }
}
