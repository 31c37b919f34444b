// Scan settings (config section `scan`).
import { z } from 'zod'
import { MemorySize } from '../ingest/config.ts'

export const ScanConfig = z.strictObject({
  /**
   * DuckDB's memory limit while a scan runs, restored after it (beyond it, the screening's sorts
   * and aggregates spill to disk next to the database). DuckDB's own default is 80% of the
   * machine's memory, which leaves nothing for the scan's JavaScript side: the window graph, the
   * findings and the alerts (about 1 GB per million transfers of the window). 3 GB with that keeps
   * a 10 M-transfer scan within about 8 GB.
   */
  memory_limit: MemorySize.default('3GB'),
})
export type ScanConfig = z.infer<typeof ScanConfig>
