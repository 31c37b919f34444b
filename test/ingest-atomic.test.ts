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
import { ingestFiles, runRows, setting, tableCounts } from './fixtures/reads.ts'

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
        expect(await tableCounts(store)).toMatchObject({
          payments: 2,
          quarantine: 0,
          ingest_files: 1,
        })
        expect((await runRows(store, 'ingest')).filter((r) => r.status === 'ok')).toHaveLength(2)
        // the staging table never outlives its file's transaction
        const tables = await store.all<{ name: string }>('fixture/tables')
        expect(tables.map((t) => t.name)).toContain('payments')
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
        await store.run('fixture/csv-to-parquet', {
          csv: join(FIXTURES, 'good.csv'),
          parquet: first,
        })
        copyFileSync(first, copy)
        const a = await ingestPaths(store, [first], { config })
        expect(a.files[0]).toMatchObject({ status: 'landed', rows_accepted: 2 })
        expect(a.files[0].file_id).toMatch(/^[0-9a-f]{64}$/)
        const b = await ingestPaths(store, [copy, first], { config })
        expect(b.files.map((f) => [f.status, f.duplicate_of, f.file_id])).toEqual([
          ['skipped_duplicate', first, a.files[0].file_id],
          ['skipped_duplicate', first, a.files[0].file_id],
        ])
        expect(await tableCounts(store)).toMatchObject({ payments: 2, ingest_files: 1 })
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a configured memory limit holds during the run and is restored after it', async () => {
    await withStore(async (store) => {
      const limit = () => setting(store, 'memory_limit')
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
        store.run('fixture/write-transfers-csv', { n: BIG, path: big }),
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
        const files = await ingestFiles(store)
        expect(files.map((f) => f.path)).toEqual([small])
        expect((await tableCounts(store)).payments).toBe(files[0].rows_accepted)
        // the killed run is marked interrupted when the database is next opened for writing
        const runs = await runRows(store, 'ingest')
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
        // DuckDB's parallel CSV reader kept the file order: row K<i> sits on line i + 2
        expect(await store.one('fixture/payments-tally', { prefix: 'K', offset: 2 })).toEqual({
          n: BIG + 2,
          distinct_ids: BIG + 2,
          prefixed: BIG,
          numbered: BIG,
        })
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
