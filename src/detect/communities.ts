// Louvain communities (Blondel et al., "Fast unfolding of communities in large networks", 2008) on the
// window's amount-weighted undirected pair graph, through graphology-communities-louvain with a
// seeded rng: the same graph and seed give the same communities. Communities are renumbered by their
// smallest account, so ids do not depend on Louvain's internal numbering.
import louvainModule from 'graphology-communities-louvain'
import type { PaymentGraph } from '../graph/index.ts'
import { pairGraph } from '../graph/index.ts'

// The package is CommonJS with ES typings: its default import is the function itself at run time.
const louvain = ((louvainModule as unknown as { default?: typeof louvainModule }).default ??
  louvainModule) as unknown as typeof louvainModule.default

export function communities(
  g: PaymentGraph,
  opts: { seed: number; resolution: number },
): Map<string, number> {
  const u = pairGraph(g)
  const parts = louvain(u, {
    getEdgeWeight: 'weight',
    resolution: opts.resolution,
    rng: mulberry32(opts.seed),
  })
  const firstOf = new Map<number, number>()
  for (let v = 0; v < g.nodeCount; v++) {
    const c = parts[String(v)]
    if (!firstOf.has(c)) firstOf.set(c, firstOf.size)
  }
  const out = new Map<string, number>()
  for (let v = 0; v < g.nodeCount; v++) out.set(g.accounts[v], firstOf.get(parts[String(v)])!)
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
