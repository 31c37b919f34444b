// From scored findings to the alerts a scan writes: findings at or above the threshold with a risk
// signal of their own, patterns wholly inside one corporate group left out, one alert per ring
// (grouped), the highest-scored within the budget; and the screening stage's own findings (listed
// parties, goods that do not match their code).
import type { Store } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import {
  applyBudget,
  goodsMismatchFindings,
  groupAlerts,
  markIntraGroup,
  sanctionsFindings,
  type AnyFinding,
  type PaymentLite,
  type RiskContext,
  type ScoredAlert,
} from '../score/index.ts'
import type { ScanWindow } from './engines.ts'
import type { ScanSummary } from './scan-summary.ts'

/** The alerts to write, with the counts and the budget recorded in the summary. */
export async function selectAlerts(
  store: Store,
  window: ScanWindow,
  scored: readonly ScoredAlert[],
  config: Config,
  summary: ScanSummary,
): Promise<ScoredAlert[]> {
  // Patterns wholly inside one corporate group are explained by it (score/intra-group.ts): the
  // names of the candidates' accounts say which group each belongs to.
  const above = scored.filter(
    (a) => a.score >= config.score.alert_threshold && a.evidence.length > 0,
  )
  const candidates = markIntraGroup(
    above,
    await accountNames(store, window, scored, config.score.alert_threshold),
    config.score,
  )
  summary.intra_group = above.length - candidates.length
  const budget = applyBudget(
    groupAlerts(candidates, config.alerts),
    summary.transfers,
    config.alerts,
  )
  const alerts = budget.kept
  summary.scored = scored.length
  summary.below_threshold = scored.length - candidates.length
  summary.shape_only = scored.filter((a) => a.evidence.length === 0).length
  summary.budget = {
    max_per_10k_transfers: config.alerts.max_per_10k_transfers,
    allowed: budget.allowed,
    held_back: budget.held_back,
    cut_score: budget.cut_score,
  }
  summary.alerts_kept = alerts.length
  summary.alerts_per_10k =
    summary.transfers > 0 ? Math.round((alerts.length / summary.transfers) * 1e6) / 100 : 0
  return alerts
}

/** Findings of the screening stage: payments of listed parties, goods that do not match their code. */
export async function screeningFindings(store: Store, window: ScanWindow, ctx: RiskContext) {
  const hitAccounts = [...ctx.hitsByAccount.keys()]
  const mismatchTx = [...ctx.goodsByTx].filter(([, g]) => g.mismatch).map(([tx]) => tx)
  const out: AnyFinding[] = []
  const base = { ...window, base_currency: ctx.baseCurrency ?? 'EUR' }
  if (hitAccounts.length) {
    const rows = await store.all<PaymentLite>('pipeline/payments-of-accounts', {
      ...base,
      accounts: JSON.stringify(hitAccounts),
    })
    for (const f of sanctionsFindings(rows, ctx)) out.push(f)
  }
  if (mismatchTx.length) {
    const rows = await store.all<PaymentLite>('pipeline/payments-of-txs', {
      ...base,
      tx_ids: JSON.stringify(mismatchTx),
    })
    for (const f of goodsMismatchFindings(rows, ctx)) out.push(f)
  }
  return out
}

/** The name each account of the alert candidates carries in the window's payments. */
async function accountNames(
  store: Store,
  window: ScanWindow,
  scored: readonly ScoredAlert[],
  threshold: number,
): Promise<Map<string, string>> {
  const accounts = new Set<string>()
  for (const a of scored)
    if (a.score >= threshold && a.evidence.length > 0) for (const x of a.accounts) accounts.add(x)
  if (!accounts.size) return new Map()
  const rows = await store.all<{ account: string; name: string }>('pipeline/account-names', {
    ...window,
    accounts: JSON.stringify([...accounts].sort()),
  })
  return new Map(rows.map((r) => [r.account, r.name]))
}
