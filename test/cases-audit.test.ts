// The audit chain: every change and export writes a row sealed with the audit key (HMAC) and a
// signed checkpoint outside the database. verifyAudit names every row that does not hold after
// each tampering the security review tried: an edit, a reorder, a deleted middle row, a deleted
// tail with the head reset, the whole chain recomputed without the key. `audit verify` exits 1.
import { describe, it, expect, afterEach } from 'vitest'
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { openStore, withStore, type Store } from '../src/store/index.ts'
import {
  appendAudit,
  AuditKeyError,
  exportAlerts,
  verifyAudit,
  type AuditVerifyResult,
} from '../src/cases/index.ts'
import { legacyHash, storedRow } from '../src/cases/audit.ts'
import { demoAuditKey, demoKeyFile } from '../src/cases/audit-key.ts'
import { AuditConfig } from '../src/cases/config.ts'
import { auditKey, type AuditKey } from '../src/util/audit-key.ts'
import { canonicalJson } from '../src/util/hash.ts'
import { main } from '../src/cli/main.ts'
import { deleteAuditRows, editAuditRow, resetAuditHead, swapAuditRows } from './fixtures/audit.ts'

const actor = { id: 'ana', role: 'analyst' } as const
const KEY_HEX = 'ab'.repeat(32)

async function seed(store: Store, n: number, from = 1) {
  for (let i = from; i < from + n; i++)
    await store.transaction(
      (tx) =>
        appendAudit(tx, {
          actor,
          action: 'case.note',
          entity_type: 'alert',
          entity_id: `A-${i}`,
          before: i % 2 ? null : { status: 'new' },
          after: { note: `note ${i}`, amount: 1234.5, nested: { b: 1, a: [1, 2] } },
          reason: i === 3 ? 'because' : null,
          at: `2026-01-${String(i).padStart(2, '0')}T10:00:00.${String(i * 7).padStart(3, '0')}Z`,
        }),
      { serial: true },
    )
}

const rowsOf = (store: Store) => store.all<Record<string, unknown>>('cases/audit-all')
const kinds = (r: AuditVerifyResult) => r.problems.map((p) => `${p.seq}:${p.problem}`)

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'rw-audit-'))
  dirs.push(d)
  return d
}

/** A database file with its key and checkpoint file outside it. */
async function fileStore(dir: string, key: AuditKey = keyIn(dir)) {
  return openStore({ path: join(dir, 'a.duckdb'), auditKey: key })
}
function keyIn(dir: string, hex = KEY_HEX): AuditKey {
  return auditKey(Buffer.from(hex, 'hex'), join(dir, 'a.duckdb.audit-checkpoints'), 'test')
}

