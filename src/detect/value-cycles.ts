// Typology: value rings — one amount passed round a ring of accounts, in any time order and over
// weeks. IBM AMLSim's "cycle" passes one amount round its members at steps spread over the run and
// not necessarily in ring order (Suzumura & Kanezashi, AMLSim 2021); slow rings move one value round
// with hops days or weeks apart (FATF/Egmont, Trade-Based Money Laundering, 2020: "circular
// transactions"). The time-ordered fast ring is temporal-cycles.ts; this finds the slow and the
// unordered ones, so it asks for the same value instead of a time order.
//
// A value ring is k (min_hops ≤ k ≤ max_hops) account pairs v0 → v1 → … → v0 over distinct accounts
// whose transfers all carry one value: every value (base currency at the transfer's date, see
// money.ts) within `tolerance` of the largest (FX moves and fees of a few percent), all within
// horizon_days. A ring through several currencies loses a little at every conversion (the FX
// margin): with c changes of currency between neighbouring hops it may spread as far as
// (1 − hop_loss)^−c when that is wider than the tolerance, as long as each hop stays within
// `tolerance` of the hop before it in ring order (the money's own path) except at one seam (where
// the ring starts, its last value meets its first). The ring's transfers are every transfer of its
// pairs that carries that value.
// Search: transfers are put in value bands per unit, as wide as the widest spread allowed (a
// max_hops ring's that changes currency at every hop, when the window's compared transfers are in
// more than one currency; else the tolerance); a ring's values span at most two neighbouring bands,
// so each band b is searched together with b + 1 and a ring is kept only in the band of its
// smallest value. Inside a band set, simple cycles are enumerated from their
// smallest account (distinct rotations never repeat), depth-first, with a step budget per band and
// in all; past it the result says truncated. Rings the time-ordered search already reported over the
// same accounts are left to it (it ranks them as fast rings).
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY, MICROS_PER_HOUR, stronglyConnected } from '../graph/index.ts'
import type { CycleFinding } from '../schema/finding.ts'
import { baseOf, duration, round3, short } from './common.ts'
import type { EvidenceConfig } from './evidence.ts'
import { moneyOf } from './money.ts'
import { ringShape, ringSignals } from './temporal-cycles.ts'
import { fmt } from './scatter-gather.ts'

export interface ValueCycleOptions {
  enabled: boolean
  min_hops: number
  max_hops: number
  horizon_days: number
  tolerance: number
  /** Share a ring may lose per change of currency beyond the tolerance (0: one tolerance). */
  hop_loss: number
  max_steps_per_band: number
  max_steps: number
}

export interface ValueCycleResult {
  findings: CycleFinding[]
  truncated: boolean
  steps: number
}

interface LocalPair {
  src: number
  dst: number
  edges: number[]
  /** Median value of its edges in the band set. */
  value: number
  t0: number
  t1: number
}

export function valueCycles(
  g: PaymentGraph,
  o: ValueCycleOptions,
  skip: ReadonlySet<string> = new Set(),
  evidence?: EvidenceConfig,
): ValueCycleResult {
  if (o.min_hops < 2 || o.max_hops < o.min_hops) throw new RangeError('value cycle: bad hop bounds')
  if (!(o.tolerance > 0)) throw new RangeError('value cycle: tolerance must be positive')
  const { val, unit } = moneyOf(g)
  // A ring lies inside one strongly connected component of the whole graph: other edges never
  // take part.
  const { comp, size } = stronglyConnected(g)
  const band = new Float64Array(g.edgeCount)
  const inRing: number[] = []
  const converted = new Set<number>()
  for (let e = 0; e < g.edgeCount; e++) {
    const c = comp[g.src[e]]
    if (c !== comp[g.dst[e]] || size[c] < 2) continue
    inRing.push(e)
    if (unit[e] === 0) converted.add(g.currency[e])
  }
  // One currency among the compared transfers: no conversion, no loss beyond the tolerance.
  const opts = converted.size > 1 ? o : { ...o, hop_loss: 0 }
  const width = Math.log(spreadLimit(opts, o.max_hops))
  for (const e of inRing) band[e] = Math.floor(Math.log(val[e]) / width)
  // Edges by (unit, band): one sort, then each band set is a contiguous run of two bands.
  const order = Int32Array.from(inRing).sort(
    (a, b) => unit[a] - unit[b] || band[a] - band[b] || a - b,
  )
  const horizon = o.horizon_days * MICROS_PER_DAY
  const findings: CycleFinding[] = []
  const seen = new Set<string>()
  let steps = 0
  let truncated = false
  const scratch = { inDeg: new Int32Array(g.nodeCount), gone: new Uint8Array(g.nodeCount) }
  let i = 0
  while (i < order.length && steps <= o.max_steps) {
    const u = unit[order[i]]
    const b = band[order[i]]
    let j = i
    while (j < order.length && unit[order[j]] === u && band[order[j]] === b) j++
    let k = j
    while (k < order.length && unit[order[k]] === u && band[order[k]] === b + 1) k++
    if (k - i >= o.min_hops) {
      const r = searchBand(g, val, order.subarray(i, k), b, opts, horizon, steps, scratch)
      steps = r.steps
      if (r.truncated) truncated = true
      for (const ring of r.rings) {
        const key = ring.accounts.join(',')
        if (seen.has(key) || skip.has(key)) continue
        seen.add(key)
        findings.push(ringFinding(g, ring.pairs, evidence))
      }
    }
    i = j
  }
  if (steps > o.max_steps) truncated = true
  return { findings, truncated, steps }
}

