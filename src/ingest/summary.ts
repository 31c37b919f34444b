// What an ingest run reports, per file and in total (CLI --json, batch reports, runs.summary).
import { z } from 'zod'
import { InputFormat } from '../schema/transfer.ts'

export const FileStatus = z.enum(['landed', 'skipped_duplicate', 'failed'])
export type FileStatus = z.infer<typeof FileStatus>

export const FileResult = z.object({
  path: z.string(),
  /** SHA-256 of the file's bytes; null when the file could not be read. */
  file_id: z.string().nullable(),
  format: InputFormat.nullable(),
  status: FileStatus,
  rows_read: z.number().int().nonnegative(),
  rows_accepted: z.number().int().nonnegative(),
  rows_quarantined: z.number().int().nonnegative(),
  /** How the rows were staged: DuckDB's own reader or the Arrow lander. */
  engine: z.enum(['native', 'arrow']).optional(),
  seconds: z.number().nonnegative(),
  /** For skipped_duplicate: the path under which the same bytes were landed before. */
  duplicate_of: z.string().optional(),
  error: z.string().optional(),
  /** For failed: 2 when the file could not be read (bad input), 1 otherwise. */
  exit_code: z.number().int().optional(),
})
export type FileResult = z.infer<typeof FileResult>

export const IngestSummary = z.object({
  run_id: z.string(),
  files: z.array(FileResult),
  totals: z.object({
    files: z.number().int(),
    landed: z.number().int(),
    skipped_duplicate: z.number().int(),
    failed: z.number().int(),
    rows_read: z.number().int(),
    rows_accepted: z.number().int(),
    rows_quarantined: z.number().int(),
  }),
})
export type IngestSummary = z.infer<typeof IngestSummary>

export function totalsOf(files: FileResult[]): IngestSummary['totals'] {
  const sum = (k: 'rows_read' | 'rows_accepted' | 'rows_quarantined') =>
    files.reduce((a, f) => a + f[k], 0)
  return {
    files: files.length,
    landed: files.filter((f) => f.status === 'landed').length,
    skipped_duplicate: files.filter((f) => f.status === 'skipped_duplicate').length,
    failed: files.filter((f) => f.status === 'failed').length,
    rows_read: sum('rows_read'),
    rows_accepted: sum('rows_accepted'),
    rows_quarantined: sum('rows_quarantined'),
  }
}
