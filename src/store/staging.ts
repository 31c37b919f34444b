// Staging for ingest: whichever path reads a file, its rows reach the checks as one temporary view,
// `stg_in` (source_row, the canonical fields as read, extra), on the ingest session's connection:
// - CSV: DuckDB's read_csv fills the temporary table stg_rows in one CREATE … AS statement, in file
//   order (rowid 0 is the file's first row: DuckDB's reader gives no line numbers);
// - Parquet: the view reads the file itself (read_parquet numbers the rows), nothing is copied;
// - Arrow lander (Arrow, JSONL, pacs.008, CSV the JavaScript way): batches are appended to stg_raw.
// The view `stg` over stg_in cleans the fields up (createCleanView), the same way on every path.
// These statements commit on their own, outside the file's transaction: committed temporary tables
// are scanned in parallel by the statements that check and land them, and they are never part of
// the database file. The SELECTs are assembled here from column positions and identifiers DuckDB
// reported for the file (quoted); every value from the file or the user is a bound parameter, or a
// session variable (SET VARIABLE … = $value) where a view must refer to it.
import type { DuckDBValue } from '@duckdb/node-api'
import { TRANSFER_COLUMNS, type TransferColumn } from '../schema/transfer.ts'
import { connOf, type Conn, type Queries } from './db.ts'

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

/** Names of extra columns, by index: bound parameters, or session variables inside a view. */
type Names = { params: Record<string, string>; ref: (key: string) => string }

const bound = (): Names => ({ params: {}, ref: (k) => `$${k}` })
const variables = (): Names => ({ params: {}, ref: (k) => `getvariable('rw_stg_${k}')` })

function extraJson(cols: string[], extra: ColumnMap['extra'], names: Names) {
  if (!extra.length) return 'null::varchar'
  const parts = extra.map((e, i) => {
    names.params[`x${i}`] = e.name
    // as text: an extra Parquet column may be typed (nullif(int, '') fails)
    return `${names.ref(`x${i}`)}, nullif(${cols[e.index]}::varchar, '')`
  })
  return `json_object(${parts.join(', ')})::varchar`
}

/** Sets each of `names.params` as the session variable its `ref` reads. */
async function setVariables(raw: Conn['raw'], values: Record<string, string>) {
  for (const [k, v] of Object.entries(values)) await raw.run(`set variable rw_stg_${k} = $v`, { v })
}

/**
 * The clean-up of each field on its way into stg, whichever path staged it (macros in
 * queries/schema/001_core.sql and 030_ingest_rules.sql): trimmed and empty → null; codes
 * upper-case; IBAN-shaped accounts without spaces, upper-case. A field of a VALUE_KIND none of
 * whose values in the file changes is taken as read (createCleanView).
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

/**
 * The kind of value a field holds, for fields whose values repeat across a file (see
 * queries/ingest/values-create.sql): such a field is cleaned row by row only when some value of its
 * kind needs it. Fields without a kind are always cleaned.
 */
export const VALUE_KIND: Partial<Record<TransferColumn, string>> = {
  currency: 'currency',
  debtor_account: 'account',
  creditor_account: 'account',
  debtor_bank: 'bank',
  creditor_bank: 'bank',
  debtor_country: 'country',
  creditor_country: 'country',
  hs_code: 'hs',
}

function selectList(cols: string[], map: ColumnMap, names: Names): string {
  const fields = TRANSFER_COLUMNS.map((c) => {
    const i = map.fields[c]
    return i === undefined ? `null::varchar as ${c}` : `${cols[i]}::varchar as ${c}`
  })
  return [...fields, `${extraJson(cols, map.extra, names)} as extra`].join(',\n  ')
}

/** The view stg_in over the rows appended to stg_raw (Arrow lander). */
export async function stageFromRaw(q: Queries): Promise<void> {
  await connOf(q).exclusive((raw) =>
    raw.run(
      `create or replace temp view stg_in as
       select source_row, ${TRANSFER_COLUMNS.join(', ')}, extra from stg_raw`,
    ),
  )
}

/**
 * The view stg: the staged rows of stg_in, cleaned up. `unclean` names the value kinds
 * (VALUE_KIND) of which some value of this file changes in clean-up; fields of other kinds are
 * taken as read, which is the same (queries/ingest/values-unclean.sql found no value to change).
 */
