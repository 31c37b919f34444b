// Typology: structuring ("smurfing") just under a reporting threshold (FATF Red Flag Indicators 2021
// §3: "transactions just below the reporting threshold"; FinCEN 31 CFR 1010.314).
//
// ≥ min_count transfers into, or out of, one account within window_days, each in
// [threshold × (1 − band), threshold) in its own currency (reporting thresholds are set per currency;
// per-currency thresholds override the default).
// They must be at least min_share of the account's transfers in that direction over the same days
// (a busy business receiving a few such amounts among many is not structuring). Windows start at
// each qualifying transfer, earliest first, and reported windows do not overlap.
//
// Chance: amounts of ordinary trade fall into the band too. Each finding carries `chance`, the
// number of accounts expected to show at least this many near-threshold transfers among as many
// transfers by chance alone in this window: (accounts × 2 directions) × the binomial tail
// P(X ≥ count | n transfers, p), where p is the share of the window's transfers that fall in the
// band of their currency's threshold. A small business that happened to pay three suppliers
// 9,1xx, 9,4xx and 9,8xx is expected by chance many times in a large window; the same account
// keeping six of eight payments under the threshold is not. Scoring reads chance, so the detector
// calibrates itself to each data set instead of to a fixed count.
//
// Split payments: one account paying one payee repeat_min_any (3) or more times within
// repeat_hours (24), or the same amount (to the cent, same currency) repeat_min (2) or more times,
// splits a sum into parts — or sends a payment twice — and is reported as structuring too
// (measures.repeated = 1), whatever the amounts, when the run is at least half of the pair's
// payments in the window (a burst, not a pair's routine). Billing and pay runs pay each payee once.
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY } from '../graph/index.ts'
import type { StructuringFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { baseOf, duration, short, sumAmount } from './common.ts'
import type { EvidenceConfig } from './evidence.ts'
import { fmt } from './scatter-gather.ts'

export function structuring(
  g: PaymentGraph,
  o: DetectConfig['structuring'],
  evidence?: EvidenceConfig,
): StructuringFinding[] {
  const limit = g.currencies.map((c) => o.thresholds[c] ?? o.threshold)
  const near = (e: number) => {
    const t = limit[g.currency[e]]
    return g.amount[e] < t && g.amount[e] >= t * (1 - o.band)
  }
  const span = o.window_days * MICROS_PER_DAY
  // The window's base rate of near-threshold amounts (at least one in the band assumed, so an
  // empty window does not divide by zero).
  let inBand = 0
  for (let e = 0; e < g.edgeCount; e++) if (near(e)) inBand++
  const p = Math.max(1, inBand) / Math.max(1, g.edgeCount)
  const tests = 2 * g.nodeCount
  const findings: StructuringFinding[] = []
  const list: number[] = []
  const all: number[] = []
  for (const dir of ['in', 'out'] as const) {
    for (let v = 0; v < g.nodeCount; v++) {
      list.length = 0
      all.length = 0
      if (dir === 'out') {
        for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
          all.push(e)
          if (near(e)) list.push(e)
        }
      } else
        for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
          all.push(g.inEdges[i])
          if (near(g.inEdges[i])) list.push(g.inEdges[i])
        }
      if (list.length < o.min_count) continue
      let i = 0
      while (i < list.length) {
        let j = i
        while (j < list.length && g.ts[list[j]] - g.ts[list[i]] <= span) j++
        if (j - i >= o.min_count) {
          // The account's transfers (that direction) over the same days, for the share rule.
          const t0 = g.ts[list[i]]
          const t1 = g.ts[list[j - 1]]
          let others = 0
          for (const e of all) if (g.ts[e] >= t0 && g.ts[e] <= t1) others++
          const share = (j - i) / others
          if (share >= o.min_share) {
            const chance = tests * binomialTail(others, j - i, p)
            findings.push(finding(g, dir, v, list.slice(i, j), limit, share, chance, evidence))
            i = j
            continue
          }
        }
        i++
      }
    }
  }
  if (o.repeat_min >= 2 || o.repeat_min_any >= 2)
    for (const f of repeatedPayments(g, o, evidence)) findings.push(f)
  return findings
}

/**
 * One finding per run of payments from one account to one payee within repeat_hours: repeat_min_any
 * or more whatever their amounts, or repeat_min or more of one amount (see the header).
 */
