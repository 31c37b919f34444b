// File conversion through DuckDB's own readers and writers (used by `generate --format parquet`):
// a canonical CSV becomes a Parquet file with the same columns, all kept as text so nothing is
// reinterpreted on the way.
import { DuckDBInstance } from '@duckdb/node-api'

/** SQL string literal of a file path (COPY cannot take its target as a bound parameter). */
function literal(path: string): string {
  return `'${path.replace(/'/g, "''")}'`
}

export async function csvToParquet(csvPath: string, parquetPath: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' })
  const conn = await instance.connect()
  try {
    await conn.run(
      `copy (select * from read_csv(${literal(csvPath)}, header = true, all_varchar = true)) ` +
        `to ${literal(parquetPath)} (format parquet, compression zstd)`,
    )
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}
