// Exports: jsonl lines are alert records (zod-checked), CSV has one row per alert, goAML STR XML
// validates against a real FIU's goAML 5.0.2 schema (../shared/data/goaml; test/goaml-export.test.ts
// covers it in depth), FtM entities link payments to accounts and parties. Each export leaves an
// audit row.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { PassThrough, Writable } from 'node:stream'
import { openStore, type Store } from '../src/store/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { runScanWith } from '../src/pipeline/scan-core.ts'
import { fixedEngines } from './fixtures/scan-engines.ts'
import { seedPayments } from './fixtures/payments.ts'
import {
  applyCaseAction,
  exportAlerts,
  listAlerts,
  verifyAudit,
  type ExportFormat,
} from '../src/cases/index.ts'
import { AlertRecord } from '../src/schema/alert.ts'
import { BadInputError } from '../src/util/errors.ts'
import { findAll, parseXml, textOf } from '../src/ingest/xml.ts'
import { GOAML_XSD, goamlSchemaErrors, goamlTestSettings } from './goaml-schema.ts'
import type { CycleFinding } from '../src/schema/finding.ts'

// ---- fixture: two alerts, one taken through to reported ----------------------------------------
let store: Store
let reportedId: string
const accounts = ['DE89370400440532013000', 'AE070331234567890123456', 'TR330006100519786457841326']
const ring = (n: number): CycleFinding => ({
  typology: 'cycle',
  key: `cycle:${n}`,
  tx_ids: [`r${n}a`, `r${n}b`, `r${n}c`],
  accounts:
    n === 1
      ? accounts
      : ['FR7630006000011234567890189', 'DE02120300000000202051', 'NL91ABNA0417164300'],
  first_ts: '2026-02-01T09:00:00Z',
  last_ts: '2026-02-03T09:00:00Z',
  amount_in: 50_000,
  amount_out: 48_000,
  currency: 'EUR',
  span_hours: 48,
  explanation: 'ring',
  truncated: false,
  // a ring through pass-through accounts, as the detectors report it (evidence beyond the shape)
  signals: { history_days: 30, dedicated: 1, passing: 1, value_spread: 0.04 },
  measures: { hops: 3, retention: 0.96, min_hop_ratio: 0.98 },
})

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  const pays = [1, 2].flatMap((n) => {
    const acc = ring(n).accounts
    return ['a', 'b', 'c'].map((s, i) => ({
      tx_id: `r${n}${s}`,
      ts: `2026-02-0${i + 1}T09:00:00Z`,
      amount: 50_000 - i * 1000,
      debtor: acc[i],
      creditor: acc[(i + 1) % 3],
      purpose: i === 1 ? 'CNC milling machine <5-axis> & "spare" parts' : undefined,
      hs_code: i === 1 ? '8459.61' : undefined,
    }))
  })
  await seedPayments(store, pays)
  const { config, hash } = parseConfig({ alerts: { max_per_10k_transfers: null } })
  await runScanWith(fixedEngines([[ring(1), ring(2)]]), { store, config, configHash: hash })
  const alerts = await listAlerts(store)
  reportedId = alerts.find((a) => a.accounts.includes(accounts[0]))!.id
  const ana = { id: 'ana', role: 'analyst' } as const
  await applyCaseAction(store, ana, reportedId, { type: 'start_review' })
  await applyCaseAction(store, ana, reportedId, {
    type: 'propose',
    outcome: 'reported',
    reason: 'diversion ring',
  })
  await applyCaseAction(store, { id: 'sup', role: 'supervisor' }, reportedId, { type: 'approve' })
})
afterAll(() => store.close())

async function run(format: ExportFormat, extra: { status?: 'reported'; ids?: string[] } = {}) {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const r = await exportAlerts(
    store,
    { id: 'fiu', role: 'fiu_viewer' },
    { format, out, now: '2026-02-10T12:00:00.000Z', goaml: goamlTestSettings(), ...extra },
  )
  return { count: r.count, text: Buffer.concat(chunks).toString('utf8') }
}

