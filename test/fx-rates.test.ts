// Reference rates: both file layouts (ECB's eurofxref-hist.csv with its real quirks, and plain
// date,currency,rate_to_base), bad cells reported by line and field, versioning, and the conversion
// of the window's amounts to the base currency (nearest earlier rate, weekends, before the first
// rate, cross rates, a currency with no rate).
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withStore, type Store } from '../src/store/index.ts'
import { importList, listSnapshots, listVersions, ensureFxRates } from '../src/screen/index.ts'
import { FxConfig } from '../src/screen/fx-config.ts'
import { loadWindow } from '../src/graph/index.ts'
import { seedPayments } from './fixtures/payments.ts'
import { parseConfig } from '../src/config/index.ts'
import { BadInputError } from '../src/util/errors.ts'

// The layout of ECB's file: newest day first, a trailing comma on every line, N/A where a currency
// has no quote, and columns for currencies the euro replaced (CYP).
const ECB = [
  'Date,USD,JPY,CYP,GBP,',
  '2025-01-06,1.0389,163.55,N/A,0.8302,',
  '2025-01-03,1.0299,162.77,N/A,N/A,',
  '2025-01-02,1.0321,161.92,N/A,0.8290,',
  '',
].join('\n')

/** The stored rates of a snapshot, by currency and day. */
async function ratesOf(store: Store, snapshotId: string) {
  return store.all('fixture/fx-rates-of', { snapshot_id: snapshotId })
}

