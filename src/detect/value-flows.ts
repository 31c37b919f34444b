// Typology family: one unusual value moved between several accounts (IBM AMLSim: every transfer of a
// planted cycle, fan-in or fan-out carries the pattern's one amount, at steps weeks apart and not in
// ring order; FATF Red Flag Indicators 2021: "similar amounts transferred between several parties"
// and "transactions inconsistent with the customer's profile").
//
// A transfer is a candidate when its value is unusual for its payer: at least
// evidence.unusual_factor away from the median of the payer's transfers to other counterparties
// (and beyond evidence.unusual_mad robust deviations of them; judged only with
// evidence.unusual_min_other such transfers), and its payee is no busy business
// (evidence.busy_account_transfers: a hub receiving sums of every size is nobody's scheme). A value flow is a connected set of candidates over at
// least min_pairs account pairs and three accounts, all carrying one value (within `tolerance`) within
// horizon_days. Its shape names its typology: a ring is a cycle, one account paid by all the others a
// fan-in, one account paying all the others a fan-out, anything else layering (the value walked on).
// Accounts whose usual transfers are that value (rent, subscriptions, standing orders) never qualify.
//
// A transfer is also a candidate when it is half of an exact pass-on: an account that is no busy
// business received a sum and paid exactly that sum (same currency, to the cent) to a third
// account within horizon_days, in either order (FATF: "funds received and transferred out in the
// same amount"; AMLSim's cycles and chains pass one amount on). Identical cents forwarded are
// improbable by chance, so a flow's share of intermediaries that did it is evidence
// (exact_pass_on). Round sums (whole tens: 20, 25,000) are forwarded exactly in ordinary business
// (a deposit, a loan passed on) and do not count.
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY, MICROS_PER_HOUR } from '../graph/index.ts'
import type { CycleFinding, FanFinding, LayeringFinding } from '../schema/finding.ts'
import { accountView, type AccountView } from './accounts.ts'
import { baseOf, duration, round2, round3, short } from './common.ts'
import { EVIDENCE_DEFAULTS, type EvidenceConfig } from './evidence.ts'
import { fmt } from './scatter-gather.ts'

export interface ValueFlowOptions {
  enabled: boolean
  min_pairs: number
  tolerance: number
  horizon_days: number
  min_fan_width?: number
  min_fan_share?: number
}

/**
 * A fan of one value is a fan when it is at least min_fan_width wide and its counterparties are at
 * least min_fan_share of the centre's: a landlord or a club collecting from a hundred payers, two
 * of whom pay the same sum, is collecting, not gathering one value.
 */
function wideEnough(
  g: PaymentGraph,
  view: AccountView,
  edges: number[],
  f: FanFinding,
  o: ValueFlowOptions,
): boolean {
  const width = f.measures.width
  if (width < (o.min_fan_width ?? 2)) return false
  const e = edges[0]
  const centre = g.accounts[g.src[e]] === f.measures.center ? g.src[e] : g.dst[e]
  return width >= (o.min_fan_share ?? 0) * view.parties(centre)
}

type Flow = CycleFinding | FanFinding | LayeringFinding

export function valueFlows(
  g: PaymentGraph,
  o: ValueFlowOptions,
  evidence: EvidenceConfig = EVIDENCE_DEFAULTS,
): Flow[] {
  const view = accountView(g)
  const { val, unit } = view.money
  const cand = [...new Set([...candidates(g, view, evidence), ...passOns(g, o, evidence)])]
  cand.sort((a, b) => unit[a] - unit[b] || val[a] - val[b] || a - b)
  const out: Flow[] = []
  const seen = new Set<string>()
  const limit = 1 + o.tolerance
  // Runs of candidates whose neighbouring values are within the tolerance (single linkage), then
  // inside each run every window of values within the tolerance of its smallest.
  let i = 0
  while (i < cand.length) {
    let j = i + 1
    while (
      j < cand.length &&
      unit[cand[j]] === unit[cand[i]] &&
      val[cand[j]] <= val[cand[j - 1]] * limit
    )
      j++
    if (j - i >= o.min_pairs) {
      for (let a = i, b = i; a < j; a++) {
        while (b < j && val[cand[b]] <= val[cand[a]] * limit) b++
        // Only windows that are not inside the previous one.
        if (a > i && val[cand[b - 1]] <= val[cand[a - 1]] * limit) continue
        for (const comp of components(g, cand.slice(a, b), o)) {
          const key = [...comp].sort((x, y) => x - y).join(',')
          if (seen.has(key)) continue
          seen.add(key)
          const f = flowFinding(g, comp, evidence)
          if (f.typology.startsWith('fan') && !wideEnough(g, view, comp, f as FanFinding, o))
            continue
          out.push(f)
        }
      }
    }
    i = j
  }
  return out
}

