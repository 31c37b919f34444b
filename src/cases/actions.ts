// Case actions on one alert: assign, note, start review, escalate, propose, approve, reject. Each
// checks the role and the transition table, enforces four eyes on approvals (the checker is not the
// maker, nor related to the maker by the chain of custody: custody.ts), updates the alert only if it
// is still in the status read (else ConflictError: stale), and writes its audit row in the same
// transaction. An assignee is a known, enabled user who works cases.
import { z } from 'zod'
import { WriteConflictError, type Store, type Queries } from '../store/index.ts'
import type { Actor, AlertStatus } from '../schema/alert.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../util/errors.ts'
import { caseState, Outcome, type AlertRow } from './alert-row.ts'
import { appendAudit } from './audit.ts'
import { getAlert } from './read.ts'
import { ASSIGN_ROLES, NOTE_ROLES, findTransition, isClosed, type CaseVerb } from './transitions.ts'
import { sameCustody } from './custody.ts'
import { UserId } from '../schema/user.ts'
import { hasLoneSurrogate } from '../util/text.ts'

const text = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .refine((s) => !hasLoneSurrogate(s), 'holds a lone UTF-16 surrogate, which is not Unicode text')

export const CaseAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), assignee: UserId.nullable() }),
  z.object({ type: z.literal('note'), text }),
  z.object({ type: z.literal('start_review') }),
  z.object({ type: z.literal('escalate'), reason: text }),
  z.object({ type: z.literal('propose'), outcome: Outcome, reason: text }),
  z.object({ type: z.literal('approve'), reason: text.optional() }),
  z.object({ type: z.literal('reject'), reason: text }),
])
export type CaseAction = z.infer<typeof CaseAction>

export interface CaseOptions {
  /** ISO time of the action; default now. */
  now?: string
}

