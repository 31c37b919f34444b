// Temporal cycle detector: hand-built positives and hard negatives, a brute-force reference on small
// random graphs, and planted rings in random background (fast-check).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DetectConfig } from '../src/detect/config.ts'
import { temporalCycles } from '../src/detect/temporal-cycles.ts'
import { graphOf, type T } from './fixtures/graphs.ts'
import type { PaymentGraph } from '../src/graph/index.ts'
import { FLAG_REFUND } from '../src/graph/index.ts'

const C = DetectConfig.parse({}).cycle
const run = (ts: T[], o = C) => temporalCycles(graphOf(ts), o)

describe('temporal cycles: hand-built', () => {
  it('finds a 4-hop ring once and explains it', () => {
    const r = run([
      { id: 't1', from: 'DE01', to: 'AE02', h: 0, amount: 100_000 },
      { id: 't2', from: 'AE02', to: 'TR03', h: 20, amount: 98_000 },
      { id: 't3', from: 'TR03', to: 'HK04', h: 40, amount: 97_500 },
      { id: 't4', from: 'HK04', to: 'DE01', h: 76.8, amount: 97_000 },
      { id: 'x', from: 'HK04', to: 'ZZ09', h: 1, amount: 5 },
    ])
    expect(r.findings).toHaveLength(1)
    const f = r.findings[0]
    expect(f.tx_ids).toEqual(['t1', 't2', 't3', 't4'])
    expect(f.accounts).toEqual(['DE01', 'AE02', 'TR03', 'HK04'])
    expect(f.measures.hops).toBe(4)
    expect(f.measures.retention).toBeCloseTo(0.97)
    expect(f.amount_in).toBe(100_000)
    expect(f.amount_out).toBe(97_000)
    expect(f.explanation).toBe(
      '4-hop cycle DE01→AE02→TR03→HK04→DE01 closed in 3.2 days; 97% of the amount returned',
    )
    expect(f.first_ts).toBe('2026-03-01T00:00:00.000Z')
    expect(f.span_hours).toBeCloseTo(76.8)
  })

  it('keeps refund 2-cycles quiet but reports a matching 2-cycle without refund wording', () => {
    const refund = run([
      { id: 'a', from: 'A', to: 'B', h: 0, amount: 5000 },
      { id: 'b', from: 'B', to: 'A', h: 30, amount: 5000, purpose: 'Refund order 1234' },
    ])
    expect(refund.findings).toHaveLength(0)
    const chargeback = run([
      { id: 'a', from: 'A', to: 'B', h: 0, amount: 5000, purpose: 'CHARGEBACK dispute' },
      { id: 'b', from: 'B', to: 'A', h: 30, amount: 5000 },
    ])
    expect(chargeback.findings).toHaveLength(0)
    const ring = run([
      { id: 'a', from: 'A', to: 'B', h: 0, amount: 5000 },
      { id: 'b', from: 'B', to: 'A', h: 30, amount: 4950 },
    ])
    expect(ring.findings.map((f) => f.tx_ids)).toEqual([['a', 'b']])
    const loose = run([
      { id: 'a', from: 'A', to: 'B', h: 0, amount: 5000 },
      { id: 'b', from: 'B', to: 'A', h: 30, amount: 4800 },
    ])
    expect(loose.findings).toHaveLength(0)
  })

  it('keeps a 20-day netting cycle whose hop ratios break [0.7, 1.1] quiet', () => {
    const r = run([
      { id: 'n1', from: 'A', to: 'B', h: 0, amount: 10_000 },
      { id: 'n2', from: 'B', to: 'C', h: 24 * 7, amount: 4_000 },
      { id: 'n3', from: 'C', to: 'D', h: 24 * 14, amount: 9_000 },
      { id: 'n4', from: 'D', to: 'A', h: 24 * 20, amount: 6_500 },
    ])
    expect(r.findings).toHaveLength(0)
  })

  it('needs strictly increasing times, each hop within 7 days of the previous, a span within 30 days', () => {
    const base: T[] = [
      { id: '1', from: 'A', to: 'B', h: 0, amount: 1000 },
      { id: '2', from: 'B', to: 'C', h: 10, amount: 1000 },
      { id: '3', from: 'C', to: 'A', h: 10, amount: 1000 },
    ]
    expect(run(base).findings).toHaveLength(0)
    const wide = { ...C, max_hop_gap_days: 30 }
    const slow = base.map((t) => (t.id === '3' ? { ...t, h: 24 * 30 + 1 } : t))
    expect(run(slow, wide).findings).toHaveLength(0)
    const ok = base.map((t) => (t.id === '3' ? { ...t, h: 24 * 30 } : t))
    expect(run(ok, wide).findings).toHaveLength(1)
    // The same ring with its last hop 20 days after the previous: too slow for a time-ordered
    // ring (a value ring may still find it).
    expect(run(ok).findings).toHaveLength(0)
    const week = base.map((t) => (t.id === '3' ? { ...t, h: 10 + 24 * 7 } : t))
    expect(run(week).findings).toHaveLength(1)
    const fx = base.map((t) => (t.id === '3' ? { ...t, h: 20, currency: 'USD' } : t))
    expect(run(fx).findings).toHaveLength(0)
  })

  it('collapses parallel choices of the same ring and reports a rerun with other transfers', () => {
    const r = run([
      { id: 'a1', from: 'A', to: 'B', h: 0, amount: 1000 },
      { id: 'b1', from: 'B', to: 'C', h: 5, amount: 990 },
      { id: 'c1', from: 'C', to: 'A', h: 9, amount: 980 },
      { id: 'c2', from: 'C', to: 'A', h: 11, amount: 985 }, // alternative closing transfer
      { id: 'a2', from: 'A', to: 'B', h: 200, amount: 2000 },
      { id: 'b2', from: 'B', to: 'C', h: 205, amount: 1990 },
      { id: 'c3', from: 'C', to: 'A', h: 209, amount: 1980 },
    ])
    expect(r.accountCycles).toHaveLength(1)
    expect(r.findings.map((f) => f.tx_ids)).toEqual([
      ['a1', 'b1', 'c1'],
      ['a2', 'b2', 'c3'],
    ])
  })

  it('reports truncation when the per-start budget is exhausted', () => {
    const ts: T[] = []
    for (let i = 0; i < 30; i++) {
      ts.push({ id: `o${i}`, from: 'HUB', to: `M${i}`, h: i, amount: 1000 })
      ts.push({ id: `i${i}`, from: `M${i}`, to: 'HUB', h: 100 + i, amount: 1000 })
    }
    const r = run(ts, { ...C, max_steps_per_start: 10 })
    expect(r.truncated).toBe(true)
    expect(r.truncatedAccounts).toContain('HUB')
    const full = run(ts)
    expect(full.truncated).toBe(false)
    expect(full.accountCycles).toHaveLength(30)
  })
})

