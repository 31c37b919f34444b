// Day-file writers: canonical CSV streamed to disk in 1 MB chunks, Arrow IPC (file format, all
// columns UTF-8 like the CSV), and Parquet converted from the CSV by DuckDB (store/copy.ts).
import { closeSync, openSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import {
  RecordBatch,
  Table,
  Utf8,
  makeData,
  Struct,
  Field,
  Schema,
  vectorFromArray,
  tableToIPC,
} from 'apache-arrow'
import { TRANSFER_COLUMNS } from '../schema/transfer.ts'
import { csvField, type Party } from './parties.ts'

export type OutFormat = 'csv' | 'parquet' | 'arrow'

export interface DaySink {
  add(
    txId: string,
    ts: string,
    amount: string,
    currency: string,
    debtor: Party,
    creditor: Party,
    purpose: string,
    hs: string,
  ): void
  close(): Promise<void>
}

export const CSV_HEADER = TRANSFER_COLUMNS.join(',') + '\n'

const CHUNK = 1 << 22

class CsvSink implements DaySink {
  private fd: number
  // Rows are encoded into one reused buffer: cheaper than growing and flattening a long string.
  private buf = Buffer.allocUnsafe(CHUNK)
  private off = 0
  constructor(path: string) {
    this.fd = openSync(path, 'w')
    this.off = this.buf.write(CSV_HEADER, 0)
  }
  add(
    txId: string,
    ts: string,
    amount: string,
    currency: string,
    d: Party,
    c: Party,
    purpose: string,
    hs: string,
  ): void {
    const row = `${txId},${ts},${amount},${currency},${d.csv},${c.csv},${purpose && csvField(purpose)},${hs}\n`
    if (this.off + row.length * 3 > CHUNK) this.flush()
    this.off += this.buf.write(row, this.off)
  }
  private flush(): void {
    if (this.off) writeSync(this.fd, this.buf, 0, this.off)
    this.off = 0
  }
  async close(): Promise<void> {
    this.flush()
    closeSync(this.fd)
  }
}

const BATCH = 65_536

class ArrowSink implements DaySink {
  private cols: string[][] = TRANSFER_COLUMNS.map(() => [])
  private batches: RecordBatch[] = []
  private schema = new Schema(TRANSFER_COLUMNS.map((n) => new Field(n, new Utf8(), true)))
  constructor(private path: string) {}
  add(
    txId: string,
    ts: string,
    amount: string,
    currency: string,
    d: Party,
    c: Party,
    purpose: string,
    hs: string,
  ): void {
    const v = [
      txId,
      ts,
      amount,
      currency,
      d.account,
      d.name,
      d.country,
      d.bank,
      c.account,
      c.name,
      c.country,
      c.bank,
      purpose,
      hs,
    ]
    for (let i = 0; i < v.length; i++) this.cols[i].push(v[i])
    if (this.cols[0].length >= BATCH) this.cut()
  }
  private cut(): void {
    const n = this.cols[0].length
    if (!n) return
    const children = this.cols.map((col) => vectorFromArray(col, new Utf8()).data[0])
    const data = makeData({
      type: new Struct(this.schema.fields),
      length: n,
      nullCount: 0,
      children,
    })
    this.batches.push(new RecordBatch(this.schema, data))
    this.cols = TRANSFER_COLUMNS.map(() => [])
  }
  async close(): Promise<void> {
    this.cut()
    writeFileSync(this.path, tableToIPC(new Table(this.schema, this.batches), 'file'))
  }
}

class ParquetSink implements DaySink {
  private csv: CsvSink
  private tmp: string
  /** Rows go to a CSV file beside the target; DuckDB turns it into Parquet on close. */
  readonly add: DaySink['add']
  constructor(private path: string) {
    this.tmp = `${path}.tmp.csv`
    this.csv = new CsvSink(this.tmp)
    this.add = this.csv.add.bind(this.csv)
  }
  async close(): Promise<void> {
    await this.csv.close()
    const { csvToParquet } = await import('../store/copy.ts')
    try {
      await csvToParquet(this.tmp, this.path)
    } finally {
      unlinkSync(this.tmp)
    }
  }
}

export function openDaySink(format: OutFormat, path: string): DaySink {
  if (format === 'csv') return new CsvSink(path)
  if (format === 'arrow') return new ArrowSink(path)
  return new ParquetSink(path)
}
