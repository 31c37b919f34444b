// The review step as the alert page shows it, read from the alert's audit trail: the pending
// proposal (who, what outcome, when, its reason and the transfers and hits it cites), the decision
// once taken, in a line that reads well ("Closed as false positive by sup1 on ana's proposal"),
// and the strong watch-list hits that make a false-positive closure need a confirmation.
import { SENTENCE } from '../../cases/index.ts'
import type { CitedEvidence, Decision, Proposal, Review } from '../../schema/review.ts'

type Row = Record<string, unknown>

const DECIDED: Record<string, string> = {
  closed_false_positive: 'Closed as false positive',
  closed_benign: 'Closed as benign',
  reported: 'Reported to the FIU',
}

export function decisionLine(outcome: string, by: string, proposedBy: string | null): string {
  const what = DECIDED[outcome] ?? `Set to ${outcome.replace(/_/g, ' ')}`
  return proposedBy && proposedBy !== by
    ? `${what} by ${by} on ${proposedBy}'s proposal`
    : `${what} by ${by}`
}

function last(audit: Row[], action: string): Row | undefined {
  for (let i = audit.length - 1; i >= 0; i--) if (audit[i].action === action) return audit[i]
  return undefined
}

function cited(ids: unknown, transfers: Row[], hits: Row[]): CitedEvidence[] {
  if (!Array.isArray(ids)) return []
  const out: CitedEvidence[] = []
  for (const id of ids) {
    const t = transfers.find((x) => x.tx_id === id)
    if (t) {
      out.push({
        kind: 'transfer',
        id: String(id),
        hop: t.hop === null || t.hop === undefined ? null : Number(t.hop),
        ts: String(t.ts),
        amount: String(t.amount),
        currency: String(t.currency),
        debtor_name: (t.debtor_name as string | null) ?? null,
        creditor_name: (t.creditor_name as string | null) ?? null,
      })
      continue
    }
    const h = hits.find((x) => x.hit_id === id)
    if (h)
      out.push({
        kind: 'hit',
        id: String(id),
        name: String(h.name),
        caption: String(h.caption),
        entry_id: String(h.entry_id),
        list_source: String(h.list_source),
        score: Number(h.score),
      })
  }
  return out
}

export function alertReview(
  alert: Row,
  audit: Row[],
  transfers: Row[],
  hits: Row[],
  strongHitScore: number,
): Review {
  const status = String(alert.status)
  let proposal: Proposal | null = null
  const propose = last(audit, 'case.propose')
  if ((status === 'proposed_close' || status === 'proposed_report') && propose) {
    const after = (propose.after ?? {}) as Row
    proposal = {
      by: String(propose.actor),
      outcome: String(after.proposed_outcome ?? alert.proposed_outcome ?? ''),
      at: String(propose.created_at),
      reason: (propose.reason as string | null) ?? null,
      evidence: cited(after.evidence, transfers, hits),
    }
  }
  let decision: Decision | null = null
  const approve = last(audit, 'case.approve')
  if (DECIDED[status] && approve) {
    const proposedBy = ((approve.before ?? {}) as Row).proposed_by as string | null
    const by = String(approve.actor)
    decision = {
      outcome: status,
      by,
      at: String(approve.created_at),
      reason: (approve.reason as string | null) ?? null,
      proposed_by: proposedBy ?? null,
      proposal_reason: (propose?.reason as string | null) ?? null,
      line: decisionLine(status, by, proposedBy ?? null),
    }
  }
  const strong = hits
    .filter((h) => (h.status ?? 'open') === 'open' && Number(h.score) >= strongHitScore)
    .map((h) => ({
      hit_id: String(h.hit_id),
      account: String(h.account),
      name: String(h.name),
      caption: String(h.caption),
      entry_id: String(h.entry_id),
      list_source: String(h.list_source),
      score: Number(h.score),
    }))
  return {
    proposal,
    decision,
    strong_hits: strong,
    strong_hit_score: strongHitScore,
    sentence: { words: SENTENCE.words, chars: SENTENCE.chars },
  }
}
