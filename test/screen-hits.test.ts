// Screening hits as records, end to end on a small OFAC-format list and hand-made payments: what a
// hit records, weak aliases that need a second signal, ships that only a payment naming them hits,
// a new list version that re-screens known parties (list-change hits the next scan raises, hits of
// removed entries closed with a note, never deleted), and `lists diff`.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../src/store/index.ts'
import {
  diffSnapshots,
  importList,
  readScreening,
  screenWindow,
  type PartyHit,
} from '../src/screen/index.ts'
import { insertFixturePayments } from './fixtures/payments.ts'
import { windowBounds } from '../src/graph/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { runScan } from '../src/pipeline/index.ts'
import { exportAlerts, listAlerts, toAlertRecord } from '../src/cases/index.ts'
import { Writable } from 'node:stream'
import { sanctionsFindings } from '../src/score/index.ts'

// Screening on its own: every alert the lists raise, not the budget's cut of them.
const { config, hash } = parseConfig({ alerts: { max_per_10k_transfers: null } })
const WINDOW = { from: '2026-03-01', to: '2026-03-31' }
const row = (
  ent: number,
  name: string,
  type: string,
  program: string,
  flag: string,
  remarks: string,
) => `${ent},"${name}",${type},"${program}",-0- ,-0- ,-0- ,-0- ,-0- ,${flag},-0- ,${remarks}`
const ORION = row(1, 'ORION AVIA LLC', '-0- ', 'RUSSIA-EO14024', '-0- ', '-0- ')
const SHARIKH = row(
  2,
  'AL-SHARIKH, Abdul Mohsen Abdullah Ibrahim',
  '"individual"',
  'SDGT',
  '-0- ',
  `"DOB 1970; nationality Saudi Arabia; a.k.a. 'KARIMI, Ali'; Passport A1234567 (Saudi Arabia)."`,
)
const SOPHIA = row(
  3,
  'SOPHIA',
  '"vessel"',
  'IRAN',
  '"Iran"',
  '"Vessel Registration Identification IMO 9187629."',
)
const NEVSKY = row(4, 'NEVSKY ZAVOD JSC', '-0- ', 'RUSSIA-EO14024', '-0- ', '-0- ')
const KARIM = row(5, 'KARIM TRADING LLC', '-0- ', 'IRAN', '-0- ', '-0- ')

let dir: string
let store: Store
const byName = (hits: Map<string, PartyHit[]>, account: string) => hits.get(account) ?? []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-hits-'))
  store = await openStore({ path: ':memory:' })
  const p = (tx: string, ts: string, d: string, dn: string, c: string, cn: string, extra = {}) => ({
    tx_id: tx,
    ts,
    debtor_account: d,
    debtor_name: dn,
    creditor_account: c,
    creditor_name: cn,
    ...extra,
  })
  await insertFixturePayments(store, [
    p('t1', '2026-03-02T09:00:00Z', 'DE01', 'Orion Avia L.L.C.', 'AE01', 'Falcon Parts FZE', {
      debtor_country: 'RU',
    }),
    p('t2', '2026-03-03T09:00:00Z', 'DE02', 'Müller GmbH', 'DE10', 'Ali Karimi', {
      creditor_country: 'DE',
      creditor_bank: 'DEUTDEFFXXX',
    }),
    p('t3', '2026-03-04T09:00:00Z', 'DE03', 'Schmidt KG', 'SA01', 'Ali Karimi', {
      creditor_country: 'SA',
    }),
    p('t4', '2026-03-05T09:00:00Z', 'DE04', 'Becker AG', 'FR01', 'Ali Karimi', {
      creditor_country: 'FR',
      purpose: 'visa fee, passport A123 4567',
    }),
    p('t5', '2026-03-06T09:00:00Z', 'DE05', 'Sophia Weber', 'GR01', 'Hellas Shipping SA'),
    p('t6', '2026-03-07T09:00:00Z', 'GR02', 'Hellas Ship Management', 'GR03', 'M/V SOPHIA'),
    p('t7', '2026-03-08T09:00:00Z', 'DE06', 'Nevsky Zavod JSC', 'RU02', 'Ivan Petrov'),
    // paid before the window only: listed later by a new list version
    p('t8', '2026-02-10T09:00:00Z', 'DE07', 'Karim Trading LLC', 'AE02', 'Gulf Supplies FZE'),
  ])
  mkdirSync(join(dir, 'v1'))
  writeFileSync(join(dir, 'v1', 'sdn.csv'), [ORION, SHARIKH, SOPHIA, NEVSKY].join('\n') + '\n')
  await importList(store, join(dir, 'v1', 'sdn.csv'), {
    kind: 'sanctions',
    screen: config.screen,
    now: () => new Date('2026-03-10T00:00:00Z'),
  })
  await screenWindow(store, WINDOW, config.screen)
}, 60_000)

