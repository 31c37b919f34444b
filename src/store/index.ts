// store/: the only code that knows DuckDB. Everything outside store/ imports from here, except the
// command line's first look at the owner lock file (lock.ts), which must not load DuckDB: a command
// that a running server will serve never opens the database itself.
export { openStore, withStore, DEFAULT_DB, PROCESS_ID } from './db.ts'
export type { Store, Session, Queries, Params, Param, OpenOptions } from './db.ts'
export type { Row } from './convert.ts'
export { isoTimestamp } from './convert.ts'
export { newRunId, startRun, finishRun, type RunKind } from './runs.ts'
export { addQueryModule } from './queries.ts'
export { OutOfMemoryError, WriteConflictError } from './db-errors.ts'
export { listMigrations, type Migration } from './migrate.ts'
export { readColumns, type ColumnKind, type Columns } from './columns.ts'
export { appendArrow } from './append.ts'
export { appendRows, type StagedColumn } from './stage-rows.ts'
export {
  createCleanView,
  numberStagedRows,
  parquetColumns,
  parquetTextChunks,
  stageCsvNative,
  stageFromRaw,
  stageParquetNative,
  VALUE_KIND,
  type ColumnMap,
} from './staging.ts'
export { withMemoryLimit } from './memory-limit.ts'
export { openReadPool, type ReadPool } from './read-pool.ts'
export { bridgeInfo, remoteStore, serveStore, type BridgedKey } from './bridge.ts'
export { announceUrl, readOwner, type Owner } from './lock.ts'
