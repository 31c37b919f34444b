// The work behind bench/ingest.ts: generating canonical files, and the measured jobs (ringwatch's
// ingest and the floors), each run in its own child process on a fresh file database.
import { createWriteStream } from 'node:fs'
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
import { openStore } from '../src/store/index.ts'
import { appendArrow } from '../src/store/index.ts'
import { ingestPaths } from '../src/ingest/index.ts'
import { IngestConfig } from '../src/ingest/config.ts'
import { TRANSFER_COLUMNS } from '../src/schema/transfer.ts'

export type Mode = 'ringwatch' | 'floor-csv' | 'floor-parquet' | 'floor-append'

/**
 * Check digits of a German IBAN (18-digit BBAN) in bigint arithmetic: the BBAN mod 97, then 'DE00'
 * as digits (131400) appended; 98 minus the remainder.
 */
const DE_CHECK = `create or replace temp macro de_check(bban) as lpad((98 - (((substr(bban, 1, 15)::bigint
  % 97) * 1000 + substr(bban, 16, 3)::bigint) % 97 * 1000000 + 131400) % 97)::varchar, 2, '0')`

/** Canonical rows: valid IBANs (check digits computed), BICs, HS codes; all unique tx_ids. */
const ROWS_SQL = `
  with r as (
    select i,
      '37040044' || lpad((i % 200000)::varchar, 10, '0') as bban_d,
      '50010517' || lpad(((i * 7 + 13) % 200000)::varchar, 10, '0') as bban_c
    from range($n) t(i)
  )
  select
    'TX' || lpad(i::varchar, 11, '0') as tx_id,
    strftime(timestamp '2024-01-01' + to_microseconds(i * 2503), '%Y-%m-%dT%H:%M:%S.%fZ') as ts,
    ((i % 99991) + 1)::varchar || '.' || lpad((i % 100)::varchar, 2, '0') as amount,
    case when i % 10 = 0 then 'USD' else 'EUR' end as currency,
    'DE' || de_check(bban_d) || bban_d as debtor_account,
    'Company ' || (i % 200000) as debtor_name,
    'DE' as debtor_country,
    'COBADEFFXXX' as debtor_bank,
    'DE' || de_check(bban_c) || bban_c as creditor_account,
    'Trader ' || ((i * 7 + 13) % 200000) as creditor_name,
    case when i % 5 = 0 then 'AE' else 'DE' end as creditor_country,
    'DEUTDEFF' as creditor_bank,
    case when i % 3 = 0 then 'machine tool parts' else 'invoice ' || i end as purpose,
    case when i % 4 = 0 then '8457.10' else null end as hs_code
  from r`

export async function generateFiles(
  dir: string,
  n: number,
  formats: readonly string[],
): Promise<Record<string, string>> {
  const store = await openStore({ path: ':memory:' })
  const out: Record<string, string> = {}
  try {
    await store.conn.exclusive(async (raw) => {
      await raw.run(DE_CHECK)
      await raw.run(`create table gen as ${ROWS_SQL}`, { n })
      if (formats.includes('csv')) {
        out.csv = join(dir, `rows-${n}.csv`)
        await raw.run(`copy gen to '${out.csv}' (header, delimiter ',')`)
      }
      if (formats.includes('parquet')) {
        out.parquet = join(dir, `rows-${n}.parquet`)
        await raw.run(`copy gen to '${out.parquet}' (format parquet)`)
      }
    })
    if (formats.includes('arrow')) {
      out.arrow = join(dir, `rows-${n}.arrow`)
      const schema = new Schema(TRANSFER_COLUMNS.map((c) => new Field(c, new Utf8(), true)))
      const writer = RecordBatchFileWriter.throughNode()
      const file = createWriteStream(out.arrow)
      writer.pipe(file)
      const result = await store.conn.raw.stream('select * from gen')
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
      for (;;) {
        const chunk = await result.fetchChunk()
        if (!chunk || chunk.rowCount === 0) break
        chunk.getColumns().forEach((c, i) => {
          for (const v of c) cols[i].push(v === null ? null : String(v))
        })
        if (cols[0].length >= 65_536) flush()
      }
      flush()
      writer.end()
      await once(file, 'close')
    }
  } finally {
    await store.close()
  }
  return out
}

const TABLE = `create table p (tx_id varchar, ts timestamp, amount decimal(18, 2), currency varchar,
  debtor_account varchar, debtor_name varchar, debtor_country varchar, debtor_bank varchar,
  creditor_account varchar, creditor_name varchar, creditor_country varchar, creditor_bank varchar,
  purpose varchar, hs_code varchar)`
const TEXT_TABLE = `create table p (${TRANSFER_COLUMNS.map((c) => `${c} varchar`).join(', ')})`

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
      await store.conn.exclusive((raw) => raw.run(TEXT_TABLE))
      const reader = await RecordBatchReader.from(await open(file, 'r'))
      rows = await appendArrow(store, 'p', reader as AsyncIterable<RecordBatch>)
      await store.checkpoint()
    } else {
      const fn = mode === 'floor-csv' ? 'read_csv' : 'read_parquet'
      rows = await store.conn.exclusive(async (raw) => {
        await raw.run(TABLE)
        const r = await raw.run(`insert into p select * from ${fn}($f)`, { f: file })
        await raw.run('checkpoint')
        return Number(r.rowsChanged)
      })
    }
    return { seconds: (performance.now() - t0) / 1000, rows }
  } finally {
    await store.close()
  }
}
