// The audit chain: every change and export writes a hash-chained row; verifyAudit finds an edited,
// a reordered, a deleted (middle or last) row, naming the first bad seq; `audit verify` exits 1.
import { describe, it, expect } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { openStore, withStore, type Store } from '../src/store/index.ts'
import { appendAudit, exportAlerts, verifyAudit } from '../src/cases/index.ts'
import { main } from '../src/cli/main.ts'

const actor = { id: 'ana', role: 'analyst' } as const

async function seed(store: Store, n: number) {
  for (let i = 1; i <= n; i++)
    await store.transaction((tx) =>
      appendAudit(tx, {
        actor,
        action: 'case.note',
        entity_type: 'alert',
        entity_id: `A-${i}`,
        before: i % 2 ? null : { status: 'new' },
        after: { note: `note ${i}`, amount: 1234.5, nested: { b: 1, a: [1, 2] } },
        reason: i === 3 ? 'because' : null,
        at: `2026-01-0${i}T10:00:00.${String(i * 7).padStart(3, '0')}Z`,
      }),
    )
}

const sql = (store: Store, text: string) => store.conn.exclusive((raw) => raw.run(text))

describe('audit chain', () => {
  it('verifies an intact chain, and its hashes link', async () => {
    await withStore(async (store) => {
      await seed(store, 5)
      const r = await verifyAudit(store)
      expect(r).toMatchObject({ ok: true, rows: 5, first_bad: null })
      expect(r.head?.seq).toBe(5)
    })
  })

  const cases: Array<[string, string, number, string]> = [
    [
      'an edited reason',
      `update audit_log set reason = 'nothing to see' where seq = 3`,
      3,
      'edited',
    ],
    [
      'an edited after',
      `update audit_log set after = '{"note":"other"}' where seq = 2`,
      2,
      'edited',
    ],
    ['an edited actor', `update audit_log set actor = 'sup' where seq = 4`, 4, 'edited'],
    ['a deleted middle row', `delete from audit_log where seq = 2`, 2, 'missing_or_reordered'],
    ['a deleted last row', `delete from audit_log where seq = 5`, 5, 'tail_missing'],
    [
      'two reordered rows',
      `update audit_log set seq = case seq when 2 then 3 when 3 then 2 end where seq in (2, 3)`,
      2,
      'broken_link',
    ],
    [
      'a row re-hashed without relinking',
      `update audit_log set reason = 'x', hash = 'f' || substr(hash, 2) where seq = 3`,
      3,
      'edited',
    ],
  ]
  for (const [what, tamper, seq, problem] of cases)
    it(`finds ${what}`, async () => {
      await withStore(async (store) => {
        await seed(store, 5)
        await sql(store, tamper)
        const r = await verifyAudit(store)
        expect(r.ok).toBe(false)
        expect(r.first_bad).toMatchObject({ seq, problem })
      })
    })

  it('every export writes an audit row in its transaction; a failed export writes none', async () => {
    await withStore(async (store) => {
      const out = new PassThrough()
      out.resume()
      await exportAlerts(store, { id: 'fiu', role: 'fiu_viewer' }, { format: 'jsonl', out })
      await expect(
        exportAlerts(store, actor, { format: 'goaml', out, ids: ['A-0bad'] }),
      ).rejects.toThrow()
      const rows = await store.conn.exclusive(async (raw) =>
        (
          await raw.runAndReadAll('select actor, action, entity_type from audit_log')
        ).getRowObjectsJson(),
      )
      expect(rows).toEqual([{ actor: 'fiu', action: 'export', entity_type: 'export' }])
      expect((await verifyAudit(store)).ok).toBe(true)
    })
  })

  it('`ringwatch audit verify` exits 0 on an intact chain and 1 with the first bad seq', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-audit-'))
    try {
      const db = join(dir, 'a.duckdb')
      const store = await openStore({ path: db })
      await seed(store, 4)
      const io = () => {
        const out: string[] = []
        const sink = {
          write: (s: string) => (out.push(s), true),
        } as unknown as NodeJS.WritableStream
        return { out, io: { stdout: sink, stderr: sink, env: {} } }
      }
      const a = io()
      expect(await main(['audit', 'verify', '--db', db, '--json'], a.io)).toBe(0)
      expect(JSON.parse(a.out.join(''))).toMatchObject({ ok: true, rows: 4 })
      await sql(store, `update audit_log set entity_id = 'A-x' where seq = 2`)
      const b = io()
      expect(await main(['audit', 'verify', '--db', db], b.io)).toBe(1)
      expect(b.out.join('')).toMatch(/seq 2/)
      await store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
