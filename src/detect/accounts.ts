// What the detectors know of each account besides the pattern in front of them: its history before
// the window (graph.baseline, the lookback) and its other transfers in the window. Computed lazily
// and cached per graph: a scan asks about the few thousand accounts in findings, not all of them.
import type { PaymentGraph } from '../graph/index.ts'
import { emptyBaseline, type Baseline } from '../graph/baseline.ts'
import { moneyOf, type Money } from './money.ts'

export interface UsualValue {
  /** Median of log(value) of the account's other transfers (same unit). */
  median: number
  /** Median absolute deviation of those logs. */
  mad: number
  n: number
}

export class AccountView {
  readonly baseline: Baseline
  readonly money: Money
  /** History is visible from here on (epoch µs): the lookback's start, or the data's when later. */
  readonly historyStart: number
  /** The window's last transfer (epoch µs). */
  readonly dataEnd: number
  private partiesCache = new Map<number, number>()
  /** Per (direction, unit), by account: the sorted logs of all its transfers' values. */
  private logsCache: (Float64Array | undefined)[][] = []
  /** Per (account, direction) (key 2v + 1 for out): cumulative repeat counts in time order. */
  private repeatCache = new Map<number, Int32Array>()

  constructor(readonly g: PaymentGraph) {
    this.baseline = g.baseline ?? emptyBaseline(g)
    this.money = moneyOf(g)
    this.historyStart = Math.max(this.baseline.dataStart, this.baseline.from)
    let end = -Infinity
    for (let e = 0; e < g.edgeCount; e++) if (g.ts[e] > end) end = g.ts[e]
    this.dataEnd = end
  }

  /** First transfer of v seen anywhere (before or in the window), epoch µs. */
  firstSeen(v: number): number {
    const { g } = this
    let t = Infinity
    if (g.outStart[v + 1] > g.outStart[v]) t = g.ts[g.outStart[v]]
    if (g.inStart[v + 1] > g.inStart[v]) t = Math.min(t, g.ts[g.inEdges[g.inStart[v]]])
    const b = this.baseline.firstSeen[v]
    return Number.isFinite(b) ? Math.min(t, b) : t
  }

  /** Transfers of v in the window and the lookback, both directions. */
  transfers(v: number): number {
    const { g, baseline: b } = this
    return (
      g.outStart[v + 1] -
      g.outStart[v] +
      g.inStart[v + 1] -
      g.inStart[v] +
      b.outCount[v] +
      b.inCount[v]
    )
  }

  /** Distinct counterparties of v in the window plus those of the lookback (an upper bound). */
  parties(v: number): number {
    let n = this.partiesCache.get(v)
    if (n !== undefined) return n
    const { g, baseline: b } = this
    const seen = new Set<number>()
    for (let p = g.pairStart[v]; p < g.pairStart[v + 1]; p++) seen.add(g.pairDst[p])
    for (let i = g.inPairStart[v]; i < g.inPairStart[v + 1]; i++) seen.add(g.pairSrc[g.inPairs[i]])
    n = seen.size + b.outParties[v] + b.inParties[v]
    this.partiesCache.set(v, n)
    return n
  }

  /**
   * Whether the pair (its id) was paid before `t` by a transfer outside `own` (the pattern's own
   * transfers): in the lookback or earlier in the window.
   */
  pairKnownBefore(p: number, t: number, own: ReadonlySet<number>): boolean {
    const { g } = this
    if (this.baseline.pairPrior[p] > 0) return true
    for (let i = g.pairEdgeStart[p]; i < g.pairEdgeStart[p + 1]; i++) {
      const e = g.pairEdges[i]
      if (g.ts[e] >= t) return false
      if (!own.has(e)) return true
    }
    return false
  }

