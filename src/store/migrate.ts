// Migrations: queries/schema/NNN_name.sql applied in order, each in its own transaction, recorded in
// schema_migrations with a checksum so an edited, already-applied file is refused.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { QUERIES_DIR } from './queries.ts'
import { sha256 } from '../util/hash.ts'
import { RingwatchError } from '../util/errors.ts'

export interface Migration {
  version: number
  name: string
  sql: string
  checksum: string
}

export function listMigrations(dir = join(QUERIES_DIR, 'schema')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8')
      return { version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql, checksum: sha256(sql) }
    })
}

export async function migrate(
  conn: DuckDBConnection,
  migrations = listMigrations(),
): Promise<number> {
  await conn.run(`create table if not exists schema_migrations (
    version integer primary key, name varchar not null, checksum varchar not null,
    applied_at timestamp not null default (now() at time zone 'UTC'))`)
  const applied = new Map(
    (await conn.runAndReadAll('select version, checksum from schema_migrations'))
      .getRowObjectsJson()
      .map((r) => [Number(r.version), String(r.checksum)]),
  )
  let n = 0
  for (const m of migrations) {
    const done = applied.get(m.version)
    if (done !== undefined) {
      if (done !== m.checksum)
        throw new RingwatchError(
          `migration ${m.version}_${m.name} changed after it was applied; add a new migration instead`,
        )
      continue
    }
    await conn.run('begin transaction')
    try {
      await conn.run(m.sql)
      await conn.run(
        'insert into schema_migrations (version, name, checksum) values ($v, $n, $c)',
        {
          v: m.version,
          n: m.name,
          c: m.checksum,
        },
      )
      await conn.run('commit')
    } catch (e) {
      await conn.run('rollback')
      throw new RingwatchError(
        `migration ${m.version}_${m.name} failed: ${(e as Error).message}`,
        {},
        {
          cause: e,
        },
      )
    }
    n++
  }
  return n
}
