// Ingest settings (config section `ingest`).
import { z } from 'zod'

/** A DuckDB memory size: '2GB', '512MB', '1.5GiB'. */
export const MemorySize = z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i)

export const IngestConfig = z.strictObject({
  /** A timestamp later than now + this many hours is quarantined. */
  future_tolerance_hours: z.number().positive().default(24),
  /** Rows per Arrow record batch. */
  batch_rows: z.number().int().positive().default(65_536),
  /**
   * DuckDB memory limit while ingesting, restored after the run; beyond it the staged rows spill
   * to disk (next to the database), which keeps a 10 M-row file within about 4 GB of memory.
   * About 200 MB per million rows of the largest file are needed, or it fails out of memory
   * (and nothing of it lands).
   */
  memory_limit: MemorySize.default('2GB'),
})
export type IngestConfig = z.infer<typeof IngestConfig>