export async function createCleanView(q: Queries, unclean: ReadonlySet<string>): Promise<void> {
  const fields = TRANSFER_COLUMNS.map((c) => {
    const kind = VALUE_KIND[c]
    return kind && !unclean.has(kind) ? c : `${CLEAN[c]}(${c}) as ${c}`
  })
  await connOf(q).exclusive((raw) =>
    raw.run(
      `create or replace temp view stg as select source_row, ${fields.join(', ')}, extra from stg_in`,
    ),
  )
}

/**
 * Stages a CSV file that has one record per line (the caller makes sure of it, also after the fact:
 * see LandOutcome in src/ingest/land.ts) with DuckDB's read_csv,
 * every column as text, as read. Rows DuckDB cannot split are returned with their line (header = line 1).
 * Staged rows have no source_row: it comes from their position (see `numberStagedRows`).
 */
export async function stageCsvNative(
  q: Queries,
  spec: { path: string; delim: string; ncols: number; map: ColumnMap },
): Promise<NativeReject[]> {
  const cols = Array.from({ length: spec.ncols }, (_, i) => `c${i}`)
  const names = bound()
  const columns = cols.map((c) => `'${c}': 'VARCHAR'`).join(', ')
  const sql = `create or replace temp table stg_rows as select null::bigint as source_row,
  ${selectList(cols, spec.map, names)}
from read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"',
  escape = '"', columns = {${columns}}, store_rejects = true, rejects_table = 'stg_csv_errors',
  rejects_scan = 'stg_csv_scans', strict_mode = true, null_padding = false,
  max_line_size = 10000000)`
  return connOf(q).exclusive(async (raw) => {
    await raw.run(sql, { ...names.params, path: spec.path, delim: spec.delim })
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
 * Numbers natively staged CSV rows by their file line and creates the view stg_in over them: the n-th
 * staged row (n = rowid) sits on line n + 2 plus the number of lines DuckDB's reader refused before
 * it (header = line 1, one record per line). Without refused lines nothing is written: the view
 * gives rowid + 2.
 */
export async function numberStagedRows(q: Queries, rejectedLines: number[]): Promise<void> {
  await connOf(q).exclusive(async (raw) => {
    if (rejectedLines.length) {
      // Staged rows before the i-th rejected line (0-based i, line r): r - 2 - i (the header and
      // the i refused lines before it are not staged rows).
      const before = rejectedLines.map((r, i) => r - 2 - i)
      await raw.run('create or replace temp table stg_shift (before bigint)')
      await raw.run(`insert into stg_shift select unnest(from_json($b, '["BIGINT"]'))`, {
        b: JSON.stringify(before),
      })
      await raw.run(`update stg_rows set source_row = n + 2 + (
          select count(*) from stg_shift where stg_shift.before <= n)
        from (select rowid as n from stg_rows) s
        where stg_rows.rowid = s.n`)
    }
    await raw.run(`create or replace temp view stg_in as
      select coalesce(source_row, rowid + 2) as source_row, * exclude (source_row) from stg_rows`)
  })
}

/** Column names of a Parquet file, in order. */
export async function parquetColumns(q: Queries, path: string): Promise<string[]> {
  return connOf(q).exclusive(async (raw) => {
    const r = await raw.runAndReadAll(
      `select column_name from (describe select * from read_parquet($path))`,
      { path },
    )
    return r.getRowObjectsJson().map((x) => String(x.column_name))
  })
}

const ident = (name: string) => '"' + name.replace(/"/g, '""') + '"'

/**
 * Stages a Parquet file as the view stg_in over read_parquet (nothing copied: the checks and the
 * insert read the file, column by column as they need it); source_row is the file row number,
 * 1-based.
 * The file's path and extra column names reach the view as session variables.
 */
export async function stageParquetNative(
  q: Queries,
  spec: { path: string; columns: string[]; map: ColumnMap },
): Promise<void> {
  const cols = spec.columns.map(ident)
  const names = variables()
  const sql = `create or replace temp view stg_in as select file_row_number + 1 as source_row,
  ${selectList(cols, spec.map, names)}
from read_parquet(getvariable('rw_stg_path'), file_row_number = true)`
  await connOf(q).exclusive(async (raw) => {
    await setVariables(raw, { ...names.params, path: spec.path })
    await raw.run(sql)
  })
}

/** Streams a Parquet file as rows of text values in DuckDB chunks (≤ 2048 rows each). */
export async function* parquetTextChunks(
  q: Queries,
  path: string,
): AsyncGenerator<{ names: string[]; columns: (string | null)[][] }> {
  const columns = await parquetColumns(q, path)
  const sql = `select ${columns.map((c) => `${ident(c)}::varchar`).join(', ')} from read_parquet($path)`
  const result = await connOf(q).raw.stream(sql, { path })
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