/**
 * Transfers whose value is unusual for their payer and their payee (see the header). Each payer's
 * logs are sorted once per unit; the median and deviation of "all but this payee's" come from
 * rank selection in that array less the payee's few (O(d log d) a payer, not O(d²)).
 */
function candidates(g: PaymentGraph, view: AccountView, o: EvidenceConfig): number[] {
  const { val, unit } = view.money
  const out: number[] = []
  for (let v = 0; v < g.nodeCount; v++) {
    const a = g.outStart[v]
    const b = g.outStart[v + 1]
    if (b - a <= o.unusual_min_other) continue
    // unit → sorted logs of the payer's transfers; (payee, unit) → its transfers.
    const byUnit = new Map<number, number[]>()
    const byPayee = new Map<string, number[]>()
    for (let e = a; e < b; e++) {
      // A business receiving payments of every size from thousands of payers is no centre of a
      // value scheme: its payers' odd sums are their own business.
      const u = unit[e]
      push(byUnit, u, Math.log(val[e]))
      if (!busy(g, g.dst[e], o)) push(byPayee, `${g.dst[e]}:${u}`, e)
    }
    const sorted = new Map<number, Float64Array>()
    for (const [u, xs] of byUnit) sorted.set(u, Float64Array.from(xs).sort())
    for (const es of byPayee.values()) {
      // The payer's transfers to other counterparties (a repeated payment to one party is one
      // habit, not several).
      const all = sorted.get(unit[es[0]])!
      const own = Float64Array.from(es, (e) => Math.log(val[e])).sort()
      const st = statsWithout(all, own)
      if (st.n < o.unusual_min_other) continue
      const limit = Math.max(Math.log(o.unusual_factor), o.unusual_mad * 1.4826 * st.mad)
      for (const e of es) if (Math.abs(Math.log(val[e]) - st.median) > limit) out.push(e)
    }
  }
  return out
}

/** Both transfers of every exact pass-on through an account that is no busy business. */
function passOns(g: PaymentGraph, o: ValueFlowOptions, ev: EvidenceConfig): number[] {
  const horizon = o.horizon_days * MICROS_PER_DAY
  const out: number[] = []
  const sums = new Map<string, number[]>()
  for (let v = 0; v < g.nodeCount; v++) {
    if (busy(g, v, ev)) continue
    const a = g.inStart[v]
    const b = g.inStart[v + 1]
    if (a === b || g.outStart[v] === g.outStart[v + 1]) continue
    sums.clear()
    for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++)
      if (!round(g, e)) push(sums, exactKey(g, e), e)
    for (let i = a; i < b; i++) {
      const e = g.inEdges[i]
      if (round(g, e)) continue
      const outs = sums.get(exactKey(g, e))
      if (!outs) continue
      let hit = false
      for (const f of outs)
        if (g.dst[f] !== g.src[e] && Math.abs(g.ts[f] - g.ts[e]) <= horizon) {
          out.push(f)
          hit = true
        }
      if (hit) out.push(e)
    }
  }
  return out
}

/** A whole multiple of ten in its currency. */
const round = (g: PaymentGraph, e: number) => Math.round(g.amount[e] * 100) % 1000 === 0

const exactKey = (g: PaymentGraph, e: number) => `${g.currency[e]}:${Math.round(g.amount[e] * 100)}`

/** Share of the flow's intermediaries (paid and paying in it) that paid on exactly a sum they got. */
function exactPassOnShare(g: PaymentGraph, edges: number[]): number {
  const ins = new Map<number, Set<string>>()
  const outs = new Map<number, Set<string>>()
  for (const e of edges) {
    if (round(g, e)) continue
    const k = exactKey(g, e)
    ;(ins.get(g.dst[e]) ?? ins.set(g.dst[e], new Set()).get(g.dst[e])!).add(k)
    ;(outs.get(g.src[e]) ?? outs.set(g.src[e], new Set()).get(g.src[e])!).add(k)
  }
  let mids = 0
  let exact = 0
  for (const [v, got] of ins) {
    const paid = outs.get(v)
    if (!paid) continue
    mids++
    for (const k of got)
      if (paid.has(k)) {
        exact++
        break
      }
  }
  return mids ? round3(exact / mids) : 0
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k)
  if (l) l.push(v)
  else m.set(k, [v])
}

