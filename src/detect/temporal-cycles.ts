// Typology: temporal payment cycles (round-tripping). Follows the time-respecting cycle definition of
// Kumar & Calders, "2SCENT: an efficient algorithm for enumerating all simple temporal cycles in a
// directed multigraph" (VLDB 2018), with FATF's "circular transactions" red flag (FATF/Egmont, Trade-
// Based Money Laundering: Trends and Developments, 2020) and ARCHITECTURE.md's amount and span rules.
//
// A temporal cycle is transfers e1 … ek (2 ≤ k ≤ max_hops) over distinct accounts v0 → v1 → … → v0,
// each ts strictly after the previous, ts(ek) − ts(e1) ≤ max_span, each amount within
// [min_hop_ratio, max_hop_ratio] of the previous hop's, amounts compared in the base currency at each
// transfer's date (a currency without a reference rate only within itself); a 2-cycle also needs its
// amounts within two_cycle_tolerance of each other and no refund wording on either transfer.
// Because ts increases strictly along it, an instance has exactly one time-ordered rotation: the
// search starts from its earliest transfer only, so no instance is found twice.
// Reporting: instances are grouped by account cycle (the accounts' rotation starting at the smallest
// account). Within a group, instances are taken in (first ts, later ts…, tx ids) order and one is
// reported unless it shares a transfer with one already reported: parallel transfers that only offer
// alternative choices collapse into one finding; the same ring run again with other transfers is a
// new finding.
// Work bounds: search runs only inside non-trivial strongly connected components; a start transfer is
// skipped when nothing comes back to its account within the span after it; a hop is followed
// only if its target can still reach the start in the remaining hops (backward BFS over the pair
// graph, up to 2 levels, budgeted); closing hops are found through the pair index, not by scanning.
// Edges examined are counted per start account and globally; past a budget the search stops there
// and the result says truncated, with the accounts concerned.
import type { PaymentGraph } from '../graph/index.ts'
import { FLAG_REFUND, MICROS_PER_DAY, pairIndex, stronglyConnected } from '../graph/index.ts'
import type { CycleFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { baseOf, duration, firstAfter, pct, round3, short } from './common.ts'
import { EVIDENCE_DEFAULTS, type EvidenceConfig } from './evidence.ts'
import { moneyOf } from './money.ts'

export type CycleOptions = DetectConfig['cycle']

export interface CycleResult {
  findings: CycleFinding[]
  /** Every account cycle with at least one valid instance, rotation-normalised, as account ids. */
  accountCycles: number[][]
  truncated: boolean
  truncatedAccounts: string[]
  steps: number
}

export function temporalCycles(
  g: PaymentGraph,
  o: CycleOptions,
  evidence?: EvidenceConfig,
): CycleResult {
  if (o.min_hops < 2 || o.max_hops < o.min_hops) throw new RangeError('cycle: bad hop bounds')
  const search = new CycleSearch(g, o, evidence)
  const { comp, size } = search
  const n = g.nodeCount
  let s = 0
  for (; s < n && !search.overGlobalBudget(); s++)
    if (size[comp[s]] >= 2 && g.outStart[s] !== g.outStart[s + 1]) search.fromStart(s)
  const globalStop = search.overGlobalBudget()
  if (globalStop) for (; s < n; s++) if (size[comp[s]] >= 2) search.truncatedAt.add(s)
  return report(g, search, globalStop, evidence)
}

/** One instance per group unless it shares a transfer with one already reported (see the top). */
function report(
  g: PaymentGraph,
  search: CycleSearch,
  globalStop: boolean,
  evidence: EvidenceConfig | undefined,
): CycleResult {
  const findings: CycleFinding[] = []
  const accountCycles: number[][] = []
  for (const [key, list] of search.groups) {
    accountCycles.push(key.slice(0, -1).split(',').map(Number))
    list.sort((x, y) => compareInstances(g, x, y))
    const used = new Set<number>()
    for (const inst of list) {
      if (inst.some((e) => used.has(e))) continue
      for (const e of inst) used.add(e)
      const truncated = search.truncatedAt.has(g.src[inst[0]]) || globalStop
      findings.push(cycleFinding(g, inst, truncated, evidence))
    }
  }
  return {
    findings,
    accountCycles,
    truncated: search.truncatedAt.size > 0 || search.truncatedGroups,
    truncatedAccounts: [...search.truncatedAt].map((v) => g.accounts[v]),
    steps: search.steps,
  }
}

/**
 * Out-edges of each account by (unit, amount band, time): a hop looks only at the bands its amount
 * ratio allows and, inside each, at the times after the previous hop. A busy account's thousands of
 * payments of other sizes are never visited. Accounts with at most 32 payments are scanned in time
 * order instead (their slice of byBand is left unsorted).
 */
class AmountBands {
  readonly width: number
  readonly key: Float64Array
  readonly byBand: Int32Array

  constructor(
    g: PaymentGraph,
    o: CycleOptions,
    amount: Float64Array,
    unit: ArrayLike<number>,
    inRing: (v: number) => boolean,
  ) {
    this.width = Math.log(o.max_hop_ratio / o.min_hop_ratio) / 2
    this.key = new Float64Array(g.edgeCount)
    for (let e = 0; e < g.edgeCount; e++)
      this.key[e] = unit[e] * 1e7 + Math.floor(Math.log(amount[e]) / this.width)
    this.byBand = Int32Array.from({ length: g.edgeCount }, (_, i) => i)
    const { ts } = g
    for (let v = 0; v < g.nodeCount; v++) {
      const a0 = g.outStart[v]
      const a1 = g.outStart[v + 1]
      if (a1 - a0 > 32 && inRing(v))
        this.byBand
          .subarray(a0, a1)
          .sort((x, y) => this.key[x] - this.key[y] || ts[x] - ts[y] || x - y)
    }
  }

  /** The band key of an amount in a unit. */
  bandOf(unit: number, amount: number): number {
    return unit * 1e7 + Math.floor(Math.log(amount) / this.width)
  }

  /** First position in byBand[lo, hi) whose band key is ≥ k. */
  firstBand(lo: number, hi: number, k: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.key[this.byBand[mid]] < k) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** First position in byBand[lo, hi) (one band, time order) whose ts is > t. */
  firstLater(ts: Float64Array, lo: number, hi: number, t: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (ts[this.byBand[mid]] <= t) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/**
 * Intermediaries with more than evidence.busy_account_transfers transfers in the window are
 * businesses whose own trade swamps any ring through them; they are not followed (a ring may still
 * start and end at one: the start account is never skipped).
 */
function busyAccounts(g: PaymentGraph, evidence: EvidenceConfig | undefined): Uint8Array {
  const limit = (evidence ?? EVIDENCE_DEFAULTS).busy_account_transfers
  const busy = new Uint8Array(g.nodeCount)
  for (let v = 0; v < g.nodeCount; v++)
    busy[v] = g.outStart[v + 1] - g.outStart[v] + g.inStart[v + 1] - g.inStart[v] > limit ? 1 : 0
  return busy
}

/**
 * The depth-first search for time-respecting cycles, one start account at a time: the state of the
 * current start (its component, the path, the accounts on it, the backward distances to the start),
 * the step counters behind the work bounds, and the instances found so far, grouped by account cycle.
 */
class CycleSearch {
  readonly comp: Int32Array
  readonly size: Int32Array
  readonly groups = new Map<string, number[][]>()
  readonly truncatedAt = new Set<number>()
  truncatedGroups = false
  steps = 0

  private readonly span: number
  private readonly gap: number
  private readonly amount: Float64Array
  private readonly unit: ArrayLike<number>
  /** In-edge times in in-index order, for "does anything come back to s in time" checks. */
  private readonly inTs: Float64Array
  private readonly bands: AmountBands
  private readonly busy: Uint8Array
  private readonly onPath: Uint8Array
  private readonly path: Int32Array
  private readonly distStamp: Int32Array
  private readonly distVal: Uint8Array
  private readonly frontier: number[] = []
  private readonly next: number[] = []
  /** A repeated payment (same target, same amount, later) is followed once per extend call. */
  private readonly seenCall: Int32Array
  private readonly seenAmt: Float64Array
  private calls = 0
  // the current start: account, its component, the span's end, backward levels known, budget use
  private s = 0
  private cs = 0
  private tEnd = 0
  private levels = 0
  private startSteps = 0
  private stop = false

  constructor(
    private readonly g: PaymentGraph,
    private readonly o: CycleOptions,
    evidence: EvidenceConfig | undefined,
  ) {
    const { comp, size } = stronglyConnected(g)
    this.comp = comp
    this.size = size
    const n = g.nodeCount
    this.span = o.max_span_days * MICROS_PER_DAY
    this.gap = o.max_hop_gap_days * MICROS_PER_DAY
    const money = moneyOf(g)
    this.amount = money.val
    this.unit = money.unit
    this.inTs = new Float64Array(g.edgeCount)
    for (let i = 0; i < g.edgeCount; i++) this.inTs[i] = g.ts[g.inEdges[i]]
    this.bands = new AmountBands(g, o, this.amount, this.unit, (v) => size[comp[v]] >= 2)
    this.busy = busyAccounts(g, evidence)
    this.onPath = new Uint8Array(n)
    this.path = new Int32Array(o.max_hops)
    this.distStamp = new Int32Array(n)
    this.distVal = new Uint8Array(n)
    this.seenCall = new Int32Array(n)
    this.seenAmt = new Float64Array(n)
  }

  overGlobalBudget(): boolean {
    return this.steps > this.o.max_steps
  }

  private overBudget(): boolean {
    return this.steps - this.startSteps > this.o.max_steps_per_start || this.overGlobalBudget()
  }

  /** Every cycle whose earliest transfer leaves s (s in a non-trivial component). */
  fromStart(s: number): void {
    const { g, o, comp, inTs } = this
    this.s = s
    this.cs = comp[s]
    this.bound()
    this.startSteps = this.steps
    this.stop = false
    this.onPath[s] = 1
    for (let e = g.outStart[s]; e < g.outStart[s + 1] && !this.stop; e++) {
      const v = g.dst[e]
      if (comp[v] !== this.cs || this.dist(v) > o.max_hops - 1) continue
      this.tEnd = g.ts[e] + this.span
      // The cycle must come back to s after this transfer and within the span.
      const back = firstAfter(inTs, g.inStart[s], g.inStart[s + 1], g.ts[e])
      if (back === g.inStart[s + 1] || inTs[back] > this.tEnd) continue
      this.path[0] = e
      this.onPath[v] = 1
      this.extend(v, 1)
      this.onPath[v] = 0
      if (this.overBudget()) this.stop = true
    }
    this.onPath[s] = 0
    if (this.stop) this.truncatedAt.add(s)
  }

  /** Hops from w back to the start: exact up to `levels`, else a lower bound of levels + 1. */
  private dist(w: number): number {
    return this.distStamp[w] === this.s + 1 ? this.distVal[w] : this.levels + 1
  }

  /** Backward BFS from s over in-pairs inside s's component: exact hop distance up to `levels`. */
  private bound(): void {
    const { g, comp, distStamp, distVal, frontier, next } = this
    const s = this.s
    this.levels = 0
    distStamp[s] = s + 1
    distVal[s] = 0
    frontier.length = 0
    frontier.push(s)
    let budget = this.o.bound_budget
    for (let level = 1; level <= 2 && frontier.length; level++) {
      next.length = 0
      let complete = true
      for (const v of frontier) {
        const a = g.inPairStart[v]
        const b = g.inPairStart[v + 1]
        budget -= b - a
        // Level 1 (the start's own in-pairs) is always done: it costs no more than scanning them.
        if (budget < 0 && level > 1) {
          complete = false
          break
        }
        for (let i = a; i < b; i++) {
          const u = g.pairSrc[g.inPairs[i]]
          if (comp[u] !== this.cs || distStamp[u] === s + 1) continue
          distStamp[u] = s + 1
          distVal[u] = level
          next.push(u)
        }
      }
      if (!complete) {
        // Level partly marked: marks stay valid lower bounds only if we forget this level.
        for (const u of next) distStamp[u] = 0
        return
      }
      this.levels = level
      frontier.length = 0
      for (const u of next) frontier.push(u)
    }
  }

  /** Closing hops v → s after the path's last transfer, found through the pair index. */
  private close(v: number, depth: number): void {
    const { g, o, amount, path } = this
    const p = pairIndex(g, v, this.s)
    if (p < 0) return
    const last = path[depth - 1]
    const t = g.ts[last]
    const a = amount[last]
    const until = Math.min(this.tEnd, t + this.gap)
    for (let i = g.pairEdgeStart[p]; i < g.pairEdgeStart[p + 1]; i++) {
      const f = g.pairEdges[i]
      this.steps++
      if (g.ts[f] <= t) continue
      if (g.ts[f] > until) break
      if (!this.hopOk(a, f, last)) continue
      if (depth === 1) {
        const a0 = amount[path[0]]
        const d = Math.abs(amount[f] - a0)
        if (d > o.two_cycle_tolerance * Math.max(a0, amount[f])) continue
        if ((g.flags[f] | g.flags[path[0]]) & FLAG_REFUND) continue
      }
      path[depth] = f
      this.record(depth + 1)
    }
  }

  private hopOk(a: number, f: number, last: number): boolean {
    const r = this.amount[f] / a
    if (r < this.o.min_hop_ratio || r > this.o.max_hop_ratio) return false
    return this.unit[f] === this.unit[last]
  }

  /** Keeps an instance under its account cycle (the rotation that starts at the smallest account). */
  private record(k: number): void {
    const { g, o } = this
    const edges = Array.from(this.path.subarray(0, k))
    let m = 0
    for (let i = 1; i < k; i++) if (g.src[edges[i]] < g.src[edges[m]]) m = i
    let key = ''
    for (let i = 0; i < k; i++) key += g.src[edges[(m + i) % k]] + ','
    let list = this.groups.get(key)
    if (!list) this.groups.set(key, (list = []))
    if (list.length < o.max_instances_per_cycle) list.push(edges)
    else this.truncatedGroups = true
  }

  /** Follows transfer f out of v at this depth; false when the start's budget ran out. */
  private visit(f: number, depth: number, call: number): boolean {
    const { g, amount, onPath, path } = this
    const w = g.dst[f]
    if (w === this.s || onPath[w] === 1 || this.comp[w] !== this.cs || this.busy[w]) return true
    const last = path[depth - 1]
    if (!this.hopOk(amount[last], f, last)) return true
    if (
      this.seenCall[w] === call &&
      Math.abs(amount[f] - this.seenAmt[w]) <= 0.005 * this.seenAmt[w]
    )
      return true
    this.seenCall[w] = call
    this.seenAmt[w] = amount[f]
    if (this.dist(w) > this.o.max_hops - depth - 1) return true
    onPath[w] = 1
    path[depth] = f
    this.extend(w, depth + 1)
    onPath[w] = 0
    if (this.overBudget()) {
      this.stop = true
      return false
    }
    return true
  }

  /** From v at this depth: closes the cycle where it can, and goes one hop further. */
  private extend(v: number, depth: number): void {
    const { g, o, bands } = this
    if (depth + 1 >= o.min_hops) this.close(v, depth)
    if (depth + 2 > o.max_hops) return
    const call = ++this.calls
    const last = this.path[depth - 1]
    const a = this.amount[last]
    const t = g.ts[last]
    const until = Math.min(this.tEnd, t + this.gap)
    const start = g.outStart[v]
    const end = g.outStart[v + 1]
    if (end - start <= 32) {
      // Few payments: scan them in time order.
      for (let f = firstAfter(g.ts, start, end, t); f < end; f++) {
        if (g.ts[f] > until) break
        this.steps++
        if (!this.visit(f, depth, call)) return
      }
      return
    }
    const u = this.unit[last]
    const bHi = bands.bandOf(u, a * o.max_hop_ratio)
    let i = bands.firstBand(start, end, bands.bandOf(u, a * o.min_hop_ratio))
    while (i < end) {
      const k = bands.key[bands.byBand[i]]
      if (k > bHi) break
      const j = bands.firstBand(i, end, k + 1)
      for (let x = bands.firstLater(g.ts, i, j, t); x < j; x++) {
        const f = bands.byBand[x]
        if (g.ts[f] > until) break
        this.steps++
        if (!this.visit(f, depth, call)) return
      }
      i = j
    }
  }
}

function compareInstances(g: PaymentGraph, x: number[], y: number[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = g.ts[x[i]] - g.ts[y[i]]
    if (d) return d
  }
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (g.txIds[x[i]] !== g.txIds[y[i]]) return g.txIds[x[i]] < g.txIds[y[i]] ? -1 : 1
  return x.length - y.length
}

function cycleFinding(
  g: PaymentGraph,
  edges: number[],
  truncated: boolean,
  evidence: EvidenceConfig | undefined,
): CycleFinding {
  const k = edges.length
  const { val } = moneyOf(g)
  const first = val[edges[0]]
  const lastAmt = val[edges[k - 1]]
  let minRatio = Infinity
  for (let i = 1; i < k; i++) minRatio = Math.min(minRatio, val[edges[i]] / val[edges[i - 1]])
  const accounts = edges.map((e) => g.src[e])
  const route = [...accounts, accounts[0]].map((a) => short(g.accounts[a])).join('→')
  const hours = (g.ts[edges[k - 1]] - g.ts[edges[0]]) / 3_600_000_000
  const retention = lastAmt / first
  const explanation = `${k}-hop cycle ${route} closed in ${duration(hours)}; ${pct(retention)} of the amount returned`
  const base = baseOf(g, {
    typology: 'cycle',
    edges,
    amounts: { in: first, out: lastAmt },
    explanation,
    accounts,
    truncated,
    evidence,
  })
  return {
    typology: 'cycle',
    ...base,
    signals: ringSignals(k, base.signals),
    measures: {
      hops: k,
      retention: round3(retention),
      min_hop_ratio: round3(minRatio),
      ordered: 1,
      span_days: round3(hours / 24),
      ...ringShape(k, base.signals.value_spread),
    },
  }
}

/**
 * Shape of a ring's values: one value round three or more accounts (a laundering ring's mark) or
 * the same sum straight back between two (a returned payment or a repaid loan).
 */
export function ringShape(hops: number, spread: number | undefined) {
  const same = spread !== undefined && spread <= 0.01
  return {
    same_value_ring: hops >= 3 && same ? 1 : 0,
    returned: hops === 2 && spread !== undefined && spread <= 0.005 ? 1 : 0,
  }
}

/** In a two-account ring both pass money on by definition: that is not evidence beyond it. */
export function ringSignals(hops: number, signals: Record<string, number>): Record<string, number> {
  if (hops > 2) return signals
  const { passing: _passing, ...rest } = signals
  return rest
}
