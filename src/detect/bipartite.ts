// Typologies: bipartite and stack, as IBM AMLSim defines them (Suzumura & Kanezashi, AMLSim 2021:
// "bipartite" — a set of originators each paying a set of beneficiaries; "stack" — stacked bipartite
// layers, each layer paying the next).
//
// Bipartite: ≥ min_sources sources and ≥ min_destinations destinations interlocked — every source
// pays at least two of the destinations and every destination is paid by at least two of the sources
// (the 2-core of the payments between them; AMLworld's sets are not complete), ≥ min_edges transfers
// within max_span_days; members have at most max_degree distinct counterparties (hubs and merchants
// are not set members) and most members do little else (min_member_share of their transfers lie in
// the set).
// Stack: bipartite layers L1, L2, … where the destinations of Li are mostly (≥ half) the sources of
// Li+1, Li+1 starts at most stack_max_gap_days after Li ends, and the shared accounts pass on at least
// stack_min_pass of what they received. A stack is reported once, whole; its layers are not reported
// again as bipartite findings.
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY } from '../graph/index.ts'
import type { BipartiteFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { undirectedDegrees } from '../graph/index.ts'
import { accountView } from './accounts.ts'
import { baseOf, duration, pct, round3, sumAmount } from './common.ts'
import type { EvidenceConfig } from './evidence.ts'
import { fmt } from './scatter-gather.ts'

type Options = DetectConfig['bipartite']

interface Layer {
  sources: number[]
  dests: number[]
  edges: number[]
  t0: number
  t1: number
  total: number
}

export function bipartiteAndStack(
  g: PaymentGraph,
  o: Options,
  evidence?: EvidenceConfig,
): BipartiteFinding[] {
  const layers = findLayers(g, o)
  const findings: BipartiteFinding[] = []
  // Link layers into stacks: i → j when j's sources are mostly i's destinations, soon after.
  const next: number[][] = layers.map(() => [])
  const hasPrev = new Uint8Array(layers.length)
  const gap = o.stack_max_gap_days * MICROS_PER_DAY
  layers.forEach((a, i) =>
    layers.forEach((b, j) => {
      if (i === j || b.t0 < a.t0 || b.t0 - a.t1 > gap) return
      const shared = a.dests.filter((d) => b.sources.includes(d))
      if (shared.length < Math.max(2, Math.ceil(a.dests.length / 2))) return
      const into = a.edges.filter((e) => shared.includes(g.dst[e]))
      const onward = b.edges.filter((e) => shared.includes(g.src[e]))
      if (sumAmount(g, onward) < o.stack_min_pass * sumAmount(g, into)) return
      next[i].push(j)
      hasPrev[j] = 1
    }),
  )
  const inStack = new Uint8Array(layers.length)
  const walk = (path: number[]) => {
    const last = path[path.length - 1]
    if (next[last].length === 0) {
      if (path.length >= 2) {
        for (const i of path) inStack[i] = 1
        findings.push(
          stackFinding(
            g,
            path.map((i) => layers[i]),
            evidence,
          ),
        )
      }
      return
    }
    for (const j of next[last]) if (!path.includes(j)) walk([...path, j])
  }
  layers.forEach((_, i) => {
    if (!hasPrev[i]) walk([i])
  })
  layers.forEach((l, i) => {
    if (!inStack[i]) findings.push(bipartiteFinding(g, l, evidence))
  })
  return findings
}

function findLayers(g: PaymentGraph, o: Options): Layer[] {
  const n = g.nodeCount
  const view = accountView(g)
  const { degree } = undirectedDegrees(g)
  const member = (v: number) => degree[v] <= o.max_degree
  const seen = new Set<string>()
  const layers: Layer[] = []
  // The 2-core of the member payments seen as sources × destinations, peeled once for the whole
  // window (typed arrays, linear): a set's sources pay two or more of its destinations and its
  // destinations are paid by two or more of its sources, so nothing outside this core can be in one.
  const aliveS = new Uint8Array(n)
  const aliveD = new Uint8Array(n)
  const outCore = new Int32Array(n)
  const inCore = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    if (!member(v)) continue
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) {
      const w = g.pairDst[p]
      if (w !== v && member(w)) {
        outCore[v]++
        inCore[w]++
      }
    }
  }
  const queue: number[] = []
  for (let v = 0; v < n; v++) {
    aliveS[v] = outCore[v] >= 2 ? 1 : 0
    aliveD[v] = inCore[v] >= 2 ? 1 : 0
  }
  // Recount against alive roles only, then peel: queue entries are v (source role) or n + v.
  outCore.fill(0)
  inCore.fill(0)
  for (let v = 0; v < n; v++) {
    if (!aliveS[v]) continue
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) {
      const w = g.pairDst[p]
      if (w !== v && aliveD[w]) {
        outCore[v]++
        inCore[w]++
      }
    }
  }
  for (let v = 0; v < n; v++) {
    if (aliveS[v] && outCore[v] < 2) queue.push(v)
    if (aliveD[v] && inCore[v] < 2) queue.push(n + v)
  }
  while (queue.length) {
    const x = queue.pop()!
    if (x < n) {
      if (!aliveS[x]) continue
      aliveS[x] = 0
      for (let p = g.pairStart[x]; p < g.pairStart[x + 1]; p++) {
        const w = g.pairDst[p]
        if (w !== x && aliveD[w] && --inCore[w] < 2) queue.push(n + w)
      }
    } else {
      const d = x - n
      if (!aliveD[d]) continue
      aliveD[d] = 0
      for (let i = g.inPairStart[d]; i < g.inPairStart[d + 1]; i++) {
        const u = g.pairSrc[g.inPairs[i]]
        if (u !== d && aliveS[u] && --outCore[u] < 2) queue.push(u)
      }
    }
  }
  // Whether s pays at least two members of `into` (d is paid by two of `from`): the counts stop
  // at two.
  const paysTwo = (s: number, into?: MarkSet) => {
    let k = 0
    for (let p = g.pairStart[s]; p < g.pairStart[s + 1]; p++) {
      const w = g.pairDst[p]
      if (w !== s && aliveD[w] && (!into || into.has(w)) && ++k >= 2) return true
    }
    return false
  }
  const paidByTwo = (d: number, from: MarkSet) => {
    let k = 0
    for (let i = g.inPairStart[d]; i < g.inPairStart[d + 1]; i++) {
      const s = g.pairSrc[g.inPairs[i]]
      if (s !== d && aliveS[s] && from.has(s) && ++k >= 2) return true
    }
    return false
  }
  // The sets of one seed's neighbourhood, reused from seed to seed (each keeps insertion order).
  let S = new MarkSet(n)
  let S2 = new MarkSet(n)
  let D = new MarkSet(n)
  let D2 = new MarkSet(n)
  const judged = new MarkSet(n)
  const covered = new Uint8Array(n)
  for (let d = 0; d < n; d++) {
    if (!aliveD[d] || covered[d]) continue
    // Grow the set around d: its sources, the members they pay, the sources paying two of those…
    S.clear()
    for (let i = g.inPairStart[d]; i < g.inPairStart[d + 1]; i++) {
      const s = g.pairSrc[g.inPairs[i]]
      if (s !== d && aliveS[s] && paysTwo(s)) S.add(s)
    }
    if (S.size < o.min_sources) continue
    for (let round = 0; round < 3; round++) {
      D.clear()
      for (const s of S.list)
        for (let p = g.pairStart[s]; p < g.pairStart[s + 1]; p++) {
          const w = g.pairDst[p]
          if (w !== s && aliveD[w]) D.add(w)
        }
      // Each source is judged once a round, however many of D it pays.
      S2.clear()
      judged.clear()
      for (const w of D.list)
        for (let i = g.inPairStart[w]; i < g.inPairStart[w + 1]; i++) {
          const s = g.pairSrc[g.inPairs[i]]
          if (s === w || !aliveS[s] || judged.has(s)) continue
          judged.add(s)
          if (paysTwo(s, D)) S2.add(s)
        }
      if (S2.size === S.size) break
      ;[S, S2] = [S2, S]
      if (S.size > 4 * o.max_degree) break
    }
    if (D.size < o.min_destinations) continue
    // Peel to the 2-core of S × D: each source pays ≥ 2 of D, each destination paid by ≥ 2 of S.
    for (let changed = true; changed;) {
      S2.clear()
      for (const s of S.list) if (paysTwo(s, D)) S2.add(s)
      D2.clear()
      for (const w of D.list) if (paidByTwo(w, S2)) D2.add(w)
      changed = S2.size !== S.size || D2.size !== D.size
      ;[S, S2] = [S2, S]
      ;[D, D2] = [D2, D]
    }
    // A neighbourhood is explored once: its destinations are not seeds again (deterministic: seeds
    // are taken in account order).
    for (const w of D.list) covered[w] = 1
    if (S.size < o.min_sources || D.size < o.min_destinations) continue
    const layer = timeBox(g, S.list, D, o)
    if (!layer || layer.edges.length < o.min_edges) continue
    // Members do mostly this: the set is at least min_member_share of most members' transfers.
    const members = [...new Set([...layer.sources, ...layer.dests])]
    const inSet = new Map<number, number>()
    for (const e of layer.edges) {
      inSet.set(g.src[e], (inSet.get(g.src[e]) ?? 0) + 1)
      inSet.set(g.dst[e], (inSet.get(g.dst[e]) ?? 0) + 1)
    }
    let busy = 0
    for (const v of members)
      if ((inSet.get(v) ?? 0) < o.min_member_share * view.transfers(v)) busy++
    if (busy * 2 > members.length) continue
    const key = layer.sources.join(',') + '|' + layer.dests.join(',')
    if (seen.has(key)) continue
    seen.add(key)
    for (const w of layer.dests) covered[w] = 1
    layers.push(layer)
  }
  return layers.sort((a, b) => a.t0 - b.t0 || a.sources[0] - b.sources[0])
}

