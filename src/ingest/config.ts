// Ingest settings (config section `ingest`).
import { z } from 'zod'

export const IngestConfig = z.object({
  /** A timestamp later than now + this many hours is quarantined. */
  future_tolerance_hours: z.number().positive().default(24),
  /** Rows per Arrow record batch. */
  batch_rows: z.number().int().positive().default(65_536),
  /**
   * DuckDB memory limit while ingesting (e.g. '2GB'); a large file's staging tables spill to disk
   * beyond it, which keeps a 10 M-row file under 4 GB of memory. Restored after the run.
   */
  memory_limit: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i)
    .default('2GB'),
})
export type IngestConfig = z.infer<typeof IngestConfig>
