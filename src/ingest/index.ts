// ingest/: transfer files (CSV, Parquet, Arrow IPC, JSON lines, pacs.008) → canonical Arrow batches
// → validated, quarantined, landed in DuckDB one transaction per file, idempotent by file hash.
export { ingestPaths, type IngestOptions } from './ingest-run.ts'
export { IngestSummary, FileResult, FileStatus } from './summary.ts'
export { IngestConfig } from './config.ts'
export { expandPaths, formatOf } from './expand-paths.ts'
export { STAGED_SCHEMA, STAGED_COLUMNS, BatchBuilder, type Reject } from './arrow-batch.ts'
export { readCsv } from './readers/csv.ts'
export { readJsonl } from './readers/jsonl.ts'
export { readArrow } from './readers/arrow.ts'
export { readParquet } from './readers/parquet.ts'
export { readPacs008, pacs008Row } from './readers/pacs008.ts'
export { scanCsv, sniffDelimiter } from './csv-scan.ts'
export type { CsvEngine } from './land.ts'
export {
  eachQuarantined,
  listQuarantine,
  summarizeQuarantine,
  REASON_CODES,
  type QuarantineFilter,
  type QuarantinedRow,
  type QuarantineCount,
} from './quarantine.ts'