/** The transfers from sources to dests inside the busiest max_span_days window. */
function timeBox(
  g: PaymentGraph,
  S: readonly number[],
  D: { has(v: number): boolean },
  o: Options,
): Layer | undefined {
  const edges: number[] = []
  for (const s of S)
    for (let p = g.pairStart[s]; p < g.pairStart[s + 1]; p++)
      if (D.has(g.pairDst[p]))
        for (let i = g.pairEdgeStart[p]; i < g.pairEdgeStart[p + 1]; i++) edges.push(g.pairEdges[i])
  edges.sort((a, b) => g.ts[a] - g.ts[b] || a - b)
  const span = o.max_span_days * MICROS_PER_DAY
  let best = [0, 0]
  for (let i = 0, j = 0; i < edges.length; i++) {
    while (j < edges.length && g.ts[edges[j]] - g.ts[edges[i]] <= span) j++
    if (j - i > best[1] - best[0]) best = [i, j]
  }
  const inBox = edges.slice(best[0], best[1])
  const sources = [...new Set(inBox.map((e) => g.src[e]))].sort((a, b) => a - b)
  const dests = [...new Set(inBox.map((e) => g.dst[e]))].sort((a, b) => a - b)
  if (sources.length < o.min_sources || dests.length < o.min_destinations) return
  return {
    sources,
    dests,
    edges: inBox,
    t0: g.ts[inBox[0]],
    t1: g.ts[inBox[inBox.length - 1]],
    total: sumAmount(g, inBox),
  }
}

