// Hand-built windows per typology: each detector finds its pattern whole and stays quiet on the
// hard negatives (slow or busy chains, half-forwarding intermediaries, merchants, payroll, amounts
// not near the threshold).
import { describe, expect, it } from 'vitest'
import { DetectConfig } from '../src/detect/config.ts'
import {
  bipartiteAndStack,
  exposure,
  fanBursts,
  gatherScatter,
  layeringChains,
  runDetectors,
  scatterGather,
  structuring,
  communities,
} from '../src/detect/index.ts'
import { graphOf, type T } from './fixtures/graphs.ts'
import { insertFixturePayments } from './fixtures/payments.ts'
import { withStore } from '../src/store/index.ts'
import { loadWindow } from '../src/graph/index.ts'
import { round3 } from '../src/detect/common.ts'

const D = DetectConfig.parse({})

const chain = (prefix: string, hops: number, dwell: number, ratio = 0.95): T[] =>
  Array.from({ length: hops }, (_, i) => ({
    id: `${prefix}${i}`,
    from: `${prefix}N${i}`,
    to: `${prefix}N${i + 1}`,
    h: i * dwell,
    amount: Math.round(20_000 * ratio ** i),
  }))

describe('layering chains', () => {
  it('reports a 6-hop chain once, whole', () => {
    const r = layeringChains(graphOf(chain('c', 6, 20)), D.layering)
    expect(r.findings).toHaveLength(1)
    const f = r.findings[0]
    expect(f.tx_ids).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5'])
    expect(f.accounts).toEqual(['cN0', 'cN1', 'cN2', 'cN3', 'cN4', 'cN5', 'cN6'])
    expect(f.measures).toEqual({ hops: 6, retention: 0.774, max_dwell_hours: 20 })
    expect(f.explanation).toMatch(/^6-hop layering chain cN0→cN1→.*→cN6/)
  })

  it('follows slow hops up to 10 days, breaks a chain past that and ignores too-short pieces', () => {
    // Slow layering: hops days apart (four days each) is still a chain.
    const slowOk = chain('d', 4, 96)
    expect(layeringChains(graphOf(slowOk), D.layering).findings.map((f) => f.tx_ids)).toEqual([
      ['d0', 'd1', 'd2', 'd3'],
    ])
    const slow = chain('s', 4, 250)
    expect(layeringChains(graphOf(slow), D.layering).findings).toHaveLength(0)
    const mixed = chain('m', 5, 20).map((t, i) => (i >= 3 ? { ...t, h: t.h + 300 } : t))
    const r = layeringChains(graphOf(mixed), D.layering)
    expect(r.findings.map((f) => f.tx_ids)).toEqual([['m0', 'm1', 'm2']])
  })

  it('does not chain through a busy account or a hop that keeps most of the money', () => {
    const busy = chain('b', 4, 10)
    for (let i = 0; i < 8; i++)
      busy.push({ id: `x${i}`, from: `P${i}`, to: 'bN2', h: 200 + i, amount: 50 })
    expect(layeringChains(graphOf(busy), D.layering).findings).toHaveLength(0)
    const keeps = chain('k', 4, 10).map((t, i) => (i === 2 ? { ...t, amount: 5000 } : t))
    expect(layeringChains(graphOf(keeps), D.layering).findings).toHaveLength(0)
  })

  it('stays quiet on a chain whose early hops lie before the window', async () => {
    await withStore(async (store) => {
      await insertFixturePayments(
        store,
        chain('w', 4, 48).map((t) => ({
          tx_id: t.id,
          ts: new Date(Date.UTC(2026, 2, 1) + t.h * 3_600_000).toISOString(),
          amount: t.amount.toFixed(2),
          currency: 'EUR',
          debtor_account: t.from,
          creditor_account: t.to,
          file_id: 'f',
          source_row: 1,
        })),
      )
      const whole = await loadWindow(store)
      expect(layeringChains(whole, D.layering).findings).toHaveLength(1)
      const late = await loadWindow(store, { from: '2026-03-03T00:00:00Z' })
      expect(late.edgeCount).toBe(3)
      expect(layeringChains(late, D.layering).findings).toHaveLength(1)
      const later = await loadWindow(store, { from: '2026-03-05T00:00:00Z' })
      expect(layeringChains(later, D.layering).findings).toHaveLength(0)
    })
  })
})

