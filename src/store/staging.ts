// DuckDB's own CSV and Parquet readers filling ingest's staging table (stg) directly: the fast
// path beside the Arrow lander. The SELECT is assembled here from column positions and identifiers
// DuckDB reported for the file (quoted); every value from the file or the user is a bound parameter.
import type { DuckDBValue } from '@duckdb/node-api'
import { TRANSFER_COLUMNS, type TransferColumn } from '../schema/transfer.ts'
import type { Queries } from './db.ts'

/** Where each canonical field sits in the file (0-based), and the extra columns kept as JSON. */
export interface ColumnMap {
  fields: Partial<Record<TransferColumn, number>>
  extra: Array<{ name: string; index: number }>
}

export interface NativeReject {
  line: number
  errorType: string
  message: string
  csvLine: string
}

function extraJson(cols: string[], extra: ColumnMap['extra'], params: Record<string, string>) {
  if (!extra.length) return 'null'
  const parts = extra.map((e, i) => {
    params[`x${i}`] = e.name
    return `$x${i}, nullif(${cols[e.index]}, '')`
  })
  return `json_object(${parts.join(', ')})::varchar`
}

/**
 * The clean-up every staged field gets on its way into stg, whichever path staged it (macros in
 * queries/schema/001_core.sql): trimmed and empty → null; codes upper-case; IBAN-shaped accounts
 * without spaces, upper-case.
 */
export const CLEAN: Record<TransferColumn, string> = {
  tx_id: 'rw_clean',
  ts: 'rw_clean',
  amount: 'rw_clean',
  currency: 'rw_code',
  debtor_account: 'rw_account',
  debtor_name: 'rw_clean',
  debtor_country: 'rw_code',
  debtor_bank: 'rw_code',
  creditor_account: 'rw_account',
  creditor_name: 'rw_clean',
  creditor_country: 'rw_code',
  creditor_bank: 'rw_code',
  purpose: 'rw_clean',
  hs_code: 'rw_clean',
}

function selectList(cols: string[], map: ColumnMap, params: Record<string, string>): string {
  const fields = TRANSFER_COLUMNS.map((c) => {
    const i = map.fields[c]
    return i === undefined ? `null::varchar as ${c}` : `${CLEAN[c]}(${cols[i]}::varchar) as ${c}`
  })
  return [...fields, `${extraJson(cols, map.extra, params)} as extra`].join(',\n  ')
}

/** Moves rows appended to stg_raw (Arrow lander) into stg through the same clean-up. */
export async function stageFromRaw(q: Queries): Promise<number> {
  const fields = TRANSFER_COLUMNS.map((c) => `${CLEAN[c]}(${c}) as ${c}`).join(', ')
  const sql = `insert into stg select source_row, ${fields}, extra from stg_raw`
  return q.conn.exclusive(async (raw) => {
    const n = Number((await raw.run(sql)).rowsChanged)
    await raw.run('drop table stg_raw')
    return n
  })
}

/**
 * Stages a CSV file that has one record per line (checked by the caller) with DuckDB's read_csv,
 * every column as text. Rows DuckDB cannot split are returned with their line (header = line 1).
 * Staged rows get source_row from their position; see `numberStagedRows`.
 */
export async function stageCsvNative(
  q: Queries,
  spec: { path: string; delim: string; ncols: number; map: ColumnMap },
): Promise<NativeReject[]> {
  const cols = Array.from({ length: spec.ncols }, (_, i) => `c${i}`)
  const params: Record<string, string> = { path: spec.path, delim: spec.delim }
  const columns = cols.map((c) => `'${c}': 'VARCHAR'`).join(', ')
  const sql = `insert into stg select null,
  ${selectList(cols, spec.map, params)}
from read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"',
  escape = '"', columns = {${columns}}, store_rejects = true, rejects_table = 'stg_csv_errors',
  rejects_scan = 'stg_csv_scans', strict_mode = true, null_padding = false,
  max_line_size = 10000000)`
  return q.conn.exclusive(async (raw) => {
    await raw.run(sql, params)
    const r = await raw.runAndReadAll(
      `select line, error_type, error_message, csv_line from stg_csv_errors
       qualify row_number() over (partition by line order by byte_position) = 1
       order by line`,
    )
    return r.getRowObjectsJson().map((x) => ({
      line: Number(x.line),
      errorType: String(x.error_type),
      message: String(x.error_message),
      csvLine: String(x.csv_line ?? ''),
    }))
  })
}

/**
 * Gives natively staged rows their file line: the n-th staged row (n = rowid − the first rowid; rowids of rows added in a transaction start high) sits on line n + 2
 * plus the number of rejected lines before it (header = line 1, one record per line).
 */
export async function numberStagedRows(q: Queries, rejectedLines: number[]): Promise<void> {
  await q.conn.exclusive(async (raw) => {
    if (!rejectedLines.length) {
      await raw.run('update stg set source_row = rowid - (select min(rowid) from stg) + 2')
      return
    }
    // Staged rows before the i-th rejected line (1-based i, line r): r - 1 - i.
    const before = rejectedLines.map((r, i) => r - 2 - i)
    await raw.run('create or replace temp table stg_shift (before bigint)')
    await raw.run(`insert into stg_shift select unnest(from_json($b, '["BIGINT"]'))`, {
      b: JSON.stringify(before),
    })
    await raw.run(`update stg set source_row = n + 2 + (
        select count(*) from stg_shift where stg_shift.before <= n)
      from (select rowid - min(rowid) over () as n, rowid as r from stg) s
      where stg.rowid = s.r`)
  })
}

/** Column names of a Parquet file, in order. */
export async function parquetColumns(q: Queries, path: string): Promise<string[]> {
  return q.conn.exclusive(async (raw) => {
    const r = await raw.runAndReadAll(
      `select column_name from (describe select * from read_parquet($path))`,
      { path },
    )
    return r.getRowObjectsJson().map((x) => String(x.column_name))
  })
}

const ident = (name: string) => '"' + name.replace(/"/g, '""') + '"'

/** Stages a Parquet file with read_parquet; source_row is the file row number, 1-based. */
export async function stageParquetNative(
  q: Queries,
  spec: { path: string; columns: string[]; map: ColumnMap },
): Promise<number> {
  const cols = spec.columns.map(ident)
  const params: Record<string, string> = { path: spec.path }
  const sql = `insert into stg select file_row_number + 1,
  ${selectList(cols, spec.map, params)}
from read_parquet($path, file_row_number = true)`
  return q.conn.exclusive(async (raw) => Number((await raw.run(sql, params)).rowsChanged))
}

/** Streams a Parquet file as rows of text values in DuckDB chunks (≤ 2048 rows each). */
export async function* parquetTextChunks(
  q: Queries,
  path: string,
): AsyncGenerator<{ names: string[]; columns: (string | null)[][] }> {
  const columns = await parquetColumns(q, path)
  const sql = `select ${columns.map((c) => `${ident(c)}::varchar`).join(', ')} from read_parquet($path)`
  const result = await q.conn.raw.stream(sql, { path })
  for (;;) {
    const chunk = await result.fetchChunk()
    if (!chunk || chunk.rowCount === 0) break
    const cols = chunk.getColumns() as DuckDBValue[][]
    yield {
      names: columns,
      columns: cols.map((c) => c.map((v) => (v === null ? null : String(v)))),
    }
  }
}