describe('lists import --kind fx', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rw-fx-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, text: string) => {
    const f = join(dir, name)
    writeFileSync(f, text)
    return f
  }

  it("reads ECB's eurofxref-hist.csv as published: trailing comma, N/A cells, newest first", async () => {
    await withStore(async (store) => {
      const s = await importList(store, file('eurofxref-hist.csv', ECB), { kind: 'fx' })
      expect(s).toMatchObject({
        format: 'ecb-hist',
        kind: 'fx',
        reference_currency: 'EUR',
        status: 'imported',
        entries: 8, // 3 USD + 3 JPY + 2 GBP; N/A and CYP left out
        bad_rows: 0,
        skipped: { 'withdrawn currency column CYP': 1 },
      })
      const got = await ratesOf(store, s.snapshot_id)
      expect(got.filter((r) => r.currency === 'GBP')).toEqual([
        { day: '2025-01-02', currency: 'GBP', per_ref: 0.829 },
        { day: '2025-01-06', currency: 'GBP', per_ref: 0.8302 },
      ])
      expect(got.find((r) => r.currency === 'USD' && r.day === '2025-01-03')?.per_ref).toBe(1.0299)
    })
  })

  it('reports each bad cell or row with its line and field and keeps the rest', async () => {
    await withStore(async (store) => {
      const text = [
        '# ECB reference rates, trimmed',
        'Date,USD,XYZ,JPY,',
        '2025-01-06,1.0389,1,163.55,',
        '2025-02-30,1.0299,1,162.77,', // no such day
        '2025-01-03,-1.02,1,162.77,', // non-positive rate
        '2025-01-02,1.0321,1,abc,', // not a number
        '2025-01-06,1.05,1,160,', // the same day again
      ].join('\n')
      const s = await importList(store, file('ecb.csv', text), { kind: 'fx' })
      expect(s.status).toBe('imported')
      expect(s.errors.map((e) => [e.line, e.field])).toEqual([
        [2, 'XYZ'],
        [4, 'Date'],
        [5, 'USD'],
        [6, 'JPY'],
        [7, 'USD'],
        [7, 'JPY'],
      ])
      expect(s.errors[2].message).toMatch(/-1\.02.*not a positive number/)
      expect(s.errors[4].message).toMatch(/second rate for USD on 2025-01-06.*line 3/)
      // kept: 2025-01-06 USD and JPY, 2025-01-03 JPY, 2025-01-02 USD
      expect(s.entries).toBe(4)
    })
  })

  it('reads plain date,currency,rate_to_base against the base given, and records that base', async () => {
    await withStore(async (store) => {
      const text = [
        '# approximate rates',
        'date,currency,rate_to_base',
        '2025-01-02,USD,0.96',
        '2025-01-02,EUR,1', // the base itself: 1 by definition
        '2025-01-02,QQQ,2', // not ISO 4217
        '2025-01-02,GBP,0', // not positive
        '02/01/2025,GBP,1.2', // not ISO 8601
        '2025-01-03,gbp,1.2',
      ].join('\n')
      const s = await importList(store, file('rates.csv', text), { kind: 'fx', base: 'EUR' })
      expect(s).toMatchObject({ format: 'plain-rates', reference_currency: 'EUR', entries: 2 })
      expect(s.errors.map((e) => [e.line, e.field])).toEqual([
        [5, 'currency'],
        [6, 'rate_to_base'],
        [7, 'date'],
      ])
      const got = await ratesOf(store, s.snapshot_id)
      // 1 USD = 0.96 EUR → 1 EUR = 1 / 0.96 USD
      expect(got.find((r) => r.currency === 'USD')?.per_ref).toBeCloseTo(1 / 0.96, 12)
      expect(got.find((r) => r.currency === 'GBP')?.per_ref).toBeCloseTo(1 / 1.2, 12)
      await expect(
        importList(store, file('rates2.csv', text), { kind: 'fx' }),
      ).rejects.toBeInstanceOf(BadInputError)
      await expect(
        importList(store, file('rates3.csv', text), { kind: 'fx', base: 'XXQ' }),
      ).rejects.toBeInstanceOf(BadInputError)
    })
  })

  it('versions like the other lists: same file no-op, newer file replaces, one rate table in force', async () => {
    await withStore(async (store) => {
      const f = file('eurofxref-hist.csv', ECB)
      const a = await importList(store, f, { kind: 'fx' })
      const again = await importList(store, f, { kind: 'fx' })
      expect(again).toMatchObject({ status: 'unchanged', snapshot_id: a.snapshot_id })
      writeFileSync(
        f,
        ECB.replace(
          'Date,USD,JPY,CYP,GBP,\n',
          'Date,USD,JPY,CYP,GBP,\n2025-01-07,1.03,162,N/A,0.83,\n',
        ),
      )
      const b = await importList(store, f, { kind: 'fx' })
      expect(b).toMatchObject({ status: 'imported', replaced: 1 })
      expect(b.snapshot_id).not.toBe(a.snapshot_id)
      const plain = file('other.csv', 'date,currency,rate_to_base\n2025-01-02,USD,0.9\n')
      const c = await importList(store, plain, { kind: 'fx', base: 'EUR' })
      expect(c.replaced).toBe(1)
      expect((await listSnapshots(store)).map((s) => [s.snapshot_id, s.active])).toEqual([
        [a.snapshot_id, false],
        [b.snapshot_id, false],
        [c.snapshot_id, true],
      ])
      expect(await listVersions(store)).toEqual({ 'fx:other.csv': c.snapshot_id })
      // The same file with another base is another snapshot.
      const d = await importList(store, plain, { kind: 'fx', base: 'CHF' })
      expect(d).toMatchObject({ status: 'imported', reference_currency: 'CHF' })
      // A goods or sanctions format is refused for --kind fx, and the reverse.
      await expect(
        importList(store, file('l.csv', 'name,aliases,country,list\nX,,,\n'), { kind: 'fx' }),
      ).rejects.toBeInstanceOf(BadInputError)
      await expect(importList(store, f, { kind: 'goods' })).rejects.toBeInstanceOf(BadInputError)
    })
  })

  it('imports the configured default rates when none are active, and only then', async () => {
    await withStore(async (store) => {
      const fx = FxConfig.parse({})
      const first = await ensureFxRates(store, fx)
      expect(first).toMatchObject({ reference_currency: 'EUR', source: 'fx-rates.csv' })
      const own = await importList(store, file('eurofxref-hist.csv', ECB), { kind: 'fx' })
      expect(await ensureFxRates(store, fx)).toMatchObject({ snapshot_id: own.snapshot_id })
      expect((await listSnapshots(store)).filter((s) => s.active)).toHaveLength(1)
    })
  })

  it('config fx.base_currency must be an ISO 4217 code', () => {
    expect(parseConfig({ fx: { base_currency: 'usd' } }).config.fx.base_currency).toBe('USD')
    expect(() => parseConfig({ fx: { base_currency: 'EURO' } })).toThrow(BadInputError)
    expect(() => parseConfig({ fx: { base_currency: 'ABC' } })).toThrow(BadInputError)
  })
})

