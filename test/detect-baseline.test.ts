// Each account judged against its own history: the lookback before the scan window (loaded from
// the payments table by graph/baseline.ts) and its earlier transfers in the window make counterparties
// known, accounts old and habits visible; the evidence measures (detect/evidence.ts) read them.
import { describe, expect, it } from 'vitest'
import { withStore } from '../src/store/index.ts'
import { seedPayments, type FlowPayment as FixturePayment } from './fixtures/payments.ts'
import { loadWindow } from '../src/graph/index.ts'
import { loadBaseline } from '../src/graph/baseline.ts'
import { fanBursts } from '../src/detect/fan.ts'
import { DetectConfig } from '../src/detect/config.ts'
import { signalsOf } from '../src/detect/evidence.ts'

const D = DetectConfig.parse({})
const day = (d: number, h = 10) =>
  new Date(Date.UTC(2026, 0, 1) + (d - 1) * 86_400_000 + h * 3_600_000).toISOString()

// BUYER pays the same 20 suppliers every month since January; in March it pays them again and, on
// another day, 20 it never paid. MULE appears in March and passes one sum straight on.
function payments(): FixturePayment[] {
  const out: FixturePayment[] = []
  let n = 0
  for (const d of [5, 35])
    for (let i = 0; i < 20; i++)
      out.push({
        tx_id: `p${n++}`,
        ts: day(d, 8 + i / 4),
        amount: 4000 + 37 * i,
        debtor: 'BUYER',
        creditor: `SUP${i}`,
      })
  for (let i = 0; i < 20; i++)
    out.push({
      tx_id: `p${n++}`,
      ts: day(65, 8 + i / 4),
      amount: 4000 + 37 * i,
      debtor: 'BUYER',
      creditor: `SUP${i}`,
    })
  for (let i = 0; i < 20; i++)
    out.push({
      tx_id: `p${n++}`,
      ts: day(70, 8 + i / 4),
      amount: 3000 + 11 * i,
      debtor: 'BUYER',
      creditor: `NEW${i}`,
    })
  out.push({ tx_id: 'm1', ts: day(72, 9), amount: 50_000, debtor: 'BOSS', creditor: 'MULE' })
  out.push({ tx_id: 'm2', ts: day(72, 15), amount: 49_000, debtor: 'MULE', creditor: 'EXIT' })
  return out
}

describe('the baseline from the lookback', () => {
  it('knows the buyer, its suppliers and when it was first seen; the window alone does not', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments())
      const g = await loadWindow(store, { from: '2026-03-01', to: '2026-03-31' })
      const b = await loadBaseline(store, g, 90)
      const id = (a: string) => g.accounts.indexOf(a)
      expect(b.outCount[id('BUYER')]).toBe(40)
      expect(b.outParties[id('BUYER')]).toBe(20)
      expect(b.firstSeen[id('BUYER')]).toBe(Date.parse(day(5, 8)) * 1000)
      expect(Number.isNaN(b.firstSeen[id('MULE')])).toBe(true)
      const pair = (s: string, d: string) => {
        for (let p = g.pairStart[id(s)]; p < g.pairStart[id(s) + 1]; p++)
          if (g.pairDst[p] === id(d)) return p
        return -1
      }
      expect(b.pairPrior[pair('BUYER', 'SUP3')]).toBe(2)
      expect(b.pairPrior[pair('BUYER', 'NEW3')]).toBe(0)
      expect(b.dataStart).toBe(Date.parse(day(5, 8)) * 1000)
      // A lookback of 30 days reaches back to 30 January: the February run only.
      const short = await loadBaseline(store, g, 30)
      expect(short.outCount[id('BUYER')]).toBe(20)
    })
  })

  it('the monthly pay run is no fan-out; twenty new suppliers are, and new relations count as evidence', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments())
      const g = await loadWindow(store, { from: '2026-03-01', to: '2026-03-31' })
      g.baseline = await loadBaseline(store, g, 90)
      const fans = fanBursts(g, D.fan, D.evidence)
      expect(
        fans.map((f) => [f.typology, f.measures.width, f.measures.new_counterparties]),
      ).toEqual([['fan_out', 20, 20]])
      expect(fans[0].tx_ids.every((t) => Number(t.slice(1)) >= 60)).toBe(true)
      // BUYER always paid known suppliers: twenty new ones are new relations for it.
      expect(fans[0].signals).toMatchObject({ new_links: 1, new_link_count: 20 })
      // Without the lookback the March runs are judged against the buyer's March alone: both
      // look like bursts, novelty cannot be judged, and the findings say so.
      const bare = await loadWindow(store, { from: '2026-03-01', to: '2026-03-31' })
      const unjudged = fanBursts(bare, D.fan, D.evidence)
      expect(unjudged.map((f) => f.measures.history)).toEqual([0, 0])
      expect(unjudged[0].signals).not.toHaveProperty('new_links')
    })
  })

  it('a fan-in of payers new to a centre that is usually paid by the same customers: new relations', async () => {
    // SHOP is paid by the same 12 customers every month since January; in March 10 payers it never
    // had pay it within hours, each of them paying nobody else before (no habit of their own).
    const xs: FixturePayment[] = []
    let n = 0
    for (const d of [5, 35, 64])
      for (let i = 0; i < 12; i++)
        xs.push({
          tx_id: `c${n++}`,
          ts: day(d, 8 + i / 4),
          amount: 900 + 13 * i,
          debtor: `CUST${i}`,
          creditor: 'SHOP',
        })
    for (let i = 0; i < 10; i++)
      xs.push({
        tx_id: `n${i}`,
        ts: day(70, 9 + i / 5),
        amount: 9_500 + 7 * i,
        debtor: `PAYER${i}`,
        creditor: 'SHOP',
      })
    await withStore(async (store) => {
      await seedPayments(store, xs)
      const g = await loadWindow(store, { from: '2026-03-01', to: '2026-03-31' })
      g.baseline = await loadBaseline(store, g, 90)
      const fans = fanBursts(g, D.fan, D.evidence).filter((f) => f.typology === 'fan_in')
      expect(fans.map((f) => f.measures.width)).toEqual([10])
      // New to the payee: SHOP is habitually paid by known customers, so ten new payers are new
      // relations even though the payers have no habit of their own.
      expect(fans[0].signals).toMatchObject({ new_links: 1, new_link_count: 10 })
    })
  })

  it('an account first seen days before, passing one sum straight on, is fresh and passing', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments())
      const g = await loadWindow(store, { from: '2026-03-01', to: '2026-03-31' })
      g.baseline = await loadBaseline(store, g, 90)
      const edges = [0, 1].map((i) => g.txIds.indexOf(`m${i + 1}`))
      const s = signalsOf(g, edges, D.evidence)
      expect(s).toMatchObject({ fresh: 1, passing: 1, dedicated: 1 })
      expect(s.history_days).toBeGreaterThan(60)
    })
  })
})
