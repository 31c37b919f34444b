// Typologies: bipartite and stack, as IBM AMLSim defines them (Suzumura & Kanezashi, AMLSim 2021:
// "bipartite" — a set of originators each paying a set of beneficiaries; "stack" — stacked bipartite
// layers, each layer paying the next).
//
// Bipartite: ≥ min_sources sources and ≥ min_destinations destinations, each source paying at least
// min_density of the destinations (AMLSim's is complete: density 1), within max_span_days; members
// have at most max_degree distinct counterparties (hubs and merchants are not set members).
// Stack: bipartite layers L1, L2, … where the destinations of Li are mostly (≥ half) the sources of
// Li+1, Li+1 starts at most stack_max_gap_days after Li ends, and the shared accounts pass on at least
// stack_min_pass of what they received. A stack is reported once, whole; its layers are not reported
// again as bipartite findings.
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY } from '../graph/index.ts'
import type { BipartiteFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { baseOf, duration, pct, round3, sumAmount } from './common.ts'
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

export function bipartiteAndStack(g: PaymentGraph, o: Options): BipartiteFinding[] {
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
    if (!inStack[i]) findings.push(bipartiteFinding(g, l))
  })
  return findings
}

function findLayers(g: PaymentGraph, o: Options): Layer[] {
  const n = g.nodeCount
  const outDeg = (v: number) => g.pairStart[v + 1] - g.pairStart[v]
  const inDeg = (v: number) => g.inPairStart[v + 1] - g.inPairStart[v]
  const isSource = (v: number) => outDeg(v) >= o.min_destinations && outDeg(v) <= o.max_degree
  const isDest = (v: number) => inDeg(v) >= o.min_sources && inDeg(v) <= o.max_degree
  const cnt = new Int32Array(n)
  const touched: number[] = []
  const seen = new Set<string>()
  const layers: Layer[] = []
  for (let d = 0; d < n; d++) {
    if (!isDest(d)) continue
    const S: number[] = []
    for (let i = g.inPairStart[d]; i < g.inPairStart[d + 1]; i++) {
      const s = g.pairSrc[g.inPairs[i]]
      if (isSource(s)) S.push(s)
    }
    if (S.length < o.min_sources) continue
    touched.length = 0
    for (const s of S)
      for (let p = g.pairStart[s]; p < g.pairStart[s + 1]; p++) {
        const w = g.pairDst[p]
        if (!isDest(w)) continue
        if (cnt[w]++ === 0) touched.push(w)
      }
    let D = touched.filter((w) => cnt[w] >= o.min_sources)
    for (const w of touched) cnt[w] = 0
    if (D.length < o.min_destinations) continue
    const dSet = new Set(D)
    const paid = (s: number) => {
      let k = 0
      for (let p = g.pairStart[s]; p < g.pairStart[s + 1]; p++) if (dSet.has(g.pairDst[p])) k++
      return k
    }
    const S2 = S.filter((s) => paid(s) >= o.min_density * D.length)
    const s2 = new Set(S2)
    D = D.filter((w) => {
      let k = 0
      for (let i = g.inPairStart[w]; i < g.inPairStart[w + 1]; i++)
        if (s2.has(g.pairSrc[g.inPairs[i]])) k++
      return k >= o.min_density * S2.length
    })
    if (S2.length < o.min_sources || D.length < o.min_destinations) continue
    const layer = timeBox(g, S2, new Set(D), o)
    if (!layer) continue
    const key = layer.sources.join(',') + '|' + layer.dests.join(',')
    if (seen.has(key)) continue
    seen.add(key)
    layers.push(layer)
  }
  return layers.sort((a, b) => a.t0 - b.t0 || a.sources[0] - b.sources[0])
}

/** The transfers from sources to dests inside the busiest max_span_days window. */
function timeBox(g: PaymentGraph, S: number[], D: Set<number>, o: Options): Layer | undefined {
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

function bipartiteFinding(g: PaymentGraph, l: Layer): BipartiteFinding {
  const hours = (l.t1 - l.t0) / 3_600_000_000
  const explanation = `${l.sources.length} accounts each paid the same ${l.dests.length} accounts (${l.edges.length} transfers, ${fmt(l.total)}) within ${duration(hours)}`
  return {
    typology: 'bipartite',
    ...baseOf(g, 'bipartite', l.edges, { in: l.total, out: l.total }, explanation, [
      ...l.sources,
      ...l.dests.filter((d) => !l.sources.includes(d)),
    ]),
    measures: {
      layers: 1,
      width: Math.max(l.sources.length, l.dests.length),
      sources: l.sources.length,
      destinations: l.dests.length,
      retention: 1,
    },
  }
}

function stackFinding(g: PaymentGraph, ls: Layer[]): BipartiteFinding {
  const first = ls[0]
  const last = ls[ls.length - 1]
  const edges = [...new Set(ls.flatMap((l) => l.edges))]
  const accounts = [...new Set(ls.flatMap((l) => [...l.sources, ...l.dests]))]
  const hours = (ls.reduce((m, l) => Math.max(m, l.t1), -Infinity) - first.t0) / 3_600_000_000
  const retention = last.total / first.total
  const explanation = `${ls.length + 1} tiers of accounts (${accounts.length} in all) each paid the next tier within ${duration(hours)}; ${pct(retention)} of the first tier's ${fmt(first.total)} reached the last`
  return {
    typology: 'stack',
    ...baseOf(g, 'stack', edges, { in: first.total, out: last.total }, explanation, accounts),
    measures: {
      layers: ls.length,
      width: ls.reduce((m, l) => Math.max(m, l.sources.length, l.dests.length), -Infinity),
      sources: first.sources.length,
      destinations: last.dests.length,
      retention: round3(retention),
    },
  }
}
