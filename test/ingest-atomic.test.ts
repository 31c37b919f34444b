// Loads are idempotent and atomic: the same file twice adds nothing; a process killed with SIGKILL
// in the middle of a large file leaves the database as it was before that file, and a rerun lands
// every row exactly once.
import { describe, it, expect } from 'vitest'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, withStore } from '../src/store/index.ts'
import { ingestPaths, IngestConfig } from '../src/ingest/index.ts'
import { sql } from './ingest-helpers.ts'

const FIXTURES = new URL('./fixtures/ingest/', import.meta.url).pathname
const BIN = new URL('../bin/ringwatch', import.meta.url).pathname
const config = IngestConfig.parse({})
const BIG = 300_000

describe('idempotent, atomic loads', () => {
  it('the same file twice adds nothing, also under another name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-twice-'))
    try {
      const copy = join(dir, 'renamed.csv')
      copyFileSync(join(FIXTURES, 'good.csv'), copy)
      await withStore(async (store) => {
        const a = await ingestPaths(store, [join(FIXTURES, 'good.csv')], { config })
        expect(a.files[0]).toMatchObject({ status: 'landed', rows_accepted: 2 })
        const b = await ingestPaths(store, [join(FIXTURES, 'good.csv'), copy], { config })
        expect(b.files.map((f) => f.status)).toEqual(['skipped_duplicate', 'skipped_duplicate'])
        expect(b.files[1].duplicate_of).toBe(join(FIXTURES, 'good.csv'))
        expect(b.totals).toMatchObject({ rows_read: 0, rows_accepted: 0, skipped_duplicate: 2 })
        const [n] = await sql<{ p: string; q: string; f: string; r: string }>(
          store,
          `select (select count(*) from payments) p, (select count(*) from quarantine) q,
             (select count(*) from ingest_files) f,
             (select count(*) from runs where kind = 'ingest' and status = 'ok') r`,
        )
        expect(n).toEqual({ p: '2', q: '0', f: '1', r: '2' })
        // the staging table never outlives its file's transaction
        const tables = await sql<{ name: string }>(
          store,
          `select table_name as name from duckdb_tables()`,
        )
        expect(tables.map((t) => t.name)).not.toContain('stg')
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a Parquet file hashed while it is staged is still skipped when landed before', async () => {
    // Parquet files are hashed while DuckDB stages and checks them; the same bytes under another
    // name are found once the hash is known, before their transaction, and nothing lands twice
    const dir = mkdtempSync(join(tmpdir(), 'rw-twice-pq-'))
    try {
      const first = join(dir, 'day.parquet')
      const copy = join(dir, 'day-copy.parquet')
      await withStore(async (store) => {
        await sql(
          store,
          `copy (select * from read_csv('${join(FIXTURES, 'good.csv')}', all_varchar = true))
           to '${first}' (format parquet)`,
        )
        copyFileSync(first, copy)
        const a = await ingestPaths(store, [first], { config })
        expect(a.files[0]).toMatchObject({ status: 'landed', rows_accepted: 2 })
        expect(a.files[0].file_id).toMatch(/^[0-9a-f]{64}$/)
        const b = await ingestPaths(store, [copy, first], { config })
        expect(b.files.map((f) => [f.status, f.duplicate_of, f.file_id])).toEqual([
          ['skipped_duplicate', first, a.files[0].file_id],
          ['skipped_duplicate', first, a.files[0].file_id],
        ])
        const [n] = await sql<{ p: string; f: string }>(
          store,
          `select (select count(*) from payments) p, (select count(*) from ingest_files) f`,
        )
        expect(n).toEqual({ p: '2', f: '1' })
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a configured memory limit holds during the run and is restored after it', async () => {
    await withStore(async (store) => {
      const limit = async () =>
        (await sql<{ v: string }>(store, `select current_setting('memory_limit') v`))[0].v
      const before = await limit()
      const s = await ingestPaths(store, [join(FIXTURES, 'good.csv')], {
        config: IngestConfig.parse({ memory_limit: '512MB' }),
      })
      expect(s.files[0].status).toBe('landed')
      expect(await limit()).toBe(before)
      expect(() => IngestConfig.parse({ memory_limit: '1 bucket' })).toThrow()
    })
  })

  it('kill -9 mid-file leaves the database as before that file; a rerun lands it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-kill-'))
    const db = join(dir, 'db.duckdb')
    const big = join(dir, 'big.csv')
    const small = join(FIXTURES, 'good.csv')
    try {
      await withStore(async (store) =>
        store.conn.exclusive((raw) =>
          raw.run(
            `copy (select 'K' || i as tx_id, '2024-05-01T10:00:00Z' as ts,
                (1 + i % 1000)::varchar || '.25' as amount, 'EUR' as currency,
                'ACC' || (i % 5000) as debtor_account, 'ACC' || (5000 + i % 7000) as creditor_account,
                'goods ' || i as purpose
              from range(${BIG}) t(i)) to '${big}' (header)`,
          ),
        ),
      )
      // The child reports each step (RINGWATCH_TIMINGS); the second 'seen' line means the big
      // file is staged and checked and its transaction is open, landing the rows: kill it there.
      const child = spawn(process.execPath, [BIN, 'ingest', small, big, '--db', db], {
        env: { ...process.env, RINGWATCH_TIMINGS: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      let stages = 0
      let killedMidFile = false
      child.stderr.on('data', (d: Buffer) => {
        stages += (d.toString().match(/ingest seen:/g) ?? []).length
        if (stages >= 2 && !killedMidFile) {
          killedMidFile = true
          child.kill('SIGKILL')
        }
      })
      const [, signal] = (await new Promise((res) => child.on('exit', (...a) => res(a)))) as [
        number | null,
        string | null,
      ]
      expect(killedMidFile).toBe(true)
      expect(signal).toBe('SIGKILL')

      const store = await openStore({ path: db })
      try {
        const files = await sql<{ path: string; rows_accepted: string }>(
          store,
          'select path, rows_accepted from ingest_files',
        )
        expect(files.map((f) => f.path)).toEqual([small])
        const [c] = await sql<{ n: string }>(store, 'select count(*) n from payments')
        expect(Number(c.n)).toBe(Number(files[0].rows_accepted))
        // the killed run is marked interrupted when the database is next opened for writing
        const runs = await sql<{ status: string; note: string }>(
          store,
          `select status, summary->>'note' note from runs where kind = 'ingest'`,
        )
        expect(runs).toHaveLength(1)
        expect(runs[0].status).toBe('interrupted')
        expect(runs[0].note).toMatch(/killed or crashed/)
        const s = await ingestPaths(store, [small, big], { config })
        expect(s.files.map((f) => f.status)).toEqual(['skipped_duplicate', 'landed'])
        expect(s.files[1]).toMatchObject({
          rows_read: BIG,
          rows_accepted: BIG,
          rows_quarantined: 0,
        })
        const [after] = await sql<{ n: string; d: string; k: string }>(
          store,
          `select count(*) n, count(distinct tx_id) d, count(*) filter (where tx_id like 'K%') k from payments`,
        )
        expect(after).toEqual({ n: String(BIG + 2), d: String(BIG + 2), k: String(BIG) })
        // DuckDB's parallel CSV reader kept the file order: row K<i> sits on line i + 2
        const [lines] = await sql<{ n: string }>(
          store,
          `select count(*) n from payments where tx_id = 'K' || (source_row - 2)`,
        )
        expect(Number(lines.n)).toBe(BIG)
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
