// The window graph: loadWindow reads DuckDB columns into the same graph buildGraph makes from the
// same transfers in any order; CSR, in-edge and pair indexes are consistent.
import { describe, expect, it } from 'vitest'
import { withStore } from '../src/store/index.ts'
import {
  buildGraph,
  loadWindow,
  pairGraph,
  stronglyConnected,
  subgraph,
  FLAG_PAYROLL,
  FLAG_REFUND,
} from '../src/graph/index.ts'
import { graphOf } from './fixtures/graphs.ts'
import { insertFixturePayments, type FixturePayment } from './fixtures/payments.ts'
import type { PaymentGraph } from '../src/graph/index.ts'
import { BadInputError } from '../src/util/errors.ts'

const row = (
  tx_id: string,
  ts: string,
  amount: string,
  currency: string,
  debtor_account: string,
  creditor_account: string,
  purpose: string | null,
  source_row: number,
): FixturePayment => ({
  tx_id,
  ts,
  amount,
  currency,
  debtor_account,
  creditor_account,
  purpose,
  file_id: 'f',
  source_row,
})

const ROWS: FixturePayment[] = [
  row('t1', '2026-03-01 10:00:00', '100.50', 'EUR', 'DE01', 'AE02', 'machine parts', 1),
  row('t2', '2026-03-02 10:00:00.000123', '99.00', 'EUR', 'AE02', 'TR03', 'Rückerstattung', 2),
  row('t3', '2026-03-03 10:00:00', '98.00', 'USD', 'TR03', 'DE01', 'April salary', 3),
  row('t4', '2026-03-03 09:00:00', '5.00', 'EUR', 'DE01', 'AE02', null, 4),
  row('old', '2026-01-01 10:00:00', '7.00', 'EUR', 'OLD1', 'DE01', null, 5),
]

function check(g: PaymentGraph) {
  for (let v = 0; v < g.nodeCount; v++) {
    for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
      expect(g.src[e]).toBe(v)
      if (e > g.outStart[v]) expect(g.ts[e]).toBeGreaterThanOrEqual(g.ts[e - 1])
    }
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      expect(g.dst[g.inEdges[i]]).toBe(v)
      if (i > g.inStart[v])
        expect(g.ts[g.inEdges[i]]).toBeGreaterThanOrEqual(g.ts[g.inEdges[i - 1]])
    }
  }
  let total = 0
  for (let p = 0; p < g.pairDst.length; p++) {
    total += g.pairCount[p]
    for (let i = g.pairEdgeStart[p]; i < g.pairEdgeStart[p + 1]; i++) {
      const e = g.pairEdges[i]
      expect([g.src[e], g.dst[e]]).toEqual([g.pairSrc[p], g.pairDst[p]])
      expect(g.edgePair[e]).toBe(p)
    }
  }
  expect(total).toBe(g.edgeCount)
  expect([...g.accounts]).toEqual([...g.accounts].sort())
}

