// Case actions on one alert: assign, note, start review, escalate, propose, approve, reject. Each
// checks the role and the transition table, enforces four eyes on approvals (the checker is not the
// maker, nor related to the maker by the chain of custody: custody.ts), updates the alert only if it
// is still in the status read (else ConflictError: stale), and writes its audit row in the same
// transaction. An assignee is a known, enabled analyst or supervisor (anyone who works cases may
// assign an alert to a colleague). A proposal may cite its evidence (the alert's transfers and
// hits), kept in its audit row; a false-positive closure of an alert with a strong watch-list hit
// needs a confirmation and a sentence (strong-hits.ts).
import { z } from 'zod'
import { WriteConflictError, type Store, type Queries } from '../store/index.ts'
import type { Actor, AlertStatus } from '../schema/alert.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../util/errors.ts'
import { caseState, Outcome, type AlertRow } from './alert-row.ts'
import { appendAudit } from './audit.ts'
import { getAlert } from './read.ts'
import {
  ASSIGN_ROLES,
  ASSIGNEE_ROLES,
  NOTE_ROLES,
  findTransition,
  isClosed,
  type CaseVerb,
} from './transitions.ts'
import { checkFalsePositive, strongHits } from './strong-hits.ts'
import { sameCustody } from './custody.ts'
import { UserId } from '../schema/user.ts'
import { hasLoneSurrogate } from '../util/text.ts'
import { plainIssue } from '../util/plain-issue.ts'

const text = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .refine((s) => !hasLoneSurrogate(s), 'holds a lone UTF-16 surrogate, which is not Unicode text')

/** What a proposal cites: ids of the alert's transfers (tx_id) and of its parties' hits (hit_id). */
const Evidence = z.array(z.string().min(1).max(200)).max(100)

export const CaseAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assign'), assignee: UserId.nullable() }),
  z.object({ type: z.literal('note'), text }),
  z.object({ type: z.literal('start_review') }),
  z.object({ type: z.literal('escalate'), reason: text }),
  z.object({
    type: z.literal('propose'),
    outcome: Outcome,
    reason: text,
    evidence: Evidence.optional(),
    /** Closing as a false positive despite a strong watch-list hit: confirmed (strong-hits.ts). */
    confirm: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('approve'),
    reason: text.optional(),
    confirm: z.boolean().optional(),
  }),
  z.object({ type: z.literal('reject'), reason: text }),
])
export type CaseAction = z.infer<typeof CaseAction>

export interface CaseOptions {
  /** ISO time of the action; default now. */
  now?: string
  /**
   * The hit score (0–1) from which a watch-list hit makes a false-positive closure need a
   * confirmation and a sentence: the screening threshold (config screen.match_threshold); default
   * 0, every open hit.
   */
  strongHitScore?: number
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
    throw new BadInputError(plainIssue(parsed.error.issues[0]), {
      field: parsed.error.issues[0].path.join('.'),
    })
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
        // a false positive despite a strong watch-list hit: confirmed, with a sentence, by both
        if (
          (act.type === 'propose' && act.outcome === 'closed_false_positive') ||
          (act.type === 'approve' && to === 'closed_false_positive')
        )
          checkFalsePositive(await strongHits(tx, alertId, opts.strongHitScore ?? 0), act, act.type)
        let evidence: string[] | undefined
        if (act.type === 'propose' && act.evidence?.length)
          evidence = await checkEvidence(tx, alertId, act.evidence)
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
        return update(tx, actor, before, next, `case.${verb}`, reason, now, evidence)
      },
      { serial: true },
    ),
  )
}

/** An assignee must be a known, enabled user whose role works alerts (analyst, supervisor). */
async function checkAssignee(tx: Queries, id: string): Promise<void> {
  const u = await tx.one<{ id: string; role: string; disabled: boolean }>('cases/user-get', { id })
  if (!u)
    throw new BadInputError(`There is no user ${id} to assign this alert to.`, {
      field: 'assignee',
    })
  if (u.disabled)
    throw new BadInputError(`${id} is disabled and cannot be assigned alerts.`, {
      field: 'assignee',
    })
  if (!ASSIGNEE_ROLES.includes(u.role as Actor['role']))
    throw new BadInputError(
      `${id} is ${u.role === 'admin' ? 'an' : 'a'} ${u.role.replace('_', ' ')} and does not work alerts: ` +
        `assign it to an analyst or a supervisor.`,
      { field: 'assignee' },
    )
}

/** The ids a proposal cites, each one of the alert's transfers or of its parties' hits. */
async function checkEvidence(tx: Queries, alertId: string, ids: string[]): Promise<string[]> {
  const known = new Set(
    (await tx.all<{ id: string }>('cases/alert-evidence-ids', { id: alertId })).map((r) => r.id),
  )
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length)
    throw new BadInputError(
      `The proposal cites ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ' and more' : ''}, ` +
        `which ${unknown.length === 1 ? 'is not a transfer or watch-list hit' : 'are not transfers or watch-list hits'} of this alert.`,
      { field: 'evidence' },
    )
  return [...new Set(ids)]
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
  evidence?: string[],
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
    after: evidence ? { ...caseState(next), evidence } : caseState(next),
    reason,
    at: now,
  })
  return getAlert(tx, before.id)
}
