// store/: the only code that knows DuckDB.
export { openStore, withStore, DEFAULT_DB, PROCESS_ID, Conn } from './db.ts'
export type { Store, Session, Queries, Params, Param, OpenOptions } from './db.ts'
export type { Row } from './convert.ts'
export { isoTimestamp } from './convert.ts'
export { newRunId, startRun, finishRun, type RunKind } from './runs.ts'
export { addQueryModule } from './queries.ts'
export { readColumns, type ColumnKind, type Columns } from './columns.ts'