function repeatedPayments(
  g: PaymentGraph,
  o: DetectConfig['structuring'],
  evidence: EvidenceConfig | undefined,
): StructuringFinding[] {
  const span = o.repeat_hours * 3_600_000_000
  const anyMin = o.repeat_min_any >= 2 ? o.repeat_min_any : Infinity
  const sameMin = o.repeat_min >= 2 ? o.repeat_min : Infinity
  const out: StructuringFinding[] = []
  const byPayee = new Map<number, number[]>()
  const cents = (e: number) => Math.round(g.amount[e] * 100)
  for (let v = 0; v < g.nodeCount; v++) {
    const a = g.outStart[v]
    const b = g.outStart[v + 1]
    if (b - a < Math.min(anyMin, sameMin)) continue
    byPayee.clear()
    for (let e = a; e < b; e++) {
      const l = byPayee.get(g.dst[e])
      if (l) l.push(e)
      else byPayee.set(g.dst[e], [e])
    }
    for (const group of byPayee.values()) {
      if (group.length < Math.min(anyMin, sameMin)) continue
      // A run counts when it is at least half of the pair's payments in the window: a burst, not
      // the routine of a pair that pays several times a day (sweeps, instalments, a busy supplier).
      const enough = (n: number) => 2 * n >= group.length
      let edges = group
      // edges are in time order (out-edges sort by ts): runs within repeat_hours of their first
      let i = 0
      while (i < edges.length) {
        let j = i + 1
        while (j < edges.length && g.ts[edges[j]] - g.ts[edges[i]] <= span) j++
        if (j - i >= anyMin && enough(j - i)) {
          out.push(repeatedFinding(g, v, edges.slice(i, j), evidence))
          i = j
          continue
        }
        if (j - i >= sameMin) {
          const same = edges
            .slice(i, j)
            .filter((e) => g.currency[e] === g.currency[edges[i]] && cents(e) === cents(edges[i]))
          if (same.length >= sameMin && enough(same.length)) {
            out.push(repeatedFinding(g, v, same, evidence))
            const taken = new Set(same)
            // the run's other payments may start a run of their own
            const rest = edges.slice(i, j).filter((e) => !taken.has(e))
            edges = [...edges.slice(0, i), ...rest, ...edges.slice(j)]
            continue
          }
        }
        i++
      }
    }
  }
  return out
}

function repeatedFinding(
  g: PaymentGraph,
  v: number,
  edges: number[],
  evidence: EvidenceConfig | undefined,
): StructuringFinding {
  const amount = g.amount[edges[0]]
  const currency = g.currencies[g.currency[edges[0]]]
  const payee = g.dst[edges[0]]
  const hours = (g.ts[edges[edges.length - 1]] - g.ts[edges[0]]) / 3_600_000_000
  const identical = edges.every(
    (e) => g.currency[e] === g.currency[edges[0]] && g.amount[e] === amount,
  )
  const cents = (x: number) =>
    x.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const what = identical
    ? `of the same amount (${cents(amount)} ${currency}) to one payee`
    : 'to one payee'
  const explanation = identical
    ? `${short(g.accounts[v])} paid ${short(g.accounts[payee])} ${cents(amount)} ${currency} ${edges.length} times within ${duration(hours)}`
    : `${short(g.accounts[v])} paid ${short(g.accounts[payee])} ${edges.length} times within ${duration(hours)}`
  return {
    typology: 'structuring',
    ...baseOf(g, {
      typology: 'structuring',
      edges,
      amounts: { in: sumAmount(g, edges), out: sumAmount(g, edges) },
      explanation,
      accounts: [v, payee],
      evidence,
    }),
    measures: {
      count: edges.length,
      threshold: amount,
      center: g.accounts[v],
      direction: 'out',
      share: 1,
      what,
      repeated: 1,
    },
  }
}

function finding(
  g: PaymentGraph,
  dir: 'in' | 'out',
  v: number,
  edges: number[],
  limit: number[],
  share: number,
  chance: number,
  evidence: EvidenceConfig | undefined,
): StructuringFinding {
  // The threshold is in the transfers' own currency: so is the sum shown against it.
  let total = 0
  for (const e of edges) total += g.amount[e]
  const threshold = limit[g.currency[edges[0]]]
  const parties = [...new Set(edges.map((e) => (dir === 'in' ? g.src[e] : g.dst[e])))]
  const hours = (g.ts[edges[edges.length - 1]] - g.ts[edges[0]]) / 3_600_000_000
  const who = short(g.accounts[v])
  const explanation = `${edges.length} transfers ${dir === 'in' ? 'into' : 'out of'} ${who} within ${duration(hours)}, each just under the ${fmt(threshold)} threshold (${fmt(total)} in all)`
  return {
    typology: 'structuring',
    ...baseOf(g, {
      typology: 'structuring',
      edges,
      amounts: { in: sumAmount(g, edges), out: sumAmount(g, edges) },
      explanation,
      accounts: [v, ...parties.sort((a, b) => a - b)],
      evidence,
    }),
    measures: {
      count: edges.length,
      threshold,
      what: `just under the ${fmt(threshold)} reporting threshold`,
      center: g.accounts[v],
      direction: dir,
      share: Math.round(share * 1000) / 1000,
      chance: Number(chance.toPrecision(3)),
    },
  }
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed from the k-th term in log space (n up to millions). */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1
  if (k > n) return 0
  if (p <= 0) return 0
  if (p >= 1) return 1
  // log C(n, k) p^k (1 − p)^(n − k)
  let log = k * Math.log(p) + (n - k) * Math.log1p(-p)
  for (let i = 1; i <= k; i++) log += Math.log((n - k + i) / i)
  let term = Math.exp(log)
  let sum = term
  for (let i = k; i < n && term > sum * 1e-12; i++) {
    term *= ((n - i) / (i + 1)) * (p / (1 - p))
    sum += term
  }
  return Math.min(1, sum)
}
