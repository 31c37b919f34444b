// A case's state and its alerts': a case is read back from SQL here, its first state follows from
// its alerts' states, and alerts joining it can withdraw a pending proposal (the proposal did not
// see them) or reopen a closed case (new evidence). Open alerts of a case follow its state.
import { z } from 'zod'
import { AlertStatus } from '../schema/alert.ts'
import type { Row } from '../store/index.ts'
import { Outcome } from './alert-row.ts'
import { isClosed } from './transitions.ts'
import type { CaseState } from './move.ts'

export const CaseRow = z.object({
  id: z.string(),
  status: AlertStatus,
  assignee: z.string().nullable(),
  proposed_by: z.string().nullable(),
  proposed_outcome: Outcome.nullable(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  alert_ids: z.array(z.string()),
})
export type CaseRow = z.infer<typeof CaseRow>

export function parseCaseRow(row: Row): CaseRow {
  return CaseRow.parse(row)
}

export function stateOf(s: CaseState): CaseState {
  return {
    status: s.status,
    assignee: s.assignee,
    proposed_by: s.proposed_by,
    proposed_outcome: s.proposed_outcome,
  }
}

export function sameState(a: CaseState, b: CaseState): boolean {
  return (
    a.status === b.status &&
    a.assignee === b.assignee &&
    a.proposed_by === b.proposed_by &&
    a.proposed_outcome === b.proposed_outcome
  )
}

/** The strongest decision first: a report outweighs a closure. */
const OUTCOME_RANK = ['reported', 'closed_benign', 'closed_false_positive'] as const

/**
 * The first state of a case made of these alerts: escalated when one of its open alerts is, in
 * review when one is being worked, else new; a pending proposal on one alert is not carried over
 * (it did not see the others: it is made again on the case). The assignee is the one person
 * working its open alerts, if there is exactly one. A case of closed alerts only keeps the
 * strongest decision among them.
 */
export function initialCaseState(members: readonly CaseState[]): CaseState {
  const open = members.filter((m) => !isClosed(m.status))
  if (!open.length) {
    const status =
      OUTCOME_RANK.find((o) => members.some((m) => m.status === o)) ?? 'closed_false_positive'
    return { status, assignee: null, proposed_by: null, proposed_outcome: null }
  }
  const assignees = new Set(open.map((m) => m.assignee).filter((a): a is string => a !== null))
  const status: AlertStatus = open.some((m) => m.status === 'escalated')
    ? 'escalated'
    : open.some((m) => m.status !== 'new')
      ? 'in_review'
      : 'new'
  return {
    status,
    assignee: assignees.size === 1 ? [...assignees][0] : null,
    proposed_by: null,
    proposed_outcome: null,
  }
}

/**
 * The case's state once an open alert joins it (or one of its alerts opens again): a pending
 * proposal is withdrawn (back in review), a closed case reopens (in review when someone is
 * assigned, else new). Otherwise unchanged; `what` says which of these happened.
 */
export function stateOnOpenAlert(c: CaseState): {
  next: CaseState
  what: 'withdraw' | 'reopen' | null
} {
  if (c.status === 'proposed_close' || c.status === 'proposed_report')
    return {
      next: { ...stateOf(c), status: 'in_review', proposed_by: null, proposed_outcome: null },
      what: 'withdraw',
    }
  if (isClosed(c.status))
    return {
      next: {
        status: c.assignee ? 'in_review' : 'new',
        assignee: c.assignee,
        proposed_by: null,
        proposed_outcome: null,
      },
      what: 'reopen',
    }
  return { next: stateOf(c), what: null }
}
