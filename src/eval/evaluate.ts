// Detection quality against a truth file (pure). A planted pattern counts as found when ONE alert
// covers ≥ 50% of its transfers; an alert counts as true when ≥ 50% of its transfers are planted (in
// any pattern). Precision at K ranks alerts by score (ties: alert id ascending), K = planted patterns.
// Per account (accounts.ts): labelled accounts against the accounts alerts name; and the alert load.
import { z } from 'zod'
import type { Truth } from '../schema/truth.ts'
import { alertsPer10k, alertsPerPattern, evaluateAccounts, type AccountReport } from './accounts.ts'

export const EvalAlert = z.object({
  id: z.string(),
  typology: z.string(),
  score: z.number(),
  tx_ids: z.array(z.string()),
  /** Optional: lets false alerts be attributed to benign accounts listed without transfers. */
  accounts: z.array(z.string()).optional(),
})
export type EvalAlert = z.infer<typeof EvalAlert>

/** Alert typologies that count as "the right kind" of finding for a planted typology. */
export const COMPATIBLE: Record<string, readonly string[]> = {
  random: ['layering', 'cycle'],
  bipartite: ['bipartite', 'stack'],
  stack: ['stack', 'bipartite'],
  scatter_gather: ['scatter_gather', 'layering'],
  gather_scatter: ['gather_scatter', 'fan_in', 'fan_out'],
}

export const FOUND_SHARE = 0.5
export const TRUE_SHARE = 0.5

export interface TypologyRow {
  typology: string
  planted: number
  found: number
  recall: number | null
  /** Found by an alert of a compatible typology (see COMPATIBLE). */
  typed_found: number
  typed_recall: number | null
  /** Alerts raised with this typology, and how many of them are true. */
  alerts: number
  true_alerts: number
  precision: number | null
}

export interface EvalReport {
  patterns: number
  alerts: number
  found: number
  recall: number | null
  true_alerts: number
  precision: number | null
  k: number
  true_in_top_k: number
  precision_at_k: number | null
  controlled_goods: { planted: number; found: number; in_top_k: number }
  listed_party: { planted: number; found: number; in_top_k: number }
  by_typology: TypologyRow[]
  /** False alerts that mostly sit on a planted benign look-alike, by its kind. */
  false_on_benign: Record<string, number>
  missed: string[]
  /** Per planted pattern: the largest share of its transfers one alert covers, and that alert. */
  coverage: PatternCoverage[]
  /** Labelled accounts against alerted accounts (accounts named in at least one alert). */
  accounts: AccountReport
  /** Transfers the alerts were raised on (the scan window's payments, or the truth's rows). */
  transfers: number | null
  /** Where the transfer count comes from, e.g. 'scan window 2026-11-01 … 2026-11-14'. */
  transfers_source: string | null
  alerts_per_10k: number | null
  /** Alerts sharing at least one transfer with a found pattern: the most and the mean. */
  alerts_per_pattern: { max: number | null; mean: number | null }
}

export interface EvalOptions {
  /** Transfers behind the alerts, for alerts per 10,000 transfers; null when unknown. */
  transfers?: number | null
  transfers_source?: string | null
}

