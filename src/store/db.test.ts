import { describe, it, expect } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { openStore, withStore } from './index.ts'
import { listMigrations } from './migrate.ts'
import { DatabaseLockedError, NotFoundError } from '../util/errors.ts'

describe('store', () => {
  it('applies every migration once and records it', async () => {
    await withStore(async (store) => {
      const rows = await store.all<{ version: number; name: string }>('store/migrations')
      expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version))
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
          await tx.conn.exclusive((raw) =>
            raw.run(
              `insert into runs (run_id, kind, started_at, status) values ('r1', 'scan', now(), 'running')`,
            ),
          )
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      const n = await store.conn.exclusive(async (raw) =>
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

  it('a second process writing the same file fails fast with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-lock-'))
    const path = join(dir, 'db.duckdb')
    const store = await openStore({ path })
    try {
      const script = `
        import { register } from 'tsx/esm/api'; register();
        const { openStore } = await import(${JSON.stringify(new URL('./index.ts', import.meta.url).href)});
        try { await openStore({ path: ${JSON.stringify(path)} }); console.log('opened') }
        catch (e) { console.log(e.constructor.name + ': ' + e.message) }`
      const t0 = Date.now()
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
      })
      expect(r.stdout).toContain(DatabaseLockedError.name)
      expect(r.stdout).toContain('in use by another ringwatch process')
      expect(Date.now() - t0).toBeLessThan(30_000)
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