/** First index of xs (sorted) with xs[i] > x. */
function upper(xs: Float64Array, x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid] <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index of xs (sorted) with xs[i] >= x. */
function lower(xs: Float64Array, x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Median (element n>>1 of the sorted rest) and median absolute deviation (likewise) of the
 * multiset all − own, where own ⊆ all and both are sorted. Exported for its test against the
 * plain computation.
 */
export function statsWithout(
  all: Float64Array,
  own: Float64Array,
): { median: number; mad: number; n: number } {
  const n = all.length - own.length
  if (n <= 0) return { median: NaN, mad: NaN, n: 0 }
  const k = n >> 1
  // The smallest element of all whose count of rest-elements ≤ it exceeds k.
  let lo = 0
  let hi = all.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (upper(all, all[mid]) - upper(own, all[mid]) >= k + 1) hi = mid
    else lo = mid + 1
  }
  const median = all[lo]
  const within = (d: number) =>
    upper(all, median + d) -
    lower(all, median - d) -
    (upper(own, median + d) - lower(own, median - d))
  // The k-th smallest deviation: the least d with more than k rest-elements within d of the median.
  if (within(0) >= k + 1) return { median, mad: 0, n }
  let dLo = 0
  let dHi = Math.max(median - all[0], all[all.length - 1] - median)
  for (let i = 0; i < 200 && dHi - dLo > 1e-12 * Math.max(1, dHi); i++) {
    const mid = (dLo + dHi) / 2
    if (within(mid) >= k + 1) dHi = mid
    else dLo = mid
  }
  return { median, mad: dHi, n }
}

function busy(g: PaymentGraph, v: number, o: EvidenceConfig): boolean {
  return (
    g.outStart[v + 1] - g.outStart[v] + g.inStart[v + 1] - g.inStart[v] > o.busy_account_transfers
  )
}

/** Connected sets of the given transfers over ≥ min_pairs pairs and ≥ 3 accounts, cut to the horizon. */
function components(g: PaymentGraph, edges: number[], o: ValueFlowOptions): number[][] {
  const horizon = o.horizon_days * MICROS_PER_DAY
  const sorted = [...edges].sort((x, y) => g.ts[x] - g.ts[y] || x - y)
  const out: number[][] = []
  // Time slices of at most the horizon, earliest first.
  for (let s = 0; s < sorted.length;) {
    let t = s
    while (t < sorted.length && g.ts[sorted[t]] - g.ts[sorted[s]] <= horizon) t++
    const slice = sorted.slice(s, t)
    const parent = new Map<number, number>()
    const find = (x: number): number => {
      let r = x
      for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p
      for (let y = x, p = parent.get(y); y !== r && p !== undefined; y = p, p = parent.get(y))
        parent.set(y, r)
      return r
    }
    for (const e of slice) {
      const a = find(g.src[e])
      const b = find(g.dst[e])
      if (a !== b) parent.set(b, a)
    }
    const groups = new Map<number, number[]>()
    for (const e of slice) {
      const r = find(g.src[e])
      const l = groups.get(r)
      if (l) l.push(e)
      else groups.set(r, [e])
    }
    for (const comp of groups.values()) {
      // A component has at most as many pairs as transfers (most are a single transfer).
      if (comp.length < o.min_pairs || comp.length < 2) continue
      const pairs = new Set(comp.map((e) => g.edgePair[e]))
      const accounts = new Set(comp.flatMap((e) => [g.src[e], g.dst[e]]))
      if (pairs.size >= o.min_pairs && accounts.size >= 3) out.push(comp)
    }
    s = t
  }
  return out
}

function flowFinding(g: PaymentGraph, edges: number[], evidence: EvidenceConfig): Flow {
  const f = flowShape(g, edges, evidence)
  // One value passed between the accounts is this finding's definition, not evidence beyond it; the
  // value being unusual for them is (amount_unusual), and so is the exact sum paid on.
  if (f.signals) {
    delete f.signals.value_spread
    f.signals.exact_pass_on = exactPassOnShare(g, edges)
  }
  return f
}