export async function applyCaseAction(
  store: Store,
  actor: Actor,
  alertId: string,
  action: CaseAction,
  opts: CaseOptions = {},
): Promise<AlertRow> {
  const parsed = CaseAction.safeParse(action)
  if (!parsed.success)
    throw new BadInputError(
      `bad case action: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
    )
  const act = parsed.data
  const now = opts.now ?? new Date().toISOString()
  if (!ASSIGN_ROLES.includes(actor.role) && !NOTE_ROLES.includes(actor.role))
    throw new ForbiddenError(`role ${actor.role} may not act on cases`)
  return conflictsAsConflictError(alertId, () =>
    store.transaction(
      async (tx) => {
        const before = await getAlert(tx, alertId)
        if (act.type === 'note') {
          if (!NOTE_ROLES.includes(actor.role))
            throw new ForbiddenError(`role ${actor.role} may not add notes`)
          await tx.run('cases/note-insert', {
            alert_id: alertId,
            author: actor.id,
            now,
            text: act.text,
          })
          await appendAudit(tx, {
            actor,
            action: 'case.note',
            entity_type: 'alert',
            entity_id: alertId,
            after: { note: act.text },
            at: now,
          })
          return getAlert(tx, alertId)
        }
        if (act.type === 'assign') {
          if (!ASSIGN_ROLES.includes(actor.role))
            throw new ForbiddenError(`role ${actor.role} may not assign alerts`)
          if (actor.role === 'analyst' && act.assignee !== null && act.assignee !== actor.id)
            throw new ForbiddenError('an analyst may assign an alert only to themself')
          if (isClosed(before.status))
            throw new ConflictError(`alert ${alertId} is ${before.status}`)
          if (act.assignee !== null) await checkAssignee(tx, act.assignee)
          return update(
            tx,
            actor,
            before,
            { ...before, assignee: act.assignee },
            'case.assign',
            null,
            now,
          )
        }
        const { to, verb } = target(before, act)
        const t = findTransition(before.status, to)
        if (!t || t.verb !== verb)
          throw new ConflictError(`cannot ${verb} an alert that is ${before.status}`, {
            from: before.status,
            to,
          })
        if (!t.roles.includes(actor.role))
          throw new ForbiddenError(
            `role ${actor.role} may not move an alert from ${before.status} to ${to}`,
          )
        const next: AlertRow = { ...before, status: to }
        if (verb === 'propose') {
          next.proposed_by = actor.id
          next.proposed_outcome = act.type === 'propose' ? act.outcome : null
        } else if (verb === 'approve' || verb === 'reject') {
          // Four eyes: the checker is never the maker, whatever the role, nor someone the maker
          // created, approved, promoted or re-keyed (or who did so for the maker).
          if (before.proposed_by === actor.id)
            throw new ForbiddenError(
              `${actor.id} proposed this outcome and may not ${verb} it (four eyes)`,
            )
          if (before.proposed_by && (await sameCustody(tx, before.proposed_by, actor.id)))
            throw new ForbiddenError(
              `${actor.id} and ${before.proposed_by}, who proposed this outcome, are one chain of custody ` +
                `(one created, approved, promoted or re-keyed the other) and may not ${verb} it (four eyes)`,
            )
          if (verb === 'reject') {
            next.proposed_by = null
            next.proposed_outcome = null
          }
        }
        if (verb === 'start_review' && !next.assignee && actor.role === 'analyst')
          next.assignee = actor.id
        const reason = 'reason' in act ? (act.reason ?? null) : null
        return update(tx, actor, before, next, `case.${verb}`, reason, now)
      },
      { serial: true },
    ),
  )
}

/** An assignee must be a known, enabled user whose role works cases. */
async function checkAssignee(tx: Queries, id: string): Promise<void> {
  const u = await tx.one<{ id: string; role: string; disabled: boolean }>('cases/user-get', { id })
  if (!u) throw new BadInputError(`assignee ${id}: no such user`, { field: 'assignee' })
  if (u.disabled) throw new BadInputError(`assignee ${id}: disabled`, { field: 'assignee' })
  if (!ASSIGN_ROLES.includes(u.role as Actor['role']))
    throw new BadInputError(`assignee ${id}: role ${u.role} does not work cases`, {
      field: 'assignee',
    })
}

/** Two actions racing on one alert (or on the audit head): the loser gets a ConflictError. */
async function conflictsAsConflictError<T>(alertId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof WriteConflictError)
      throw new ConflictError(
        `alert ${alertId} was changed by someone else at the same time; reload it`,
        {},
        { cause: e },
      )
    throw e
  }
}

function target(a: AlertRow, act: CaseAction): { to: AlertStatus; verb: CaseVerb } {
  switch (act.type) {
    case 'start_review':
      return { to: 'in_review', verb: 'start_review' }
    case 'escalate':
      return { to: 'escalated', verb: 'escalate' }
    case 'propose':
      return {
        to: act.outcome === 'reported' ? 'proposed_report' : 'proposed_close',
        verb: 'propose',
      }
    case 'approve':
      if (!a.proposed_outcome || (a.status !== 'proposed_close' && a.status !== 'proposed_report'))
        throw new ConflictError(`alert ${a.id} has no pending proposal to approve`)
      return { to: a.proposed_outcome, verb: 'approve' }
    case 'reject':
      return { to: 'in_review', verb: 'reject' }
    default:
      throw new BadInputError(`unknown case action ${(act as { type: string }).type}`)
  }
}

async function update(
  tx: Queries,
  actor: Actor,
  before: AlertRow,
  next: AlertRow,
  action: string,
  reason: string | null,
  now: string,
): Promise<AlertRow> {
  const changed = await tx.run('cases/alert-set-case', {
    id: before.id,
    expected_status: before.status,
    status: next.status,
    assignee: next.assignee,
    proposed_by: next.proposed_by,
    proposed_outcome: next.proposed_outcome,
    now,
  })
  if (changed !== 1) throw new ConflictError(`alert ${before.id} changed meanwhile; reload it`)
  await appendAudit(tx, {
    actor,
    action,
    entity_type: 'alert',
    entity_id: before.id,
    before: caseState(before),
    after: caseState(next),
    reason,
    at: now,
  })
  return getAlert(tx, before.id)
}
