// Exposure: hop distance (0 … max_hops) from each account to the nearest flagged account, counted
// on the window's payments in either direction (breadth-first search over the collapsed pairs), as
// in network-based AML risk propagation (e.g. Colladon & Remondi, "Using social network analysis to
// prevent money laundering", 2017). Accounts farther away are left out.
import type { PaymentGraph } from '../graph/index.ts'

export function exposure(
  g: PaymentGraph,
  flagged: Iterable<string>,
  maxHops: number,
): Map<string, number> {
  const id = new Map<string, number>()
  g.accounts.forEach((a, i) => id.set(a, i))
  const dist = new Int8Array(g.nodeCount).fill(-1)
  let frontier: number[] = []
  for (const a of flagged) {
    const v = id.get(a)
    if (v !== undefined && dist[v] < 0) {
      dist[v] = 0
      frontier.push(v)
    }
  }
  for (let hop = 1; hop <= maxHops && frontier.length; hop++) {
    const next: number[] = []
    const visit = (w: number) => {
      if (dist[w] < 0) {
        dist[w] = hop
        next.push(w)
      }
    }
    for (const v of frontier) {
      for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) visit(g.pairDst[p])
      for (let i = g.inPairStart[v]; i < g.inPairStart[v + 1]; i++) visit(g.pairSrc[g.inPairs[i]])
    }
    frontier = next
  }
  const out = new Map<string, number>()
  for (let v = 0; v < g.nodeCount; v++) if (dist[v] >= 0) out.set(g.accounts[v], dist[v])
  return out
}