describe('audit chain', () => {
  it('verifies an intact chain, and its hashes link', async () => {
    await withStore(async (store) => {
      await seed(store, 5)
      const r = await verifyAudit(store)
      expect(r).toMatchObject({ ok: true, rows: 5, problems: [], first_bad: null, keyed_from: 1 })
      expect(r.head?.seq).toBe(5)
    })
  })

  const md5 = (s: string) => createHash('md5').update(s).digest('hex')
  const cases: Array<[string, (store: Store) => Promise<void>, string[]]> = [
    [
      'an edited reason',
      (store) => editAuditRow(store, 3, { reason: 'nothing to see' }),
      ['3:edited'],
    ],
    [
      'an edited after',
      (store) => editAuditRow(store, 2, { after: { note: 'other' } }),
      ['2:edited'],
    ],
    ['an edited actor', (store) => editAuditRow(store, 4, { actor: 'sup' }), ['4:edited']],
    [
      'two edited rows, both named',
      async (store) => {
        await editAuditRow(store, 2, { entity_id: 'A-x' })
        await editAuditRow(store, 4, { entity_id: 'A-x' })
      },
      ['2:edited', '4:edited'],
    ],
    [
      'a deleted middle row',
      (store) => deleteAuditRows(store, 2),
      ['2:missing_or_reordered', '3:broken_link'],
    ],
    ['a deleted last row', (store) => deleteAuditRows(store, 5), ['5:tail_missing']],
    [
      'two reordered rows',
      (store) => swapAuditRows(store, 2, 3),
      ['2:broken_link', '2:edited', '3:broken_link', '3:edited', '4:broken_link'],
    ],
    [
      'a row re-hashed without relinking',
      async (store) => {
        const row = (await rowsOf(store))[2]
        const hash = md5(String(row.hash)) + md5(String(row.prev_hash))
        await editAuditRow(store, 3, { reason: 'x', hash })
      },
      ['3:edited', '4:broken_link'],
    ],
  ]
  for (const [what, tamper, problems] of cases)
    it(`finds ${what}`, async () => {
      await withStore(async (store) => {
        await seed(store, 5)
        await tamper(store)
        const r = await verifyAudit(store)
        expect(r.ok).toBe(false)
        expect(kinds(r)).toEqual(problems)
        expect(r.first_bad).toEqual(r.problems[0])
      })
    })

  it('hashes and stores the canonical form: NFC, a lone surrogate as U+FFFD', async () => {
    await withStore(async (store) => {
      await store.transaction(
        (tx) =>
          appendAudit(tx, {
            actor,
            action: 'case.escalate',
            entity_type: 'alert',
            entity_id: 'A-1',
            reason: 'why \ud800 here: Cafe\u0301',
            after: { 'note\udc00': 'Cafe\u0301 \udfff' },
          }),
        { serial: true },
      )
      const [row] = await rowsOf(store)
      expect(row.reason).toBe('why \ufffd here: Caf\u00e9')
      expect(JSON.parse(row.after as string)).toEqual({ 'note\ufffd': 'Caf\u00e9 \ufffd' })
      expect((await verifyAudit(store)).ok).toBe(true)
    })
  })
})

