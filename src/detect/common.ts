// Shared pieces of the detectors: the finding skeleton (tx ids, accounts, times, amounts, key) built
// from edge ids, short account labels for explanations, and small numeric helpers.
import type { PaymentGraph } from '../graph/index.ts'
import { isoOfMicros, MICROS_PER_HOUR } from '../graph/index.ts'
import { sha256 } from '../util/hash.ts'
import { moneyOf } from './money.ts'
import { signalsOf, type EvidenceConfig } from './evidence.ts'

export interface FindingBase {
  key: string
  tx_ids: string[]
  accounts: string[]
  first_ts: string
  last_ts: string
  amount_in: number
  amount_out: number
  currency: string
  currencies: string[]
  amount_base: number | null
  span_hours: number
  explanation: string
  truncated: boolean
  signals: Record<string, number>
}

export interface BaseInput {
  typology: string
  /** The pattern's transfers (edge ids, any order; reported in (ts, tx id) order). */
  edges: number[]
  /** Money entering and leaving the pattern, in the edges' comparable unit (see money.ts). */
  amounts: { in: number; out: number }
  explanation: string
  /** Accounts in reporting order; default: in order of first appearance. */
  accounts?: number[]
  truncated?: boolean
  evidence?: EvidenceConfig
}

/** The common fields of a finding: transfers, accounts, times, amounts, key and evidence. */
export function baseOf(g: PaymentGraph, b: BaseInput): FindingBase {
  const sorted = sortEdges(g, b.edges)
  const tx = sorted.map((e) => g.txIds[e])
  const acc = b.accounts ?? accountsOf(g, sorted)
  const t0 = g.ts[sorted[0]]
  const t1 = g.ts[sorted[sorted.length - 1]]
  const m = moneyOf(g)
  const u = m.unit[sorted[0]]
  let oneUnit = true
  for (const e of sorted) if (m.unit[e] !== u) oneUnit = false
  const currencies = [...new Set(sorted.map((e) => g.currencies[g.currency[e]]))].sort()
  return {
    key: findingKey(b.typology, tx),
    tx_ids: tx,
    accounts: acc.map((a) => g.accounts[a]),
    first_ts: isoOfMicros(t0),
    last_ts: isoOfMicros(t1),
    amount_in: round2(b.amounts.in),
    amount_out: round2(b.amounts.out),
    currency: oneUnit ? m.unitName(u) : 'MIXED',
    currencies,
    amount_base: oneUnit && u === 0 && g.amountBase ? round2(b.amounts.in) : null,
    span_hours: round2((t1 - t0) / MICROS_PER_HOUR),
    explanation: b.explanation,
    truncated: b.truncated ?? false,
    signals: { ...signalsOf(g, sorted, b.evidence) },
  }
}

/** Deterministic key: the typology and the set of transfers (not their order, not account ids). */
export function findingKey(typology: string, txIds: string[]): string {
  return `${typology}:${sha256([...txIds].sort().join('\n')).slice(0, 20)}`
}

export function sortEdges(g: PaymentGraph, edges: number[]): number[] {
  return [...edges].sort(
    (a, b) => g.ts[a] - g.ts[b] || (g.txIds[a] < g.txIds[b] ? -1 : g.txIds[a] > g.txIds[b] ? 1 : 0),
  )
}

function accountsOf(g: PaymentGraph, edges: number[]): number[] {
  const seen = new Set<number>()
  for (const e of edges) {
    seen.add(g.src[e])
    seen.add(g.dst[e])
  }
  return [...seen]
}

/** Summed value (base currency where rates exist; see money.ts) of the edges. */
export function sumAmount(g: PaymentGraph, edges: Iterable<number>): number {
  const { val } = moneyOf(g)
  let s = 0
  for (const e of edges) s += val[e]
  return s
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000
}

/** A short label for an account in explanations: 'DE89…3000'. */
export function short(account: string): string {
  return account.length <= 10 ? account : `${account.slice(0, 4)}…${account.slice(-4)}`
}

export function duration(hours: number): string {
  return hours < 48 ? `${round1(hours)} hours` : `${round1(hours / 24)} days`
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`
}

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString()
}

/** First index in [lo, hi) whose ts is > t (edges of one account, in ts order). */
export function firstAfter(ts: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ts[mid] <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Distinct values in ascending order. */
export function uniqSorted(xs: Iterable<number>): number[] {
  return [...new Set(xs)].sort((a, b) => a - b)
}
