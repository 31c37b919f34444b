// Ingest settings (config section `ingest`).
import { z } from 'zod'

export const IngestConfig = z.object({
  /** A timestamp later than now + this many hours is quarantined. */
  future_tolerance_hours: z.number().positive().default(24),
  /** Rows per Arrow record batch. */
  batch_rows: z.number().int().positive().default(65_536),
  /**
   * DuckDB memory limit while ingesting (e.g. '3GB'), restored after the run; beyond it the staged
   * rows spill to disk. Unset: DuckDB's own limit (80% of RAM). Too low a limit makes a large file
   * fail with an out-of-memory error (then nothing of it lands): about 400 MB per million rows.
   */
  memory_limit: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i)
    .optional(),
})
export type IngestConfig = z.infer<typeof IngestConfig>