describe('exports', () => {
  it('jsonl: each line is an alert record', async () => {
    const { count, text } = await run('jsonl')
    const lines = text.trim().split('\n')
    expect(count).toBe(2)
    expect(lines).toHaveLength(2)
    for (const l of lines) {
      const rec = AlertRecord.parse(JSON.parse(l))
      expect(Object.keys(JSON.parse(l)).sort()).toEqual(Object.keys(AlertRecord.shape).sort())
      expect(rec.tx_ids).toHaveLength(3)
      expect(rec.reasons.length).toBeGreaterThan(0)
    }
    const reported = (await run('jsonl', { status: 'reported' })).text.trim().split('\n')
    expect(reported.map((l) => JSON.parse(l).id)).toEqual([reportedId])
  })

  it('csv: a header and one row per alert', async () => {
    const { text } = await run('csv')
    const rows = text.trim().split('\n')
    expect(rows[0].split(',')).toContain('top_reasons')
    expect(rows).toHaveLength(3)
    expect(rows.some((r) => r.startsWith(reportedId + ',cycle,'))).toBe(true)
  })

  it.skipIf(!GOAML_XSD)(
    'goaml: an STR for the reported alert that the FIU schema accepts',
    async () => {
      const { count, text } = await run('goaml')
      expect(count).toBe(1)
      expect(await goamlSchemaErrors(text)).toEqual([])
      const report = parseXml(text).children[0]
      expect(report.name).toBe('report')
      expect(textOf(report, 'report_code')).toBe('STR')
      expect(textOf(report, 'entity_reference')).toBe(reportedId)
      expect(textOf(report, 'submission_date')).toBe('2026-02-10T12:00:00')
      expect(textOf(report, 'reason')).toBe('diversion ring')
      const txs = findAll(report, 'transaction')
      expect(txs.map((t) => textOf(t, 'transactionnumber'))).toEqual(['r1a', 'r1b', 'r1c'])
      expect(textOf(txs[0], 't_from', 'from_account', 'account')).toBe(accounts[0])
      expect(textOf(txs[0], 't_from', 'from_account', 'iban')).toBe(accounts[0])
      const goods = txs[1].children.find((c) => c.name === 'goods_services')!
      expect(textOf(goods, 'item', 'item_type')).toBe(goamlTestSettings().codes.goods_item)
      expect(textOf(goods, 'item', 'comments')).toContain('8459.61')
      expect(textOf(goods, 'item', 'description')).toBe(
        'CNC milling machine <5-axis> & "spare" parts',
      )
      expect(text).toContain('&lt;5-axis&gt; &amp;')
      const reasons = (await listAlerts(store, { ids: [reportedId] }))[0].reasons
      const mapping = goamlTestSettings().indicators
      expect(findAll(report, 'indicator').map((c) => c.text)).toEqual([
        ...new Set(reasons.flatMap((r) => mapping[r.code] ?? [])),
      ])
    },
  )

  it('goaml refuses alerts that are not reported', async () => {
    await expect(run('goaml', { ids: ['A-0000'] })).rejects.toBeInstanceOf(BadInputError)
    const other = (await listAlerts(store)).find((a) => a.id !== reportedId)!
    await expect(run('goaml', { ids: [other.id] })).rejects.toBeInstanceOf(BadInputError)
  })

  it('ftm: LegalEntity, BankAccount and Payment entities that link up', async () => {
    const { text } = await run('ftm', { ids: [reportedId] })
    const entities = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const bySchema = (s: string) => entities.filter((e) => e.schema === s)
    expect(bySchema('Payment')).toHaveLength(3)
    expect(bySchema('BankAccount')).toHaveLength(3)
    expect(bySchema('LegalEntity')).toHaveLength(3)
    const ids = new Set(entities.map((e) => e.id))
    for (const p of bySchema('Payment'))
      for (const k of ['payer', 'payerAccount', 'beneficiary', 'beneficiaryAccount'])
        expect(ids.has(p.properties[k][0]), `${k} resolves`).toBe(true)
    expect(
      bySchema('BankAccount')
        .map((b) => b.properties.iban[0])
        .sort(),
    ).toEqual([...accounts].sort())
  })

  it('ftm of many alerts: each alert’s entities, as its own export gives them', async () => {
    const all = await listAlerts(store)
    expect(all.length).toBe(2)
    const lines = (t: string) => t.trim().split('\n')
    const each = []
    for (const a of all) each.push(...lines((await run('ftm', { ids: [a.id] })).text))
    const together = lines((await run('ftm')).text)
    // entities of parties in both rings appear once per alert in either form
    expect(together).toEqual(each)
    const payments = together.map((l) => JSON.parse(l)).filter((e) => e.schema === 'Payment')
    expect(payments).toHaveLength(6)
  })

  it('an export under way does not hold up case actions (its audit row comes after its output)', async () => {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    let started!: () => void
    const writing = new Promise<void>((r) => (started = r))
    // an output that takes its time (a slow disk, a slow client): held until released
    const out = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, done) {
        started()
        void held.then(() => done())
      },
    })
    const before = (await verifyAudit(store)).rows
    let exported = false
    const exporting = exportAlerts(
      store,
      { id: 'fiu', role: 'fiu_viewer' },
      { format: 'ftm', out },
    ).then(() => (exported = true))
    await writing
    const other = (await listAlerts(store)).find((a) => a.id !== reportedId)!
    // The output stays held until the note is done: a note that waited for the export would
    // never finish (the test would time out), so finishing at all shows it did not wait.
    await applyCaseAction(store, { id: 'ana', role: 'analyst' }, other.id, {
      type: 'note',
      text: 'while an export runs',
    })
    expect(exported).toBe(false)
    release()
    await exporting
    const after = await verifyAudit(store)
    expect(after).toMatchObject({ ok: true, rows: before + 2 })
    const rows = await store.all<{ action: string }>('cases/audit-all')
    expect(rows.slice(-2).map((r) => r.action)).toEqual(['case.note', 'export'])
  })

  it('every export is in the audit chain', async () => {
    const before = await verifyAudit(store)
    await run('csv')
    const after = await verifyAudit(store)
    expect(after.ok).toBe(true)
    expect(after.rows).toBe(before.rows + 1)
  })
})
