// The scan window as a compact directed multigraph on typed arrays: one edge per transfer, accounts as
// dense ids (in byte order of the account text), out-edges sorted by (source, ts, tx id), an in-edge
// index sorted by (target, ts, tx id), and the collapsed pair graph (one row per distinct source →
// target with summed amount and count) for Louvain, exposure and the structural detectors.

import type { Baseline } from './baseline.ts'
import type { ScanWindow } from './window.ts'

/** Per-edge wording flags computed at load time from the purpose text. */
export const FLAG_REFUND = 1
export const FLAG_PAYROLL = 2

/** Columns of the window's transfers, in any order; the input of buildGraph. */
export interface EdgeColumns {
  window: ScanWindow
  /** Dense id → account. */
  accounts: string[]
  currencies: string[]
  src: Int32Array
  dst: Int32Array
  /** Epoch microseconds (UTC). */
  ts: Float64Array
  /** Major units of the edge's currency. */
  amount: Float64Array
  /**
   * The amount in the base currency at the transfer's date (NaN: no rate for its currency). Omitted:
   * `amount` for transfers in the base currency, NaN (no rate) for the others.
   */
  amountBase?: Float64Array
  /** Default 'EUR'. */
  baseCurrency?: string
  /** Currencies of the window with no rate to the base currency; default none. */
  fxMissing?: string[]
  /** The fx snapshot the base amounts come from; default null. */
  fxSnapshot?: string | null
  /** Index into currencies. */
  currency: Uint16Array
  /** FLAG_REFUND | FLAG_PAYROLL bits. */
  flags: Uint8Array
  txIds: string[]
}

export interface PaymentGraph {
  window: ScanWindow
  accounts: string[]
  currencies: string[]
  nodeCount: number
  edgeCount: number
  /** Edge arrays, indexed by edge id; edges sorted by (src, ts, tx id). */
  src: Int32Array
  dst: Int32Array
  ts: Float64Array
  amount: Float64Array
  /**
   * Amount in `baseCurrency` at the transfer's date: the nearest earlier rate of the active fx
   * snapshot (a currency's earliest rate before it has one); NaN where the currency has no rate, so
   * such a transfer is comparable only within its own currency (`amount`, `currency`).
   */
  amountBase: Float64Array
  currency: Uint16Array
  flags: Uint8Array
  txIds: string[]
  /** ISO 4217 code amountBase is in. */
  baseCurrency: string
  /** Currencies of the window without any rate to the base currency (their amountBase is NaN), sorted. */
  fxMissing: string[]
  /** The fx snapshot (list_snapshots id) the base amounts come from; null when none was active. */
  fxSnapshot: string | null
  /** The accounts' history before the window (the lookback), when loaded. */
  baseline?: Baseline
  /** Out-edges of account v are edge ids outStart[v] … outStart[v + 1] - 1. */
  outStart: Int32Array
  /** In-edges of account v are inEdges[inStart[v] … inStart[v + 1] - 1], sorted by (ts, tx id). */
  inStart: Int32Array
  inEdges: Int32Array
  /** Collapsed pairs of v: pairDst[pairStart[v] … pairStart[v + 1] - 1], ascending target. */
  pairStart: Int32Array
  pairDst: Int32Array
  /** Summed amount (all currencies, major units) and transfer count per pair. */
  pairAmount: Float64Array
  pairCount: Int32Array
  /** Pair id of each edge; the edges of pair p are pairEdges[pairEdgeStart[p] … pairEdgeStart[p + 1] - 1] in ts order. */
  edgePair: Int32Array
  pairEdgeStart: Int32Array
  pairEdges: Int32Array
  /** Collapsed in-pairs of v: pair ids inPairs[inPairStart[v] … inPairStart[v + 1] - 1], ascending source. */
  inPairStart: Int32Array
  inPairs: Int32Array
  /** Source account of each pair. */
  pairSrc: Int32Array
}