function flowShape(g: PaymentGraph, edges: number[], evidence: EvidenceConfig): Flow {
  const { val } = accountView(g).money
  const ins = new Map<number, Set<number>>()
  const outs = new Map<number, Set<number>>()
  for (const e of edges) {
    add(outs, g.src[e], g.dst[e])
    add(ins, g.dst[e], g.src[e])
  }
  const accounts = [...new Set([...outs.keys(), ...ins.keys()])].sort((a, b) => a - b)
  let lo = Infinity
  let hi = -Infinity
  let t0 = Infinity
  let t1 = -Infinity
  for (const e of edges) {
    lo = Math.min(lo, val[e])
    hi = Math.max(hi, val[e])
    t0 = Math.min(t0, g.ts[e])
    t1 = Math.max(t1, g.ts[e])
  }
  const hours = (t1 - t0) / MICROS_PER_HOUR
  const value = `about ${fmt(hi)}`
  const ring = ringIn(accounts, outs)
  const sinks = accounts.filter((v) => (ins.get(v)?.size ?? 0) === accounts.length - 1)
  const sources = accounts.filter((v) => (outs.get(v)?.size ?? 0) === accounts.length - 1)
  const total = edges.reduce((s, e) => s + val[e], 0)
  if (ring) {
    const route = [...ring, ring[0]].map((a) => short(g.accounts[a])).join('→')
    return {
      typology: 'cycle',
      ...baseOf(g, {
        typology: 'cycle',
        edges,
        amounts: { in: hi, out: lo },
        explanation: `one unusual value (${value}) went round ${route} within ${duration(hours)}`,
        accounts: [...ring, ...accounts.filter((a) => !ring.includes(a))],
        evidence,
      }),
      measures: {
        hops: ring.length,
        retention: round3(lo / hi),
        min_hop_ratio: round3(lo / hi),
        ordered: 0,
        span_days: round3(hours / 24),
      },
    }
  }
  const centre =
    sinks.length === 1 && !outs.has(sinks[0])
      ? { v: sinks[0], dir: 'in' as const }
      : sources.length === 1 && !ins.has(sources[0])
        ? { v: sources[0], dir: 'out' as const }
        : undefined
  if (centre) {
    const typology = centre.dir === 'in' ? 'fan_in' : 'fan_out'
    const width = accounts.length - 1
    const who = short(g.accounts[centre.v])
    const amounts = edges.map((e) => val[e]).sort((a, b) => a - b)
    return {
      typology,
      ...baseOf(g, {
        typology,
        edges,
        amounts: { in: total, out: total },
        explanation:
          centre.dir === 'in'
            ? `${width} accounts paid ${who} the same unusual amount (${value}) within ${duration(hours)}`
            : `${who} paid ${width} accounts the same unusual amount (${value}) within ${duration(hours)}`,
        accounts: [centre.v, ...accounts.filter((a) => a !== centre.v)],
        evidence,
      }),
      measures: {
        width,
        center: g.accounts[centre.v],
        pass_through: 0,
        median_amount: round2(amounts[amounts.length >> 1]),
        amount_cv: 0,
        batch_hours: round2(hours),
        burst_ratio: 0,
        same_value: 1,
      },
    }
  }
  let maxGap = 0
  const byTime = [...edges].sort((x, y) => g.ts[x] - g.ts[y])
  for (let k = 1; k < byTime.length; k++)
    maxGap = Math.max(maxGap, g.ts[byTime[k]] - g.ts[byTime[k - 1]])
  return {
    typology: 'layering',
    ...baseOf(g, {
      typology: 'layering',
      edges,
      amounts: { in: hi, out: lo },
      explanation: `one unusual value (${value}) passed between ${accounts.length} accounts (${accounts
        .slice(0, 4)
        .map((a) => short(g.accounts[a]))
        .join(', ')}${accounts.length > 4 ? ', …' : ''}) within ${duration(hours)}`,
      accounts,
      evidence,
    }),
    measures: {
      hops: new Set(edges.map((e) => g.edgePair[e])).size,
      retention: round3(lo / hi),
      max_dwell_hours: round2(maxGap / MICROS_PER_HOUR),
      walk: 1,
      members: accounts.length,
      same_value: 1,
    },
  }
}

function add(m: Map<number, Set<number>>, k: number, v: number) {
  const s = m.get(k)
  if (s) s.add(v)
  else m.set(k, new Set([v]))
}

/** A directed cycle through the flow's pairs (the longest simple one found from each start), if any. */
function ringIn(accounts: number[], outs: Map<number, Set<number>>): number[] | undefined {
  let best: number[] | undefined
  const path: number[] = []
  const on = new Set<number>()
  const dfs = (s: number, v: number) => {
    if (path.length > 12) return
    for (const w of outs.get(v) ?? []) {
      if (w === s && path.length >= 2 && (!best || path.length > best.length)) best = [...path]
      if (w <= s || on.has(w)) continue
      on.add(w)
      path.push(w)
      dfs(s, w)
      path.pop()
      on.delete(w)
    }
  }
  for (const s of accounts) {
    if (accounts.length > 40) break
    path.length = 0
    path.push(s)
    on.clear()
    on.add(s)
    dfs(s, s)
  }
  return best
}
