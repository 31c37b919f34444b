// The canonical staged record as an Apache Arrow batch: source_row (Int64), the canonical transfer
// columns as text, and `extra` (JSON text of the columns beyond the canonical record). Every reader
// yields these batches; values stay text until SQL validates and types them.
import {
  Field,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Utf8,
  makeData,
  vectorFromArray,
} from 'apache-arrow'
import { TRANSFER_COLUMNS, type TransferColumn } from '../schema/transfer.ts'
import type { ReasonCode } from './quarantine.ts'

export const STAGED_COLUMNS = ['source_row', ...TRANSFER_COLUMNS, 'extra'] as const

export const STAGED_SCHEMA = new Schema([
  new Field('source_row', new Int64(), false),
  ...TRANSFER_COLUMNS.map((c) => new Field(c, new Utf8(), true)),
  new Field('extra', new Utf8(), true),
])

/** A row that could not be read into fields at all; it goes to quarantine as it is. */
export interface Reject {
  source_row: number
  column_name: string | null
  raw_value: string | null
  /** One of REASON_CODES: a reader that gives another code does not type-check. */
  reason_code: ReasonCode
  reason: string
  raw_row: string | null
}

/** A whole row refused by a reader (line, reason code, plain reason, the row as it was). */
export function rowReject(line: number, code: ReasonCode, reason: string, raw: string): Reject {
  return {
    source_row: line,
    column_name: null,
    raw_value: null,
    reason_code: code,
    reason,
    raw_row: raw,
  }
}

export type RowValues = Partial<Record<TransferColumn, string | null>>

/** Accumulates rows column-wise and emits a RecordBatch every `size` rows. */
export class BatchBuilder {
  private rows: number[] = []
  private cols: (string | null)[][] = TRANSFER_COLUMNS.map(() => [])
  private extra: (string | null)[] = []
  constructor(readonly size = 65_536) {}

  get length(): number {
    return this.rows.length
  }

  /** Adds one row; `extra` is a JSON object text or null. */
  add(sourceRow: number, values: RowValues, extra: string | null = null): void {
    this.rows.push(sourceRow)
    TRANSFER_COLUMNS.forEach((c, i) => this.cols[i].push(values[c] ?? null))
    this.extra.push(extra)
  }

  /** Adds one row given as positional text values (index per canonical column, -1 absent). */
  addPositional(sourceRow: number, fields: string[], index: Int32Array, extra: string | null) {
    this.rows.push(sourceRow)
    for (let i = 0; i < index.length; i++) this.cols[i].push(index[i] < 0 ? null : fields[index[i]])
    this.extra.push(extra)
  }

  full(): boolean {
    return this.rows.length >= this.size
  }

  /** The rows so far as a batch (or null when empty); the builder starts over. */
  flush(): RecordBatch | null {
    if (!this.rows.length) return null
    const batch = stagedBatch(this.rows, this.cols, this.extra)
    this.rows = []
    this.cols = TRANSFER_COLUMNS.map(() => [])
    this.extra = []
    return batch
  }
}

export function stagedBatch(
  rows: number[],
  cols: (string | null)[][],
  extra: (string | null)[],
): RecordBatch {
  const children = [
    makeData({
      type: new Int64(),
      length: rows.length,
      nullCount: 0,
      data: BigInt64Array.from(rows, (r) => BigInt(r)),
    }),
    ...cols.map((c) => vectorFromArray(c, new Utf8()).data[0]),
    vectorFromArray(extra, new Utf8()).data[0],
  ]
  const data = makeData({
    type: new Struct(STAGED_SCHEMA.fields),
    length: rows.length,
    nullCount: 0,
    children,
  })
  return new RecordBatch(STAGED_SCHEMA, data)
}
