// Ingest edge cases found in review: file names DuckDB would read as glob patterns, a file that
// changes while it lands, typed extra Parquet columns, runs left 'running' by a killed process.
import { describe, it, expect } from 'vitest'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, withStore } from '../src/store/index.ts'
import { ingestPaths, IngestConfig } from '../src/ingest/index.ts'
import { landFile } from '../src/ingest/land.ts'
import { createHash } from 'node:crypto'
import { ingestFiles, landedPayments, runRows, setting, tableCounts } from './fixtures/reads.ts'

const FIXTURES = new URL('./fixtures/ingest/', import.meta.url).pathname
const config = IngestConfig.parse({})
const now = () => new Date('2024-06-01T00:00:00Z')

describe('ingest edge cases', () => {
  it('reads a file whose name holds glob characters as that file, on both native readers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-glob-'))
    try {
      copyFileSync(join(FIXTURES, 'good.csv'), join(dir, 'day[1].csv'))
      // what DuckDB would read instead if it took the name as a pattern
      writeFileSync(join(dir, 'day1.csv'), readFileSync(join(FIXTURES, 'bad-rows.csv')))
      await withStore(async (store) => {
        const parquet = (path: string, prefix: string, n: number) =>
          store.run('fixture/write-transfers-parquet', { path, prefix, n })
        await parquet(join(dir, 'p*.parquet'), 'P', 3)
        await parquet(join(dir, 'pX.parquet'), 'Q', 1)
        const s = await ingestPaths(store, [join(dir, 'day[1].csv'), join(dir, 'p*.parquet')], {
          config,
          now,
        })
        expect(s.files.map((f) => [f.status, f.rows_read])).toEqual([
          ['landed', 2],
          ['landed', 3],
        ])
        const ids = await landedPayments(store)
        expect(ids.map((r) => r.tx_id)).toEqual(['P0', 'P1', 'P2', 'T1', 'T2'])
        // the typed extra column of the Parquet file is kept as text
        expect(JSON.parse(ids.find((r) => r.tx_id === 'P0')!.extra!)).toEqual({ batch_no: '42' })
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a file that changed since it was hashed, and lands nothing of it', async () => {
    await withStore(async (store) => {
      const path = join(FIXTURES, 'good.csv')
      const st = statSync(path)
      const land = (mtimeMs: number) =>
        landFile(
          store,
          {
            path,
            format: 'csv',
            fileId: 'f-changed',
            size: st.size,
            mtimeMs,
            csv: {
              head: { header: readFileSync(path, 'utf8').split('\n')[0], delim: ',' },
              scan: Promise.resolve({
                sha256: 'f-changed',
                size: st.size,
                header: readFileSync(path, 'utf8').split('\n')[0],
                delim: ',',
                simple: true,
              }),
            },
          },
          { runId: 'r', now: now(), futureHours: 24, batchRows: 1000, csvEngine: 'auto' },
        )
      await expect(land(st.mtimeMs - 1000)).rejects.toThrow(/changed while it was being landed/)
      // the landing insert turns insertion order off, a setting of the whole database: it is on
      // again after the file, also when the file's transaction failed
      const order = () => setting(store, 'preserve_insertion_order')
      expect(await order()).toBe('true')
      expect(await tableCounts(store)).toMatchObject({ payments: 0, ingest_files: 0 })
      const landed = await land(st.mtimeMs)
      expect(landed.status === 'landed' && landed.rows_accepted).toBeGreaterThan(0)
      expect(await order()).toBe('true')
    })
  })

  it("marks runs another process left 'running' as interrupted, never its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-runs-'))
    const db = join(dir, 'db.duckdb')
    try {
      const a = await openStore({ path: db })
      await a.run('fixture/insert-running-run', {
        run_id: 'dead',
        kind: 'scan',
        owner: 'host:1:gone',
      })
      await a.run('fixture/insert-running-run', { run_id: 'old', kind: 'ingest', owner: null })
      // this process's own running ingest, seen by a second open in the same process
      const own = ingestPaths(a, [join(FIXTURES, 'good.csv')], { config, now })
      const b = await openStore({ path: db })
      await own
      const runs = await runRows(b)
      expect(Object.fromEntries(runs.map((r) => [r.run_id, r.status]))).toMatchObject({
        dead: 'interrupted',
        old: 'interrupted',
      })
      expect(runs.filter((r) => r.run_id.startsWith('ingest-')).map((r) => r.status)).toEqual([
        'ok',
      ])
      await b.close()
      await a.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('names each file in the manifest by the SHA-256 of its bytes, on both hashing paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-sha-'))
    try {
      const csv = join(FIXTURES, 'good.csv')
      const jsonl = join(dir, 'one.jsonl')
      writeFileSync(
        jsonl,
        JSON.stringify({
          tx_id: 'J1',
          ts: '2024-05-01T10:00:00Z',
          amount: '1.00',
          currency: 'EUR',
          debtor_account: 'A',
          creditor_account: 'B',
        }) + '\n',
      )
      await withStore(async (store) => {
        await ingestPaths(store, [csv, jsonl], { config, now })
        const ids = await ingestFiles(store)
        const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')
        expect(ids.map((r) => r.file_id).sort()).toEqual([sha(csv), sha(jsonl)].sort())
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
