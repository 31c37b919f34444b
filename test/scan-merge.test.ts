// Alerts merged across runs: the same ring found again updates its alert (new transfers, new
// score, version + 1, a history row) instead of opening a second one; a closed alert firing again
// with new transfers reopens with a note; the same scan on the same data reproduces the same
// alerts; every change is in the audit chain.
import { describe, it, expect } from 'vitest'
import { withStore, type Store } from '../src/store/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { runScanWith } from '../src/pipeline/scan-core.ts'
import { fixedEngines } from './fixtures/scan-engines.ts'
import { seedPayments, type FlowPayment as FixturePayment } from './fixtures/payments.ts'
import { runRows } from './fixtures/reads.ts'
import { ringFinding } from './fixtures/alerts.ts'
import {
  alertNotes,
  alertVersions,
  applyCaseAction,
  exportAlerts,
  listAlerts,
  verifyAudit,
} from '../src/cases/index.ts'
import { AlertRecord } from '../src/schema/alert.ts'
import type { CycleFinding } from '../src/schema/finding.ts'
import { PassThrough } from 'node:stream'

const { config, hash } = parseConfig({})
const ACCOUNTS = ['DE01', 'AE02', 'TR03', 'CY04']

const pay = (n: number, day: number, amount: number): FixturePayment => ({
  tx_id: `t${n}`,
  ts: `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`,
  amount,
  debtor: ACCOUNTS[(n - 1) % 4],
  creditor: ACCOUNTS[n % 4],
})
const payments = [
  pay(1, 2, 100_000),
  pay(2, 3, 98_000),
  pay(3, 4, 96_000),
  pay(4, 5, 95_000),
  pay(5, 6, 94_000),
  pay(6, 7, 93_000),
  pay(7, 8, 92_000),
  pay(8, 9, 91_000),
]

function cycle(txs: number[], retention: number): CycleFinding {
  const rows = txs.map((n) => payments[n - 1])
  return ringFinding(`cycle:${txs.join(',')}`, rows, ACCOUNTS, { retention, value_spread: 0.09 })
}

const scan = (store: Store, engines: ReturnType<typeof fixedEngines>) =>
  runScanWith(engines, { store, config, configHash: hash })

async function exported(store: Store) {
  const out = new PassThrough()
  const chunks: string[] = []
  out.on('data', (c) => chunks.push(String(c)))
  await exportAlerts(store, { id: 'tester', role: 'admin' }, { format: 'jsonl', out })
  return chunks
    .join('')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => AlertRecord.parse(JSON.parse(l)))
}