afterAll(async () => {
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('party hits', () => {
  it('records account, name as written, list, version, entity, matched name, parts and rule', async () => {
    const ctx = await readScreening(store, WINDOW)
    const [h] = byName(ctx.hitsByAccount, 'DE01')
    expect(h).toMatchObject({
      account: 'DE01',
      name: 'Orion Avia L.L.C.',
      list_source: 'sdn.csv',
      entry_id: '1',
      matched_name: 'ORION AVIA LLC',
      name_kind: 'name',
      rule: 'name',
      status: 'open',
      reason: 'screening',
    })
    expect(h.snapshot_id).toMatch(/^L-/)
    expect(h.hit_id).toMatch(/^H-/)
    // the party's country agrees with the program's: visible in the parts and the score
    expect(h.parts).toMatchObject({
      name: 1,
      token_overlap: 1,
      legal_form: 'same',
      country: 'agree',
      adjustments: { country: 0.05, entity_type: 0, birth_date: 0 },
    })
    expect(h.score).toBe(1)
  })

  it('raises a weak alias only with a second signal: country or an identifier in the remittance', async () => {
    const ctx = await readScreening(store, WINDOW)
    expect(byName(ctx.hitsByAccount, 'DE10')).toEqual([])
    expect(byName(ctx.hitsByAccount, 'SA01')[0]).toMatchObject({
      name_kind: 'weakAlias',
      matched_name: 'KARIMI, Ali',
      rule: 'weak-alias+country',
      signals: ['country'],
    })
    expect(byName(ctx.hitsByAccount, 'FR01')[0]).toMatchObject({
      rule: 'weak-alias+identifier',
      signals: ['identifier'],
    })
    expect(byName(ctx.hitsByAccount, 'FR01')[0].parts?.country).toBe('disagree')
  })

  it('never hits a ship with a person, only a payment that names the ship', async () => {
    const ctx = await readScreening(store, WINDOW)
    expect(byName(ctx.hitsByAccount, 'DE05')).toEqual([])
    expect(byName(ctx.hitsByAccount, 'GR03')[0]).toMatchObject({
      entry_id: '3',
      rule: 'craft+marker',
    })
  })
})

describe('a new list version', () => {
  let v1: string
  let v2: string

  beforeAll(async () => {
    mkdirSync(join(dir, 'v2'))
    writeFileSync(join(dir, 'v2', 'sdn.csv'), [ORION, SHARIKH, SOPHIA, KARIM].join('\n') + '\n')
    const s = await importList(store, join(dir, 'v2', 'sdn.csv'), {
      kind: 'sanctions',
      screen: config.screen,
      now: () => new Date('2026-03-20T00:00:00Z'),
    })
    expect(s.rescreen).toMatchObject({ opened: 1, closed: 1 })
    const snaps = (await store.all<{ snapshot_id: string }>('screen/list-snapshots')).map(
      (r) => r.snapshot_id,
    )
    ;[v1, v2] = snaps
  })

  it('opens a list-change hit for a known party that did not pay in the window', async () => {
    const ctx = await readScreening(store, WINDOW)
    expect(byName(ctx.hitsByAccount, 'DE07')[0]).toMatchObject({
      entry_id: '5',
      reason: 'list_change',
      in_window: false,
    })
    expect(ctx.listChangePayments.get('DE07')?.map((p) => p.tx_id)).toEqual(['t8'])
    const [f] = sanctionsFindings([], ctx)
    expect(f).toMatchObject({ accounts: ['AE02', 'DE07'], measures: { list_change: 1 } })
    expect(f.detail).toMatch(/newly listed on sdn\.csv/)
    expect(f.hits?.[0]).toMatchObject({ party_name: 'Karim Trading LLC', reason: 'list_change' })
  })

  it('closes the hit of an entry the list removed, with a note, and keeps it', async () => {
    const rows = await store.all<{ status: string; close_note: string }>(
      'screen/scope-hits',
      windowBounds(WINDOW),
    )
    expect(rows.length).toBeGreaterThan(0)
    const closed = await store.all<Record<string, unknown>>('server/account-hits', {
      account: 'DE06',
    })
    expect(closed).toHaveLength(1)
    expect(closed[0]).toMatchObject({ status: 'closed', entry_id: '4' })
    expect(String(closed[0].close_note)).toMatch(/entry 4 is no longer on sdn\.csv/)
    const ctx = await readScreening(store, WINDOW)
    expect(ctx.hitsByAccount.has('DE06')).toBe(false)
  })

  it('shows what changed between the two snapshots', async () => {
    const d = await diffSnapshots(store, v1, v2)
    expect(d.added.map((e) => e.entry_id)).toEqual(['5'])
    expect(d.removed.map((e) => e.entry_id)).toEqual(['4'])
    expect(d.changed).toEqual([])
  })

  it('the next scan raises the newly listed party with its hits as records', async () => {
    await runScan({ store, config, configHash: hash }, WINDOW)
    const alerts = (await listAlerts(store, { status: undefined, ids: null })).filter(
      (a) => a.typology === 'sanctions',
    )
    const karim = alerts.find((a) => a.accounts.includes('DE07'))
    expect(karim).toBeDefined()
    const rec = toAlertRecord(karim!)
    expect(rec.hits?.[0]).toMatchObject({
      account: 'DE07',
      party_name: 'Karim Trading LLC',
      list: 'sdn.csv',
      list_version: v2,
      entity_id: '5',
      matched_name: 'KARIM TRADING LLC',
      name_kind: 'name',
      rule: 'name',
      reason: 'list_change',
    })
    expect(rec.reasons.map((r) => r.text).join(' ')).toMatch(/newly listed/)
    // a weak alias alone raised nothing
    expect(alerts.some((a) => a.accounts.includes('DE10'))).toBe(false)
    // FollowTheMoney: the listed entity, and a Similar link from the party with score and rule
    let text = ''
    const out = new Writable({
      write(chunk, _enc, cb) {
        text += String(chunk)
        cb()
      },
    })
    await exportAlerts(
      store,
      { id: 'ana', role: 'analyst' },
      { format: 'ftm', ids: [karim!.id], out },
    )
    const entities = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const listed = entities.find((e) => e.schema === 'Company')
    expect(listed.properties).toMatchObject({ name: ['KARIM TRADING LLC'], topics: ['sanction'] })
    const link = entities.find((e) => e.schema === 'Similar')
    const party = entities.find((e) => e.id === link.properties.candidate[0])
    expect(party).toMatchObject({
      schema: 'LegalEntity',
      properties: { name: ['Karim Trading LLC'] },
    })
    expect(link.properties.match).toEqual([listed.id])
    expect(Number(link.properties.confidenceScore[0])).toBeGreaterThanOrEqual(0.82)
    expect(link.properties.criteria[0]).toMatch(/^rule name; 'Karim Trading LLC' ~ name/)
    // CSV: the hits in a column of their own
    let csv = ''
    await exportAlerts(
      store,
      { id: 'ana', role: 'analyst' },
      {
        format: 'csv',
        ids: [karim!.id],
        out: new Writable({
          write(chunk, _enc, cb) {
            csv += String(chunk)
            cb()
          },
        }),
      },
    )
    const [head, line] = csv.trim().split('\n')
    expect(head.split(',')).toContain('hits')
    expect(line).toContain(
      `DE07 ~ sdn.csv ${v2} entity 5 'KARIM TRADING LLC' (name) ${rec.hits![0].score} rule name list change`,
    )
  })
})
