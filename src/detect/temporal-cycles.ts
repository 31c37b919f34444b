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
import { FLAG_REFUND, MICROS_PER_DAY, stronglyConnected } from '../graph/index.ts'
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
  const { comp, size } = stronglyConnected(g)
  const n = g.nodeCount
  const span = o.max_span_days * MICROS_PER_DAY
  const gap = o.max_hop_gap_days * MICROS_PER_DAY
  const { outStart, dst, ts, flags, pairStart, pairDst, pairEdgeStart } = g
  const { val: amount, unit } = moneyOf(g)
  const { pairEdges, inPairStart, inPairs, pairSrc } = g
  const maxHops = o.max_hops
  // In-edge times in in-index order, for "does anything come back to s in time" checks.
  const inTs = new Float64Array(g.edgeCount)
  for (let i = 0; i < g.edgeCount; i++) inTs[i] = ts[g.inEdges[i]]
  const inStart = g.inStart
  const onPath = new Uint8Array(n)
  const path = new Int32Array(maxHops)
  const distStamp = new Int32Array(n)
  const distVal = new Uint8Array(n)
  const frontier: number[] = []
  const next: number[] = []
  const groups = new Map<string, number[][]>()
  const truncatedAt = new Set<number>()
  let truncatedGroups = false
  let steps = 0
  let startSteps = 0
  let s = 0
  let cs = 0
  let tEnd = 0
  let levels = 0
  let stop = false

  const dist = (w: number) => (distStamp[w] === s + 1 ? distVal[w] : levels + 1)

  // Backward BFS from s over in-pairs inside s's component: exact hop distance up to `levels`.
  const bound = () => {
    levels = 0
    distStamp[s] = s + 1
    distVal[s] = 0
    frontier.length = 0
    frontier.push(s)
    let budget = o.bound_budget
    for (let level = 1; level <= 2 && frontier.length; level++) {
      next.length = 0
      let complete = true
      for (const v of frontier) {
        const a = inPairStart[v]
        const b = inPairStart[v + 1]
        budget -= b - a
        // Level 1 (the start's own in-pairs) is always done: it costs no more than scanning them.
        if (budget < 0 && level > 1) {
          complete = false
          break
        }
        for (let i = a; i < b; i++) {
          const u = pairSrc[inPairs[i]]
          if (comp[u] !== cs || distStamp[u] === s + 1) continue
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
      levels = level
      frontier.length = 0
      for (const u of next) frontier.push(u)
    }
  }

  const pairOf = (v: number, w: number) => {
    let lo = pairStart[v]
    let hi = pairStart[v + 1]
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (pairDst[mid] < w) lo = mid + 1
      else hi = mid
    }
    return lo < pairStart[v + 1] && pairDst[lo] === w ? lo : -1
  }

  const close = (v: number, depth: number) => {
    const p = pairOf(v, s)
    if (p < 0) return
    const last = path[depth - 1]
    const t = ts[last]
    const a = amount[last]
    const until = Math.min(tEnd, t + gap)
    for (let i = pairEdgeStart[p]; i < pairEdgeStart[p + 1]; i++) {
      const f = pairEdges[i]
      steps++
      if (ts[f] <= t) continue
      if (ts[f] > until) break
      if (!hopOk(a, f, last)) continue
      if (depth === 1) {
        const a0 = amount[path[0]]
        const d = Math.abs(amount[f] - a0)
        if (d > o.two_cycle_tolerance * Math.max(a0, amount[f])) continue
        if ((flags[f] | flags[path[0]]) & FLAG_REFUND) continue
      }
      path[depth] = f
      record(depth + 1)
    }
  }

  const hopOk = (a: number, f: number, last: number) => {
    const r = amount[f] / a
    if (r < o.min_hop_ratio || r > o.max_hop_ratio) return false
    return unit[f] === unit[last]
  }

  const record = (k: number) => {
    const edges = Array.from(path.subarray(0, k))
    let m = 0
    for (let i = 1; i < k; i++) if (g.src[edges[i]] < g.src[edges[m]]) m = i
    let key = ''
    for (let i = 0; i < k; i++) key += g.src[edges[(m + i) % k]] + ','
    let list = groups.get(key)
    if (!list) groups.set(key, (list = []))
    if (list.length < o.max_instances_per_cycle) list.push(edges)
    else truncatedGroups = true
  }

  // Out-edges of each account by (unit, amount band, time): a hop looks only at the bands its
  // amount ratio allows and, inside each, at the times after the previous hop. A busy account's
  // thousands of payments of other sizes are never visited.
  const width = Math.log(o.max_hop_ratio / o.min_hop_ratio) / 2
  const bandKey = new Float64Array(g.edgeCount)
  for (let e = 0; e < g.edgeCount; e++)
    bandKey[e] = unit[e] * 1e7 + Math.floor(Math.log(amount[e]) / width)
  const byBand = Int32Array.from({ length: g.edgeCount }, (_, i) => i)
  for (let v = 0; v < n; v++) {
    const a0 = outStart[v]
    const a1 = outStart[v + 1]
    if (a1 - a0 > 32 && size[comp[v]] >= 2)
      byBand.subarray(a0, a1).sort((x, y) => bandKey[x] - bandKey[y] || ts[x] - ts[y] || x - y)
  }
  /** First position in byBand[lo, hi) whose band key is ≥ k. */
  const firstBand = (lo: number, hi: number, k: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (bandKey[byBand[mid]] < k) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  /** First position in byBand[lo, hi) (one band, time order) whose ts is > t. */
  const firstLater = (lo: number, hi: number, t: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (ts[byBand[mid]] <= t) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  // A repeated payment (same target, same amount, later) cannot lead anywhere the earlier one did
  // not: only the first of them is followed from one path (standing orders, weekly supplier runs
  // would otherwise multiply the paths of one ring by every week they ran).
  // Intermediaries with more than evidence.busy_account_transfers transfers in the window are
  // businesses whose own trade swamps any ring through them; they are not followed (a ring may
  // still start and end at one: the start account is never skipped).
  const busy = new Uint8Array(n)
  for (let v = 0; v < n; v++)
    busy[v] =
      outStart[v + 1] - outStart[v] + g.inStart[v + 1] - g.inStart[v] >
      (evidence ?? EVIDENCE_DEFAULTS).busy_account_transfers
        ? 1
        : 0
  const seenCall = new Int32Array(n)
  const seenAmt = new Float64Array(n)
  let calls = 0
  const visit = (v: number, f: number, depth: number, call: number): boolean => {
    const w = dst[f]
    if (w === s || onPath[w] === 1 || comp[w] !== cs || busy[w]) return true
    const last = path[depth - 1]
    if (!hopOk(amount[last], f, last)) return true
    if (seenCall[w] === call && Math.abs(amount[f] - seenAmt[w]) <= 0.005 * seenAmt[w]) return true
    seenCall[w] = call
    seenAmt[w] = amount[f]
    if (dist(w) > maxHops - depth - 1) return true
    onPath[w] = 1
    path[depth] = f
    extend(w, depth + 1)
    onPath[w] = 0
    if (steps - startSteps > o.max_steps_per_start || steps > o.max_steps) {
      stop = true
      return false
    }
    return true
  }

  const extend = (v: number, depth: number): void => {
    if (depth + 1 >= o.min_hops) close(v, depth)
    if (depth + 2 > maxHops) return
    const call = ++calls
    const last = path[depth - 1]
    const a = amount[last]
    const t = ts[last]
    const until = Math.min(tEnd, t + gap)
    const start = outStart[v]
    const end = outStart[v + 1]
    if (end - start <= 32) {
      // Few payments: scan them in time order.
      for (let f = firstAfter(ts, start, end, t); f < end; f++) {
        if (ts[f] > until) break
        steps++
        if (!visit(v, f, depth, call)) return
      }
      return
    }
    const u = unit[last] * 1e7
    const bHi = u + Math.floor(Math.log(a * o.max_hop_ratio) / width)
    let i = firstBand(start, end, u + Math.floor(Math.log(a * o.min_hop_ratio) / width))
    while (i < end) {
      const k = bandKey[byBand[i]]
      if (k > bHi) break
      const j = firstBand(i, end, k + 1)
      for (let x = firstLater(i, j, t); x < j; x++) {
        const f = byBand[x]
        if (ts[f] > until) break
        steps++
        if (!visit(v, f, depth, call)) return
      }
      i = j
    }
  }

  for (s = 0; s < n && steps <= o.max_steps; s++) {
    cs = comp[s]
    if (size[cs] < 2 || outStart[s] === outStart[s + 1]) continue
    bound()
    startSteps = steps
    stop = false
    onPath[s] = 1
    for (let e = outStart[s]; e < outStart[s + 1] && !stop; e++) {
      const v = dst[e]
      if (comp[v] !== cs || dist(v) > maxHops - 1) continue
      tEnd = ts[e] + span
      // The cycle must come back to s after this transfer and within the span.
      const back = firstAfter(inTs, inStart[s], inStart[s + 1], ts[e])
      if (back === inStart[s + 1] || inTs[back] > tEnd) continue
      path[0] = e
      onPath[v] = 1
      extend(v, 1)
      onPath[v] = 0
      if (steps - startSteps > o.max_steps_per_start || steps > o.max_steps) stop = true
    }
    onPath[s] = 0
    if (stop) truncatedAt.add(s)
  }
  const globalStop = steps > o.max_steps
  if (globalStop) for (; s < n; s++) if (size[comp[s]] >= 2) truncatedAt.add(s)

  const findings: CycleFinding[] = []
  const accountCycles: number[][] = []
  for (const [key, list] of groups) {
    accountCycles.push(key.slice(0, -1).split(',').map(Number))
    list.sort((x, y) => compareInstances(g, x, y))
    const used = new Set<number>()
    for (const inst of list) {
      if (inst.some((e) => used.has(e))) continue
      for (const e of inst) used.add(e)
      const truncated = truncatedAt.has(g.src[inst[0]]) || globalStop
      findings.push(cycleFinding(g, inst, truncated, evidence))
    }
  }
  return {
    findings,
    accountCycles,
    truncated: truncatedAt.size > 0 || truncatedGroups,
    truncatedAccounts: [...truncatedAt].map((v) => g.accounts[v]),
    steps,
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
