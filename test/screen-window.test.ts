// screenWindow + readScreening end to end on hand-made payments and small lists: party hits with
// snapshot and explanation, goods classes from HS code and multilingual purpose text, mismatches,
// route flags from party and bank countries, replacement on re-screening, list versioning.
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withStore, type Store } from '../src/store/index.ts'
import {
  importList,
  listSnapshots,
  readScreening,
  screenWindow,
  ScreenConfig,
} from '../src/screen/index.ts'
import { insertFixturePayments, type FixturePayment } from './fixtures/payments.ts'

let dir: string
const config = ScreenConfig.parse({})
const WINDOW = { from: '2026-03-01', to: '2026-03-31' }

function writeList(name: string, text: string): string {
  const f = join(dir, name)
  writeFileSync(f, text)
  return f
}

const PAYMENTS: FixturePayment[] = [
  // controlled HS code under a generic description, to a hub, from a listed company
  {
    tx_id: 't1',
    ts: '2026-03-02T09:00:00Z',
    debtor_account: 'DE01',
    debtor_name: 'Orion Avia L.L.C.',
    creditor_account: 'AE01',
    creditor_name: 'Falcon Parts FZE',
    creditor_country: 'AE',
    purpose: 'spare parts for agricultural machinery',
    hs_code: '8542.31.00',
  },
  // German purpose text, uncontrolled HS code, bank in a sanctioned country
  {
    tx_id: 't2',
    ts: '2026-03-03T09:00:00Z',
    debtor_account: 'DE02',
    debtor_name: 'Müller Maschinenbau GmbH',
    creditor_account: 'RU01',
    creditor_name: 'Ivan Petrov',
    creditor_bank: 'SABRRUMMXXX',
    purpose: 'Lieferung Rillenkugellager und Frequenzumrichter',
    hs_code: '6109',
  },
  // Russian purpose text, no HS code, a look-alike name that must not hit
  {
    tx_id: 't3',
    ts: '2026-03-28T09:00:00Z',
    debtor_account: 'DE03',
    debtor_name: 'Orion Logistics GmbH',
    creditor_account: 'KZ01',
    creditor_name: 'Global Trading LLC',
    creditor_country: 'KZ',
    purpose: 'поставка микросхем',
  },
  // nothing to flag
  {
    tx_id: 't4',
    ts: '2026-03-29T09:00:00Z',
    debtor_account: 'DE04',
    debtor_name: 'Bäckerei Schmidt',
    debtor_country: 'DE',
    creditor_account: 'DE05',
    creditor_name: 'Mehl AG',
    creditor_country: 'DE',
    purpose: 'Mehl',
    hs_code: '1101',
  },
  // outside the window
  {
    tx_id: 't5',
    ts: '2026-04-02T09:00:00Z',
    debtor_account: 'DE06',
    debtor_name: 'Orion Avia LLC',
    creditor_account: 'IR01',
    creditor_country: 'IR',
    hs_code: '854231',
  },
]

