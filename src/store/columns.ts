// Reads a named query's result as column vectors (typed arrays, or string arrays for text) straight
// from DuckDB's data chunks: no object per row. Used for the graph window (millions of transfers).
import type { DuckDBResult, DuckDBVector } from '@duckdb/node-api'
import { connOf, type Params, type Queries } from './db.ts'
import { isRemoteColumns } from './bridge.ts'

/** Column kinds: i32 INTEGER, f64 DOUBLE, u8 UTINYINT, u16 USMALLINT, str VARCHAR. */
export type ColumnKind = 'i32' | 'f64' | 'u8' | 'u16' | 'str'

type ColumnOf<K extends ColumnKind> = K extends 'i32'
  ? Int32Array
  : K extends 'f64'
    ? Float64Array
    : K extends 'u8'
      ? Uint8Array
      : K extends 'u16'
        ? Uint16Array
        : string[]

export type Columns<S extends Record<string, ColumnKind>> = { [K in keyof S]: ColumnOf<S[K]> } & {
  length: number
}

type Typed = Int32Array | Float64Array | Uint8Array | Uint16Array
const CTOR = { i32: Int32Array, f64: Float64Array, u8: Uint8Array, u16: Uint16Array } as const

/**
 * Runs the named query and returns its columns named in `spec` (by result column name). The query
 * must cast each numeric column to the matching DuckDB type and keep it non-null (coalesce in SQL:
 * the fast path copies the raw buffer); null text reads as ''.
 * `expectedRows` (e.g. from a count query) avoids regrowing the arrays.
 */
export async function readColumns<S extends Record<string, ColumnKind>>(
  q: Queries,
  name: string,
  params: Params,
  spec: S,
  expectedRows = 1024,
): Promise<Columns<S>> {
  // a worker thread's store: the thread that owns the instance reads them (bridge.ts)
  const conn: unknown = connOf(q)
  if (isRemoteColumns(conn))
    return (await conn.columns(name, params, spec, expectedRows)) as Columns<S>
  const local = connOf(q)
  return local.exclusive(async () => {
    const p = await local.prepare(name)
    p.clearBindings()
    if (Object.keys(params).length) p.bind(params)
    const result = await p.stream()
    return drain(result, spec, Math.max(16, expectedRows))
  })
}

async function drain<S extends Record<string, ColumnKind>>(
  result: DuckDBResult,
  spec: S,
  capacity: number,
): Promise<Columns<S>> {
  const names = result.columnNames()
  const keys = Object.keys(spec) as (keyof S & string)[]
  const index = keys.map((k) => {
    const i = names.indexOf(k)
    if (i < 0) throw new Error(`column ${k} missing from query result (${names.join(', ')})`)
    return i
  })
  const out: Record<string, Typed | string[]> = {}
  for (const k of keys) out[k] = spec[k] === 'str' ? [] : new CTOR[spec[k] as 'i32'](capacity)
  let n = 0
  for (;;) {
    const chunk = await result.fetchChunk()
    if (!chunk || chunk.rowCount === 0) break
    const rows = chunk.rowCount
    if (n + rows > capacity) {
      capacity = Math.max(capacity * 2, n + rows)
      for (const k of keys)
        if (spec[k] !== 'str') {
          const grown = new CTOR[spec[k] as 'i32'](capacity)
          grown.set(out[k] as Int32Array)
          out[k] = grown
        }
    }
    keys.forEach((k, c) => {
      const vec = chunk.getColumnVector(index[c])
      if (spec[k] === 'str') appendStrings(out[k] as string[], vec, rows)
      else copyNumbers(out[k] as Typed, vec, rows, n)
    })
    n += rows
  }
  for (const k of keys) if (spec[k] !== 'str') out[k] = (out[k] as Typed).slice(0, n)
  return Object.assign(out, { length: n }) as unknown as Columns<S>
}

function copyNumbers(target: Typed, vec: DuckDBVector, rows: number, at: number): void {
  // The vector classes keep their data in a typed array view over DuckDB's buffer ("items"); copy it
  // in one go when its element type matches, else fall back to per-item reads.
  const items = (vec as unknown as { items?: unknown }).items
  if (items && items.constructor === target.constructor && (items as Typed).length >= rows) {
    target.set((items as Typed).subarray(0, rows) as never, at)
    return
  }
  for (let i = 0; i < rows; i++) {
    const v = vec.getItem(i)
    target[at + i] = v === null ? 0 : Number(v as number)
  }
}

function appendStrings(target: string[], vec: DuckDBVector, rows: number): void {
  for (let i = 0; i < rows; i++) {
    const v = vec.getItem(i)
    target.push(v === null ? '' : String(v))
  }
}
