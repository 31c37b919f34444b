// Reading the quarantine: the rows ingest refused, with their file, line, field, raw value and
// reason, for the data engineer who repairs and resubmits them.
import { resolve } from 'node:path'
import type { Queries } from '../store/index.ts'
import type { Reject } from './arrow-batch.ts'

/**
 * Every reason a row is quarantined for: the rules of the canonical record
 * (queries/ingest/checked-create.sql), then rows that could not be read into fields (readers).
 */
export const REASON_CODES = [
  'missing_field',
  'bad_timestamp',
  'future_timestamp',
  'bad_amount',
  'nonpositive_amount',
  'amount_too_large',
  'amount_scale',
  'unknown_currency',
  'bad_iban',
  'same_account',
  'bad_bic',
  'unknown_country',
  'bad_hs_code',
  'duplicate_tx_id',
  'tx_id_exists',
  'wrong_column_count',
  'unterminated_quote',
  'invalid_utf8',
  'bad_json',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

export interface QuarantineFilter {
  /** A file as given to ingest (from any directory: it is resolved) or its SHA-256. */
  file?: string
  run?: string
  reason?: string
  limit?: number
}

/** A quarantined row (as a reader's Reject or a broken rule left it) with its file and run. */
export interface QuarantinedRow extends Reject {
  path: string
  file_id: string
  run_id: string | null
}

export interface QuarantineCount {
  path: string
  file_id: string
  run_id: string | null
  reason_code: string
  n: number
  first_row: number
}

function params(f: QuarantineFilter) {
  return {
    file: f.file ?? null,
    path: f.file === undefined ? null : resolve(f.file),
    run: f.run ?? null,
    reason: f.reason ?? null,
  }
}

type PageRow = QuarantinedRow & { landed_at: string }

const FIRST = { after_at: '', after_file: '', after_row: -1, after_reason: '', after_column: '' }

async function page(q: Queries, f: QuarantineFilter, after: typeof FIRST, size: number) {
  return q.all<PageRow>('ingest/quarantine-page', { ...params(f), ...after, page: size })
}

function row({ landed_at: _, ...r }: PageRow): QuarantinedRow {
  return { ...r, source_row: Number(r.source_row) }
}

/** The first `f.limit` matching rows (all when no limit), oldest file first, then by line. */
export async function listQuarantine(q: Queries, f: QuarantineFilter): Promise<QuarantinedRow[]> {
  if (f.limit === undefined) {
    const all: QuarantinedRow[] = []
    for await (const r of eachQuarantined(q, f)) all.push(r)
    return all
  }
  return (await page(q, f, FIRST, f.limit)).map(row)
}

/** Every matching row in the same order, a page at a time (a file may have millions). */
export async function* eachQuarantined(
  q: Queries,
  f: QuarantineFilter,
  size = 10_000,
): AsyncGenerator<QuarantinedRow> {
  let after = FIRST
  for (;;) {
    const rows = await page(q, f, after, size)
    for (const r of rows) yield row(r)
    if (rows.length < size) return
    const last = rows[rows.length - 1]
    after = {
      after_at: last.landed_at,
      after_file: last.file_id,
      after_row: Number(last.source_row),
      after_reason: last.reason_code,
      after_column: last.column_name ?? '',
    }
  }
}

export async function summarizeQuarantine(
  q: Queries,
  f: QuarantineFilter,
): Promise<QuarantineCount[]> {
  const rows = await q.all<QuarantineCount>('ingest/quarantine-summary', params(f))
  return rows.map((r) => ({ ...r, n: Number(r.n), first_row: Number(r.first_row) }))
}