describe('screenWindow and readScreening', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rw-screen-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  async function setup(store: Store) {
    const list = writeList(
      'watch.csv',
      'name,aliases,country,list\nOrion Avia LLC,Orion Aviation,RU,EU\nGlobal Tech Trading LLC,,AE,EU\n',
    )
    const imported = await importList(store, list, { kind: 'sanctions' })
    await importList(store, 'samples/lists/goods-hs.csv', { kind: 'goods' })
    await importList(store, 'samples/lists/goods-lexicon.csv', { kind: 'goods' })
    await insertFixturePayments(store, PAYMENTS)
    return imported
  }

  it('flags parties, goods and routes of the window only, with explanations', async () => {
    await withStore(async (store) => {
      const imported = await setup(store)
      const s = await screenWindow(store, WINDOW, config)
      expect(s).toMatchObject({
        transfers: 4,
        party_hits: 1,
        accounts_hit: 1,
        goods_flagged: 3,
        goods_mismatches: 2,
      })
      const ctx = await readScreening(store, WINDOW)
      expect([...ctx.hitsByAccount.keys()]).toEqual(['DE01'])
      const [hit] = ctx.hitsByAccount.get('DE01')!
      expect(hit).toMatchObject({
        name: 'Orion Avia L.L.C.',
        snapshot_id: imported.snapshot_id,
        caption: 'Orion Avia LLC',
        schema: 'LegalEntity',
      })
      expect(hit.explanation.tokens.map((t) => t.query)).toEqual(['orion', 'avia'])
      expect(hit.explanation.text).toContain('Orion Avia')
      expect(hit.explanation.topics).toEqual(['sanction'])

      expect(ctx.goodsByTx.get('t1')).toMatchObject({
        source: 'hs',
        tier: '1',
        hs_prefix: '854231',
        mismatch: true,
        category: 'integrated-circuits',
      })
      expect(ctx.goodsByTx.get('t2')).toMatchObject({ source: 'lexicon', mismatch: true })
      expect(ctx.goodsByTx.get('t2')!.terms).toEqual(
        expect.arrayContaining(['kugellager', 'frequenzumrichter']),
      )
      expect(ctx.goodsByTx.get('t3')).toMatchObject({
        source: 'lexicon',
        category: 'integrated-circuits',
        mismatch: false,
      })
      expect(ctx.goodsByTx.has('t4')).toBe(false)
      expect(ctx.goodsByTx.has('t5')).toBe(false)

      expect(ctx.routesByTx.get('t1')).toMatchObject({
        hub: true,
        sanctioned: false,
        countries: ['AE'],
      })
      expect(ctx.routesByTx.get('t2')).toMatchObject({
        sanctioned: true,
        sanctioned_countries: ['RU'],
      })
      expect(ctx.routesByTx.get('t3')).toMatchObject({ hub: true, hub_countries: ['KZ'] })
      expect(ctx.routesByTx.has('t4')).toBe(false)

      expect([...ctx.newAccounts].sort()).toEqual(['DE03', 'DE04', 'DE05', 'KZ01'])
      // the default goods lists of the formats not imported above came in by themselves
      expect(Object.keys(ctx.listVersions).sort()).toEqual([
        'goods:goods-categories.csv',
        'goods:goods-hs.csv',
        'goods:goods-lexicon.csv',
        'goods:hs-successors.csv',
        'sanctions:watch.csv',
      ])
    })
  })

  it('re-screening replaces earlier results, and a new list version replaces the active one', async () => {
    await withStore(async (store) => {
      await setup(store)
      const first = await screenWindow(store, WINDOW, config)
      const second = await screenWindow(store, WINDOW, config)
      // names screened once against these list versions are not matched again
      expect(first.names_new).toBe(first.names_screened)
      expect(second).toMatchObject({ names_new: 0, party_hits: first.party_hits })
      expect((await readScreening(store, WINDOW)).hitsByAccount.get('DE01')).toHaveLength(1)
      // version 2 of the list drops Orion and lists Falcon Parts
      const v2 = writeList('watch.csv', 'name,aliases,country,list\nFalcon Parts FZE,,AE,EU\n')
      const again = await importList(store, v2, { kind: 'sanctions' })
      expect(again).toMatchObject({ status: 'imported', replaced: 1 })
      expect((await importList(store, v2, { kind: 'sanctions' })).status).toBe('unchanged')
      const snaps = (await listSnapshots(store)).filter((x) => x.source === 'watch.csv')
      expect(snaps.map((x) => x.active)).toEqual([false, true])
      const third = await screenWindow(store, WINDOW, config)
      expect(third.names_new).toBe(third.names_screened) // new list version: every name again
      const ctx = await readScreening(store, WINDOW)
      expect([...ctx.hitsByAccount.keys()]).toEqual(['AE01'])
      expect(ctx.listVersions['sanctions:watch.csv']).toBe(again.snapshot_id)
    })
  })

  it('imports the default goods lists itself when none is active, and respects configured routes', async () => {
    await withStore(async (store) => {
      await insertFixturePayments(store, PAYMENTS)
      const s = await screenWindow(
        store,
        WINDOW,
        ScreenConfig.parse({ sanctioned_countries: ['KZ'], diversion_hubs: [] }),
      )
      expect(s.goods_flagged).toBe(3)
      expect(s).toMatchObject({ routes_sanctioned: 1, routes_hub: 0, party_hits: 0 })
      expect((await readScreening(store, WINDOW)).routesByTx.get('t3')).toMatchObject({
        sanctioned: true,
      })
    })
  })

  it('a malformed row is reported with its line and the rest is imported', async () => {
    await withStore(async (store) => {
      const f = writeList(
        'bad.csv',
        'name,aliases,country,list\nGood One Ltd,,,X\n,,,\n"Open quote Ltd,,,X\n',
      )
      const s = await importList(store, f, { kind: 'sanctions' })
      expect(s.entries).toBe(1)
      expect(s.errors.map((e) => e.line)).toEqual([3, 4])
    })
  })
})
