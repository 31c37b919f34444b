// Reading the quarantine: the rows ingest refused, with their file, line, field, raw value and
// reason, for the data engineer who repairs and resubmits them.
import { resolve } from 'node:path'
import type { Queries } from '../store/index.ts'
import type { Reject } from './batch.ts'

export interface QuarantineFilter {
  /** A file as given to ingest (resolved against the working directory too) or its SHA-256. */
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
  return { run: f.run ?? null, reason: f.reason ?? null }
}

/** The file filter's candidates: the text as given, and as a path resolved from here. */
function files(f: QuarantineFilter): (string | null)[] {
  if (f.file === undefined) return [null]
  const abs = resolve(f.file)
  return abs === f.file ? [f.file] : [f.file, abs]
}

export async function listQuarantine(q: Queries, f: QuarantineFilter): Promise<QuarantinedRow[]> {
  for (const file of files(f)) {
    const rows = await q.all<QuarantinedRow>('ingest/quarantine-list', {
      ...params(f),
      file,
      limit: f.limit ?? null,
    })
    if (rows.length || file === null)
      return rows.map((r) => ({ ...r, source_row: Number(r.source_row) }))
  }
  return []
}

export async function summarizeQuarantine(
  q: Queries,
  f: QuarantineFilter,
): Promise<QuarantineCount[]> {
  for (const file of files(f)) {
    const rows = await q.all<QuarantineCount>('ingest/quarantine-summary', { ...params(f), file })
    if (rows.length || file === null)
      return rows.map((r) => ({ ...r, n: Number(r.n), first_row: Number(r.first_row) }))
  }
  return []
}
