// graphology views of the window, built only where graphology's algorithms or the dashboards need
// them: the amount-weighted undirected pair graph (Louvain) and small directed subgraphs (alerts).
import Graphology from 'graphology'
import type { PaymentGraph } from './types.ts'
import { isoOfMicros } from './time.ts'

const { UndirectedGraph, MultiDirectedGraph } = Graphology

/**
 * The collapsed undirected graph: one edge per pair of accounts that paid each other either way,
 * weighted by the summed amount (major units, all currencies). Node keys are the dense ids as text.
 */
export function pairGraph(g: PaymentGraph): InstanceType<typeof UndirectedGraph> {
  const u = new UndirectedGraph()
  const keys: string[] = new Array(g.nodeCount)
  for (let v = 0; v < g.nodeCount; v++) u.addNode((keys[v] = String(v)))
  for (let v = 0; v < g.nodeCount; v++) {
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) {
      const w = g.pairDst[p]
      const back = pairIndex(g, w, v)
      // Each unordered pair once: from its smaller end, or from the only direction there is.
      if (back >= 0 && w < v) continue
      const weight = g.pairAmount[p] + (back >= 0 ? g.pairAmount[back] : 0)
      u.addEdge(keys[v], keys[w], { weight })
    }
  }
  return u
}

/** The pair id of v → w, or -1. */
export function pairIndex(g: PaymentGraph, v: number, w: number): number {
  let lo = g.pairStart[v]
  let hi = g.pairStart[v + 1]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (g.pairDst[mid] < w) lo = mid + 1
    else hi = mid
  }
  return lo < g.pairStart[v + 1] && g.pairDst[lo] === w ? lo : -1
}

/** A MultiDirectedGraph of the given transfers (edge ids), keyed by account and tx id. */
export function subgraph(
  g: PaymentGraph,
  edgeIds: Iterable<number>,
): InstanceType<typeof MultiDirectedGraph> {
  const s = new MultiDirectedGraph()
  for (const e of edgeIds) {
    const a = g.accounts[g.src[e]]
    const b = g.accounts[g.dst[e]]
    s.mergeNode(a)
    s.mergeNode(b)
    s.addEdgeWithKey(g.txIds[e], a, b, {
      amount: g.amount[e],
      currency: g.currencies[g.currency[e]],
      ts: isoOfMicros(g.ts[e]),
    })
  }
  return s
}