describe('scatter-gather and gather-scatter', () => {
  const sg = (pass: number): T[] =>
    [0, 1, 2, 3].flatMap((i) => [
      { id: `in${i}`, from: 'SRC', to: `MID${i}`, h: i * 5, amount: 9000 },
      { id: `out${i}`, from: `MID${i}`, to: 'SINK', h: 30 + i * 5, amount: 9000 * pass },
    ])

  it('reports a scatter-gather with all its branches', () => {
    const f = scatterGather(graphOf(sg(0.9)), D.scatter_gather)
    expect(f).toHaveLength(1)
    expect(f[0].tx_ids).toHaveLength(8)
    expect(f[0].accounts).toEqual(['SRC', 'MID0', 'MID1', 'MID2', 'MID3', 'SINK'])
    expect(f[0].measures).toEqual({
      width: 4,
      sources: 1,
      destinations: 1,
      retention: 0.9,
      ordered_share: 1,
    })
    expect(f[0].amount_in).toBe(36000)
  })

  it('keeps branches whose intermediary paid the sink before it was paid (AMLworld)', () => {
    const early = sg(0.95).map((t) => (t.id === 'out1' || t.id === 'out2' ? { ...t, h: 2 } : t))
    const f = scatterGather(graphOf(early), D.scatter_gather)
    expect(f).toHaveLength(1)
    expect(f[0].tx_ids).toHaveLength(8)
    expect(f[0].measures.ordered_share).toBe(0.5)
    expect(f[0].explanation).toMatch(/2 paid the sink before they were paid/)
  })

  it('stays quiet when intermediaries keep half the money or take longer than 7 days', () => {
    expect(scatterGather(graphOf(sg(0.5)), D.scatter_gather)).toHaveLength(0)
    const slow = sg(0.9).map((t) => (t.id.startsWith('out') ? { ...t, h: t.h + 24 * 7 } : t))
    expect(scatterGather(graphOf(slow), D.scatter_gather)).toHaveLength(0)
  })

  it('reports a gather-scatter hub and not a merchant that keeps its takings', () => {
    const hub: T[] = [
      ...[0, 1, 2, 3].map((i) => ({ id: `g${i}`, from: `S${i}`, to: 'HUB', h: i, amount: 5000 })),
      ...[0, 1, 2].map((i) => ({ id: `p${i}`, from: 'HUB', to: `D${i}`, h: 24 + i, amount: 6000 })),
    ]
    const f = gatherScatter(graphOf(hub), D.gather_scatter)
    expect(f).toHaveLength(1)
    expect(f[0].measures).toMatchObject({ sources: 4, destinations: 3, retention: 0.9 })
    expect(f[0].tx_ids).toHaveLength(7)
    const merchant: T[] = [
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `m${i}`,
        from: `C${i}`,
        to: 'SHOP',
        h: i * 4,
        amount: 20 + i,
      })),
      ...[0, 1, 2].map((i) => ({
        id: `w${i}`,
        from: 'SHOP',
        to: `W${i}`,
        h: 100 + i,
        amount: 150,
      })),
    ]
    expect(gatherScatter(graphOf(merchant), D.gather_scatter)).toHaveLength(0)
  })

  it('stays quiet when the hub pays out before the money has come in', () => {
    const early: T[] = [
      ...[0, 1, 2].map((i) => ({ id: `p${i}`, from: 'HUB', to: `D${i}`, h: 1 + i, amount: 6000 })),
      ...[0, 1, 2, 3].map((i) => ({
        id: `g${i}`,
        from: `S${i}`,
        to: 'HUB',
        h: 48 + i,
        amount: 5000,
      })),
      { id: 'seed', from: 'S9', to: 'HUB', h: 0, amount: 100 },
    ]
    expect(gatherScatter(graphOf(early), D.gather_scatter)).toHaveLength(0)
    const shown = gatherScatter(graphOf(early), { ...D.gather_scatter, min_covered_share: 0 })
    expect(shown).toHaveLength(1)
    expect(shown[0].measures.covered_share).toBeLessThan(0.1)
  })
})

