// Exports: jsonl lines are alert records (zod-checked), CSV has one row per alert, goAML STR XML
// follows the goAML 5 schema's element sequences (encoded below: order, required elements, choices),
// FtM entities link payments to accounts and parties. Each export leaves an audit row.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { PassThrough, Writable } from 'node:stream'
import { openStore, type Store } from '../src/store/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { runScanWith } from '../src/pipeline/scan-core.ts'
import { fixedEngines, seedPayments } from '../src/pipeline/fixtures.ts'
import {
  applyCaseAction,
  exportAlerts,
  listAlerts,
  verifyAudit,
  type ExportFormat,
} from '../src/cases/index.ts'
import { AlertRecord } from '../src/schema/alert.ts'
import { BadInputError } from '../src/util/errors.ts'
import type { CycleFinding } from '../src/schema/finding.ts'

// ---- a small XML reader for our output (elements and text, no attributes) --------------------
interface El {
  name: string
  children: El[]
  text: string
}
function parseXml(xml: string): El {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '')
  const root: El = { name: '#root', children: [], text: '' }
  const stack = [root]
  for (const m of body.matchAll(/<(\/?)([a-z_]+)>|([^<]+)/g)) {
    if (m[3] !== undefined) {
      stack[stack.length - 1].text += m[3].trim()
    } else if (m[1]) {
      const el = stack.pop()!
      if (el.name !== m[2]) throw new Error(`</${m[2]}> closes <${el.name}>`)
    } else {
      const el: El = { name: m[2], children: [], text: '' }
      stack[stack.length - 1].children.push(el)
      stack.push(el)
    }
  }
  expect(stack).toHaveLength(1)
  expect(root.children).toHaveLength(1)
  return root.children[0]
}

// ---- the goAML 5 STR structure we check against ----------------------------------------------
// Each element: its children in schema order as [names (a choice when several), min, max].
type Seq = Array<[string[], number, number]>
const one = (n: string): [string[], number, number] => [[n], 1, 1]
const opt = (n: string): [string[], number, number] => [[n], 0, 1]
const account: Seq = [
  one('institution_name'),
  [['institution_code', 'swift'], 0, 1],
  opt('non_bank_institution'),
  opt('branch'),
  one('account'),
  opt('currency_code'),
  opt('account_name'),
  opt('iban'),
  opt('client_number'),
  opt('personal_account_type'),
  opt('t_entity'),
  [['signatory'], 0, 99],
  opt('opened'),
  opt('closed'),
  opt('balance'),
  opt('date_balance'),
  opt('status_code'),
  opt('beneficiary'),
  opt('beneficiary_comment'),
  opt('comments'),
]
const STRUCTURE: Record<string, Seq> = {
  report: [
    one('rentity_id'),
    opt('rentity_branch'),
    one('submission_code'),
    one('report_code'),
    opt('entity_reference'),
    opt('fiu_ref_number'),
    one('submission_date'),
    one('currency_code_local'),
    opt('reporting_person'),
    opt('location'),
    opt('reason'),
    opt('action'),
    [['transaction'], 1, 1_000_000],
    one('report_indicators'),
  ],
  reporting_person: [
    opt('gender'),
    opt('title'),
    one('first_name'),
    opt('middle_name'),
    opt('prefix'),
    one('last_name'),
    opt('birthdate'),
    opt('email'),
    opt('occupation'),
  ],
  transaction: [
    one('transactionnumber'),
    opt('internal_ref_number'),
    opt('transaction_location'),
    opt('transaction_description'),
    one('date_transaction'),
    opt('teller'),
    opt('authorized'),
    opt('late_deposit'),
    opt('date_posting'),
    opt('value_date'),
    one('transmode_code'),
    opt('transmode_comment'),
    one('amount_local'),
    [['t_from_my_client', 't_from'], 1, 1],
    [['t_to_my_client', 't_to'], 1, 1],
    opt('goods_services'),
    opt('comments'),
  ],
  t_from_my_client: [
    one('from_funds_code'),
    opt('from_funds_comment'),
    opt('from_foreign_currency'),
    opt('t_conductor'),
    [['from_account', 'from_person', 'from_entity'], 1, 1],
    one('from_country'),
  ],
  t_to: [
    one('to_funds_code'),
    opt('to_funds_comment'),
    opt('to_foreign_currency'),
    [['to_account', 'to_person', 'to_entity'], 1, 1],
    one('to_country'),
  ],
  from_account: account,
  to_account: account,
  t_entity: [
    one('name'),
    opt('commercial_name'),
    opt('incorporation_legal_form'),
    opt('incorporation_number'),
    opt('business'),
    opt('incorporation_country_code'),
  ],
  goods_services: [[['item'], 1, 1000]],
  item: [
    one('item_type'),
    opt('item_make'),
    opt('description'),
    opt('estimated_value'),
    opt('comments'),
  ],
  report_indicators: [[['indicator'], 1, 1000]],
}