/** The widest ratio (largest over smallest value) a ring with k changes of currency may span. */
export function spreadLimit(o: Pick<ValueCycleOptions, 'tolerance' | 'hop_loss'>, k: number) {
  return Math.max(1 + o.tolerance, (1 - o.hop_loss) ** -k)
}

function searchBand(
  g: PaymentGraph,
  val: Float64Array,
  edges: Int32Array,
  b: number,
  o: ValueCycleOptions,
  horizon: number,
  steps0: number,
  scratch: { inDeg: Int32Array; gone: Uint8Array },
): { rings: { accounts: number[]; pairs: LocalPair[] }[]; steps: number; truncated: boolean } {
  // Local pairs of the band set, keyed by the graph's pair id.
  const byKey = new Map<number, LocalPair>()
  for (const e of edges) {
    const key = g.edgePair[e]
    let p = byKey.get(key)
    if (!p)
      byKey.set(
        key,
        (p = { src: g.src[e], dst: g.dst[e], edges: [], value: 0, t0: Infinity, t1: -Infinity }),
      )
    p.edges.push(e)
    if (g.ts[e] < p.t0) p.t0 = g.ts[e]
    if (g.ts[e] > p.t1) p.t1 = g.ts[e]
  }
  const out = new Map<number, LocalPair[]>()
  const hasIn = new Set<number>()
  for (const p of byKey.values()) {
    if (p.edges.length === 1) p.value = val[p.edges[0]]
    else {
      const vs = p.edges.map((e) => val[e]).sort((x, y) => x - y)
      p.value = vs[vs.length >> 1]
    }
    if (p.src === p.dst) continue
    const l = out.get(p.src)
    if (l) l.push(p)
    else out.set(p.src, [p])
    hasIn.add(p.dst)
  }
  // Only accounts that both pay and are paid inside the band set can be on a ring of it: trim the
  // others repeatedly (most band sets have no ring at all). The counts live in the scratch arrays
  // (all zero between calls).
  const { inDeg, gone } = scratch
  const paid: number[] = []
  for (const l of out.values()) for (const p of l) if (inDeg[p.dst]++ === 0) paid.push(p.dst)
  const goneList: number[] = []
  const queue: number[] = []
  for (const v of out.keys()) if (!inDeg[v]) queue.push(v)
  for (const v of paid) if (!out.has(v)) queue.push(v)
  while (queue.length) {
    const v = queue.pop()!
    if (gone[v]) continue
    gone[v] = 1
    goneList.push(v)
    for (const p of out.get(v) ?? []) if (--inDeg[p.dst] <= 0) queue.push(p.dst)
  }
  for (const v of goneList) out.delete(v)
  for (const [v, l] of out)
    out.set(
      v,
      l.filter((p) => !gone[p.dst]),
    )
  for (const v of paid) inDeg[v] = 0
  for (const v of goneList) gone[v] = 0
  const rings: { accounts: number[]; pairs: LocalPair[] }[] = []
  let steps = steps0
  let truncated = false
  const limit = spreadLimit(o, o.max_hops)
  const width = Math.log(limit)
  const step = 1 + o.tolerance
  // Each hop within the tolerance of the one before it in ring order (the money's own path), except
  // at one seam: where the ring starts, its last (smallest) value meets its first.
  const near = (x: number, y: number) => x <= y * step && y <= x * step
  const cur = (p: LocalPair) => g.currency[p.edges[0]]
  const path: LocalPair[] = []
  const onPath = new Set<number>()
  const starts = [...out.keys()]
    .filter((v) => hasIn.has(v) && out.get(v)!.length > 0)
    .sort((x, y) => x - y)
  for (const s of starts) {
    const bandStart = steps
    const walk = (
      v: number,
      lo: number,
      hi: number,
      t0: number,
      t1: number,
      seams: number,
      changes: number,
    ): boolean => {
      for (const p of out.get(v) ?? []) {
        if (++steps - bandStart > o.max_steps_per_band || steps > o.max_steps) return false
        const w = p.dst
        if (w < s) continue
        const nlo = Math.min(lo, p.value)
        const nhi = Math.max(hi, p.value)
        const nt0 = Math.min(t0, p.t0)
        const nt1 = Math.max(t1, p.t1)
        if (nhi > nlo * limit || nt1 - nt0 > horizon) continue
        const prev = path.length ? path[path.length - 1] : undefined
        const seam = prev && !near(prev.value, p.value) ? 1 : 0
        if (seams + seam > 1) continue
        const change = prev && cur(prev) !== cur(p) ? 1 : 0
        if (w === s) {
          const closing = cur(p) !== cur(path[0]) ? 1 : 0
          if (
            path.length + 1 >= o.min_hops &&
            nhi <= nlo * spreadLimit(o, changes + change + closing) &&
            seams + seam + (near(p.value, path[0].value) ? 0 : 1) <= 1 &&
            Math.floor(Math.log(nlo) / width) === b
          ) {
            path.push(p)
            rings.push({ accounts: path.map((q) => q.src), pairs: [...path] })
            path.pop()
          }
          continue
        }
        if (onPath.has(w) || path.length + 1 >= o.max_hops) continue
        onPath.add(w)
        path.push(p)
        const ok = walk(w, nlo, nhi, nt0, nt1, seams + seam, changes + change)
        path.pop()
        onPath.delete(w)
        if (!ok) return false
      }
      return true
    }
    onPath.add(s)
    if (!walk(s, Infinity, -Infinity, Infinity, -Infinity, 0, 0)) truncated = true
    onPath.delete(s)
    if (steps > o.max_steps) break
  }
  return { rings, steps, truncated }
}