describe('bipartite and stack', () => {
  const layer = (tier: number, a: number, b: number, h: number, amt: number): T[] =>
    Array.from({ length: a * b }, (_, k) => ({
      id: `L${tier}-${k}`,
      from: `T${tier}A${Math.floor(k / b)}`,
      to: `T${tier + 1}A${k % b}`,
      h: h + k,
      amount: amt,
    }))

  it('reports a complete 3 × 4 bipartite set once', () => {
    const f = bipartiteAndStack(graphOf(layer(0, 3, 4, 0, 1000)), D.bipartite)
    expect(f).toHaveLength(1)
    expect(f[0].typology).toBe('bipartite')
    expect(f[0].measures).toMatchObject({ sources: 3, destinations: 4, layers: 1 })
    expect(f[0].tx_ids).toHaveLength(12)
  })

  it('reports three tiers as one stack, not as two bipartite sets', () => {
    const f = bipartiteAndStack(
      graphOf([...layer(0, 3, 3, 0, 1000), ...layer(1, 3, 3, 48, 950)]),
      D.bipartite,
    )
    expect(f.map((x) => x.typology)).toEqual(['stack'])
    expect(f[0].measures).toMatchObject({ layers: 2, sources: 3, destinations: 3 })
    expect(f[0].tx_ids).toHaveLength(18)
  })

  it('reports a sparse interlocked set (AMLworld) and not a star, a path or a busy member set', () => {
    // 3 × 4 with 8 of the 12 pairs: every source pays two destinations, every destination is paid
    // by two sources.
    const keep = new Set([0, 1, 5, 6, 8, 11, 2, 7])
    const sparse = layer(0, 3, 4, 0, 1000).filter((_, k) => keep.has(k))
    const f = bipartiteAndStack(graphOf(sparse), D.bipartite)
    expect(f).toHaveLength(1)
    expect(f[0].measures).toMatchObject({ sources: 3, destinations: 4, density: 0.667 })
    const star = layer(0, 1, 6, 0, 1000)
    expect(bipartiteAndStack(graphOf(star), D.bipartite)).toHaveLength(0)
    const path: T[] = [
      { id: 'p1', from: 'A', to: 'B', h: 0, amount: 1000 },
      { id: 'p2', from: 'C', to: 'B', h: 1, amount: 1000 },
      { id: 'p3', from: 'C', to: 'D', h: 2, amount: 1000 },
      { id: 'p4', from: 'E', to: 'D', h: 3, amount: 1000 },
    ]
    expect(bipartiteAndStack(graphOf(path), D.bipartite)).toHaveLength(0)
    // Members with plenty of other business are trading partners, not a set.
    const busy = [
      ...layer(0, 3, 3, 0, 1000),
      ...['T0A0', 'T0A1', 'T1A0', 'T1A1'].flatMap((a) =>
        Array.from({ length: 12 }, (_, i) => ({
          id: `${a}x${i}`,
          from: a,
          to: `${a}C${i}`,
          h: 50 + i,
          amount: 10,
        })),
      ),
    ]
    expect(bipartiteAndStack(graphOf(busy), D.bipartite)).toHaveLength(0)
  })

  it('keeps two layers three weeks apart as two sets, not a stack', () => {
    const late = bipartiteAndStack(
      graphOf([...layer(0, 3, 3, 0, 1000), ...layer(1, 3, 3, 24 * 21, 950)]),
      D.bipartite,
    )
    expect(late.map((x) => x.typology)).toEqual(['bipartite', 'bipartite'])
  })
})