function checkStructure(el: El, path = el.name): void {
  const seq = STRUCTURE[el.name]
  if (!seq) {
    expect(el.children, `${path} is a leaf`).toEqual([])
    expect(el.text.length, `${path} has text`).toBeGreaterThan(0)
    return
  }
  let i = 0
  for (const [names, min, max] of seq) {
    let n = 0
    while (i < el.children.length && names.includes(el.children[i].name) && n < max) {
      n++
      i++
    }
    expect(n, `${path}: ${names.join('|')} occurs ${n}, needs ≥ ${min}`).toBeGreaterThanOrEqual(min)
  }
  expect(
    el.children.slice(i).map((c) => c.name),
    `${path}: elements out of order or unknown`,
  ).toEqual([])
  for (const c of el.children) checkStructure(c, `${path}/${c.name}`)
}

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
    { format, out, now: '2026-02-10T12:00:00.000Z', ...extra },
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

  it('goaml: an STR for the reported alert, in the schema’s structure', async () => {
    const { count, text } = await run('goaml')
    expect(count).toBe(1)
    const report = parseXml(text)
    expect(report.name).toBe('report')
    checkStructure(report)
    const get = (el: El, name: string) => el.children.find((c) => c.name === name)
    expect(get(report, 'report_code')?.text).toBe('STR')
    expect(get(report, 'entity_reference')?.text).toBe(reportedId)
    expect(get(report, 'submission_date')?.text).toBe('2026-02-10T12:00:00')
    const txs = report.children.filter((c) => c.name === 'transaction')
    expect(txs.map((t) => get(t, 'transactionnumber')?.text)).toEqual(['r1a', 'r1b', 'r1c'])
    const from = get(get(txs[0], 't_from_my_client')!, 'from_account')!
    expect(get(from, 'account')?.text).toBe(accounts[0])
    expect(get(from, 'iban')?.text).toBe(accounts[0])
    const goods = get(get(txs[1], 'goods_services')!, 'item')!
    expect(get(goods, 'item_type')?.text).toBe('HS 8459.61')
    expect(text).toContain('&lt;5-axis&gt; &amp; &quot;spare&quot;')
    expect(get(report, 'report_indicators')!.children.map((c) => c.text)).toContain('RW_CYCLE')
  })

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
    let wrote = 0
    // an output that takes its time (a slow disk, a slow client)
    const out = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, done) {
        wrote++
        void held.then(() => done())
      },
    })
    const before = (await verifyAudit(store)).rows
    const exporting = exportAlerts(store, { id: 'fiu', role: 'fiu_viewer' }, { format: 'ftm', out })
    while (wrote === 0) await new Promise((r) => setTimeout(r, 5))
    const other = (await listAlerts(store)).find((a) => a.id !== reportedId)!
    const note = applyCaseAction(store, { id: 'ana', role: 'analyst' }, other.id, {
      type: 'note',
      text: 'while an export runs',
    })
    const first = await Promise.race([
      note.then(() => 'note'),
      new Promise((r) => setTimeout(() => r('still waiting'), 10_000)),
    ])
    release()
    await exporting
    await note
    expect(first).toBe('note')
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