  /**
   * How habitually v deals with counterparties it already knows: of its transfers in one direction
   * before `t` (lookback and window), the share that went to (came from) a counterparty seen before.
   */
  repeatShare(v: number, dir: 'in' | 'out', t: number): { share: number; n: number } {
    const { g, baseline: b } = this
    const lookN = dir === 'out' ? b.outCount[v] : b.inCount[v]
    const lookRepeats = lookN - (dir === 'out' ? b.outParties[v] : b.inParties[v])
    // The account's transfers this direction in time order, and running counts of repeats.
    const start = dir === 'out' ? g.outStart[v] : g.inStart[v]
    const end = dir === 'out' ? g.outStart[v + 1] : g.inStart[v + 1]
    const at = (i: number) => (dir === 'out' ? i : g.inEdges[i])
    const key = 2 * v + (dir === 'out' ? 1 : 0)
    let cum = this.repeatCache.get(key)
    if (!cum) {
      cum = new Int32Array(end - start + 1)
      for (let i = start; i < end; i++) {
        const e = at(i)
        const p = g.edgePair[e]
        const repeat = b.pairPrior[p] > 0 || g.pairEdges[g.pairEdgeStart[p]] !== e ? 1 : 0
        cum[i - start + 1] = cum[i - start] + repeat
      }
      this.repeatCache.set(key, cum)
    }
    // Transfers before t: binary search on the time order.
    let lo = start
    let hi = end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (g.ts[at(mid)] < t) lo = mid + 1
      else hi = mid
    }
    const n = lookN + (lo - start)
    const repeats = lookRepeats + cum[lo - start]
    return { share: n > 0 ? repeats / n : 0, n }
  }

  /**
   * The usual size of v's transfers in one direction, from its other transfers in the window
   * (the pattern's own excluded: `ownAt` lists the pattern's transfers into and out of v), in
   * `unit`; both directions when one has fewer than minN.
   */
  usualValue(
    v: number,
    dir: 'in' | 'out',
    unit: number,
    ownAt: { in?: readonly number[]; out?: readonly number[] },
    minN: number,
  ): UsualValue | undefined {
    const back = dir === 'in' ? 'out' : 'in'
    const one = this.others(v, dir, unit, ownAt[dir])
    if (one.length >= minN) return this.stats(one)
    const both = mergeSorted(one, this.others(v, back, unit, ownAt[back]))
    return both.length >= minN ? this.stats(both) : undefined
  }

  private statsCache = new WeakMap<Float64Array, UsualValue>()

  /** Median and median absolute deviation of sorted logs (cached for the shared arrays). */
  private stats(logs: Float64Array): UsualValue {
    let s = this.statsCache.get(logs)
    if (s) return s
    s = { median: logs[logs.length >> 1], mad: sortedMad(logs), n: logs.length }
    this.statsCache.set(logs, s)
    return s
  }

  /**
   * Sorted logs of v's other transfers (`mine`: the pattern's own transfers of v this direction,
   * left out). For a busy account the few transfers of one pattern do not move its median: the
   * cached logs of all its transfers stand in.
   */
  private others(
    v: number,
    dir: 'in' | 'out',
    unit: number,
    mine: readonly number[] | undefined,
  ): Float64Array {
    const { g, money } = this
    const slot = 2 * unit + (dir === 'out' ? 1 : 0)
    const cached = (this.logsCache[slot] ??= new Array<Float64Array | undefined>(g.nodeCount))
    let all = cached[v]
    if (!all) {
      const xs: number[] = []
      if (dir === 'out') {
        for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++)
          if (money.unit[e] === unit) xs.push(Math.log(money.val[e]))
      } else
        for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
          const e = g.inEdges[i]
          if (money.unit[e] === unit) xs.push(Math.log(money.val[e]))
        }
      all = Float64Array.from(xs).sort()
      cached[v] = all
    }
    if (all.length > 200 || !mine?.length) return all
    // The pattern's own transfers (each once) taken out of the cached sorted logs: the same
    // multiset, so the same sorted array as sorting the rest afresh.
    const ids = Int32Array.from(mine).sort()
    const drop: number[] = []
    for (let i = 0; i < ids.length; i++) {
      const e = ids[i]
      if ((i === 0 || e !== ids[i - 1]) && money.unit[e] === unit) drop.push(Math.log(money.val[e]))
    }
    return drop.length ? withoutSorted(all, Float64Array.from(drop).sort()) : all
  }
}

/** The sorted multiset all − drop (drop ⊆ all, both sorted ascending). */
export function withoutSorted(all: Float64Array, drop: Float64Array): Float64Array {
  const out = new Float64Array(all.length - drop.length)
  let j = 0
  let k = 0
  for (let i = 0; i < all.length; i++) {
    if (j < drop.length && all[i] === drop[j]) j++
    else out[k++] = all[i]
  }
  return out
}

/**
 * The median absolute deviation of sorted xs as sorting |x − median| would give it (element n>>1),
 * by merging the deviations below and above the median, which are each already in order.
 */
export function sortedMad(xs: Float64Array): number {
  const n = xs.length
  const m = n >> 1
  const median = xs[m]
  // Deviations above: xs[r] − median for r = m, m + 1, …; below: median − xs[l] for l = m − 1, ….
  let l = m - 1
  let r = m
  let d = NaN
  for (let taken = 0; taken <= m; taken++) {
    const up = r < n ? xs[r] - median : Infinity
    const down = l >= 0 ? median - xs[l] : Infinity
    if (up <= down) {
      d = up
      r++
    } else {
      d = down
      l--
    }
  }
  return d
}

function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++]
  while (i < a.length) out[k++] = a[i++]
  while (j < b.length) out[k++] = b[j++]
  return out
}

const cache = new WeakMap<PaymentGraph, AccountView>()

export function accountView(g: PaymentGraph): AccountView {
  let a = cache.get(g)
  if (!a) cache.set(g, (a = new AccountView(g)))
  return a
}