export interface PatternCoverage {
  id: string
  typology: string
  found: boolean
  coverage: number
  best_alert: string | null
  /** Alerts sharing at least one transfer with the pattern. */
  alerts: number
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

export function rankAlerts(alerts: EvalAlert[]): EvalAlert[] {
  return [...alerts].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

type AlertSet = { a: EvalAlert; txs: Set<string> }
type FlagCount = { planted: number; found: number; in_top_k: number }

export function evaluate(truth: Truth, alerts: EvalAlert[], opts: EvalOptions = {}): EvalReport {
  const ranked = rankAlerts(alerts)
  const k = truth.patterns.length
  const topK = new Set(ranked.slice(0, k).map((a) => a.id))
  const alertSets = ranked.map((a) => ({ a, txs: new Set(a.tx_ids) }))
  const { isTrue, falseOnBenign } = judgeAlerts(truth, alertSets)
  const rows = new Map<string, TypologyRow>()
  const p = judgePatterns(truth, alerts, alertSets, topK, (t) => typologyRow(rows, t))

  let trueAlerts = 0
  for (const a of ranked) {
    const r = typologyRow(rows, a.typology)
    r.alerts++
    if (isTrue.get(a.id)) {
      r.true_alerts++
      trueAlerts++
    }
  }
  let trueTop = 0
  for (const a of ranked.slice(0, k)) if (isTrue.get(a.id)) trueTop++

  for (const r of rows.values()) {
    r.recall = ratio(r.found, r.planted)
    r.typed_recall = ratio(r.typed_found, r.planted)
    r.precision = ratio(r.true_alerts, r.alerts)
  }
  return {
    patterns: truth.patterns.length,
    alerts: alerts.length,
    found: p.found,
    recall: ratio(p.found, truth.patterns.length),
    true_alerts: trueAlerts,
    precision: ratio(trueAlerts, alerts.length),
    k,
    true_in_top_k: trueTop,
    // Fewer alerts than K: the empty places count as misses.
    precision_at_k: ratio(trueTop, k),
    controlled_goods: p.goods,
    listed_party: p.listed,
    by_typology: [...rows.values()].sort((a, b) => (a.typology < b.typology ? -1 : 1)),
    false_on_benign: falseOnBenign,
    missed: p.missed,
    coverage: p.coverage,
    accounts: evaluateAccounts(truth, alerts),
    transfers: opts.transfers ?? null,
    transfers_source: opts.transfers_source ?? null,
    alerts_per_10k: alertsPer10k(alerts.length, opts.transfers ?? null),
    alerts_per_pattern: { max: p.maxAlerts, mean: ratio(p.foundAlerts, p.found) },
  }
}

/** The row of a typology, made empty on first use. */
function typologyRow(rows: Map<string, TypologyRow>, typology: string): TypologyRow {
  let r = rows.get(typology)
  if (!r) {
    r = {
      typology,
      planted: 0,
      found: 0,
      recall: null,
      typed_found: 0,
      typed_recall: null,
      alerts: 0,
      true_alerts: 0,
      precision: null,
    }
    rows.set(typology, r)
  }
  return r
}

/**
 * Each alert true when at least half of its (distinct) transfers are planted; a false one counted
 * against the benign look-alike it mostly sits on, if any.
 */
function judgeAlerts(
  truth: Truth,
  alertSets: AlertSet[],
): { isTrue: Map<string, boolean>; falseOnBenign: Record<string, number> } {
  const planted = new Set<string>()
  for (const p of truth.patterns) for (const t of p.tx_ids) planted.add(t)
  const benignOf = new Map<string, string>()
  for (const b of truth.benign) for (const t of b.tx_ids) benignOf.set(t, b.kind)
  // Benign look-alikes known by their accounts only (merchants, supplier hubs).
  const benignAccount = new Map<string, string>()
  for (const b of truth.benign)
    if (!b.tx_ids.length) for (const a of b.accounts) benignAccount.set(a, b.kind)

  const isTrue = new Map<string, boolean>()
  const falseOnBenign: Record<string, number> = {}
  for (const { a, txs } of alertSets) {
    let hits = 0
    for (const t of txs) if (planted.has(t)) hits++
    const ok = txs.size > 0 && hits / txs.size >= TRUE_SHARE
    isTrue.set(a.id, ok)
    if (!ok && txs.size > 0) {
      const kinds = new Map<string, number>()
      for (const t of txs) {
        const kind = benignOf.get(t)
        if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
      }
      const best = [...kinds].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]
      const byAccount = a.accounts?.map((acc) => benignAccount.get(acc)).find(Boolean)
      const kind = best && best[1] / txs.size >= TRUE_SHARE ? best[0] : byAccount
      if (kind) falseOnBenign[kind] = (falseOnBenign[kind] ?? 0) + 1
    }
  }
  return { isTrue, falseOnBenign }
}

/** How the alerts cover one pattern: found (by one alert), by a compatible typology, in the top K. */
function coverPattern(
  p: Truth['patterns'][number],
  alertSets: AlertSet[],
  topK: Set<string>,
): { isFound: boolean; typed: boolean; top: boolean; best: number; bestAlert: string | null } {
  const txs = new Set(p.tx_ids)
  const compatible = COMPATIBLE[p.typology] ?? [p.typology]
  const out = {
    isFound: false,
    typed: false,
    top: false,
    best: 0,
    bestAlert: null as string | null,
  }
  for (const { a, txs: at } of alertSets) {
    let covered = 0
    for (const t of txs) if (at.has(t)) covered++
    if (covered / txs.size > out.best) [out.best, out.bestAlert] = [covered / txs.size, a.id]
    if (covered / txs.size < FOUND_SHARE) continue
    out.isFound = true
    if (compatible.includes(a.typology)) out.typed = true
    if (topK.has(a.id)) out.top = true
  }
  return out
}

/** Every planted pattern judged: found or missed, its coverage, its flags, its typology's row. */
function judgePatterns(
  truth: Truth,
  alerts: EvalAlert[],
  alertSets: AlertSet[],
  topK: Set<string>,
  row: (typology: string) => TypologyRow,
) {
  const missed: string[] = []
  const coverage: PatternCoverage[] = []
  const touching = alertsPerPattern(truth, alerts)
  let foundAlerts = 0
  let maxAlerts: number | null = null
  let found = 0
  const goods: FlagCount = { planted: 0, found: 0, in_top_k: 0 }
  const listed: FlagCount = { planted: 0, found: 0, in_top_k: 0 }
  for (const p of truth.patterns) {
    const r = row(p.typology)
    r.planted++
    const c = coverPattern(p, alertSets, topK)
    const nAlerts = touching.get(p.id) ?? 0
    if (c.isFound) {
      found++
      r.found++
      foundAlerts += nAlerts
      maxAlerts = Math.max(maxAlerts ?? 0, nAlerts)
    } else missed.push(p.id)
    if (c.typed) r.typed_found++
    coverage.push({
      id: p.id,
      typology: p.typology,
      found: c.isFound,
      coverage: c.best,
      best_alert: c.bestAlert,
      alerts: nAlerts,
    })
    for (const [flag, acc] of [
      [p.flags.controlled_goods, goods],
      [p.flags.listed_party, listed],
    ] as const) {
      if (!flag) continue
      acc.planted++
      if (c.isFound) acc.found++
      if (c.top) acc.in_top_k++
    }
  }
  return { found, missed, coverage, goods, listed, foundAlerts, maxAlerts }
}
