// Typology: money walked through a few short-lived accounts (IBM AMLworld "RANDOM": funds hop between
// a small set of accounts in no fixed order; AMLSim "random"; FATF Red Flag Indicators 2021 §4:
// "funds transferred through multiple newly opened accounts with little other activity").
// Layering chains (layering.ts) need a time-ordered path; a walk may revisit accounts and wander.
//
// Members are accounts that do little but pass money: at most max_member_transfers transfers in the
// window and lookback, all within max_dwell_days, receiving and paying on [min_pass_ratio,
// max_pass_ratio] of what they received. Members paying each other form a walk (connected through
// member-to-member transfers); a walk of at least min_members members is reported with every
// transfer of its members: where the money came from, its hops, where it left. It is reported as
// layering (its measures say walk = 1).
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY, MICROS_PER_HOUR } from '../graph/index.ts'
import type { LayeringFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { accountView } from './accounts.ts'
import { baseOf, duration, pct, round2, round3, short } from './common.ts'
import { EVIDENCE_DEFAULTS, type EvidenceConfig } from './evidence.ts'

export interface WalkResult {
  findings: LayeringFinding[]
  truncated: boolean
}

export function walks(
  g: PaymentGraph,
  o: DetectConfig['walk'],
  evidence?: EvidenceConfig,
): WalkResult {
  const view = accountView(g)
  const { val, unit } = view.money
  const n = g.nodeCount
  const dwell = o.max_dwell_days * MICROS_PER_DAY
  const fresh = (evidence ?? EVIDENCE_DEFAULTS).fresh_days
  const member = new Uint8Array(n)
  for (let v = 0; v < n; v++) {
    const outs = g.outStart[v + 1] - g.outStart[v]
    const ins = g.inStart[v + 1] - g.inStart[v]
    if (!outs || !ins || view.transfers(v) > o.max_member_transfers) continue
    let t0 = Infinity
    let t1 = -Infinity
    let aIn = 0
    let aOut = 0
    let u = -1
    let mixed = false
    for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
      t0 = Math.min(t0, g.ts[e])
      t1 = Math.max(t1, g.ts[e])
      aOut += val[e]
      if (u < 0) u = unit[e]
      else if (unit[e] !== u) mixed = true
    }
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i]
      t0 = Math.min(t0, g.ts[e])
      t1 = Math.max(t1, g.ts[e])
      aIn += val[e]
      if (unit[e] !== u) mixed = true
    }
    if (mixed || t1 - t0 > dwell) continue
    // Short-lived only if it could have been seen earlier: at least fresh_days of data before it.
    if (Number.isFinite(view.baseline.firstSeen[v])) continue
    if (t0 - view.historyStart < fresh * MICROS_PER_DAY) continue
    const r = aOut / aIn
    if (r >= o.min_pass_ratio && r <= o.max_pass_ratio) member[v] = 1
  }
  // Walks: components of members joined by member-to-member transfers (union-find).
  const parent = new Int32Array(n).map((_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]]
    return x
  }
  for (let v = 0; v < n; v++) {
    if (!member[v]) continue
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) {
      const w = g.pairDst[p]
      if (member[w]) parent[find(v)] = find(w)
    }
  }
  const groups = new Map<number, number[]>()
  for (let v = 0; v < n; v++) {
    if (!member[v]) continue
    let linked = false
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1] && !linked; p++)
      if (member[g.pairDst[p]]) linked = true
    for (let i = g.inPairStart[v]; i < g.inPairStart[v + 1] && !linked; i++)
      if (member[g.pairSrc[g.inPairs[i]]]) linked = true
    if (!linked) continue
    const r = find(v)
    const l = groups.get(r)
    if (l) l.push(v)
    else groups.set(r, [v])
  }
  const findings: LayeringFinding[] = []
  let truncated = false
  for (const members of groups.values()) {
    if (members.length < o.min_members) continue
    if (findings.length >= o.max_findings) {
      truncated = true
      break
    }
    findings.push(walkFinding(g, members, member, evidence))
  }
  return { findings, truncated }
}

function walkFinding(
  g: PaymentGraph,
  members: number[],
  member: Uint8Array,
  evidence: EvidenceConfig | undefined,
): LayeringFinding {
  const { val } = accountView(g).money
  const edges = new Set<number>()
  let aIn = 0
  let aOut = 0
  for (const v of members) {
    for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
      edges.add(e)
      if (!member[g.dst[e]]) aOut += val[e]
    }
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i]
      edges.add(e)
      if (!member[g.src[e]]) aIn += val[e]
    }
  }
  const list = [...edges]
  let t0 = Infinity
  let t1 = -Infinity
  for (const e of list) {
    t0 = Math.min(t0, g.ts[e])
    t1 = Math.max(t1, g.ts[e])
  }
  const hours = (t1 - t0) / MICROS_PER_HOUR
  const sorted = [...members].sort((a, b) => a - b)
  const retention = aIn > 0 ? aOut / aIn : 0
  const explanation = `money passed through ${members.length} short-lived accounts (${sorted
    .slice(0, 4)
    .map((v) => short(g.accounts[v]))
    .join(
      ', ',
    )}${members.length > 4 ? ', …' : ''}) in ${list.length} transfers within ${duration(hours)}; ${pct(retention)} of what came in left again`
  const base = baseOf(g, {
    typology: 'layering',
    edges: list,
    amounts: { in: aIn, out: aOut },
    explanation,
    accounts: [...sorted],
    evidence,
  })
  // A walk takes every transfer of its members: that they pass money on and do little else is its
  // definition, not evidence beyond it.
  delete base.signals.passing
  delete base.signals.dedicated
  const outside = new Set<number>()
  for (const e of list) {
    if (!member[g.src[e]]) outside.add(g.src[e])
    if (!member[g.dst[e]]) outside.add(g.dst[e])
  }
  return {
    typology: 'layering',
    ...base,
    accounts: [...sorted, ...[...outside].sort((a, b) => a - b)].map((v) => g.accounts[v]),
    measures: {
      hops: list.length,
      retention: round3(retention),
      max_dwell_hours: round2(hours),
      walk: 1,
      members: members.length,
    },
  }
}