function ringFinding(g: PaymentGraph, pairs: LocalPair[], evidence?: EvidenceConfig): CycleFinding {
  const { val } = moneyOf(g)
  const k = pairs.length
  let lo = Infinity
  let hi = -Infinity
  for (const p of pairs) {
    lo = Math.min(lo, p.value)
    hi = Math.max(hi, p.value)
  }
  const edges = pairs.flatMap((p) => p.edges)
  let t0 = Infinity
  let t1 = -Infinity
  for (const e of edges) {
    t0 = Math.min(t0, g.ts[e])
    t1 = Math.max(t1, g.ts[e])
  }
  // Time-ordered when some rotation of the ring has each pair's first transfer after the previous.
  const firsts = pairs.map((p) => p.t0)
  let ordered = 0
  for (let r = 0; r < k && !ordered; r++) {
    let ok = true
    for (let i = 1; i < k && ok; i++) ok = firsts[(r + i) % k] > firsts[(r + i - 1) % k]
    if (ok) ordered = 1
  }
  const accounts = pairs.map((p) => p.src)
  const route = [...accounts, accounts[0]].map((a) => short(g.accounts[a])).join('→')
  const hours = (t1 - t0) / MICROS_PER_HOUR
  const spread = hi > 0 ? (hi - lo) / hi : 0
  const explanation =
    `${k}-hop ring ${route} passed one value (about ${fmt(hi)}, all within ${Math.round(spread * 1000) / 10}%) ` +
    `round in ${duration(hours)}${ordered ? '' : ', hops not in ring order'}`
  let inAmt = 0
  for (const e of pairs[0].edges) inAmt += val[e]
  let outAmt = 0
  for (const e of pairs[k - 1].edges) outAmt += val[e]
  const base = baseOf(g, {
    typology: 'cycle',
    edges,
    amounts: { in: inAmt, out: outAmt },
    explanation,
    accounts,
    evidence,
  })
  return {
    typology: 'cycle',
    ...base,
    signals: ringSignals(k, base.signals),
    measures: {
      hops: k,
      retention: round3(lo / hi),
      min_hop_ratio: round3(lo / hi),
      ordered,
      span_days: round3(hours / 24),
      ...ringShape(k, base.signals.value_spread),
    },
  }
}
