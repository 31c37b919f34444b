// Typologies: scatter-gather and gather-scatter, as IBM AMLSim defines them (Suzumura & Kanezashi,
// "Anti-Money Laundering Datasets", AMLSim 2021: scatter_gather, gather_scatter), with FATF's
// split-and-merge ("smurfing" through intermediaries) red flags.
//
// Scatter-gather: one source pays ≥ min_width quiet intermediaries, each of which passes
// [min_pass_ratio, max_pass_ratio] of what it received on to one sink, all within max_span_days.
// Gather-scatter: ≥ min_sources sources pay one hub which pays ≥ min_destinations destinations within
// max_span_days, the hub passing [min_pass_ratio, max_pass_ratio] of the inflow on; hubs with more than
// max_window_transfers transfers in one window are busy businesses and skipped, and the pattern must
// be at least min_hub_share of all the hub's transfers in the scan window, and at least
// min_covered_share of the outflow must have come in before it left (money passes through the hub).
// Both report every
// branch (all transfers of the pattern); windows are taken earliest first and do not overlap.
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY } from '../graph/index.ts'
import type { ScatterGatherFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { baseOf, duration, firstAfter, pct, round3, short, sumAmount } from './common.ts'
import type { EvidenceConfig } from './evidence.ts'
import { moneyOf } from './money.ts'

export function scatterGather(
  g: PaymentGraph,
  o: DetectConfig['scatter_gather'],
  evidence?: EvidenceConfig,
): ScatterGatherFinding[] {
  const { outStart, inStart, inEdges, src, dst, ts } = g
  const { val, unit } = moneyOf(g)
  const span = o.max_span_days * MICROS_PER_DAY
  // (source, sink) → branches [middle, e1, e2]; a branch's two legs lie within the span of each
  // other in either order (AMLworld's intermediaries sometimes pay the sink before they are paid).
  const groups = new Map<number, number[][]>()
  for (let m = 0; m < g.nodeCount; m++) {
    const deg = outStart[m + 1] - outStart[m] + inStart[m + 1] - inStart[m]
    if (deg > o.max_intermediary_degree || outStart[m + 1] === outStart[m]) continue
    for (let i = inStart[m]; i < inStart[m + 1]; i++) {
      const e1 = inEdges[i]
      const from = firstAfter(ts, outStart[m], outStart[m + 1], ts[e1] - span - 1)
      for (let e2 = from; e2 < outStart[m + 1]; e2++) {
        if (ts[e2] - ts[e1] > span) break
        if (ts[e1] - ts[e2] > span) continue
        if (dst[e2] === src[e1] || unit[e2] !== unit[e1]) continue
        const r = val[e2] / val[e1]
        if (r < o.min_pass_ratio || r > o.max_pass_ratio) continue
        const key = src[e1] * g.nodeCount + dst[e2]
        let list = groups.get(key)
        if (!list) groups.set(key, (list = []))
        list.push([m, e1, e2])
      }
    }
  }
  const findings: ScatterGatherFinding[] = []
  const start = (b: number[]) => Math.min(ts[b[1]], ts[b[2]])
  const end = (b: number[]) => Math.max(ts[b[1]], ts[b[2]])
  for (const list of groups.values()) {
    if (new Set(list.map((b) => b[0])).size < o.min_width) continue
    list.sort((a, b) => start(a) - start(b) || end(a) - end(b) || a[0] - b[0])
    let i = 0
    while (i < list.length) {
      const t0 = start(list[i])
      const chosen = new Map<number, number[]>()
      let j = i
      for (; j < list.length && start(list[j]) - t0 <= span; j++)
        if (end(list[j]) - t0 <= span && !chosen.has(list[j][0])) chosen.set(list[j][0], list[j])
      if (chosen.size >= o.min_width) {
        findings.push(sgFinding(g, [...chosen.values()], evidence))
        i = j
      } else i++
    }
  }
  return findings
}

function sgFinding(
  g: PaymentGraph,
  branches: number[][],
  evidence: EvidenceConfig | undefined,
): ScatterGatherFinding {
  const source = g.src[branches[0][1]]
  const sink = g.dst[branches[0][2]]
  const middles = branches.map((b) => b[0]).sort((a, b) => a - b)
  const ins = branches.map((b) => b[1])
  const outs = branches.map((b) => b[2])
  const aIn = sumAmount(g, ins)
  const aOut = sumAmount(g, outs)
  let inOrder = 0
  for (const b of branches) if (g.ts[b[2]] > g.ts[b[1]]) inOrder++
  const edges = [...ins, ...outs]
  const hours = spanHours(g, edges)
  const explanation = `${short(g.accounts[source])} split ${fmt(aIn)} over ${middles.length} intermediaries that paid ${pct(aOut / aIn)} of it to ${short(g.accounts[sink])} within ${duration(hours)}${inOrder < branches.length ? ` (${branches.length - inOrder} paid the sink before they were paid)` : ''}`
  return {
    typology: 'scatter_gather',
    ...baseOf(g, {
      typology: 'scatter_gather',
      edges,
      amounts: { in: aIn, out: aOut },
      explanation,
      accounts: [source, ...middles, sink],
      evidence,
    }),
    measures: {
      width: middles.length,
      sources: 1,
      destinations: 1,
      retention: round3(aOut / aIn),
      ordered_share: round3(inOrder / branches.length),
    },
  }
}

export function gatherScatter(
  g: PaymentGraph,
  o: DetectConfig['gather_scatter'],
  evidence?: EvidenceConfig,
): ScatterGatherFinding[] {
  const { outStart, inStart, inEdges, src, dst, ts } = g
  const { val: amount } = moneyOf(g)
  const span = o.max_span_days * MICROS_PER_DAY
  const findings: ScatterGatherFinding[] = []
  const seenSrc = new Int32Array(g.nodeCount).fill(-1)
  const seenDst = new Int32Array(g.nodeCount).fill(-1)
  let stamp = 0
  for (let h = 0; h < g.nodeCount; h++) {
    const ia = inStart[h]
    const ib = inStart[h + 1]
    const oa = outStart[h]
    const ob = outStart[h + 1]
    if (ib - ia < o.min_sources || ob - oa < o.min_destinations) continue
    let i = ia
    let jIn = ia
    let oLo = oa
    let oHi = oa
    while (i < ib) {
      const t0 = ts[inEdges[i]]
      while (jIn < ib && ts[inEdges[jIn]] - t0 <= span) jIn++
      while (oLo < ob && ts[oLo] <= t0) oLo++
      if (oHi < oLo) oHi = oLo
      while (oHi < ob && ts[oHi] - t0 <= span) oHi++
      const count = jIn - i + (oHi - oLo)
      if (count <= o.max_window_transfers && oHi - oLo >= o.min_destinations) {
        stamp++
        let nSrc = 0
        let nDst = 0
        let aIn = 0
        let aOut = 0
        for (let k = i; k < jIn; k++) {
          const e = inEdges[k]
          aIn += amount[e]
          if (seenSrc[src[e]] !== stamp) {
            seenSrc[src[e]] = stamp
            nSrc++
          }
        }
        for (let e = oLo; e < oHi; e++) {
          aOut += amount[e]
          if (seenDst[dst[e]] !== stamp) {
            seenDst[dst[e]] = stamp
            nDst++
          }
        }
        const r = aOut / aIn
        const hubShare = count / (ib - ia + ob - oa)
        const covered = coveredShare(g, inEdges, i, jIn, oLo, oHi)
        if (
          covered >= o.min_covered_share &&
          hubShare >= o.min_hub_share &&
          nSrc >= o.min_sources &&
          nDst >= o.min_destinations &&
          r >= o.min_pass_ratio &&
          r <= o.max_pass_ratio
        ) {
          const ins = Array.from(inEdges.subarray(i, jIn))
          const outs = Array.from({ length: oHi - oLo }, (_, k) => oLo + k)
          findings.push(gsFinding(g, h, ins, outs, nSrc, nDst, hubShare, covered, evidence))
          i = jIn
          continue
        }
      }
      i++
    }
  }
  return findings
}

function gsFinding(
  g: PaymentGraph,
  hub: number,
  ins: number[],
  outs: number[],
  nSrc: number,
  nDst: number,
  hubShare: number,
  covered: number,
  evidence: EvidenceConfig | undefined,
): ScatterGatherFinding {
  const aIn = sumAmount(g, ins)
  const aOut = sumAmount(g, outs)
  const edges = [...ins, ...outs]
  const sources = [...new Set(ins.map((e) => g.src[e]))].sort((a, b) => a - b)
  const dests = [...new Set(outs.map((e) => g.dst[e]))].sort((a, b) => a - b)
  const hours = spanHours(g, edges)
  const explanation = `${nSrc} sources paid ${fmt(aIn)} into ${short(g.accounts[hub])}, which paid ${pct(aOut / aIn)} of it on to ${nDst} destinations within ${duration(hours)}`
  return {
    typology: 'gather_scatter',
    ...baseOf(g, {
      typology: 'gather_scatter',
      edges,
      amounts: { in: aIn, out: aOut },
      explanation,
      accounts: [...new Set([...sources, hub, ...dests])],
      evidence,
    }),
    measures: {
      width: nSrc + nDst,
      sources: nSrc,
      destinations: nDst,
      retention: round3(aOut / aIn),
      hub_share: round3(hubShare),
      covered_share: round3(covered),
    },
  }
}

/**
 * Share of the outflow (by amount) already covered by the inflow received before it: a pass-through
 * hub pays out what has come in; an account whose payments merely balance over the week does not.
 */
function coveredShare(
  g: PaymentGraph,
  inEdges: Int32Array,
  i0: number,
  i1: number,
  o0: number,
  o1: number,
): number {
  const { val } = moneyOf(g)
  let k = i0
  let cumIn = 0
  let cumOut = 0
  let covered = 0
  let total = 0
  for (let e = o0; e < o1; e++) {
    while (k < i1 && g.ts[inEdges[k]] < g.ts[e]) cumIn += val[inEdges[k++]]
    const a = val[e]
    total += a
    covered += Math.max(0, Math.min(a, cumIn - cumOut))
    cumOut += a
  }
  return total > 0 ? covered / total : 0
}

function spanHours(g: PaymentGraph, edges: number[]): number {
  let lo = Infinity
  let hi = -Infinity
  for (const e of edges) {
    lo = Math.min(lo, g.ts[e])
    hi = Math.max(hi, g.ts[e])
  }
  return (hi - lo) / 3_600_000_000
}

// toLocaleString builds this formatter on every call; one formatter gives the same text.
const WHOLE = new Intl.NumberFormat('en', { maximumFractionDigits: 0 })

export function fmt(x: number): string {
  return WHOLE.format(x)
}
