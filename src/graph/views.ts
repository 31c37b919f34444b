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
  for (let v = 0; v < g.nodeCount; v++) u.addNode(String(v))
  for (let v = 0; v < g.nodeCount; v++) {
    const a = String(v)
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) {
      const b = String(g.pairDst[p])
      const w = g.pairAmount[p]
      const key = u.edge(a, b)
      if (key === undefined) u.addEdge(a, b, { weight: w })
      else u.updateEdgeAttribute(key, 'weight', (x: number | undefined) => (x ?? 0) + w)
    }
  }
  return u
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