describe('loadWindow', () => {
  it('loads the window a scan would (30 days to the end of the latest payment day) as columns and agrees with buildGraph on shuffled input', async () => {
    await withStore(async (store) => {
      await insertFixturePayments(store, ROWS)
      const g = await loadWindow(store)
      expect(g.window).toEqual({
        from: '2026-02-02T00:00:00.000Z',
        to: '2026-03-03T23:59:59.999999Z',
      })
      expect(g.accounts).toEqual(['AE02', 'DE01', 'TR03'])
      expect(g.txIds).toEqual(['t2', 't1', 't4', 't3'])
      expect(g.currencies).toEqual(['EUR', 'USD'])
      expect(Array.from(g.amount)).toEqual([99, 100.5, 5, 98])
      expect(g.ts[0] % 1_000_000).toBe(123)
      expect(g.flags[0]).toBe(FLAG_REFUND)
      expect(g.flags[3]).toBe(FLAG_PAYROLL)
      expect(g.currencies[g.currency[3]]).toBe('USD')
      check(g)
      // pair DE01 → AE02 collapses t4 and t1
      const de = g.accounts.indexOf('DE01')
      expect(g.pairStart[de + 1] - g.pairStart[de]).toBe(1)
      expect(g.pairCount[g.pairStart[de]]).toBe(2)
      expect(g.pairAmount[g.pairStart[de]]).toBeCloseTo(105.5)

      const order = [3, 0, 2, 1]
      const shuffledAccounts = ['TR03', 'DE01', 'AE02']
      const idOf = (a: string) => shuffledAccounts.indexOf(a)
      const h = buildGraph({
        window: g.window,
        accounts: shuffledAccounts,
        currencies: g.currencies,
        src: Int32Array.from(order, (e) => idOf(g.accounts[g.src[e]])),
        dst: Int32Array.from(order, (e) => idOf(g.accounts[g.dst[e]])),
        ts: Float64Array.from(order, (e) => g.ts[e]),
        amount: Float64Array.from(order, (e) => g.amount[e]),
        amountBase: Float64Array.from(order, (e) => g.amountBase[e]),
        baseCurrency: g.baseCurrency,
        fxMissing: g.fxMissing,
        fxSnapshot: g.fxSnapshot,
        currency: Uint16Array.from(order, (e) => g.currency[e]),
        flags: Uint8Array.from(order, (e) => g.flags[e]),
        txIds: order.map((e) => g.txIds[e]),
      })
      expect(h).toEqual(g)
      // No rates imported: EUR (the base) converts at 1, USD has no rate and is listed once.
      expect(g.fxSnapshot).toBeNull()
      expect(g.fxMissing).toEqual(['USD'])
      for (let e = 0; e < g.edgeCount; e++)
        if (g.currencies[g.currency[e]] === 'EUR') expect(g.amountBase[e]).toBe(g.amount[e])
        else expect(g.amountBase[e]).toBeNaN()
    })
  })

  it('honours --from/--to (a bare date includes the day) and refuses a reversed window', async () => {
    await withStore(async (store) => {
      await insertFixturePayments(store, ROWS)
      const g = await loadWindow(store, { from: '2026-01-01', to: '2026-03-02' })
      expect(g.txIds.sort()).toEqual(['old', 't1', 't2'])
      expect(g.window.to).toBe('2026-03-02T23:59:59.999999Z')
      await expect(
        loadWindow(store, { from: '2026-03-05', to: '2026-03-01' }),
      ).rejects.toBeInstanceOf(BadInputError)
      await expect(loadWindow(store, { from: 'yesterday' })).rejects.toBeInstanceOf(BadInputError)
    })
  })

  it('reads results spanning many DuckDB chunks', async () => {
    await withStore(async (store) => {
      const many: FixturePayment[] = []
      for (let i = 0; i < 10000; i++)
        many.push(
          row(
            'x' + i,
            new Date(Date.UTC(2026, 2, 1) + i * 1000)
              .toISOString()
              .replace('T', ' ')
              .replace('Z', ''),
            ((i % 97) + 1).toFixed(2),
            'EUR',
            'S' + (i % 101),
            'D' + (i % 89),
            null,
            i,
          ),
        )
      await insertFixturePayments(store, many)
      const g = await loadWindow(store)
      expect(g.edgeCount).toBe(10000)
      expect(g.nodeCount).toBe(190)
      check(g)
      const sum = Array.from(g.amount).reduce((a, b) => a + b, 0)
      let expected = 0
      for (let i = 0; i < 10000; i++) expected += (i % 97) + 1
      expect(sum).toBe(expected)
    })
  })

  it('gives an empty graph for an empty database', async () => {
    await withStore(async (store) => {
      const g = await loadWindow(store)
      expect(g.edgeCount).toBe(0)
      expect(g.nodeCount).toBe(0)
    })
  })
})

describe('graph views', () => {
  const g = graphOf([
    { id: 'a', from: 'A', to: 'B', h: 0, amount: 10 },
    { id: 'b', from: 'B', to: 'A', h: 1, amount: 5 },
    { id: 'c', from: 'A', to: 'B', h: 2, amount: 1 },
    { id: 'd', from: 'B', to: 'C', h: 3, amount: 7 },
  ])

  it('collapses both directions of a pair into one weighted undirected edge', () => {
    const u = pairGraph(g)
    expect(u.order).toBe(3)
    expect(u.size).toBe(2)
    const [a, b, c] = ['A', 'B', 'C'].map((x) => String(g.accounts.indexOf(x)))
    expect(u.getEdgeAttribute(u.edge(a, b)!, 'weight')).toBe(16)
    expect(u.getEdgeAttribute(u.edge(b, c)!, 'weight')).toBe(7)
  })

  it('builds a directed multigraph of chosen transfers keyed by tx id', () => {
    const s = subgraph(g, [0, 1, 2])
    expect(s.order).toBe(2)
    expect(s.size).toBe(3)
    expect(s.getEdgeAttributes(g.txIds[0])).toMatchObject({ currency: 'EUR' })
  })

  it('finds the strongly connected components', () => {
    const { comp, size } = stronglyConnected(g)
    const [a, b, c] = ['A', 'B', 'C'].map((x) => g.accounts.indexOf(x))
    expect(comp[a]).toBe(comp[b])
    expect(comp[c]).not.toBe(comp[a])
    expect(size[comp[a]]).toBe(2)
    expect(size[comp[c]]).toBe(1)
  })
})