// ---- brute-force reference: every chained edge sequence checked against the rules, no pruning.
function bruteForce(g: PaymentGraph, o = C): { cycles: Set<string>; findings: string[][] } {
  const m = g.edgeCount
  const groups = new Map<string, number[][]>()
  const valid = (seq: number[]) => {
    const k = seq.length
    if (k < o.min_hops || g.dst[seq[k - 1]] !== g.src[seq[0]]) return false
    const accts = seq.map((e) => g.src[e])
    if (new Set(accts).size !== k) return false
    for (let i = 1; i < k; i++) {
      if (!(g.ts[seq[i]] > g.ts[seq[i - 1]])) return false
      if (g.ts[seq[i]] - g.ts[seq[i - 1]] > o.max_hop_gap_days * 86_400_000_000) return false
      const r = g.amount[seq[i]] / g.amount[seq[i - 1]]
      if (r < o.min_hop_ratio || r > o.max_hop_ratio) return false
      if (g.currency[seq[i]] !== g.currency[seq[0]]) return false
    }
    if (g.ts[seq[k - 1]] - g.ts[seq[0]] > o.max_span_days * 86_400_000_000) return false
    if (k === 2) {
      const [x, y] = [g.amount[seq[0]], g.amount[seq[1]]]
      if (Math.abs(x - y) > o.two_cycle_tolerance * Math.max(x, y)) return false
      if ((g.flags[seq[0]] | g.flags[seq[1]]) & FLAG_REFUND) return false
    }
    return true
  }
  const rec = (seq: number[]) => {
    if (valid(seq)) {
      const accts = seq.map((e) => g.accounts[g.src[e]])
      const r = accts.indexOf([...accts].sort()[0])
      const key = [...accts.slice(r), ...accts.slice(0, r)].join('>')
      if (!groups.has(key)) groups.set(key, [])
      groups.get(key)!.push([...seq])
    }
    if (seq.length >= o.max_hops) return
    for (let e = 0; e < m; e++)
      if (g.src[e] === g.dst[seq[seq.length - 1]] && !seq.includes(e)) rec([...seq, e])
  }
  for (let e = 0; e < m; e++) rec([e])
  const findings: string[][] = []
  for (const list of groups.values()) {
    list.sort((x, y) => {
      for (let i = 0; i < Math.min(x.length, y.length); i++)
        if (g.ts[x[i]] !== g.ts[y[i]]) return g.ts[x[i]] - g.ts[y[i]]
      for (let i = 0; i < Math.min(x.length, y.length); i++)
        if (g.txIds[x[i]] !== g.txIds[y[i]]) return g.txIds[x[i]] < g.txIds[y[i]] ? -1 : 1
      return x.length - y.length
    })
    const used = new Set<number>()
    for (const inst of list) {
      if (inst.some((e) => used.has(e))) continue
      inst.forEach((e) => used.add(e))
      findings.push(inst.map((e) => g.txIds[e]))
    }
  }
  return { cycles: new Set(groups.keys()), findings: findings.map((f) => f).sort() }
}