describe('keyed chain and checkpoints (a database file)', () => {
  it('writes one signed checkpoint per commit, outside the database, and verifies against it', async () => {
    const dir = tmp()
    const store = await fileStore(dir)
    try {
      await seed(store, 4)
      const lines = readFileSync(join(dir, 'a.duckdb.audit-checkpoints'), 'utf8').trim().split('\n')
      expect(lines.map((l) => JSON.parse(l).seq)).toEqual([1, 2, 3, 4])
      expect(statSync(join(dir, 'a.duckdb.audit-checkpoints')).mode & 0o077).toBe(0)
      const r = await verifyAudit(store)
      expect(r).toMatchObject({ ok: true, rows: 4, checkpoint: { seq: 4, after: 0 } })
    } finally {
      await store.close()
    }
  })

  it('a rolled-back transaction leaves no checkpoint', async () => {
    const dir = tmp()
    const store = await fileStore(dir)
    try {
      await seed(store, 2)
      await expect(
        store.transaction(
          async (tx) => {
            await appendAudit(tx, { actor, action: 'x', entity_type: 'alert', entity_id: 'A-9' })
            throw new Error('no')
          },
          { serial: true },
        ),
      ).rejects.toThrow('no')
      expect((await verifyAudit(store)).ok).toBe(true)
    } finally {
      await store.close()
    }
  })

  it('finds a deleted tail whose head was reset to the last row left', async () => {
    const dir = tmp()
    const store = await fileStore(dir)
    try {
      await seed(store, 6)
      await deleteAuditRows(store, 5, 6)
      await resetAuditHead(store, String((await rowsOf(store))[3].hash), 4)
      const r = await verifyAudit(store)
      expect(r.ok).toBe(false)
      expect(kinds(r)).toEqual(['5:tail_missing'])
    } finally {
      await store.close()
    }
  })

  it('finds the whole chain recomputed without the key (plain SHA-256, or another key)', async () => {
    for (const forge of ['sha256', 'other-key'] as const) {
      const dir = tmp()
      const store = await fileStore(dir)
      try {
        await seed(store, 5)
        await editAuditRow(store, 2, { reason: 'rewritten' })
        // recompute every hash and link, and the head, as someone without the key would
        let prev = '0'.repeat(64)
        for (const r of await rowsOf(store)) {
          const row = { ...storedRow(r), prev_hash: prev }
          const hash =
            forge === 'sha256'
              ? legacyHash(row)
              : createHmac('sha256', randomBytes(32))
                  .update(`${prev}\n${canonicalJson(row)}`)
                  .digest('hex')
          await editAuditRow(store, row.seq, { prev_hash: prev, hash })
          prev = hash
        }
        await resetAuditHead(store, prev)
        const r = await verifyAudit(store)
        expect(r.ok, forge).toBe(false)
        expect(kinds(r), forge).toEqual([
          '1:edited',
          '2:edited',
          '3:edited',
          '4:edited',
          '5:edited',
          '5:checkpoint_mismatch',
        ])
      } finally {
        await store.close()
      }
    }
  })

  it('finds a forged checkpoint line and a missing checkpoint file', async () => {
    const dir = tmp()
    const store = await fileStore(dir)
    try {
      await seed(store, 3)
      const file = join(dir, 'a.duckdb.audit-checkpoints')
      const last = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop()!)
      appendFileSync(file, JSON.stringify({ ...last, seq: 2 }) + '\n')
      expect(kinds(await verifyAudit(store))).toEqual(['0:checkpoint_forged'])
      rmSync(file)
      expect(kinds(await verifyAudit(store))).toEqual(['1:no_checkpoint'])
    } finally {
      await store.close()
    }
  })

  it('refuses to append without a key, and with a key other than the one that sealed the chain', async () => {
    const dir = tmp()
    const store = await fileStore(dir)
    await seed(store, 1)
    await store.close()
    const bare = await openStore({ path: join(dir, 'a.duckdb') })
    try {
      await expect(seed(bare, 1, 2)).rejects.toBeInstanceOf(AuditKeyError)
    } finally {
      await bare.close()
    }
    const other = await fileStore(dir, keyIn(dir, 'cd'.repeat(32)))
    try {
      await expect(seed(other, 1, 2)).rejects.toBeInstanceOf(AuditKeyError)
      await expect(verifyAudit(other)).rejects.toBeInstanceOf(AuditKeyError)
    } finally {
      await other.close()
    }
  })

  it('keeps rows from before keys verifiable, and the first keyed row guards them', async () => {
    const dir = tmp()
    const store = await fileStore(dir)
    try {
      // two rows as a database from before keys wrote them (plain SHA-256, no seal)
      let prev = '0'.repeat(64)
      for (const seq of [1, 2]) {
        const row = {
          seq,
          created_at: `2025-12-0${seq}T00:00:00.000Z`,
          actor: 'old',
          role: 'analyst',
          action: 'case.note',
          entity_type: 'alert',
          entity_id: 'A-old',
          before: null,
          after: { note: `n${seq}` },
          reason: null,
          prev_hash: prev,
        }
        const hash = legacyHash(row)
        // the row as the product's own append statement writes it
        await store.run('cases/audit-insert', {
          ...row,
          before: null,
          after: JSON.stringify(row.after),
          hash,
        })
        prev = hash
      }
      await resetAuditHead(store, prev, 2)
      await seed(store, 2, 3)
      const ok = await verifyAudit(store)
      expect(ok).toMatchObject({ ok: true, rows: 4, keyed_from: 3 })
      // a legacy row re-hashed consistently still breaks the first keyed row's link
      await editAuditRow(store, 2, { actor: 'someone' })
      const r2 = storedRow((await rowsOf(store))[1])
      await editAuditRow(store, 2, { hash: legacyHash(r2) })
      expect(kinds(await verifyAudit(store))).toEqual(['3:broken_link'])
    } finally {
      await store.close()
    }
  })

  it('every export writes an audit row in its transaction; a failed export writes none', async () => {
    await withStore(async (store) => {
      const out = new PassThrough()
      out.resume()
      await exportAlerts(store, { id: 'fiu', role: 'fiu_viewer' }, { format: 'jsonl', out })
      await expect(
        exportAlerts(store, actor, { format: 'goaml', out, ids: ['A-0bad'] }),
      ).rejects.toThrow()
      const rows = await rowsOf(store)
      expect(rows.map((r) => [r.actor, r.action, r.entity_type])).toEqual([
        ['fiu', 'export', 'export'],
      ])
      expect((await verifyAudit(store)).ok).toBe(true)
    })
  })
})

