// graphology views of the window, built only where graphology's algorithms or the dashboards need
// them: the amount-weighted undirected pair graph (Louvain) and small directed subgraphs (alerts).
import Graphology from 'graphology'
import type { PaymentGraph } from './types.ts'
import { isoOfMicros } from './time.ts'

const { UndirectedGraph, MultiDirectedGraph } = Graphology

/**
 * The collapsed undirected graph: one edge per pair of accounts that paid each other either way,
 * weighted by the summed amount (major units, all currencies). Node keys are the dense ids as text.
 * With `keep`, only accounts with keep[v] = 1 and the edges among them.
 */
export function pairGraph(
  g: PaymentGraph,
  keep?: Uint8Array,
): InstanceType<typeof UndirectedGraph> {
  const u = new UndirectedGraph()
  const keys: string[] = new Array(g.nodeCount)
  for (let v = 0; v < g.nodeCount; v++) if (!keep || keep[v]) u.addNode((keys[v] = String(v)))
  for (let v = 0; v < g.nodeCount; v++) {
    if (keep && !keep[v]) continue
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) {
      const w = g.pairDst[p]
      if (keep && !keep[w]) continue
      const back = pairIndex(g, w, v)
      // Each unordered pair once: from its smaller end, or from the only direction there is.
      if (back >= 0 && w < v) continue
      const weight = g.pairAmount[p] + (back >= 0 ? g.pairAmount[back] : 0)
      u.addEdge(keys[v], keys[w], { weight })
    }
  }
  return u
}

/**
 * Distinct counterparties (either direction) per account, and for accounts with exactly one, that
 * counterparty (else -1).
 */
export function undirectedDegrees(g: PaymentGraph): { degree: Int32Array; only: Int32Array } {
  const degree = new Int32Array(g.nodeCount)
  const only = new Int32Array(g.nodeCount).fill(-1)
  for (let v = 0; v < g.nodeCount; v++) {
    let i = g.pairStart[v]
    const ie = g.pairStart[v + 1]
    let j = g.inPairStart[v]
    const je = g.inPairStart[v + 1]
    let d = 0
    let last = -1
    // merge the ascending out-targets and in-sources
    while (i < ie || j < je) {
      const a = i < ie ? g.pairDst[i] : Infinity
      const b = j < je ? g.pairSrc[g.inPairs[j]] : Infinity
      const w = a <= b ? a : b
      if (a <= b) i++
      if (b <= a) j++
      if (w !== last) {
        d++
        last = w
      }
    }
    degree[v] = d
    if (d === 1) only[v] = last
  }
  return { degree, only }
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