describe('fan-in and fan-out', () => {
  const background: T[] = [{ id: 'z', from: 'Q1', to: 'Q2', h: 24 * 30, amount: 1 }]

  it('reports a mule fanning out what it just received', () => {
    const ts: T[] = [
      ...background,
      { id: 'fund', from: 'BOSS', to: 'MULE', h: 0, amount: 20_000 },
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `f${i}`,
        from: 'MULE',
        to: `R${i}`,
        h: 2 + i,
        amount: 1900,
      })),
    ]
    const f = fanBursts(graphOf(ts), D.fan)
    expect(f).toHaveLength(1)
    expect(f[0].typology).toBe('fan_out')
    expect(f[0].measures).toMatchObject({ width: 10, center: 'MULE', payroll_like: false })
    expect(f[0].measures.pass_through).toBeCloseTo(20_000 / 19_000, 2)
    // ten equal payments of what it was fed: an even split; the same sum in uneven parts is not
    expect(f[0].measures.even_split).toBe(1)
    const uneven = ts.map((t, i) =>
      t.id.startsWith('f') ? { ...t, amount: 1900 + (i % 2 ? 900 : -900) } : t,
    )
    expect(fanBursts(graphOf(uneven), D.fan)[0].measures).toMatchObject({ even_split: 0 })
    // the funding leg is part of the pattern
    expect(f[0].tx_ids).toEqual(['fund', ...Array.from({ length: 10 }, (_, i) => `f${i}`)])
    expect(f[0].accounts[0]).toBe('MULE')
    expect(f[0].accounts).toContain('BOSS')
    expect(f[0].amount_in).toBe(20_000)
  })

  it("counts a fan-in paid on days later in a few legs, not a busy account's many payments", () => {
    const payers = Array.from({ length: 6 }, (_, i) => ({
      id: `p${i}`,
      from: `S${i}`,
      to: 'MULE',
      h: 1 + i * 10,
      amount: 5000 + i * 37,
    }))
    // The mule pays on 94% of it four and five days after the last payer, in two legs.
    const mule: T[] = [
      ...background,
      ...payers,
      { id: 'on1', from: 'MULE', to: 'X1', h: 51 + 96, amount: 14_000 },
      { id: 'on2', from: 'MULE', to: 'X2', h: 51 + 120, amount: 14_400 },
    ]
    const f = fanBursts(graphOf(mule), D.fan)
    expect(f.map((x) => [x.typology, x.measures.center])).toEqual([['fan_in', 'MULE']])
    expect(f[0].measures.pass_through).toBeCloseTo(28_400 / 30_555, 2)
    expect(f[0].tx_ids).toEqual([...payers.map((p) => p.id), 'on1', 'on2'])
    // A business paying the same total on in forty small payments passes nothing on this way.
    const busy: T[] = [
      ...background,
      ...payers,
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `b${i}`,
        from: 'MULE',
        to: `V${i}`,
        h: 60 + i * 2,
        amount: 710,
      })),
    ]
    const b = fanBursts(graphOf(busy), { ...D.fan, drop_merchant_like: false })
    const fin = b.filter((x) => x.typology === 'fan_in')
    // (its largest three payments are a tenth of what it paid out that week: scattered, so its
    // pass-through is no evidence)
    expect(fin.map((x) => x.measures.pass_through)).toEqual([round3((3 * 710) / 30_555)])
    expect(fin[0].measures.pass_scattered).toBe(1)
    expect(f[0].measures.pass_scattered).toBe(0)
    // near-equal payers, but nothing passed on: no even split
    expect(f[0].measures.even_split).toBe(1)
    expect(fin[0].measures.even_split).toBe(0)
    expect(fin[0].tx_ids).toEqual(payers.map((p) => p.id))
  })

  it('drops payroll funded by customers days before payday', () => {
    const ts: T[] = [
      ...background,
      { id: 'c1', from: 'CUST1', to: 'ACME', h: 0, amount: 20_000 },
      { id: 'c2', from: 'CUST2', to: 'ACME', h: 20, amount: 18_000 },
      ...Array.from({ length: 12 }, (_, i) => ({
        id: `s${i}`,
        from: 'ACME',
        to: `EMP${i}`,
        h: 140 + i / 10,
        amount: 3000 + i * 50,
        purpose: 'Salary March',
      })),
    ]
    expect(fanBursts(graphOf(ts), D.fan)).toHaveLength(0)
    // the same fan without salary wording is reported, with the funding as its pass-through
    const mule = ts.map((t) => ({ ...t, purpose: undefined }))
    const [f] = fanBursts(graphOf(mule), D.fan)
    expect(f.measures.pass_through).toBeCloseTo(38_000 / 39_300, 2)
    expect(f.tx_ids).toContain('c1')
  })

  it('drops payroll fan-out but can show it with measures that mark it', () => {
    const payroll: T[] = [
      ...background,
      ...Array.from({ length: 12 }, (_, i) => ({
        id: `s${i}`,
        from: 'ACME',
        to: `EMP${i}`,
        h: 1 + i / 10,
        amount: 3000 + i * 100,
        purpose: 'Salary March',
      })),
    ]
    expect(fanBursts(graphOf(payroll), D.fan)).toHaveLength(0)
    const shown = fanBursts(graphOf(payroll), { ...D.fan, drop_payroll_like: false })
    expect(shown).toHaveLength(1)
    expect(shown[0].measures).toMatchObject({ payroll_like: true, payroll_share: 1 })
  })

  it('drops a merchant with many small payers that keeps the money', () => {
    const shop: T[] = [
      ...background,
      ...Array.from({ length: 30 }, (_, i) => ({
        id: `b${i}`,
        from: `CUST${i}`,
        to: 'SHOP',
        h: i,
        amount: 25 + i,
      })),
    ]
    expect(fanBursts(graphOf(shop), D.fan)).toHaveLength(0)
    const shown = fanBursts(graphOf(shop), { ...D.fan, drop_merchant_like: false })
    expect(shown.map((f) => [f.typology, f.measures.merchant_like])).toEqual([['fan_in', true]])
  })

  it('needs 5 distinct counterparties within 72 hours', () => {
    const spread: T[] = Array.from({ length: 6 }, (_, i) => ({
      id: `x${i}`,
      from: 'X',
      to: `Y${i}`,
      h: i * 20,
      amount: 1000,
    }))
    expect(fanBursts(graphOf(spread), D.fan)).toHaveLength(0)
    const four: T[] = Array.from({ length: 9 }, (_, i) => ({
      id: `x${i}`,
      from: 'X',
      to: `Y${i % 4}`,
      h: i,
      amount: 1000,
    }))
    expect(fanBursts(graphOf(four), D.fan)).toHaveLength(0)
    const five = four.map((t, i) => ({ ...t, to: `Y${i % 5}` }))
    expect(fanBursts(graphOf([...background, ...five]), D.fan)).toHaveLength(1)
  })

  it('counts only new counterparties once the centre has history: a business paying its usual suppliers is no fan', () => {
    const supplier = (h0: number, tag: string): T[] =>
      Array.from({ length: 20 }, (_, i) => ({
        id: `${tag}${i}`,
        from: 'BUYER',
        to: `SUP${i}`,
        h: h0 + i / 4,
        amount: 4000 + 37 * i,
      }))
    // The same 20 suppliers paid two weeks apart: the second run is no fan.
    const ts = [...supplier(0, 'a'), ...supplier(24 * 14, 'b')]
    const f = fanBursts(graphOf(ts), D.fan)
    expect(f.map((x) => x.tx_ids[0])).toEqual(['a0'])
    expect(f[0].measures.history).toBe(0)
    // Twenty new suppliers in the second run, after two weeks of history, do make one.
    const fresh = [
      ...supplier(0, 'a'),
      ...supplier(24 * 14, 'b').map((t) => ({ ...t, to: `NEW${t.to}` })),
    ]
    // (Without history the first run is measured against the buyer's forty counterparties of the
    // fortnight: twenty in a day is no burst for it.)
    const g = fanBursts(graphOf(fresh), D.fan)
    expect(g.map((x) => [x.tx_ids[0], x.measures.history, x.measures.new_counterparties])).toEqual([
      ['b0', 1, 20],
    ])
  })
})

