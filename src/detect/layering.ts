// Typology: layering chains (pass-through "mule" chains). Follows FATF's layering stage and the
// "funnel/pass-through account" red flags (FATF, Money Laundering and Terrorist Financing Red Flag
// Indicators, 2021 §4) and AMLSim's "forward" pattern chained over several hops (IBM AMLSim, Suzumura &
// Kanezashi 2021).
//
// A chain is a time-ordered path e1 … ek (k ≥ min_hops) over distinct accounts where every
// intermediary is quiet (≤ max_intermediary_degree transfers in the window) and forwards, within
// max_dwell_hours of receiving, between min_forward_ratio and max_forward_ratio of what it received.
// Chains are reported whole: only maximal chains (first transfer not itself forwarded from a quiet
// account, last transfer not forwarded on), never their sub-chains. Slow hops (dwell past the limit)
// break the chain; transfers outside the window are never loaded.
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_HOUR } from '../graph/index.ts'
import type { LayeringFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { baseOf, duration, firstAfter, pct, round2, round3, short } from './common.ts'
import type { EvidenceConfig } from './evidence.ts'
import { moneyOf } from './money.ts'

export type LayeringOptions = DetectConfig['layering']

export interface LayeringResult {
  findings: LayeringFinding[]
  truncated: boolean
}

export function layeringChains(
  g: PaymentGraph,
  o: LayeringOptions,
  evidence?: EvidenceConfig,
): LayeringResult {
  const n = g.nodeCount
  const { outStart, inStart, inEdges, src, dst, ts } = g
  const { val: amount, unit } = moneyOf(g)
  const dwell = o.max_dwell_hours * MICROS_PER_HOUR
  const quiet = new Uint8Array(n)
  for (let v = 0; v < n; v++)
    quiet[v] =
      outStart[v + 1] - outStart[v] + inStart[v + 1] - inStart[v] <= o.max_intermediary_degree
        ? 1
        : 0
  const forwards = (e: number, f: number) => {
    const d = ts[f] - ts[e]
    if (d <= 0 || d > dwell || unit[f] !== unit[e]) return false
    const r = amount[f] / amount[e]
    return r >= o.min_forward_ratio && r <= o.max_forward_ratio
  }
  const hasPredecessor = (e: number) => {
    const u = src[e]
    if (!quiet[u]) return false
    for (let i = inStart[u]; i < inStart[u + 1]; i++) {
      const p = inEdges[i]
      if (dst[p] !== u || src[p] === dst[e]) continue
      if (forwards(p, e)) return true
    }
    return false
  }

  const findings: LayeringFinding[] = []
  const onPath = new Uint8Array(n)
  const path: number[] = []
  let truncated = false

  const walk = (e: number): void => {
    const v = dst[e]
    let extended = false
    if (quiet[v]) {
      const end = outStart[v + 1]
      for (let f = firstAfter(ts, outStart[v], end, ts[e]); f < end; f++) {
        if (onPath[dst[f]] || !forwards(e, f)) continue
        extended = true
        onPath[dst[f]] = 1
        path.push(f)
        walk(f)
        path.pop()
        onPath[dst[f]] = 0
      }
    }
    if (!extended && path.length >= o.min_hops) {
      if (findings.length >= o.max_findings) truncated = true
      else findings.push(chainFinding(g, path, evidence))
    }
  }

  for (let e = 0; e < g.edgeCount; e++) {
    if (!quiet[dst[e]] || hasPredecessor(e)) continue
    onPath[src[e]] = 1
    onPath[dst[e]] = 1
    path.push(e)
    walk(e)
    path.pop()
    onPath[src[e]] = 0
    onPath[dst[e]] = 0
  }
  return { findings, truncated }
}

function chainFinding(
  g: PaymentGraph,
  path: number[],
  evidence: EvidenceConfig | undefined,
): LayeringFinding {
  const k = path.length
  const { val } = moneyOf(g)
  const accounts = [g.src[path[0]], ...path.map((e) => g.dst[e])]
  let maxDwell = 0
  for (let i = 1; i < k; i++) maxDwell = Math.max(maxDwell, g.ts[path[i]] - g.ts[path[i - 1]])
  const first = val[path[0]]
  const last = val[path[k - 1]]
  const hours = maxDwell / MICROS_PER_HOUR
  const route = accounts.map((a) => short(g.accounts[a])).join('→')
  const explanation = `${k}-hop layering chain ${route}: each intermediary passed the money on within ${duration(hours)} at most; ${pct(last / first)} of the amount arrived`
  return {
    typology: 'layering',
    ...baseOf(g, {
      typology: 'layering',
      edges: path,
      amounts: { in: first, out: last },
      explanation,
      accounts,
      evidence,
    }),
    measures: { hops: k, retention: round3(last / first), max_dwell_hours: round2(hours) },
  }
}
