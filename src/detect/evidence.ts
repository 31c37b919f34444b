// Evidence beyond the shape: what is new or unusual about a pattern *for its accounts*, judged
// against their own history (the lookback and their other transfers in the window). A ring or a fan
// is a shape; these measures say whether the shape behaves like laundering (FATF, Money Laundering
// and Terrorist Financing Red Flag Indicators, 2021: new and unexplained relations, funds passing
// through accounts quickly with little other activity, newly opened accounts, activity inconsistent
// with the customer's profile, the same amounts moving between parties). Scoring turns them into
// weighted reasons (score config) and alerts only on a shape with at least one of them.
import { z } from 'zod'
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY } from '../graph/index.ts'
import { accountView, type AccountView } from './accounts.ts'
import { round3 } from './common.ts'

export const EvidenceConfig = z
  .strictObject({
    /**
     * Novelty (new counterparties, new accounts) is judged only when at least this much data comes
     * before the pattern: one business week shows an account's regular relations.
     */
    min_history_days: z.number().min(0).default(7),
    /** An account first seen at most this long before the pattern starts is fresh ... */
    fresh_days: z.number().positive().default(7),
    /**
     * ... when the data before its first transfer would have shown it had it existed: at its own
     * rate (transfers per day since first seen) it would have made at least this many transfers
     * in the days of data before (P(none) = e^−3 ≈ 5% for 3). An account that pays once a month
     * is not new because a short data set first shows it on day 8.
     */
    fresh_expected: z.number().positive().default(3),
    /**
     * A new counterparty is unusual only for an account that mostly deals with counterparties it
     * already knows: at least this share of its earlier transfers that way (with at least
     * novelty_min_prior of them) went to or came from known counterparties; a link is new when it is
     * new to such a payer or to such a payee. Accounts that pay someone new every time (a shop's
     * customers, a retail saver) gain nothing from one more new relation.
     */
    novelty_min_repeat: z.number().min(0).max(1).default(0.5),
    novelty_min_prior: z.number().int().min(1).default(5),
    /**
     * An account is dedicated to a pattern when the pattern's counterparties are at least this share
     * of all its counterparties (counted by party, not by transfer: repeated payments to one party
     * are one relation).
     */
    dedicated_share: z.number().min(0).max(1).default(0.5),
    /** An intermediary passes the money on when it pays on this share of what it received. */
    pass_min_ratio: z.number().positive().default(0.8),
    pass_max_ratio: z.number().positive().default(1.25),
    /**
     * A pattern's amounts are unusual for an account when they lie this factor or more away from the
     * median of its other transfers (and beyond unusual_mad robust deviations of them).
     */
    unusual_factor: z.number().min(1).default(5),
    unusual_mad: z.number().min(0).default(3),
    /** Other transfers an account needs before its usual amounts are judged. */
    unusual_min_other: z.number().int().min(1).default(3),
    /**
     * An account with more transfers than this in the window is a busy business (about 33 a day
     * over 30 days): rings are not followed through it and it is no centre of a value scheme.
     */
    busy_account_transfers: z.number().int().positive().default(1_000),
  })
  .prefault({})
export type EvidenceConfig = z.infer<typeof EvidenceConfig>

export const EVIDENCE_DEFAULTS: EvidenceConfig = EvidenceConfig.parse({})

/** Evidence measures of one pattern; a measure that cannot be judged is absent. */
export interface Signals {
  /** Days of data before the pattern's first transfer (lookback and window). */
  history_days: number
  /**
   * Share of the pattern's account pairs that are new relations for a payer that habitually pays
   * known counterparties (when judged; see novelty_min_repeat).
   */
  new_links?: number
  new_link_count?: number
  /** Share of the accounts first seen shortly before the pattern (when judged). */
  fresh?: number
  /** Share of the accounts for which the pattern is most of their activity (by counterparty). */
  dedicated: number
  /**
   * Share of the intermediaries that paid on most of what they received in the pattern and do
   * little else (dedicated): money in, money out, nothing more.
   */
  passing?: number
  /** Share of the accounts (with a usual size) for which the pattern's amounts are far off it. */
  amount_unusual?: number
  /** (max − min) / max of the pattern's transfer values in the base currency. */
  value_spread: number
}

