// score/: findings + screening → scored, explainable alerts. Pure: no database, no clock.
import type { ScoreConfig } from './config.ts'
import type { AnyFinding } from './screening-finding.ts'
import type { ScoredAlert } from './scored-alert.ts'
import { communityRisk, type DetectContext, type RiskContext } from './context.ts'
import { scoreFinding } from './score-finding.ts'

export { ScoreConfig } from './config.ts'
export { DEFAULT_TYPOLOGIES } from './defaults.ts'
export { ScoredAlert } from './scored-alert.ts'
export { scoreFinding, sortReasons } from './score-finding.ts'
export { alertId, accountsKey } from './alert-id.ts'
export { AlertsConfig } from './config.ts'
export { groupAlerts, byScore } from './group.ts'
export { applyBudget, type BudgetResult } from './budget.ts'
export { groupKey, markIntraGroup } from './intra-group.ts'
export {
  ScreeningFinding,
  sanctionsFindings,
  goodsMismatchFindings,
  hitRecords,
  type SanctionsContext,
  type AnyFinding,
  type PaymentLite,
} from './screening-finding.ts'
export { EMPTY_DETECT, EMPTY_RISK } from './context.ts'
export type {
  RiskContext,
  DetectContext,
  PartyHitLike,
  GoodsFlagLike,
  RouteFlagsLike,
} from './context.ts'

/** A sanctions alert carries its finding's hit records. */
function withHits(a: ScoredAlert, f: AnyFinding): ScoredAlert {
  return 'hits' in f && f.hits?.length ? { ...a, hits: f.hits } : a
}

/** Scores every finding; returns those at or above the alert threshold (see scoreAll for all). */
export function scoreFindings(
  findings: readonly AnyFinding[],
  ctx: RiskContext,
  detect: DetectContext,
  config: ScoreConfig,
): ScoredAlert[] {
  return scoreAll(findings, ctx, detect, config).filter((a) => a.score >= config.alert_threshold)
}

/**
 * Scores every finding and folds findings of the same typology over the same accounts into one
 * candidate (the ring that ran twice is one ring): the highest score wins, transfers are united.
 * Sorted by score (highest first), then id.
 */
export function scoreAll(
  findings: readonly AnyFinding[],
  ctx: RiskContext,
  detect: DetectContext,
  config: ScoreConfig,
): ScoredAlert[] {
  const communities = communityRisk(ctx, detect)
  const scored = findings
    .map((f) => withHits(scoreFinding(f, ctx, detect, config, communities), f))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const byAccounts = new Map<string, ScoredAlert>()
  for (const s of scored) {
    const k = `${s.typology}\u0000${s.accounts_key}`
    const kept = byAccounts.get(k)
    if (!kept) {
      byAccounts.set(k, s)
      continue
    }
    kept.tx_ids = [...new Set([...kept.tx_ids, ...s.tx_ids])].sort()
    if (s.first_ts < kept.first_ts) kept.first_ts = s.first_ts
    if (s.last_ts > kept.last_ts) kept.last_ts = s.last_ts
  }
  return [...byAccounts.values()]
}
