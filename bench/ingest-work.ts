// The work behind bench/ingest.ts: generating canonical files, and the measured jobs (ringwatch's
// ingest and the floors), each run in its own child process on a fresh file database.
import { createWriteStream, rmSync } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import {
  RecordBatchFileWriter,
  RecordBatchReader,
  Utf8,
  vectorFromArray,
  makeData,
  Struct,
  Field,
  Schema,
  RecordBatch,
} from 'apache-arrow'
import { open } from 'node:fs/promises'
import { appendArrow, openStore, parquetTextChunks } from '../src/store/index.ts'
import './bench-queries.ts'
import { ingestPaths } from '../src/ingest/index.ts'
import { IngestConfig } from '../src/ingest/config.ts'
import { TRANSFER_COLUMNS } from '../src/schema/transfer.ts'

export type Mode = 'ringwatch' | 'floor-csv' | 'floor-parquet' | 'floor-append'

export async function generateFiles(
  dir: string,
  n: number,
  formats: readonly string[],
): Promise<Record<string, string>> {
  const store = await openStore({ path: ':memory:' })
  const out: Record<string, string> = {}
  try {
    // the rows' SQL is in bench/queries/ingest-*.sql
    await store.run('bench/ingest-de-check')
    await store.run('bench/ingest-gen-create', { n })
    if (formats.includes('csv')) {
      out.csv = join(dir, `rows-${n}.csv`)
      await store.run('bench/ingest-gen-csv', { path: out.csv })
    }
    // the Arrow file is written from the Parquet one, read back as text chunks
    const parquet = formats.includes('parquet')
      ? join(dir, `rows-${n}.parquet`)
      : formats.includes('arrow')
        ? join(dir, `rows-${n}.for-arrow.parquet`)
        : undefined
    if (parquet) await store.run('bench/ingest-gen-parquet', { path: parquet })
    if (formats.includes('parquet') && parquet) out.parquet = parquet
    if (formats.includes('arrow') && parquet) {
      out.arrow = join(dir, `rows-${n}.arrow`)
      const schema = new Schema(TRANSFER_COLUMNS.map((c) => new Field(c, new Utf8(), true)))
      const writer = RecordBatchFileWriter.throughNode()
      const file = createWriteStream(out.arrow)
      writer.pipe(file)
      let cols: (string | null)[][] = TRANSFER_COLUMNS.map(() => [])
      const flush = () => {
        const len = cols[0].length
        if (!len) return
        const data = makeData({
          type: new Struct(schema.fields),
          length: len,
          nullCount: 0,
          children: cols.map((c) => vectorFromArray(c, new Utf8()).data[0]),
        })
        writer.write(new RecordBatch(schema, data))
        cols = TRANSFER_COLUMNS.map(() => [])
      }
      for await (const chunk of parquetTextChunks(store, parquet)) {
        chunk.columns.forEach((c, i) => {
          for (const v of c) cols[i].push(v)
        })
        if (cols[0].length >= 65_536) flush()
      }
      flush()
      writer.end()
      await once(file, 'close')
      if (!formats.includes('parquet')) rmSync(parquet)
    }
  } finally {
    await store.close()
  }
  return out
}

export async function runChild(
  mode: Mode,
  file: string,
  db: string,
): Promise<{ seconds: number; rows: number }> {
  const store = await openStore({ path: db })
  try {
    const t0 = performance.now()
    let rows = 0
    if (mode === 'ringwatch') {
      const s = await ingestPaths(store, [file], { config: IngestConfig.parse({}) })
      if (s.totals.failed) throw new Error(JSON.stringify(s.files))
      rows = s.totals.rows_accepted
    } else if (mode === 'floor-append') {
      await store.run('bench/ingest-floor-text-table')
      const reader = await RecordBatchReader.from(await open(file, 'r'))
      rows = await appendArrow(store, 'p', reader as AsyncIterable<RecordBatch>)
      await store.checkpoint()
    } else {
      await store.run('bench/ingest-floor-table')
      rows = await store.run(`bench/ingest-${mode}`, { f: file })
      await store.checkpoint()
    }
    return { seconds: (performance.now() - t0) / 1000, rows }
  } finally {
    await store.close()
  }
}
