// The alert budget: a queue an analyst team can work. Of the candidate alerts (already grouped and
// at or above the threshold), keep the highest-scored within max_per_10k_transfers per 10,000
// transfers scanned; report how many were held back and the score at the cut.
import type { AlertsConfig } from './config.ts'
import { byScore } from './group.ts'
import type { ScoredAlert } from './scored-alert.ts'

export interface BudgetResult {
  kept: ScoredAlert[]
  /** Candidates above the threshold left out by the budget. */
  held_back: number
  /** Score of the last alert kept when the budget cut (null: nothing was cut). */
  cut_score: number | null
  /** Alerts the budget allowed (null: no budget). */
  allowed: number | null
}

export function applyBudget(
  candidates: readonly ScoredAlert[],
  transfers: number,
  o: AlertsConfig,
): BudgetResult {
  const ranked = [...candidates].sort(byScore)
  if (o.max_per_10k_transfers === null)
    return { kept: ranked, held_back: 0, cut_score: null, allowed: null }
  const allowed = Math.ceil((o.max_per_10k_transfers * transfers) / 10_000)
  if (ranked.length <= allowed) return { kept: ranked, held_back: 0, cut_score: null, allowed }
  const kept = ranked.slice(0, allowed)
  return {
    kept,
    held_back: ranked.length - allowed,
    cut_score: kept.length ? kept[kept.length - 1].score : null,
    allowed,
  }
}