describe('alerts merged across runs', () => {
  it('the same ring found again updates its alert; a closed one reopens on new evidence', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments)
      const engines = fixedEngines([
        [cycle([1, 2, 3, 4], 0.95)],
        [cycle([3, 4, 5, 6], 0.97)], // same accounts, overlapping transfers, another key
        [cycle([3, 4, 5, 6], 0.97)], // nothing new
        [cycle([5, 6, 7, 8], 0.97)], // new transfers after the alert is closed
      ])
      const r1 = await scan(store, engines)
      expect(r1.alerts).toEqual({ new: 1, updated: 0, reopened: 0, unchanged: 0 })
      const [a1] = await listAlerts(store)
      expect(a1.tx_ids).toEqual(['t1', 't2', 't3', 't4'])
      expect(a1.provenance.run_id).toBe(r1.run_id)
      expect(a1.provenance.config_hash).toBe(hash)
      expect(a1.provenance.input_files).toEqual(['f'.repeat(64)])

      const r2 = await scan(store, engines)
      expect(r2.alerts).toEqual({ new: 0, updated: 1, reopened: 0, unchanged: 0 })
      const all2 = await listAlerts(store)
      expect(all2).toHaveLength(1)
      expect(all2[0].id).toBe(a1.id)
      expect(all2[0].version).toBe(2)
      expect(all2[0].tx_ids).toEqual(['t1', 't2', 't3', 't4', 't5', 't6'])
      expect(all2[0].provenance.run_id).toBe(r2.run_id)
      const versions = await alertVersions(store, a1.id)
      expect(versions.map((v) => [v.version, v.run_id, v.tx_count])).toEqual([
        [1, r1.run_id, 4],
        [2, r2.run_id, 6],
      ])

      // close it through the four-eyes workflow
      const analyst = { id: 'ana', role: 'analyst' } as const
      await applyCaseAction(store, analyst, a1.id, { type: 'start_review' })
      await applyCaseAction(store, analyst, a1.id, {
        type: 'propose',
        outcome: 'closed_benign',
        reason: 'known trade loop',
      })
      const closed = await applyCaseAction(store, { id: 'sup', role: 'supervisor' }, a1.id, {
        type: 'approve',
      })
      expect(closed.status).toBe('closed_benign')

      const r3 = await scan(store, engines)
      expect(r3.alerts).toEqual({ new: 0, updated: 0, reopened: 0, unchanged: 1 })
      expect((await listAlerts(store))[0].status).toBe('closed_benign')

      const r4 = await scan(store, engines)
      expect(r4.alerts).toEqual({ new: 0, updated: 0, reopened: 1, unchanged: 0 })
      const [reopened] = await listAlerts(store)
      expect(reopened.status).toBe('in_review') // it had an assignee
      expect(reopened.assignee).toBe('ana')
      expect(reopened.proposed_by).toBeNull()
      expect(reopened.version).toBe(3)
      expect(reopened.tx_ids).toHaveLength(8)
      const notes = await alertNotes(store, a1.id)
      expect(notes.at(-1)?.text).toMatch(/Reopened by scan .*2 new transfer\(s\).*closed_benign/)

      const verify = await verifyAudit(store)
      expect(verify.ok).toBe(true)
      const actions = await store.all<{ action: string }>('cases/audit-all')
      expect(actions.map((a) => a.action)).toEqual([
        'alert.create',
        'alert.update',
        'case.start_review',
        'case.propose',
        'case.approve',
        'alert.reopen',
      ])
      const runs = await runRows(store, 'scan')
      expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok'])
    })
  })

  it('updates and reopens many alerts in one scan, each with its history row and audit row', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments)
      const other = (txs: number[]) => ({
        ...cycle(txs, 0.95),
        accounts: ['XA01', 'XB02', 'XC03', 'XD04'],
      })
      const engines = fixedEngines([
        [cycle([1, 2, 3], 0.95), other([5, 6, 7])],
        [cycle([1, 2, 3, 4], 0.97), other([5, 6, 7, 8])], // both found again with more transfers
      ])
      // no alert budget: eight transfers would allow one alert
      const unbudgeted = parseConfig({ alerts: { max_per_10k_transfers: null } })
      const scanAll = () =>
        runScanWith(engines, { store, config: unbudgeted.config, configHash: unbudgeted.hash })
      const r1 = await scanAll()
      expect(r1.alerts.new).toBe(2)
      const before = await listAlerts(store)
      // close the second, so that the next scan reopens it
      const sup = { id: 'sup', role: 'supervisor' } as const
      const closing = before.find((a) => a.tx_ids.includes('t5'))!
      await applyCaseAction(store, { id: 'ana', role: 'analyst' }, closing.id, {
        type: 'start_review',
      })
      await applyCaseAction(store, { id: 'ana', role: 'analyst' }, closing.id, {
        type: 'propose',
        outcome: 'closed_false_positive',
        reason: 'salary',
      })
      await applyCaseAction(store, sup, closing.id, { type: 'approve' })
      const r2 = await scanAll()
      expect(r2.alerts).toEqual({ new: 0, updated: 1, reopened: 1, unchanged: 0 })
      const after = await listAlerts(store)
      expect(after.map((a) => [a.id, a.version, a.tx_ids.length, a.status]).sort()).toEqual(
        [
          [before.find((a) => a.tx_ids.includes('t1'))!.id, 2, 4, 'new'],
          [closing.id, 2, 4, 'in_review'], // it had an assignee
        ].sort(),
      )
      for (const a of after)
        expect((await alertVersions(store, a.id)).map((v) => [v.version, v.tx_count])).toEqual([
          [1, 3],
          [2, 4],
        ])
      expect((await alertNotes(store, closing.id)).at(-1)?.text).toMatch(/Reopened by scan/)
      expect((await verifyAudit(store)).ok).toBe(true)
      const actions = await store.all<{ seq: number; action: string }>('cases/audit-all')
      expect(
        actions
          .filter((a) => a.seq > 2)
          .map((a) => a.action)
          .slice(-2)
          .sort(),
      ).toEqual(['alert.reopen', 'alert.update'])
    })
  })

  it('the same scan on the same data and config reproduces the same alerts', async () => {
    const findings = [cycle([1, 2, 3, 4], 0.95), cycle([5, 6, 7, 8], 0.9)]
    const runOnce = () =>
      withStore(async (store) => {
        await seedPayments(store, payments)
        await scan(store, fixedEngines([findings]))
        return exported(store)
      })
    const [a, b] = [await runOnce(), await runOnce()]
    expect(a.length).toBeGreaterThan(0)
    const strip = (rs: AlertRecord[]) =>
      rs.map((r) => ({ ...r, provenance: { ...r.provenance, run_id: '' } }))
    expect(strip(b)).toEqual(strip(a))
    expect(a[0].provenance.run_id).not.toBe(b[0].provenance.run_id)
  })

  it('persists each account’s community and exposure, replaced by the next scan', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments)
      const rows = (table: 'account_communities' | 'account_exposure') =>
        store.all(
          table === 'account_communities'
            ? 'fixture/account-communities'
            : 'fixture/account-exposure',
        )
      const engines = fixedEngines(
        [[cycle([1, 2, 3, 4], 0.95)]],
        undefined,
        new Map(ACCOUNTS.map((a, i) => [a, i % 2])),
      )
      engines.runDetectors = () => ({
        findings: [cycle([1, 2, 3, 4], 0.95)],
        communities: new Map(ACCOUNTS.map((a, i) => [a, i % 2])),
        exposure: new Map([
          ['DE01', 0],
          ['AE02', 1],
        ]),
        stats: {},
      })
      await scan(store, engines)
      expect(await rows('account_communities')).toEqual([
        { account: 'AE02', community: 1 },
        { account: 'CY04', community: 1 },
        { account: 'DE01', community: 0 },
        { account: 'TR03', community: 0 },
      ])
      expect(await rows('account_exposure')).toEqual([
        { account: 'AE02', hops: 1 },
        { account: 'DE01', hops: 0 },
      ])
      engines.runDetectors = () => ({
        findings: [],
        communities: new Map(ACCOUNTS.map((a) => [a, 5])),
        exposure: new Map([['TR03', 2]]),
        stats: {},
      })
      await scan(store, engines)
      expect((await rows('account_communities')).map((r) => r.community)).toEqual([5, 5, 5, 5])
      expect(await rows('account_exposure')).toEqual([{ account: 'TR03', hops: 2 }])
    })
  })

  it('different accounts or no overlapping transfers open a second alert', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments)
      const other = { ...cycle([5, 6, 7, 8], 0.95), accounts: ['DE01', 'AE02', 'TR03', 'XX99'] }
      const r = await scan(store, fixedEngines([[cycle([1, 2, 3, 4], 0.95)], [other]]))
      expect(r.alerts.new).toBe(1)
      const engines = fixedEngines([[other]])
      const r2 = await scan(store, engines)
      expect(r2.alerts.new).toBe(1)
      expect(await listAlerts(store)).toHaveLength(2)
    })
  })
})
