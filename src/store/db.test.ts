import { describe, it, expect } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import { openStore, withStore } from './index.ts'
import { connOf } from './db.ts'
import { listMigrations } from './migrate.ts'
import { DatabaseLockedError, NotFoundError } from '../util/errors.ts'

describe('store', () => {
  it('applies every migration once and records it', async () => {
    await withStore(async (store) => {
      const rows = await store.all<{ version: number; name: string }>('store/migrations')
      expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version))
    })
  })

  it('converts a result of many chunks row by row as one would in one go', async () => {
    await withStore(async (store) => {
      // 5,000 runs: three chunks of DuckDB's 2,048 rows
      await connOf(store).exclusive((raw) =>
        raw.run(`insert into runs (run_id, kind, started_at, finished_at, status, summary)
          select 'r' || lpad(i::varchar, 5, '0'), 'scan', timestamp '2026-01-01' + to_seconds(i),
            case when i % 2 = 0 then timestamp '2026-01-01' + to_seconds(i + 3) end, 'ok',
            '{"n": ' || i || '}'
          from range(5000) t(i)`),
      )
      const rows = await store.all<Record<string, unknown>>('server/runs-list', { limit: 10_000 })
      expect(rows).toHaveLength(5000)
      rows.forEach((r, k) => {
        const i = 4999 - k
        expect(r.run_id).toBe(`r${String(i).padStart(5, '0')}`)
        expect(r.started_at).toBe(
          new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace('.000', ''),
        )
        // a BIGINT as a number, null kept
        expect(r.duration_ms).toBe(i % 2 === 0 ? 3000 : null)
      })
    })
  })

  it('refuses an unknown query name', async () => {
    await withStore(async (store) => {
      await expect(store.all('store/no-such-query')).rejects.toBeInstanceOf(NotFoundError)
    })
  })

  it('rolls a failed transaction back', async () => {
    await withStore(async (store) => {
      await expect(
        store.transaction(async (tx) => {
          await connOf(tx).exclusive((raw) =>
            raw.run(
              `insert into runs (run_id, kind, started_at, status) values ('r1', 'scan', now(), 'running')`,
            ),
          )
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      const n = await connOf(store).exclusive(async (raw) =>
        (await raw.runAndReadAll('select count(*) as n from runs')).getRowObjectsJson(),
      )
      expect(n[0].n).toBe('0')
    })
  })

  it('creates the database folder, and reopens without migrating twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-store-'))
    try {
      const path = join(dir, 'sub', 'db.duckdb')
      const a = await openStore({ path })
      await a.close()
      const b = await openStore({ path })
      expect((await b.all('store/migrations')).length).toBe(listMigrations().length)
      await b.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  // "Fails fast" without a clock: the first store holds the file until the second process has
  // exited, so a second process that waited for the lock would never exit (the test would time out
  // instead of reading its answer); the answer it prints can only come from not waiting.
  for (const readOnly of [false, true])
    it(`a second process ${readOnly ? 'reading' : 'writing'} the same file fails at once with a clear error, without waiting for the lock`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rw-lock-'))
      const path = join(dir, 'db.duckdb')
      const store = await openStore({ path, owner: 'ringwatch serve' })
      let child: ChildProcess | undefined
      try {
        const script = `
        import { register } from 'tsx/esm/api'; register();
        const { openStore } = await import(${JSON.stringify(new URL('./index.ts', import.meta.url).href)});
        try { await openStore({ path: ${JSON.stringify(path)}, readOnly: ${readOnly} }); console.log('opened') }
        catch (e) { console.log(e.constructor.name + ': ' + e.message) }`
        child = spawn(process.execPath, ['--input-type=module', '-e', script])
        let stdout = ''
        child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()))
        const code = await new Promise<number | null>((resolve) => child!.on('close', resolve))
        // the file was held the whole time: the first store still writes after the other gave up
        await store.transaction((tx) =>
          connOf(tx).exclusive((raw) =>
            raw.run(
              `insert into runs (run_id, kind, started_at, status) values ('after', 'scan', now(), 'ok')`,
            ),
          ),
        )
        expect(code).toBe(0)
        expect(stdout).toContain(DatabaseLockedError.name)
        expect(stdout).not.toContain('opened')
        expect(stdout).toContain(`in use by ringwatch serve (pid ${process.pid})`)
        if (readOnly) expect(stdout).not.toMatch(/writ/i)
        else expect(stdout).toContain('only one process may write it')
      } finally {
        if (child && child.exitCode === null) child.kill()
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })

  it('a missing file opened read-only is a NotFoundError, and a second open in one process shares the instance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-open-'))
    try {
      await expect(
        openStore({ path: join(dir, 'none.duckdb'), readOnly: true }),
      ).rejects.toBeInstanceOf(NotFoundError)
      const path = join(dir, 'db.duckdb')
      const w = await openStore({ path })
      const r = await openStore({ path, readOnly: true })
      expect((await r.all('store/migrations')).length).toBeGreaterThan(0)
      await r.close()
      expect((await w.all('store/migrations')).length).toBeGreaterThan(0)
      await w.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a named query without parameters sees rows another connection committed after its first run', async () => {
    await withStore(async (store) => {
      // planned over an empty table, DuckDB folds `where id = 1` to nothing: no stale plan is kept
      expect(await store.one('cases/audit-seal')).toBeUndefined()
      await store.transaction((tx) =>
        tx.run('cases/audit-seal-insert', {
          key_id: 'k',
          keyed_from: 1,
          now: '2026-01-01T00:00:00Z',
        }),
      )
      expect(await store.one('cases/audit-seal')).toEqual({ key_id: 'k', keyed_from: 1 })
      // planned over no rows, a cached plan read strings back garbled ('i' for 'bad_iban')
      expect(await store.all('server/runs-quarantine')).toEqual([])
      await store.transaction(async (tx) => {
        for (const [i, code] of ['bad_iban', 'bad_iban', 'amount_too_large'].entries())
          await tx.run('fixture/insert-quarantine', {
            file_id: 'f',
            path: 'p',
            source_row: i,
            column_name: 'c',
            raw_value: 'v',
            reason_code: code,
            reason: 'r',
            raw_row: 'x',
          })
      })
      expect(await store.all('server/runs-quarantine')).toEqual([
        { reason_code: 'bad_iban', n: 2, files: 1 },
        { reason_code: 'amount_too_large', n: 1, files: 1 },
      ])
    })
  })
})
