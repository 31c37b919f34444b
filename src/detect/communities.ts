// Louvain communities (Blondel et al., "Fast unfolding of communities in large networks", 2008) on the
// window's amount-weighted undirected pair graph, through graphology-communities-louvain with a
// seeded rng: the same graph and seed give the same communities. Communities are renumbered by their
// smallest account, so ids do not depend on Louvain's internal numbering. Louvain sees the pairs
// that carry the money (graph/pairs.ts backbone: the lightest pairs, together a small share of the
// weight, are left out), then its next level on the communities found, with every pair's weight;
// accounts with a single counterparty are folded into it (see below); node visiting order is
// deterministic (randomWalk off) unless asked.
import louvainModule from 'graphology-communities-louvain'
import type { PaymentGraph } from '../graph/index.ts'
import {
  backbone,
  graphOfPairs,
  quotientPairs,
  undirectedPairs,
  type UndirectedPairs,
} from '../graph/index.ts'

// The package is CommonJS with ES typings: its default import is the function itself at run time.
const louvain = ((louvainModule as unknown as { default?: typeof louvainModule }).default ??
  louvainModule) as unknown as typeof louvainModule.default

export interface CommunityOptions {
  seed: number
  resolution: number
  randomWalk?: boolean
  /**
   * Share of the total pair weight the lightest pairs may carry and be left out of Louvain's graph
   * (config detect.communities.drop_weight_share); 0 = every pair. Default 0.
   */
  dropWeightShare?: number
  /** The window's undirected pairs, when the caller has them already. */
  pairs?: UndirectedPairs
}

/** account → community id (ids from 0, numbered by each community's smallest account). */
export function communities(g: PaymentGraph, opts: CommunityOptions): Map<string, number> {
  const label = communityLabels(g, opts)
  const out = new Map<string, number>()
  for (let v = 0; v < g.nodeCount; v++) if (label[v] >= 0) out.set(g.accounts[v], label[v])
  return out
}

/** The community of each account (dense id) as communities() numbers them; -1 for none. */
export function communityLabels(g: PaymentGraph, opts: CommunityOptions): Int32Array {
  const pairs = opts.pairs ?? undirectedPairs(g)
  const keepPair = backbone(pairs, g.nodeCount, opts.dropWeightShare ?? 0)
  // Counterparties per account in the kept pairs, and the counterparty of an account with one.
  const degree = new Int32Array(g.nodeCount)
  const only = new Int32Array(g.nodeCount).fill(-1)
  for (let p = 0; p < keepPair.length; p++) {
    if (!keepPair[p]) continue
    degree[pairs.a[p]]++
    degree[pairs.b[p]]++
    only[pairs.a[p]] = pairs.b[p]
    only[pairs.b[p]] = pairs.a[p]
  }
  // Accounts with a single counterparty join that counterparty's community afterwards (Louvain
  // would put them there anyway); only pairs of such accounts stay in. This keeps the graphology
  // graph, the heap and the run time down on large windows.
  const keep = new Uint8Array(g.nodeCount)
  for (let v = 0; v < g.nodeCount; v++)
    keep[v] = degree[v] >= 2 || (degree[v] === 1 && degree[only[v]] === 1) ? 1 : 0
  const rng = mulberry32(opts.seed)
  const run = (u: ReturnType<typeof graphOfPairs>) =>
    louvain(u, {
      getEdgeWeight: 'weight',
      resolution: opts.resolution,
      randomWalk: opts.randomWalk ?? false,
      rng,
    })
  const parts = run(graphOfPairs(pairs, keep, keepPair))
  let label = numbered(g.nodeCount, (v) =>
    degree[v] === 0 ? undefined : parts[String(keep[v] ? v : only[v])],
  )
  if (keepPair.includes(0)) {
    // Without the light pairs, groups tied to the rest only by them stand apart; Louvain's next
    // level, on the communities found with every pair's weight between them, joins them where
    // that raises the modularity of the whole graph.
    const count = label.reduce((m, c) => Math.max(m, c + 1), 0)
    const q = quotientPairs(pairs, label, count)
    const merged = run(
      graphOfPairs(q, new Uint8Array(count).fill(1), new Uint8Array(q.weight.length).fill(1)),
    )
    const first = label
    label = numbered(g.nodeCount, (v) => (first[v] < 0 ? undefined : merged[String(first[v])]))
  }
  return label
}

/** Community ids from 0, in the order of each community's smallest account; -1 for none. */
function numbered(n: number, raw: (v: number) => number | undefined): Int32Array {
  const firstOf = new Map<number, number>()
  const label = new Int32Array(n).fill(-1)
  for (let v = 0; v < n; v++) {
    const c = raw(v)
    if (c === undefined) continue
    let id = firstOf.get(c)
    if (id === undefined) firstOf.set(c, (id = firstOf.size))
    label[v] = id
  }
  return label
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