const smallGraph = fc
  .record({
    nodes: fc.integer({ min: 2, max: 6 }),
    edges: fc.array(
      fc.record({
        a: fc.nat(5),
        b: fc.nat(5),
        h: fc.integer({ min: 0, max: 40 * 24 }),
        amount: fc.constantFrom(100, 101, 95, 80, 72, 110, 60, 150),
        refund: fc.boolean(),
      }),
      { minLength: 1, maxLength: 13 },
    ),
  })
  .map(({ nodes, edges }) =>
    edges
      .map((e, i) => ({ ...e, a: e.a % nodes, b: e.b % nodes, i }))
      .filter((e) => e.a !== e.b)
      .map((e): T => ({
        id: `t${e.i}`,
        from: `N${e.a}`,
        to: `N${e.b}`,
        h: e.h,
        amount: e.amount,
        purpose: e.refund ? 'refund' : 'goods',
      })),
  )
  .filter((ts) => ts.length > 0)

describe('temporal cycles: properties', () => {
  it('matches a brute-force reference exactly on small random graphs', () => {
    fc.assert(
      fc.property(smallGraph, fc.integer({ min: 2, max: 6 }), (ts, maxHops) => {
        const o = { ...C, max_hops: maxHops, max_span_days: 20 }
        const g = graphOf(ts)
        const ours = temporalCycles(g, o)
        const ref = bruteForce(g, o)
        const keys = new Set(ours.accountCycles.map((c) => c.map((v) => g.accounts[v]).join('>')))
        expect(keys).toEqual(ref.cycles)
        expect(ours.findings.map((f) => f.tx_ids).sort()).toEqual(ref.findings)
      }),
      { numRuns: 300 },
    )
  })

  it('always finds a planted ring of 3 to 8 hops in random background', () => {
    const background = fc.array(
      fc.record({
        a: fc.nat(39),
        b: fc.nat(39),
        h: fc.integer({ min: 0, max: 30 * 24 }),
        amount: fc.integer({ min: 10, max: 100_000 }),
      }),
      { maxLength: 150 },
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }),
        background,
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0.75, max: 1.05, noNaN: true }),
        (k, bg, startH, ratio) => {
          const ring: T[] = []
          let amt = 50_000
          for (let i = 0; i < k; i++) {
            ring.push({
              id: `ring${i}`,
              from: i === 0 ? 'R0' : `B${(i * 7) % 40}`.replace(/^B/, 'R'),
              to: `R${i + 1 === k ? 0 : i + 1}`,
              h: startH + i * 12,
              amount: Math.round(amt),
            })
            amt *= ratio
          }
          ring.forEach((t, i) => (t.from = `R${i}`))
          const ts: T[] = [
            ...bg
              .filter((e) => e.a !== e.b)
              .map((e, i) => ({
                id: `bg${i}`,
                from: `A${e.a}`,
                to: `A${e.b}`,
                h: e.h,
                amount: e.amount,
              })),
            ...ring,
            // tie the ring into the background
            { id: 'tie1', from: 'A1', to: 'R1', h: 3, amount: 77 },
            { id: 'tie2', from: 'R2', to: 'A2', h: 4, amount: 88 },
          ]
          const r = temporalCycles(graphOf(ts), C)
          const ids = ring.map((t) => t.id)
          expect(r.findings.some((f) => f.tx_ids.join() === ids.join())).toBe(true)
          expect(r.truncated).toBe(false)
        },
      ),
      { numRuns: 150 },
    )
  })
})
