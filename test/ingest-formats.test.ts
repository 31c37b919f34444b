// Every input format lands the same records identically: the same transfers written as CSV (two
// dialects), Parquet (text and typed columns), Arrow IPC file and stream, and JSON lines.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  Decimal,
  RecordBatch,
  Schema,
  Field,
  Struct,
  Table,
  TimestampMicrosecond,
  Utf8,
  makeData,
  tableFromArrays,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow'
import { withStore, type Store } from '../src/store/index.ts'
import {
  ingestPaths,
  IngestConfig,
  IngestSummary,
  readCsv,
  readParquet,
  type CsvEngine,
} from '../src/ingest/index.ts'
import { TRANSFER_COLUMNS } from '../src/schema/transfer.ts'
import { toCsv } from './ingest-helpers.ts'

const HEADER = [...TRANSFER_COLUMNS, 'branch_ref']
// prettier-ignore
const RECORDS: (string | null)[][] = [
  ['R1', '2024-05-01T10:15:00Z', '1500.00', 'EUR', 'DE89370400440532013000', 'Alpha GmbH', 'DE', 'COBADEFFXXX', 'GB82WEST12345698765432', 'Beta Ltd', 'GB', 'WESTGB2L', 'machine parts', '8457.10', 'B-7'],
  ['R2', '2024-05-01T12:00:00.123456+02:00', '99.5', 'USD', 'ACC-001', 'Gamma, "the" trader', 'US', null, 'ACC-002', 'Delta', 'AE', null, 'bearings; steel | grade A', null, null],
  ['R3', '2024-05-02T23:59:59.999999Z', '1000000', 'JPY', 'JP-77', 'Eta 株式会社', 'JP', 'MHCBJPJT', 'ACC-003', 'Zürich Präzision AG', 'CH', 'UBSWCHZH80A', 'CNC spindle\nline two', '84571000', 'x'],
  ['R4', '2024-05-03T08:00:00-05:00', '0.01', 'GBP', 'GB82WEST12345698765432', null, null, null, 'DE89370400440532013000', null, null, null, null, '8542', null],
]

// landed in UTC, microseconds kept (DuckDB's text form)
const EXPECTED_TS: Record<string, string> = {
  R1: '2024-05-01 10:15:00',
  R2: '2024-05-01 10:00:00.123456',
  R3: '2024-05-02 23:59:59.999999',
  R4: '2024-05-03 13:00:00',
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-formats-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type LandedRow = Record<string, unknown> & {
  tx_id: string
  ts: string
  amount: string
  debtor_name: string | null
  purpose: string | null
}

async function landed(store: Store): Promise<LandedRow[]> {
  const rows = await store.all('fixture/payments-fields')
  return rows.map((r) => {
    const row = { ...r, extra: r.extra ? JSON.parse(String(r.extra)) : null }
    return row as unknown as LandedRow
  })
}

async function ingestOne(file: string, engine: CsvEngine = 'auto', format?: 'arrow') {
  return withStore(async (store) => {
    const s = IngestSummary.parse(
      await ingestPaths(store, [file], {
        config: IngestConfig.parse({}),
        csvEngine: engine,
        format,
      }),
    )
    expect(s.files[0].status, s.files[0].error).toBe('landed')
    expect(s.files[0].rows_quarantined).toBe(0)
    return { summary: s, rows: await landed(store) }
  })
}

/** An Arrow file with a microsecond timestamp column and a 128-bit decimal(18, 2) amount. */
function typedArrow(file: string) {
  const micros = RECORDS.map((r) => {
    const iso = EXPECTED_TS[r[0]!].replace(' ', 'T')
    const [sec, frac = ''] = iso.split('.')
    return BigInt(Date.parse(sec + 'Z')) * 1000n + BigInt(frac.padEnd(6, '0'))
  })
  const cents = new Uint32Array(RECORDS.length * 4)
  RECORDS.forEach((r, i) => {
    const v = BigInt(Math.round(Number(r[2]) * 100))
    cents[i * 4] = Number(v & 0xffffffffn)
    cents[i * 4 + 1] = Number(v >> 32n)
  })
  const n = RECORDS.length
  const fields = HEADER.map((h) =>
    h === 'ts'
      ? new Field(h, new TimestampMicrosecond('UTC'), true)
      : h === 'amount'
        ? new Field(h, new Decimal(2, 18, 128), true)
        : new Field(h, new Utf8(), true),
  )
  const children = HEADER.map((h, c) =>
    h === 'ts'
      ? makeData({
          type: new TimestampMicrosecond('UTC'),
          length: n,
          nullCount: 0,
          data: BigInt64Array.from(micros),
        })
      : h === 'amount'
        ? makeData({ type: new Decimal(2, 18, 128), length: n, nullCount: 0, data: cents })
        : vectorFromArray(
            RECORDS.map((r) => r[c]),
            new Utf8(),
          ).data[0],
  )
  const schema = new Schema(fields)
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length: n, nullCount: 0, children }),
  )
  writeFileSync(file, tableToIPC(new Table([batch]), 'file'))
}

