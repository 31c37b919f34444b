// GET /api/runs: the runs, landed files, quarantine by reason, transfers and alerts per day.
import { z } from 'zod'

export const RunRow = z.object({
  run_id: z.string(),
  kind: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  status: z.string(),
  /** The run's summary as it recorded it (ingest, scan or batch figures). */
  summary: z.unknown(),
  duration_ms: z.number().nullable(),
})
export type RunRow = z.infer<typeof RunRow>

export const FileRow = z.object({
  file_id: z.string(),
  /** Absolute for admins, the file's name for every other role. */
  path: z.string(),
  format: z.string(),
  size_bytes: z.number(),
  rows_read: z.number(),
  rows_accepted: z.number(),
  rows_quarantined: z.number(),
  run_id: z.string(),
  ingested_at: z.string(),
})
export type FileRow = z.infer<typeof FileRow>

export const RunsOverview = z.object({
  runs: z.array(RunRow),
  files: z.array(FileRow),
  quarantine: z.array(z.object({ reason_code: z.string(), n: z.number(), files: z.number() })),
  transfers_per_day: z.array(z.object({ day: z.string(), n: z.number(), amount: z.string() })),
  alerts_per_day: z.array(z.object({ day: z.string(), typology: z.string(), n: z.number() })),
  alert_status: z.array(z.object({ status: z.string(), n: z.number() })),
})
export type RunsOverview = z.infer<typeof RunsOverview>