describe('amounts in the base currency (loadWindow)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rw-fx-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  // 2025-01-03 is a Friday; 2025-01-04/05 a weekend; the first rate is on Thursday 2025-01-02.
  const PAYMENTS = [
    { tx_id: 'usd-before', ts: '2024-12-30T12:00:00Z', amount: 1000, currency: 'USD' },
    { tx_id: 'usd-thu', ts: '2025-01-02T23:59:59Z', amount: 1000, currency: 'USD' },
    { tx_id: 'usd-sat', ts: '2025-01-04T09:00:00Z', amount: 1000, currency: 'USD' },
    { tx_id: 'usd-mon', ts: '2025-01-06T00:00:00Z', amount: 1000, currency: 'USD' },
    { tx_id: 'usd-later', ts: '2025-01-20T08:00:00Z', amount: 1000, currency: 'USD' },
    { tx_id: 'eur-sat', ts: '2025-01-04T10:00:00Z', amount: 500, currency: 'EUR' },
    { tx_id: 'jpy-sat', ts: '2025-01-05T10:00:00Z', amount: 100000, currency: 'JPY' },
    { tx_id: 'gbp-fri', ts: '2025-01-03T10:00:00Z', amount: 200, currency: 'GBP' },
    { tx_id: 'chf-mon', ts: '2025-01-06T10:00:00Z', amount: 300, currency: 'CHF' },
  ].map((p, i) => ({ ...p, debtor: `DA${i}`, creditor: `CB${i}` }))

  const baseOf = (g: Awaited<ReturnType<typeof loadWindow>>, tx: string) =>
    g.amountBase[g.txIds.indexOf(tx)]

  it('converts at the nearest earlier rate (weekends, before the first rate) into EUR', async () => {
    await withStore(async (store) => {
      writeFileSync(join(dir, 'eurofxref-hist.csv'), ECB)
      const s = await importList(store, join(dir, 'eurofxref-hist.csv'), { kind: 'fx' })
      await seedPayments(store, PAYMENTS)
      const g = await loadWindow(store, { from: '2024-12-01', to: '2025-01-31' })
      expect(g.baseCurrency).toBe('EUR')
      expect(g.fxSnapshot).toBe(s.snapshot_id)
      expect(baseOf(g, 'usd-before')).toBeCloseTo(1000 / 1.0321, 9) // earliest rate
      expect(baseOf(g, 'usd-thu')).toBeCloseTo(1000 / 1.0321, 9) // that day's rate
      expect(baseOf(g, 'usd-sat')).toBeCloseTo(1000 / 1.0299, 9) // Friday's rate
      expect(baseOf(g, 'usd-mon')).toBeCloseTo(1000 / 1.0389, 9) // Monday from midnight UTC
      expect(baseOf(g, 'usd-later')).toBeCloseTo(1000 / 1.0389, 9) // the last rate carries on
      expect(baseOf(g, 'eur-sat')).toBe(500)
      expect(baseOf(g, 'jpy-sat')).toBeCloseTo(100000 / 162.77, 9)
      // GBP had N/A on Friday: Thursday's rate
      expect(baseOf(g, 'gbp-fri')).toBeCloseTo(200 / 0.829, 9)
      // CHF has no rate at all: NaN, listed once, the original amount kept
      expect(baseOf(g, 'chf-mon')).toBeNaN()
      expect(g.amount[g.txIds.indexOf('chf-mon')]).toBe(300)
      expect(g.fxMissing).toEqual(['CHF'])
    })
  })

  it('converts through the reference currency when the base is another (cross rates)', async () => {
    await withStore(async (store) => {
      writeFileSync(join(dir, 'eurofxref-hist.csv'), ECB)
      await importList(store, join(dir, 'eurofxref-hist.csv'), { kind: 'fx' })
      await seedPayments(store, PAYMENTS)
      const g = await loadWindow(store, {
        from: '2024-12-01',
        to: '2025-01-31',
        baseCurrency: 'USD',
      })
      expect(g.baseCurrency).toBe('USD')
      expect(baseOf(g, 'usd-sat')).toBe(1000) // the base itself at 1
      expect(baseOf(g, 'eur-sat')).toBeCloseTo(500 * 1.0299, 9)
      expect(baseOf(g, 'jpy-sat')).toBeCloseTo((100000 / 162.77) * 1.0299, 9)
      expect(baseOf(g, 'gbp-fri')).toBeCloseTo((200 / 0.829) * 1.0299, 9)
      expect(g.fxMissing).toEqual(['CHF'])
    })
  })

  it('a base with no rate leaves every other currency without one; no snapshot, only the base converts', async () => {
    await withStore(async (store) => {
      await seedPayments(store, PAYMENTS)
      const none = await loadWindow(store, { from: '2024-12-01', to: '2025-01-31' })
      expect(none.fxSnapshot).toBeNull()
      expect(baseOf(none, 'eur-sat')).toBe(500)
      expect(none.fxMissing).toEqual(['CHF', 'GBP', 'JPY', 'USD'])
      writeFileSync(join(dir, 'eurofxref-hist.csv'), ECB)
      await importList(store, join(dir, 'eurofxref-hist.csv'), { kind: 'fx' })
      const chf = await loadWindow(store, {
        from: '2024-12-01',
        to: '2025-01-31',
        baseCurrency: 'CHF',
      })
      expect(baseOf(chf, 'chf-mon')).toBe(300)
      expect(chf.fxMissing).toEqual(['EUR', 'GBP', 'JPY', 'USD'])
    })
  })
})
