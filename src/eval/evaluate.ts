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

export function evaluate(truth: Truth, alerts: EvalAlert[], opts: EvalOptions = {}): EvalReport {
  const planted = new Set<string>()
  for (const p of truth.patterns) for (const t of p.tx_ids) planted.add(t)
  const benignOf = new Map<string, string>()
  for (const b of truth.benign) for (const t of b.tx_ids) benignOf.set(t, b.kind)
  // Benign look-alikes known by their accounts only (merchants, supplier hubs).
  const benignAccount = new Map<string, string>()
  for (const b of truth.benign)
    if (!b.tx_ids.length) for (const a of b.accounts) benignAccount.set(a, b.kind)

  const ranked = rankAlerts(alerts)
  const k = truth.patterns.length
  const topK = new Set(ranked.slice(0, k).map((a) => a.id))
  const alertSets = ranked.map((a) => ({ a, txs: new Set(a.tx_ids) }))

  // Alerts: true when at least half of their (distinct) transfers are planted.
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

  const rows = new Map<string, TypologyRow>()
  const row = (typology: string): TypologyRow => {
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

  const missed: string[] = []
  const coverage: PatternCoverage[] = []
  const touching = alertsPerPattern(truth, alerts)
  let foundAlerts = 0
  let maxAlerts: number | null = null
  let found = 0
  const goods = { planted: 0, found: 0, in_top_k: 0 }
  const listed = { planted: 0, found: 0, in_top_k: 0 }
  for (const p of truth.patterns) {
    const r = row(p.typology)
    r.planted++
    const txs = new Set(p.tx_ids)
    const compatible = COMPATIBLE[p.typology] ?? [p.typology]
    let isFound = false
    let typed = false
    let top = false
    let best = 0
    let bestAlert: string | null = null
    for (const { a, txs: at } of alertSets) {
      let covered = 0
      for (const t of txs) if (at.has(t)) covered++
      if (covered / txs.size > best) [best, bestAlert] = [covered / txs.size, a.id]
      if (covered / txs.size < FOUND_SHARE) continue
      isFound = true
      if (compatible.includes(a.typology)) typed = true
      if (topK.has(a.id)) top = true
    }
    const nAlerts = touching.get(p.id) ?? 0
    if (isFound) {
      found++
      r.found++
      foundAlerts += nAlerts
      maxAlerts = Math.max(maxAlerts ?? 0, nAlerts)
    } else missed.push(p.id)
    if (typed) r.typed_found++
    coverage.push({
      id: p.id,
      typology: p.typology,
      found: isFound,
      coverage: best,
      best_alert: bestAlert,
      alerts: nAlerts,
    })
    for (const [flag, acc] of [
      [p.flags.controlled_goods, goods],
      [p.flags.listed_party, listed],
    ] as const) {
      if (!flag) continue
      acc.planted++
      if (isFound) acc.found++
      if (top) acc.in_top_k++
    }
  }

  let trueAlerts = 0
  for (const a of ranked) {
    const r = row(a.typology)
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
    found,
    recall: ratio(found, truth.patterns.length),
    true_alerts: trueAlerts,
    precision: ratio(trueAlerts, alerts.length),
    k,
    true_in_top_k: trueTop,
    // Fewer alerts than K: the empty places count as misses.
    precision_at_k: ratio(trueTop, k),
    controlled_goods: goods,
    listed_party: listed,
    by_typology: [...rows.values()].sort((a, b) => (a.typology < b.typology ? -1 : 1)),
    false_on_benign: falseOnBenign,
    missed,
    coverage,
    accounts: evaluateAccounts(truth, alerts),
    transfers: opts.transfers ?? null,
    transfers_source: opts.transfers_source ?? null,
    alerts_per_10k: alertsPer10k(alerts.length, opts.transfers ?? null),
    alerts_per_pattern: { max: maxAlerts, mean: ratio(foundAlerts, found) },
  }
}
