// Detection quality per account (pure), the measure for data labelled per account such as IBM
// AMLSim's nodes.csv (isFraud): labelled accounts are truth.labelled_accounts when given, else every
// account of a planted pattern; an account is alerted when at least one alert names it. Also the
// alert load: alerts per 10,000 transfers, and how many alerts touch each planted pattern.
import type { Truth } from '../schema/truth.ts'
import type { EvalAlert } from './evaluate.ts'

export interface AccountReport {
  /** Where the labels come from: the truth's labelled_accounts, or the planted patterns' accounts. */
  source: 'labelled_accounts' | 'pattern_accounts'
  labelled: number
  alerted: number
  true_alerted: number
  recall: number | null
  precision: number | null
  /** Alerts that name no account (JSON lines without `accounts`): left out of these figures. */
  alerts_without_accounts: number
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

export function labelledAccounts(truth: Truth): {
  set: Set<string>
  source: AccountReport['source']
} {
  if (truth.labelled_accounts)
    return { set: new Set(truth.labelled_accounts), source: 'labelled_accounts' }
  const set = new Set<string>()
  for (const p of truth.patterns) for (const a of p.accounts) set.add(a)
  return { set, source: 'pattern_accounts' }
}

export function evaluateAccounts(truth: Truth, alerts: EvalAlert[]): AccountReport {
  const { set, source } = labelledAccounts(truth)
  const alerted = new Set<string>()
  let without = 0
  for (const a of alerts) {
    if (!a.accounts || a.accounts.length === 0) without++
    else for (const acc of a.accounts) alerted.add(acc)
  }
  let hit = 0
  for (const acc of alerted) if (set.has(acc)) hit++
  return {
    source,
    labelled: set.size,
    alerted: alerted.size,
    true_alerted: hit,
    recall: ratio(hit, set.size),
    precision: ratio(hit, alerted.size),
    alerts_without_accounts: without,
  }
}

/** Alerts per 10,000 transfers; null when the transfer count is unknown or zero. */
export function alertsPer10k(alerts: number, transfers: number | null): number | null {
  return transfers && transfers > 0 ? (alerts * 10_000) / transfers : null
}

/** Per planted pattern id, the number of alerts sharing at least one of its transfers. */
export function alertsPerPattern(truth: Truth, alerts: EvalAlert[]): Map<string, number> {
  const owners = new Map<string, string[]>()
  for (const p of truth.patterns)
    for (const t of p.tx_ids) {
      const list = owners.get(t)
      if (list) list.push(p.id)
      else owners.set(t, [p.id])
    }
  const counts = new Map<string, number>(truth.patterns.map((p) => [p.id, 0]))
  for (const a of alerts) {
    const touched = new Set<string>()
    for (const t of a.tx_ids) for (const id of owners.get(t) ?? []) touched.add(id)
    for (const id of touched) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}