function writeAll(): Record<string, string> {
  const cols = Object.fromEntries(HEADER.map((h, i) => [h, RECORDS.map((r) => r[i])]))
  const files: Record<string, string> = {
    csv: join(dir, 'r.csv'),
    csv_dialect: join(dir, 'r-semicolon.csv'),
    arrow_file: join(dir, 'r.arrow'),
    arrow_stream: join(dir, 'r.arrows'),
    jsonl: join(dir, 'r.jsonl'),
  }
  writeFileSync(files.csv, toCsv(HEADER, RECORDS))
  // BOM, CRLF, semicolons, upper-case header in another order
  const order = [...HEADER].reverse()
  const perm = order.map((h) => HEADER.indexOf(h))
  writeFileSync(
    files.csv_dialect,
    '\uFEFF' +
      toCsv(
        order.map((h) => (h === 'branch_ref' ? h : h.toUpperCase())),
        RECORDS.map((r) => perm.map((i) => r[i])),
        ';',
        '\r\n',
      ),
  )
  const table = tableFromArrays(cols as Record<string, string[]>)
  writeFileSync(files.arrow_file, tableToIPC(table, 'file'))
  writeFileSync(files.arrow_stream, tableToIPC(table, 'stream'))
  writeFileSync(
    files.jsonl,
    RECORDS.map((r) => {
      const o: Record<string, unknown> = {}
      HEADER.forEach((h, i) => (o[h] = h === 'amount' ? Number(r[i]) : r[i]))
      return JSON.stringify(o).replace(
        /"amount":([0-9.]+)/,
        (_, n) => `"amount":${n === '1500' ? '1500.00' : n}`,
      )
    }).join('\n') + '\n',
  )
  return files
}

describe('every format lands the same records', () => {
  it('CSV, Parquet, Arrow file and stream, JSON lines', async () => {
    const files = writeAll()
    const reference = await ingestOne(files.csv)
    expect(reference.rows.map((r) => r.tx_id)).toEqual(['R1', 'R2', 'R3', 'R4'])
    expect(Object.fromEntries(reference.rows.map((r) => [r.tx_id, r.ts]))).toEqual(EXPECTED_TS)
    expect(reference.rows.map((r) => r.amount)).toEqual(['1500.00', '99.50', '1000000.00', '0.01'])
    expect(reference.rows[1].debtor_name).toBe('Gamma, "the" trader')
    expect(reference.rows[2].purpose).toBe('CNC spindle\nline two')
    expect(reference.rows[0].extra).toEqual({ branch_ref: 'B-7' })
    expect(reference.rows[3].extra).toEqual({ branch_ref: null })

    // Parquet, text and typed columns, written by DuckDB from the landed reference
    const pq = join(dir, 'r.parquet')
    const pqTyped = join(dir, 'r-typed.parquet')
    await withStore(async (store) => {
      await store.run('fixture/csv-to-parquet', { csv: files.csv, parquet: pq })
      await store.run('fixture/csv-to-parquet-typed', { csv: files.csv, parquet: pqTyped })
    })
    typedArrow(join(dir, 'typed.arrow'))
    const variants: Array<[string, string, CsvEngine?]> = [
      ['csv (JavaScript reader)', files.csv, 'js'],
      ['csv ; BOM CRLF', files.csv_dialect],
      ['csv ; BOM CRLF (JavaScript reader)', files.csv_dialect, 'js'],
      ['parquet', pq],
      ['parquet typed', pqTyped],
      ['arrow file', files.arrow_file],
      ['arrow stream', files.arrow_stream],
      ['arrow typed (timestamp µs, decimal)', join(dir, 'typed.arrow')],
      ['jsonl', files.jsonl],
    ]
    // the readers' Arrow batches themselves: Parquet (through DuckDB) and CSV yield the same rows
    const batchRows = async (batches: AsyncIterable<RecordBatch>) => {
      const out: Record<string, unknown>[] = []
      for await (const b of batches)
        for (let i = 0; i < b.numRows; i++) {
          const r = b.get(i)!.toJSON() as Record<string, unknown>
          for (const k of Object.keys(r)) if (r[k] === '') r[k] = null
          out.push(r)
        }
      return out
    }
    const fromCsv = await batchRows(readCsv(files.csv, { delim: ',', batchRows: 2, rejects: [] }))
    const fromParquet = await withStore((store) => batchRows(readParquet(store, pq)))
    expect(fromCsv).toHaveLength(RECORDS.length)
    expect(fromParquet.map((r) => ({ ...r, source_row: 0 }))).toEqual(
      fromCsv.map((r) => ({ ...r, source_row: 0 })),
    )
    for (const [name, file, engine] of variants) {
      const got = await ingestOne(file, engine)
      expect(got.rows, name).toEqual(reference.rows)
      expect(got.summary.files[0].rows_read, name).toBe(RECORDS.length)
    }
  })
})