describe('structuring', () => {
  it('reports 3 transfers just under 10,000 into one account within 7 days', () => {
    const ts: T[] = [9600, 9900, 9050].map((a, i) => ({
      id: `d${i}`,
      from: `P${i}`,
      to: 'ACC',
      h: i * 48,
      amount: a,
    }))
    const f = structuring(graphOf(ts), D.structuring)
    expect(f).toHaveLength(1)
    expect(f[0].measures).toMatchObject({ count: 3, threshold: 10_000, center: 'ACC' })
    expect(f[0].amount_in).toBe(28_550)
  })

  it('reports amounts down to 80% of the threshold spread over up to 14 days', () => {
    const ts: T[] = [8600, 9870, 8990, 8580].map((a, i) => ({
      id: `d${i}`,
      from: 'ACC',
      to: 'RU1',
      h: i * 24 * 3 + 5,
      amount: a,
    }))
    // Out of ACC and, the one counterparty being the same, into RU1 (grouped as one alert).
    const f = structuring(graphOf(ts), D.structuring)
    expect(f.map((x) => [x.measures.center, x.measures.direction, x.measures.count])).toEqual([
      ['RU1', 'in', 4],
      ['ACC', 'out', 4],
    ])
  })

  it('stays quiet when spread over 16 days, not near the threshold, or over it', () => {
    const spread = [9600, 9900, 9050].map((a, i) => ({
      id: `d${i}`,
      from: 'ACC',
      to: `P${i}`,
      h: i * 24 * 8,
      amount: a,
    }))
    expect(structuring(graphOf(spread), D.structuring)).toHaveLength(0)
    const low = [7500, 7900, 7000].map((a, i) => ({
      id: `l${i}`,
      from: 'A',
      to: 'B',
      h: i * 30,
      amount: a,
    }))
    expect(structuring(graphOf(low), D.structuring)).toHaveLength(0)
    const over = [10_000, 10_500, 9500].map((a, i) => ({
      id: `o${i}`,
      from: 'A',
      to: 'B',
      h: i * 30,
      amount: a,
    }))
    expect(structuring(graphOf(over), D.structuring)).toHaveLength(0)
  })

  it('reports split payments: one amount to one payee twice, or any amounts three times, within a day', () => {
    const ts: T[] = [
      // 18.23 three times to P within a day: split; and twice more two days later: another run
      ...[0, 2, 5, 50, 51].map((h, i) => ({ id: `r${i}`, from: 'A', to: 'P', h, amount: 18.23 })),
      // the same amount to another payee, and another amount to P: no repeat
      { id: 'x1', from: 'A', to: 'Q', h: 1, amount: 18.23 },
      { id: 'x2', from: 'A', to: 'P', h: 100, amount: 18.24 },
      // three payments of any amounts to one payee within a day; two are not enough
      ...[100, 200, 300].map((amount, i) => ({
        id: `z${i}`,
        from: 'C',
        to: 'D',
        h: i * 5,
        amount,
      })),
      ...[100, 200].map((amount, i) => ({ id: `w${i}`, from: 'E', to: 'D', h: i * 5, amount })),
      // two equal payments 30 hours apart: not within a day
      { id: 'y0', from: 'B', to: 'P', h: 0, amount: 500 },
      { id: 'y1', from: 'B', to: 'P', h: 30, amount: 500 },
    ]
    const f = structuring(graphOf(ts), D.structuring).filter((x) => x.measures.repeated === 1)
    // (r3, r4: two of the pair's six payments, its routine rather than a burst)
    expect(f.map((x) => x.tx_ids)).toEqual([
      ['r0', 'r1', 'r2'],
      ['z0', 'z1', 'z2'],
    ])
    expect(f[1].explanation).toMatch(/3 times within 10 hours/)
    // a pair that pays twice a day, every day, is a routine: no finding
    const sweep: T[] = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      from: 'S',
      to: 'T',
      h: Math.floor(i / 2) * 24 + (i % 2),
      amount: 250,
    }))
    expect(structuring(graphOf(sweep), D.structuring)).toHaveLength(0)
    // each rule on its own
    const any = structuring(graphOf(ts), { ...D.structuring, repeat_min: 0 })
    expect(any.map((x) => x.tx_ids[0])).toEqual(['r0', 'z0'])
    const same = structuring(graphOf(ts), { ...D.structuring, repeat_min_any: 0 })
    expect(same.map((x) => x.tx_ids)).toEqual([['r0', 'r1', 'r2']])
    expect(f[0].measures).toMatchObject({ count: 3, center: 'A', threshold: 18.23 })
    const off = { ...D.structuring, repeat_min: 0, repeat_min_any: 0 }
    expect(structuring(graphOf(ts), off)).toHaveLength(0)
  })

  it('honours a per-currency threshold', () => {
    const ts: T[] = [14_000, 14_500, 13_600].map((a, i) => ({
      id: `c${i}`,
      from: 'A',
      to: 'B',
      h: i * 30,
      amount: a,
      currency: 'CHF',
    }))
    expect(structuring(graphOf(ts), D.structuring)).toHaveLength(0)
    const chf = { ...D.structuring, thresholds: { CHF: 15_000 } }
    // out of A and into B: one finding each way
    expect(structuring(graphOf(ts), chf).map((f) => f.measures.direction)).toEqual(['in', 'out'])
  })
})