describe('the demo key', () => {
  it('is made beside a database whose folder does not exist yet (a fresh clone has no data/)', () => {
    const dir = tmp()
    const db = join(dir, 'data', 'ringwatch.duckdb')
    const said: string[] = []
    const key = demoAuditKey({ env: {}, config: AuditConfig.parse({}), db }, (l) => said.push(l))
    expect(key).toBeTruthy()
    expect(existsSync(demoKeyFile(db))).toBe(true)
    expect(statSync(demoKeyFile(db)).mode & 0o777).toBe(0o600)
    expect(said.join('')).toContain('made')
  })
})

describe('the command line', () => {
  const io = (env: NodeJS.ProcessEnv = {}) => {
    const out: string[] = []
    const sink = { write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WritableStream
    return { out, io: { stdout: sink, stderr: sink, env } }
  }

  it('`audit verify` exits 0 on an intact chain and 1 naming every bad row', async () => {
    const dir = tmp()
    const db = join(dir, 'a.duckdb')
    const store = await fileStore(dir)
    await seed(store, 4)
    const env = { RINGWATCH_AUDIT_KEY: KEY_HEX }
    const a = io(env)
    const code = await main(['audit', 'verify', '--db', db, '--json'], a.io)
    expect(JSON.parse(a.out.join(''))).toMatchObject({ ok: true, rows: 4 })
    expect(code).toBe(0)
    await editAuditRow(store, 2, { entity_id: 'A-x' })
    await editAuditRow(store, 3, { entity_id: 'A-x' })
    await store.close()
    const b = io(env)
    expect(await main(['audit', 'verify', '--db', db], b.io)).toBe(1)
    expect(b.out.join('')).toMatch(/seq 2: edited[\s\S]*seq 3: edited/)
    const c = io()
    expect(await main(['audit', 'verify', '--db', db], c.io)).toBe(2) // no key
    expect(c.out.join('')).toMatch(/RINGWATCH_AUDIT_KEY/)
  })

  it('commands that write audit rows refuse to start without a key; keygen makes one', async () => {
    const dir = tmp()
    const db = join(dir, 'a.duckdb')
    const a = io()
    expect(await main(['scan', '--db', db], a.io)).toBe(2)
    expect(a.out.join('')).toMatch(/audit log.*RINGWATCH_AUDIT_KEY/)
    expect(existsSync(db)).toBe(false)
    const keyFile = join(dir, 'audit.key')
    expect(await main(['audit', 'keygen', '--out', keyFile], io().io)).toBe(0)
    expect(statSync(keyFile).mode & 0o077).toBe(0)
    expect(await main(['audit', 'keygen', '--out', keyFile], io().io)).toBe(2) // never overwritten
    const b = io({ RINGWATCH_AUDIT_KEY_FILE: keyFile })
    expect(await main(['scan', '--db', db], b.io)).toBe(0)
    // another key is refused before any work
    const c = io({ RINGWATCH_AUDIT_KEY: createHash('sha256').update('x').digest('hex') })
    await main(
      ['users', 'add', 'x1', '--role', 'analyst', '--db', db],
      io({ RINGWATCH_AUDIT_KEY_FILE: keyFile }).io,
    )
    expect(await main(['users', 'add', 'x2', '--role', 'analyst', '--db', db], c.io)).toBe(2)
    expect(c.out.join('')).toMatch(/sealed with key/)
  })
})
