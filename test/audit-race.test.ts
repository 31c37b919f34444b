// Audit appends racing each other and the chain's verification, in one process on one database
// file: the server's batch job (its scan on a worker thread, its verification at the end) while
// analysts act on cases. Every append goes through the store's one writer lock, and a verification
// reads the rows, the head and the checkpoints as one state of the chain: the soak's batch jobs
// failed with "audit chain broken at seq N" when a case action committed between those reads.
import { afterEach, describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../src/store/index.ts'
import { appendAudit, appendAuditMany, applyCaseAction, verifyAudit } from '../src/cases/index.ts'
import { loadConfig } from '../src/config/index.ts'
import { ingestPaths } from '../src/ingest/index.ts'
import { importList } from '../src/screen/index.ts'
import { runScan } from '../src/pipeline/index.ts'
import { JobRunner } from '../src/server/jobs/runner.ts'
import { auditKey } from '../src/util/audit-key.ts'
import { auditCount } from './fixtures/audit.ts'

const ana = { id: 'ana', role: 'analyst' } as const
const DAYS = readdirSync('samples/days')
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => join('samples/days', f))

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A database file with its key and its checkpoint file outside it. */
async function fileStore(): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-audit-race-'))
  dirs.push(dir)
  const key = auditKey(Buffer.from('ab'.repeat(32), 'hex'), join(dir, 'db.checkpoints'), 'test')
  return { store: await openStore({ path: join(dir, 'db.duckdb'), auditKey: key }), dir }
}

describe('audit appends and verification racing in one process', () => {
  it('refuses an append outside a serial transaction, which could take a head another moves', async () => {
    const { store } = await fileStore()
    try {
      const entry = { actor: ana, action: 'case.note', entity_type: 'alert', entity_id: 'A-1' }
      await expect(store.transaction((tx) => appendAudit(tx, entry))).rejects.toThrow(/serial/)
      await expect(appendAudit(store, entry)).rejects.toThrow(/serial/)
      expect((await verifyAudit(store)).rows).toBe(0)
    } finally {
      await store.close()
    }
  })

  it('a verification under way while rows are appended sees one state of the chain', async () => {
    const { store } = await fileStore()
    try {
      const append = (i: number) =>
        store.transaction(
          (tx) =>
            appendAudit(tx, {
              actor: ana,
              action: 'case.note',
              entity_type: 'alert',
              entity_id: `A-${i}`,
            }),
          { serial: true },
        )
      for (let i = 0; i < 10; i++) await append(i)
      let appending = true
      const appends = (async () => {
        for (let i = 10; i < 210; i++) await append(i)
        appending = false
      })()
      const results = []
      while (appending) results.push(await verifyAudit(store))
      await appends
      expect(results.length).toBeGreaterThan(2)
      expect(results.flatMap((r) => r.problems)).toEqual([])
      const last = await verifyAudit(store)
      expect(last).toMatchObject({ ok: true, rows: 210, head: { seq: 210 } })
      expect(last.checkpoint).toMatchObject({ seq: 210, after: 0 })
    } finally {
      await store.close()
    }
  }, 60_000)

  it('an inbox-style batch job (scan on a worker thread) succeeds while analysts act on cases', async () => {
    const { store, dir } = await fileStore()
    const { config, hash } = loadConfig('samples/config.json')
    const runner = new JobRunner({ store, config, configHash: hash })
    try {
      // alerts to work on: the first days landed and scanned before the job
      await importList(store, 'samples/lists/watchlist.csv', { kind: 'sanctions' })
      await ingestPaths(store, DAYS.slice(0, 3), { config: config.ingest })
      await runScan({ store, config, configHash: hash })
      const alerts = await store.all<{ id: string }>('eval/alerts')
      expect(alerts.length).toBeGreaterThan(0)
      // a chain of some length, as a working database has: its verification takes a while
      const history = Array.from({ length: 5000 }, (_, i) => ({
        actor: ana,
        action: 'case.note',
        entity_type: 'alert',
        entity_id: alerts[i % alerts.length].id,
        after: { note: `earlier note ${i}` },
      }))
      await store.transaction((tx) => appendAuditMany(tx, history), { serial: true })
      const before = (await verifyAudit(store)).rows
      const scanRowsBefore = await auditCount(store, { actor: 'scan' })

      const inbox = join(dir, 'batch')
      mkdirSync(inbox)
      for (const f of DAYS.slice(3)) copyFileSync(f, join(inbox, f.split('/').pop()!))
      await runner.start()
      const job = await runner.submit({ kind: 'batch', dir: inbox, lists: [] }, ana, 'inbox')

      // three analysts' worth of notes, back to back, for as long as the job runs
      let notes = 0
      const notesBefore = await auditCount(store, { action: 'case.note' })
      const analyst = async (k: number) => {
        for (let i = k; runner.busy(); i += 3) {
          await applyCaseAction(store, ana, alerts[i % alerts.length].id, {
            type: 'note',
            text: `looked at it (${i})`,
          })
          notes++
        }
      }
      await Promise.all([analyst(0), analyst(1), analyst(2), runner.drain()])

      const done = await runner.get(job.id)
      const report = done.result as { failures: unknown[]; audit: { ok: boolean; rows: number } }
      expect(report.failures).toEqual([])
      expect(done.status).toBe('ok')
      expect(report.audit.ok).toBe(true)
      expect(notes).toBeGreaterThan(0)

      const v = await verifyAudit(store)
      const scanRows = (await auditCount(store, { actor: 'scan' })) - scanRowsBefore
      expect(scanRows).toBeGreaterThan(0)
      expect(await auditCount(store, { action: 'case.note' })).toBe(notesBefore + notes)
      expect(v).toMatchObject({ ok: true, problems: [], rows: before + notes + scanRows })
      expect(v.head?.seq).toBe(v.rows)
      expect(v.checkpoint).toMatchObject({ seq: v.rows, after: 0 })
    } finally {
      await runner.stop()
      await store.close()
    }
  }, 180_000)
})