describe('communities and exposure', () => {
  const clique = (p: string, n: number, h0: number): T[] =>
    Array.from({ length: n * (n - 1) }, (_, k) => {
      const a = Math.floor(k / (n - 1))
      let b = k % (n - 1)
      if (b >= a) b++
      return { id: `${p}${k}`, from: `${p}${a}`, to: `${p}${b}`, h: h0 + k, amount: 1000 }
    })

  it('separates two dense groups joined by one small payment, reproducibly', () => {
    const g = graphOf([
      ...clique('A', 5, 0),
      ...clique('B', 5, 100),
      { id: 'bridge', from: 'A0', to: 'B0', h: 300, amount: 10 },
    ])
    const c = communities(g, { seed: 3, resolution: 1 })
    expect(new Set([0, 1, 2, 3, 4].map((i) => c.get(`A${i}`))).size).toBe(1)
    expect(new Set([0, 1, 2, 3, 4].map((i) => c.get(`B${i}`))).size).toBe(1)
    expect(c.get('A0')).not.toBe(c.get('B0'))
    expect(communities(g, { seed: 3, resolution: 1 })).toEqual(c)
  })

  it('counts hops to a flagged account either way, up to 3', () => {
    const g = graphOf([
      { id: '1', from: 'A', to: 'B', h: 0, amount: 1 },
      { id: '2', from: 'C', to: 'B', h: 1, amount: 1 },
      { id: '3', from: 'C', to: 'D', h: 2, amount: 1 },
      { id: '4', from: 'D', to: 'E', h: 3, amount: 1 },
    ])
    const e = exposure(g, ['A', 'NOT-IN-WINDOW'], 3)
    expect(Object.fromEntries(e)).toEqual({ A: 0, B: 1, C: 2, D: 3 })
  })
})

describe('runDetectors', () => {
  it('runs every detector, times them and drops patterns inside a larger one', () => {
    const ts: T[] = [
      ...chain('c', 4, 10),
      { id: 'r1', from: 'X1', to: 'X2', h: 0, amount: 500 },
      { id: 'r2', from: 'X2', to: 'X3', h: 1, amount: 490 },
      { id: 'r3', from: 'X3', to: 'X1', h: 2, amount: 480 },
    ]
    let t = 0
    const r = runDetectors(graphOf(ts), D, { flagged: ['cN0'], seed: 1, clock: () => (t += 5) })
    expect(Object.keys(r.stats)).toEqual([
      'cycle',
      'value_cycle',
      'value_flow',
      'layering',
      'walk',
      'scatter_gather',
      'gather_scatter',
      'bipartite',
      'fan',
      'structuring',
      'communities',
      'exposure',
      'subsumed',
    ])
    expect(r.stats.cycle).toEqual({ count: 1, ms: 5, truncated: false })
    expect(r.findings.map((f) => f.typology)).toEqual(['cycle', 'layering'])
    expect(r.exposure.get('cN3')).toBe(3)
    expect(r.communities.size).toBe(8)
  })
})