function bipartiteFinding(
  g: PaymentGraph,
  l: Layer,
  evidence: EvidenceConfig | undefined,
): BipartiteFinding {
  const hours = (l.t1 - l.t0) / 3_600_000_000
  const explanation = `${l.sources.length} accounts each paid the same ${l.dests.length} accounts (${l.edges.length} transfers, ${fmt(l.total)}) within ${duration(hours)}`
  return {
    typology: 'bipartite',
    ...baseOf(g, {
      typology: 'bipartite',
      edges: l.edges,
      amounts: { in: l.total, out: l.total },
      explanation,
      accounts: [...l.sources, ...l.dests.filter((d) => !l.sources.includes(d))],
      evidence,
    }),
    measures: {
      layers: 1,
      width: Math.max(l.sources.length, l.dests.length),
      sources: l.sources.length,
      destinations: l.dests.length,
      retention: 1,
      density: round3(distinctPairs(g, l.edges) / (l.sources.length * l.dests.length)),
    },
  }
}

function stackFinding(
  g: PaymentGraph,
  ls: Layer[],
  evidence: EvidenceConfig | undefined,
): BipartiteFinding {
  const first = ls[0]
  const last = ls[ls.length - 1]
  const edges = [...new Set(ls.flatMap((l) => l.edges))]
  const accounts = [...new Set(ls.flatMap((l) => [...l.sources, ...l.dests]))]
  let tEnd = first.t1
  let width = 0
  for (const l of ls) {
    tEnd = Math.max(tEnd, l.t1)
    width = Math.max(width, l.sources.length, l.dests.length)
  }
  const hours = (tEnd - first.t0) / 3_600_000_000
  const retention = last.total / first.total
  const explanation = `${ls.length + 1} tiers of accounts (${accounts.length} in all) each paid the next tier within ${duration(hours)}; ${pct(retention)} of the first tier's ${fmt(first.total)} reached the last`
  return {
    typology: 'stack',
    ...baseOf(g, {
      typology: 'stack',
      edges,
      amounts: { in: first.total, out: last.total },
      explanation,
      accounts,
      evidence,
    }),
    measures: {
      layers: ls.length,
      width,
      sources: first.sources.length,
      destinations: last.dests.length,
      retention: round3(retention),
      density: round3(distinctPairs(g, edges) / Math.max(1, edges.length)),
    },
  }
}

/** A set of account ids (0 … n − 1) in insertion order, cleared in O(1) by a new generation. */
class MarkSet {
  private readonly stamp: Int32Array
  private gen = 1
  list: number[] = []
  constructor(n: number) {
    this.stamp = new Int32Array(n)
  }
  get size(): number {
    return this.list.length
  }
  has(v: number): boolean {
    return this.stamp[v] === this.gen
  }
  add(v: number): void {
    if (this.stamp[v] === this.gen) return
    this.stamp[v] = this.gen
    this.list.push(v)
  }
  clear(): void {
    this.gen++
    this.list = []
  }
}

function distinctPairs(g: PaymentGraph, edges: number[]): number {
  return new Set(edges.map((e) => g.edgePair[e])).size
}
