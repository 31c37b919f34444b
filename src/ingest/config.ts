// Ingest settings (config section `ingest`).
import { z } from 'zod'

export const IngestConfig = z.object({
  /** A timestamp later than now + this many hours is quarantined. */
  future_tolerance_hours: z.number().positive().default(24),
  /** Rows per Arrow record batch. */
  batch_rows: z.number().int().positive().default(65_536),
})
export type IngestConfig = z.infer<typeof IngestConfig>
