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
import type { Actor } from '../schema/alert.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../util/errors.ts'
import { caseState, Outcome, type AlertRow } from './alert-row.ts'
import { appendAudit } from './audit.ts'
import { getAlert } from './read.ts'
import { ASSIGN_ROLES, ASSIGNEE_ROLES, NOTE_ROLES, isClosed } from './transitions.ts'
import { strongHits } from './strong-hits.ts'
import { planMove } from './move.ts'
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
        // An alert of a case follows the case: its status, assignee and decision are the case's.
        await refuseIfInCase(tx, alertId)
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
        const {
          next: state,
          verb,
          reason,
          evidence,
        } = await planMove(tx, actor, { ...before, noun: 'alert' }, act, {
          strongHits: () => strongHits(tx, alertId, opts.strongHitScore ?? 0),
          evidenceIds: async () =>
            (await tx.all<{ id: string }>('cases/alert-evidence-ids', { id: alertId })).map(
              (r) => r.id,
            ),
        })
        const next: AlertRow = { ...before, ...state }
        return update(tx, actor, before, next, `case.${verb}`, reason, now, evidence)
      },
      { serial: true },
    ),
  )
}

/** An assignee must be a known, enabled user whose role works alerts (analyst, supervisor). */
export async function checkAssignee(tx: Queries, id: string): Promise<void> {
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

/** Two actions racing on one alert (or on the audit head): the loser gets a ConflictError. */
export async function conflictsAsConflictError<T>(
  alertId: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof WriteConflictError)
      throw new ConflictError(
        `${alertId.startsWith('C-') ? 'case' : 'alert'} ${alertId} was changed by someone else at the same time; reload it`,
        {},
        { cause: e },
      )
    throw e
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

/** An alert in a case is assigned and decided through its case (case-actions.ts). */
async function refuseIfInCase(tx: Queries, alertId: string): Promise<void> {
  const c = await tx.one<{ case_id: string; n: number }>('cases/case-of-alert', {
    alert_id: alertId,
  })
  if (c)
    throw new ConflictError(
      `Alert ${alertId} is one of the ${c.n} alerts of case ${c.case_id}: its status, assignee and ` +
        `decision are the case's. Act on case ${c.case_id}.`,
      { case_id: c.case_id },
    )
}
