// Taking an alert out of its case by hand: an analyst or supervisor says why; the alert gets a case
// of its own (its own state, as a case made of it would start: a pending proposal of the old case
// is not carried over), the old case keeps its other alerts, and a pending proposal on the old case
// is withdrawn (it was made with the alert in it: it is decided again without it). The unlink is
// recorded, and scans keep the alert apart from that case's alerts (case-grouping.ts) until someone
// links them again by hand. Audit rows for both cases and the alert, in one serial transaction.
import { z } from 'zod'
import type { Store } from '../store/index.ts'
import type { Actor } from '../schema/alert.ts'
import { AlertId } from '../schema/alert.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../util/errors.ts'
import { plainIssue } from '../util/plain-issue.ts'
import { conflictsAsConflictError } from './actions.ts'
import { appendAuditMany, type AuditEntry } from './audit.ts'
import { ASSIGNEE_ROLES } from './transitions.ts'
import { createCase, followCase, getCase, setCaseState } from './case-join.ts'
import { stateOf, type CaseRow } from './case-state.ts'
import { getAlert } from './read.ts'

export const UnlinkAlert = z
  .object({
    /** The alert to take out of the case. */
    alert_id: AlertId,
    reason: z.string().trim().min(1, 'Say why the alert is not part of this case.').max(4000),
  })
  .strict()
export type UnlinkAlert = z.infer<typeof UnlinkAlert>

/** Roles that may take an alert out of a case: those who work cases (not the admin). */
export const UNLINK_ROLES = ASSIGNEE_ROLES

export interface Unlinked {
  /** The case the alert left, with its other alerts. */
  case: CaseRow
  /** The alert's own new case. */
  alert_case: CaseRow
}

export async function unlinkAlert(
  store: Store,
  actor: Actor,
  caseId: string,
  body: z.input<typeof UnlinkAlert>,
  opts: { now?: string } = {},
): Promise<Unlinked> {
  const p = UnlinkAlert.safeParse(body)
  if (!p.success)
    throw new BadInputError(plainIssue(p.error.issues[0]), {
      field: p.error.issues[0].path.join('.'),
    })
  const b = p.data
  const now = opts.now ?? new Date().toISOString()
  if (!UNLINK_ROLES.includes(actor.role))
    throw new ForbiddenError(`role ${actor.role} may not take alerts out of cases`)
  return conflictsAsConflictError(caseId, () =>
    store.transaction(
      async (tx) => {
        const before = await getCase(tx, caseId)
        if (!before.alert_ids.includes(b.alert_id))
          throw new ConflictError(`Alert ${b.alert_id} is not in case ${caseId}.`)
        if (before.alert_ids.length < 2)
          throw new ConflictError(
            `Alert ${b.alert_id} is the only alert of case ${caseId}: there is nothing to take it out of.`,
          )
        const alert = await getAlert(tx, b.alert_id)
        await tx.run('cases/case-alert-leave', { alert_id: alert.id, case_id: caseId })
        await tx.run('cases/unlink-insert', {
          alert_id: alert.id,
          case_id: caseId,
          unlinked_by: actor.id,
          now,
          reason: b.reason,
        })
        const own = await createCase(
          tx,
          actor,
          [
            {
              alert: { id: alert.id, ...stateOf(alert) },
              why: `taken out of ${caseId} by ${actor.id}: ${b.reason}`,
            },
          ],
          actor.id,
          now,
        )
        const audit: AuditEntry[] = [
          {
            actor,
            action: 'case.unlink',
            entity_type: 'case',
            entity_id: caseId,
            after: {
              alert: alert.id,
              moved_to: own,
              alerts: before.alert_ids.filter((id) => id !== alert.id),
            },
            reason: b.reason,
            at: now,
          },
          {
            actor,
            action: 'case.unlink',
            entity_type: 'alert',
            entity_id: alert.id,
            before: { case_id: caseId },
            after: { case_id: own },
            reason: b.reason,
            at: now,
          },
        ]
        if (before.status === 'proposed_close' || before.status === 'proposed_report') {
          const state = stateOf(before)
          const next = {
            ...state,
            status: 'in_review' as const,
            proposed_by: null,
            proposed_outcome: null,
          }
          const why = `${alert.id} was taken out of the case after the proposal: it is decided again without it`
          await setCaseState(tx, caseId, state, next, now)
          audit.push({
            actor,
            action: 'case.withdraw',
            entity_type: 'case',
            entity_id: caseId,
            before: state,
            after: next,
            reason: why,
            at: now,
          })
          await followCase(tx, actor, caseId, next, 'case.withdraw', why, now, audit)
        }
        await appendAuditMany(tx, audit)
        return { case: await getCase(tx, caseId), alert_case: await getCase(tx, own) }
      },
      { serial: true },
    ),
  )
}
