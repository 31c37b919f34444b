import { describe, expect, it } from 'vitest'
import louvainModule from 'graphology-communities-louvain'
import { graphOf, type T } from '../../test/fixtures/graphs.ts'
import { communities, communityLabels, mulberry32 } from './communities.ts'
import {
  backbone,
  modularity,
  pairGraph,
  undirectedDegrees,
  undirectedPairs,
  type PaymentGraph,
} from '../graph/index.ts'

const louvain = ((louvainModule as unknown as { default?: typeof louvainModule }).default ??
  louvainModule) as unknown as typeof louvainModule.default

/**
 * A payment window with planted groups: accounts pay inside their group (heavy, log-normal
 * amounts, a few payments per pair) and now and then anyone (one light payment), as retail
 * payments do.
 */
function plantedWindow(seed: number, groups = 60): PaymentGraph {
  const rnd = mulberry32(seed)
  const ts: T[] = []
  const sizes = Array.from({ length: groups }, () => 4 + Math.floor(rnd() * 30))
  const starts: number[] = []
  let n = 0
  for (const s of sizes) {
    starts.push(n)
    n += s
  }
  const amount = (scale: number) => Math.round(scale * Math.exp(2 * rnd()) * 100) / 100
  let id = 0
  sizes.forEach((s, gi) => {
    for (let k = 0; k < s * 3; k++) {
      const a = starts[gi] + Math.floor(rnd() * s)
      let b = starts[gi] + Math.floor(rnd() * s)
      if (a === b) b = starts[gi] + ((b - starts[gi] + 1) % s)
      for (let r = 0; r < 1 + Math.floor(rnd() * 3); r++)
        ts.push({ id: `t${id++}`, from: `A${a}`, to: `A${b}`, h: id % 300, amount: amount(2000) })
    }
  })
  for (let k = 0; k < n * 4; k++) {
    const a = Math.floor(rnd() * n)
    const b = (a + 1 + Math.floor(rnd() * (n - 1))) % n
    ts.push({ id: `t${id++}`, from: `A${a}`, to: `A${b}`, h: id % 300, amount: amount(50) })
  }
  return graphOf(ts)
}

/** The method before issue 14, as it was: Louvain on every pair, degree-1 accounts folded. */
function allPairsReference(g: PaymentGraph, seed: number): Map<string, number> {
  const { degree, only } = undirectedDegrees(g)
  const keep = new Uint8Array(g.nodeCount)
  for (let v = 0; v < g.nodeCount; v++)
    keep[v] = degree[v] >= 2 || (degree[v] === 1 && degree[only[v]] === 1) ? 1 : 0
  const parts = louvain(pairGraph(g, keep), {
    getEdgeWeight: 'weight',
    resolution: 1,
    randomWalk: false,
    rng: mulberry32(seed),
  })
  const firstOf = new Map<number, number>()
  const out = new Map<string, number>()
  for (let v = 0; v < g.nodeCount; v++) {
    if (degree[v] === 0) continue
    const c = parts[String(keep[v] ? v : only[v])]
    let id = firstOf.get(c)
    if (id === undefined) firstOf.set(c, (id = firstOf.size))
    out.set(g.accounts[v], id)
  }
  return out
}

const count = (label: Int32Array) => new Set(label).size - (label.includes(-1) ? 1 : 0)

describe('Louvain on the backbone', () => {
  const g = plantedWindow(11)
  const pairs = undirectedPairs(g)

  it('with drop_weight_share 0 is the all-pairs method exactly', () => {
    expect(communities(g, { seed: 5, resolution: 1, dropWeightShare: 0 })).toEqual(
      allPairsReference(g, 5),
    )
  })

  it('gives the same communities for the same seed, in id order or in random order', () => {
    for (const randomWalk of [false, true]) {
      const opts = { seed: 9, resolution: 1, dropWeightShare: 0.01, randomWalk }
      expect(communityLabels(g, opts)).toEqual(communityLabels(g, opts))
      expect(communities(g, opts)).toEqual(communities(g, opts))
    }
  })

  it('finds the planted groups as the all-pairs method does, on a third of the pairs fewer', () => {
    const kept = backbone(pairs, g.nodeCount, 0.01).reduce((n, k) => n + k, 0)
    expect(kept).toBeLessThan(pairs.weight.length * 0.67)
    for (const seed of [1, 2, 3]) {
      const full = communityLabels(g, { seed, resolution: 1, dropWeightShare: 0 })
      const reduced = communityLabels(g, { seed, resolution: 1, dropWeightShare: 0.01 })
      const qFull = modularity(pairs, full)
      expect(qFull).toBeGreaterThan(0.5)
      expect(modularity(pairs, reduced)).toBeGreaterThan(qFull * 0.99)
      // Groups tied to the rest by light pairs only are joined again, not left as splinters.
      expect(count(reduced)).toBeLessThan(count(full) * 1.25)
    }
  })
})

describe('backbone', () => {
  // A–B 100, B–C 50, C–D 1, A–C 1, D–E 2: total 154; 2% = 3.08 leaves out both 1s (sum 2).
  const g = graphOf([
    { id: '1', from: 'A', to: 'B', h: 0, amount: 60 },
    { id: '2', from: 'B', to: 'A', h: 1, amount: 40 },
    { id: '3', from: 'B', to: 'C', h: 2, amount: 50 },
    { id: '4', from: 'C', to: 'D', h: 3, amount: 1 },
    { id: '5', from: 'A', to: 'C', h: 4, amount: 1 },
    { id: '6', from: 'D', to: 'E', h: 5, amount: 2 },
  ])
  const pairs = undirectedPairs(g)
  const kept = (share: number) => {
    const k = backbone(pairs, g.nodeCount, share)
    return Array.from(pairs.weight)
      .map((w, p) => `${g.accounts[pairs.a[p]]}${g.accounts[pairs.b[p]]}:${w}`)
      .filter((_, p) => k[p])
      .sort()
  }

  it('leaves out the lightest pairs within the share, but never an account’s heaviest', () => {
    expect(kept(0)).toEqual(['AB:100', 'AC:1', 'BC:50', 'CD:1', 'DE:2'])
    // Both pairs of weight 1 fit in 2% and go: neither is an account's heaviest (D's is D–E).
    expect(kept(0.02)).toEqual(['AB:100', 'BC:50', 'DE:2'])
    // 1% (1.54) fits one pair of weight 1, not both: ties stay together.
    expect(kept(0.01)).toEqual(['AB:100', 'AC:1', 'BC:50', 'CD:1', 'DE:2'])
  })

  it('computes weighted modularity', () => {
    // Two triangles of weight-1 pairs joined by one: W = 7, each side W_c = 3, S_c = 7.
    const t = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'e'],
        ['e', 'f'],
        ['f', 'd'],
        ['a', 'd'],
      ].map(([from, to], i) => ({ id: String(i), from, to, h: i, amount: 1 })),
    )
    const side = Int32Array.from(t.accounts, (x) => ('abc'.includes(x) ? 0 : 1))
    expect(modularity(undirectedPairs(t), side)).toBeCloseTo(2 * (3 / 7 - (7 / 14) ** 2), 12)
    expect(modularity(undirectedPairs(t), new Int32Array(t.nodeCount))).toBeCloseTo(0, 12)
  })
})
