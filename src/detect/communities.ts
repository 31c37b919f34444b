// Louvain communities (Blondel et al., "Fast unfolding of communities in large networks", 2008) on the
// window's amount-weighted undirected pair graph, through graphology-communities-louvain with a
// seeded rng: the same graph and seed give the same communities. Communities are renumbered by their
// smallest account, so ids do not depend on Louvain's internal numbering. Accounts with a single
// counterparty are folded into it (see below); node visiting order is deterministic (randomWalk off)
// unless asked.
import louvainModule from 'graphology-communities-louvain'
import type { PaymentGraph } from '../graph/index.ts'
import { pairGraph, undirectedDegrees } from '../graph/index.ts'

// The package is CommonJS with ES typings: its default import is the function itself at run time.
const louvain = ((louvainModule as unknown as { default?: typeof louvainModule }).default ??
  louvainModule) as unknown as typeof louvainModule.default

export function communities(
  g: PaymentGraph,
  opts: { seed: number; resolution: number; randomWalk?: boolean },
): Map<string, number> {
  // Accounts with a single counterparty join that counterparty's community afterwards (Louvain
  // would put them there anyway); only pairs of such accounts stay in. This keeps the graphology
  // graph, the heap and the run time down on large windows.
  const { degree, only } = undirectedDegrees(g)
  const keep = new Uint8Array(g.nodeCount)
  for (let v = 0; v < g.nodeCount; v++)
    keep[v] = degree[v] >= 2 || (degree[v] === 1 && degree[only[v]] === 1) ? 1 : 0
  const u = pairGraph(g, keep)
  const parts = louvain(u, {
    getEdgeWeight: 'weight',
    resolution: opts.resolution,
    randomWalk: opts.randomWalk ?? false,
    rng: mulberry32(opts.seed),
  })
  const raw = (v: number) => parts[String(keep[v] ? v : only[v])]
  const firstOf = new Map<number, number>()
  const out = new Map<string, number>()
  for (let v = 0; v < g.nodeCount; v++) {
    if (degree[v] === 0) continue
    const c = raw(v)
    let id = firstOf.get(c)
    if (id === undefined) firstOf.set(c, (id = firstOf.size))
    out.set(g.accounts[v], id)
  }
  return out
}

/** A small seeded PRNG (mulberry32): uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
