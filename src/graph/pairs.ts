// The window as weighted undirected account pairs on typed arrays (both directions of a pair summed),
// the backbone of the pairs that carry the money, and Newman's modularity of a partition of them
// (Newman & Girvan 2004; the weighted form of Newman 2004, "Analysis of weighted networks").
import Graphology from 'graphology'
import type { PaymentGraph } from './types.ts'
import { pairIndex } from './views.ts'

const { UndirectedGraph } = Graphology

export interface UndirectedPairs {
  /** The two accounts of pair i (dense ids), each unordered pair once. */
  a: Int32Array
  b: Int32Array
  /** Summed amount of both directions (major units, all currencies), as pairGraph weighs them. */
  weight: Float64Array
}

/**
 * Every unordered pair of accounts that paid each other either way, once, in pairGraph's order
 * (by the first end ascending, then the second): a graphology graph built in this order is the same
 * graph, edge for edge.
 */
export function undirectedPairs(g: PaymentGraph): UndirectedPairs {
  const n = g.pairDst.length
  const a = new Int32Array(n)
  const b = new Int32Array(n)
  const weight = new Float64Array(n)
  let k = 0
  for (let v = 0; v < g.nodeCount; v++)
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) {
      const w = g.pairDst[p]
      const back = pairIndex(g, w, v)
      // Each unordered pair once: from its smaller end, or from the only direction there is.
      if (back >= 0 && w < v) continue
      a[k] = v
      b[k] = w
      weight[k++] = g.pairAmount[p] + (back >= 0 ? g.pairAmount[back] : 0)
    }
  return { a: a.slice(0, k), b: b.slice(0, k), weight: weight.slice(0, k) }
}

/**
 * The pairs that carry the money: the lightest pairs whose weights add up to at most `dropShare` of
 * the total are left out, except that every account keeps its heaviest pair (ties: the lowest
 * counterparty), so no account that paid or was paid loses its place. 1 = kept. Depends only on
 * the weights, not on the order of the pairs.
 */
export function backbone(pairs: UndirectedPairs, nodeCount: number, dropShare: number): Uint8Array {
  const { a, b, weight } = pairs
  const keep = new Uint8Array(weight.length)
  if (dropShare <= 0) return keep.fill(1)
  const sorted = Float64Array.from(weight).sort()
  let total = 0
  for (let i = 0; i < sorted.length; i++) total += sorted[i]
  // The floor is the lightest weight kept: everything strictly below it sums to ≤ the budget.
  let dropped = 0
  let i = 0
  while (i < sorted.length && dropped + sorted[i] <= dropShare * total) dropped += sorted[i++]
  // Pairs equal to the first weight over budget stay, so ties are never split by order.
  while (i > 0 && sorted[i - 1] === sorted[i]) i--
  const floor = i < sorted.length ? sorted[i] : Infinity
  const best = new Int32Array(nodeCount).fill(-1)
  const better = (v: number, p: number) => {
    const q = best[v]
    if (q < 0) return true
    if (weight[p] !== weight[q]) return weight[p] > weight[q]
    const other = (r: number) => (a[r] === v ? b[r] : a[r])
    return other(p) < other(q)
  }
  for (let p = 0; p < weight.length; p++) {
    if (weight[p] >= floor) keep[p] = 1
    if (better(a[p], p)) best[a[p]] = p
    if (better(b[p], p)) best[b[p]] = p
  }
  for (let v = 0; v < nodeCount; v++) if (best[v] >= 0) keep[best[v]] = 1
  return keep
}

/**
 * The graphology graph of the pairs with keepPair[i] = 1 between accounts with keepNode[v] = 1
 * (node keys: dense ids as text; edge attribute weight), built in pair order.
 */
export function graphOfPairs(
  pairs: UndirectedPairs,
  keepNode: Uint8Array,
  keepPair: Uint8Array,
): InstanceType<typeof UndirectedGraph> {
  const u = new UndirectedGraph()
  const keys: string[] = new Array(keepNode.length)
  for (let v = 0; v < keepNode.length; v++) if (keepNode[v]) u.addNode((keys[v] = String(v)))
  const { a, b, weight } = pairs
  for (let p = 0; p < weight.length; p++)
    if (keepPair[p] && keepNode[a[p]] && keepNode[b[p]])
      u.addEdge(keys[a[p]], keys[b[p]], { weight: weight[p] })
  return u
}

/**
 * The pairs between groups of accounts (label[v] in 0 … count - 1, -1 for none): one pair per two
 * groups joined by any pair, weighted by their sum, and a self-pair (a = b) holding each group's
 * inner weight; in order of first appearance. Louvain's aggregation step, over every pair.
 */
export function quotientPairs(
  pairs: UndirectedPairs,
  label: Int32Array,
  count: number,
): UndirectedPairs {
  const index = new Map<number, number>()
  const a: number[] = []
  const b: number[] = []
  const weight: number[] = []
  for (let p = 0; p < pairs.weight.length; p++) {
    let x = label[pairs.a[p]]
    let y = label[pairs.b[p]]
    if (x < 0 || y < 0) continue
    if (x > y) [x, y] = [y, x]
    const key = x * count + y
    const i = index.get(key)
    if (i !== undefined) weight[i] += pairs.weight[p]
    else {
      index.set(key, weight.length)
      a.push(x)
      b.push(y)
      weight.push(pairs.weight[p])
    }
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), weight: Float64Array.from(weight) }
}

/**
 * Weighted modularity of a partition of the pairs: Σ_c [ W_c / W − γ (S_c / 2W)² ], W the total
 * weight, W_c the weight inside community c, S_c the summed strength of its accounts. `label[v]` is
 * v's community (any integers; accounts outside every pair are ignored).
 */
export function modularity(pairs: UndirectedPairs, label: Int32Array, resolution = 1): number {
  const { a, b, weight } = pairs
  const inside = new Map<number, number>()
  const strength = new Map<number, number>()
  let total = 0
  for (let p = 0; p < weight.length; p++) {
    const w = weight[p]
    const ca = label[a[p]]
    const cb = label[b[p]]
    total += w
    strength.set(ca, (strength.get(ca) ?? 0) + w)
    strength.set(cb, (strength.get(cb) ?? 0) + w)
    if (ca === cb) inside.set(ca, (inside.get(ca) ?? 0) + w)
  }
  if (total === 0) return 0
  let q = 0
  for (const w of inside.values()) q += w / total
  for (const s of strength.values()) q -= resolution * (s / (2 * total)) ** 2
  return q
}