/** Measures the evidence of the pattern made of `edges` (edge ids of g). */
export function signalsOf(
  g: PaymentGraph,
  edges: readonly number[],
  o: EvidenceConfig = EVIDENCE_DEFAULTS,
): Signals {
  const view = accountView(g)
  const { val, unit } = view.money
  const own = new Set(edges)
  let t0 = Infinity
  let vmin = Infinity
  let vmax = -Infinity
  let mixed = false
  for (const e of edges) {
    if (g.ts[e] < t0) t0 = g.ts[e]
    if (unit[e] !== unit[edges[0]]) mixed = true
    if (val[e] < vmin) vmin = val[e]
    if (val[e] > vmax) vmax = val[e]
  }
  const historyDays = Math.max(0, (t0 - view.historyStart) / MICROS_PER_DAY)
  const judged = historyDays >= o.min_history_days
  const out: Signals = {
    history_days: Math.round(historyDays * 10) / 10,
    dedicated: 0,
    value_spread: mixed ? 1 : round3(vmax > 0 ? (vmax - vmin) / vmax : 0),
  }

  // Links: distinct ordered pairs of the pattern, new when never paid before their first use here.
  if (judged) {
    const firstUse = new Map<number, number>()
    for (const e of edges) {
      const p = g.edgePair[e]
      const t = firstUse.get(p)
      if (t === undefined || g.ts[e] < t) firstUse.set(p, g.ts[e])
    }
    let fresh = 0
    for (const [p, t] of firstUse) {
      if (view.pairKnownBefore(p, t, own)) continue
      // New to either side: the payer mostly pays known payees, or the payee is mostly paid by
      // known payers (a fan-in's centre gaining payers it never had).
      const habitual = (h: { share: number; n: number }) =>
        h.n >= o.novelty_min_prior && h.share >= o.novelty_min_repeat
      if (
        habitual(view.repeatShare(g.pairSrc[p], 'out', t)) ||
        habitual(view.repeatShare(g.pairDst[p], 'in', t))
      )
        fresh++
    }
    out.new_links = round3(fresh / firstUse.size)
    out.new_link_count = fresh
  }

  // Accounts: their share of the pattern's transfers, their age, their usual amounts.
  const inE = new Map<number, number[]>()
  const outE = new Map<number, number[]>()
  for (const e of edges) {
    push(outE, g.src[e], e)
    push(inE, g.dst[e], e)
  }
  const accounts = new Set<number>([...outE.keys(), ...inE.keys()])
  let dedicated = 0
  let freshN = 0
  let unusualN = 0
  let unusualJudged = 0
  let mids = 0
  let passing = 0
  const isDedicated = (v: number) => {
    const mine = new Set<number>()
    for (const e of outE.get(v) ?? []) mine.add(g.dst[e])
    for (const e of inE.get(v) ?? []) mine.add(g.src[e])
    return mine.size >= o.dedicated_share * view.parties(v)
  }
  for (const v of accounts) {
    const ded = isDedicated(v)
    if (ded) dedicated++
    if (judged && isFresh(view, v, t0, o)) freshN++
    const u = unusualFor(view, v, inE.get(v), outE.get(v), o)
    if (u !== undefined) {
      unusualJudged++
      if (u) unusualN++
    }
    const ins = inE.get(v)
    const outs = outE.get(v)
    if (ins && outs) {
      mids++
      const r = sumVal(view, outs) / sumVal(view, ins)
      if (ded && r >= o.pass_min_ratio && r <= o.pass_max_ratio) passing++
    }
  }
  out.dedicated = round3(dedicated / accounts.size)
  if (judged) out.fresh = round3(freshN / accounts.size)
  if (mids) out.passing = round3(passing / mids)
  if (unusualJudged) out.amount_unusual = round3(unusualN / unusualJudged)
  return out
}

/**
 * First seen shortly before t0, and active enough that earlier data would have shown it. `dataEnd`
 * (default the window's last transfer) is given by incremental scans asking what an earlier window
 * judged (detect/incremental.ts).
 */
export function isFresh(
  view: AccountView,
  v: number,
  t0: number,
  o: EvidenceConfig,
  dataEnd = view.dataEnd,
): boolean {
  const first = view.firstSeen(v)
  if (first < t0 - o.fresh_days * MICROS_PER_DAY) return false
  const before = (first - view.historyStart) / MICROS_PER_DAY
  const active = Math.max(1, (dataEnd - first) / MICROS_PER_DAY)
  return (view.transfers(v) / active) * before >= o.fresh_expected
}

function push(m: Map<number, number[]>, k: number, e: number) {
  const l = m.get(k)
  if (l) l.push(e)
  else m.set(k, [e])
}

function sumVal(view: AccountView, edges: number[]): number {
  let s = 0
  for (const e of edges) s += view.money.val[e]
  return s
}

/** Whether the pattern's amounts at v are far from v's usual ones; undefined when not judged. */
function unusualFor(
  view: AccountView,
  v: number,
  ins: number[] | undefined,
  outs: number[] | undefined,
  o: EvidenceConfig,
): boolean | undefined {
  let judged = false
  for (const [dir, list] of [
    ['in', ins],
    ['out', outs],
  ] as const) {
    if (!list?.length) continue
    const u = view.money.unit[list[0]]
    const usual = view.usualValue(v, dir, u, { in: ins, out: outs }, o.unusual_min_other)
    if (!usual) continue
    judged = true
    const logs = list.map((e) => Math.log(view.money.val[e])).sort((a, b) => a - b)
    const mid = logs[logs.length >> 1]
    const limit = Math.max(Math.log(o.unusual_factor), o.unusual_mad * 1.4826 * usual.mad)
    if (Math.abs(mid - usual.median) > limit) return true
  }
  return judged ? false : undefined
}
