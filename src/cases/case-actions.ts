// Case actions on a case, as on an alert (actions.ts): assign, note, start review, escalate,
// propose, approve, reject — the same transition table, roles, four eyes and confirmation of a false
// positive over a strong watch-list hit (move.ts), over all the case's alerts. The case's open alerts
// follow its state, each with its own audit row naming the case. And linking: an analyst puts an
// alert into another alert's case (or makes a case of the two), saying why.
import { z } from 'zod'
import type { Store } from '../store/index.ts'
import type { Actor } from '../schema/alert.ts'
import { AlertId } from '../schema/alert.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../util/errors.ts'
import { plainIssue } from '../util/plain-issue.ts'
import { CaseAction, checkAssignee, conflictsAsConflictError, type CaseOptions } from './actions.ts'
import { appendAuditMany, type AuditEntry } from './audit.ts'
import { ASSIGN_ROLES, NOTE_ROLES, isClosed } from './transitions.ts'
import { planMove, type CaseState } from './move.ts'
import {
  createCase,
  followCase,
  getCase,
  joinCase,
  setCaseState,
  type MemberState,
} from './case-join.ts'
import { stateOf, type CaseRow } from './case-state.ts'
import { getAlert } from './read.ts'
import type { StrongHit } from './strong-hits.ts'

function parse<T>(schema: z.ZodType<T>, v: unknown): T {
  const p = schema.safeParse(v)
  if (!p.success)
    throw new BadInputError(plainIssue(p.error.issues[0]), {
      field: p.error.issues[0].path.join('.'),
    })
  return p.data
}

export async function applyCaseActionToCase(
  store: Store,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  opts: CaseOptions = {},
): Promise<CaseRow> {
  const act = parse(CaseAction, action)
  const now = opts.now ?? new Date().toISOString()
  if (!ASSIGN_ROLES.includes(actor.role) && !NOTE_ROLES.includes(actor.role))
    throw new ForbiddenError(`role ${actor.role} may not act on cases`)
  return conflictsAsConflictError(caseId, () =>
    store.transaction(
      async (tx) => {
        const before = await getCase(tx, caseId)
        const audit: AuditEntry[] = []
        if (act.type === 'note') {
          if (!NOTE_ROLES.includes(actor.role))
            throw new ForbiddenError(`role ${actor.role} may not add notes`)
          await tx.run('cases/case-note-insert', {
            case_id: caseId,
            author: actor.id,
            now,
            text: act.text,
          })
          audit.push({
            actor,
            action: 'case.note',
            entity_type: 'case',
            entity_id: caseId,
            after: { note: act.text },
            at: now,
          })
          await appendAuditMany(tx, audit)
          return getCase(tx, caseId)
        }
        let next: CaseState
        let verb: string
        let reason: string | null = null
        let evidence: string[] | undefined
        if (act.type === 'assign') {
          if (!ASSIGN_ROLES.includes(actor.role))
            throw new ForbiddenError(`role ${actor.role} may not assign cases`)
          if (isClosed(before.status)) throw new ConflictError(`case ${caseId} is ${before.status}`)
          if (act.assignee !== null) await checkAssignee(tx, act.assignee)
          next = { ...stateOf(before), assignee: act.assignee }
          verb = 'assign'
        } else {
          const move = await planMove(tx, actor, { ...before, noun: 'case' }, act, {
            strongHits: () =>
              tx.all<StrongHit>('cases/case-strong-hits', {
                id: caseId,
                min_score: opts.strongHitScore ?? 0,
              }),
            evidenceIds: async () =>
              (await tx.all<{ id: string }>('cases/case-evidence-ids', { id: caseId })).map(
                (r) => r.id,
              ),
          })
          ;({ next, reason, evidence } = move)
          verb = move.verb
        }
        await setCaseState(tx, caseId, before, next, now)
        audit.push({
          actor,
          action: `case.${verb}`,
          entity_type: 'case',
          entity_id: caseId,
          before: stateOf(before),
          after: evidence ? { ...next, evidence } : next,
          reason,
          at: now,
        })
        await followCase(tx, actor, caseId, next, `case.${verb}`, reason, now, audit, evidence)
        await appendAuditMany(tx, audit)
        return getCase(tx, caseId)
      },
      { serial: true },
    ),
  )
}

export const LinkAlerts = z
  .object({
    /** The alert to put into the case. */
    alert_id: AlertId,
    /** The alert whose case it joins (a new case of the two when that alert has none). */
    with: AlertId,
    reason: z.string().trim().min(1).max(4000),
  })
  .strict()
export type LinkAlerts = z.infer<typeof LinkAlerts>

/**
 * Links two alerts into one case: the first joins the second's case (moved out of its own, if it
 * had one), or the second joins the first's, or the two make a new case. Returns the case.
 */
export async function linkAlerts(
  store: Store,
  actor: Actor,
  body: z.input<typeof LinkAlerts>,
  opts: { now?: string } = {},
): Promise<CaseRow> {
  const b = parse(LinkAlerts, body)
  const now = opts.now ?? new Date().toISOString()
  if (!ASSIGN_ROLES.includes(actor.role))
    throw new ForbiddenError(`role ${actor.role} may not link alerts into cases`)
  if (b.alert_id === b.with)
    throw new BadInputError('An alert cannot be linked with itself.', { field: 'with' })
  return conflictsAsConflictError(b.alert_id, () =>
    store.transaction(
      async (tx) => {
        const [a, w] = [await getAlert(tx, b.alert_id), await getAlert(tx, b.with)]
        const caseOf = async (id: string) =>
          (await tx.one<{ case_id: string }>('cases/case-of-alert', { alert_id: id }))?.case_id
        const [ca, cw] = [await caseOf(a.id), await caseOf(w.id)]
        if (ca && ca === cw)
          throw new ConflictError(`${a.id} and ${w.id} are already in case ${ca}.`)
        // linked by hand: an earlier unlink of the one from the other's case no longer holds
        if (cw) await tx.run('cases/unlink-forget', { alert_id: a.id, case_id: cw })
        if (ca) await tx.run('cases/unlink-forget', { alert_id: w.id, case_id: ca })
        const member = (x: typeof a): MemberState => ({ id: x.id, ...stateOf(x) })
        const why = `linked by ${actor.id}: ${b.reason}`
        if (cw) {
          await joinCase(
            tx,
            actor,
            await getCase(tx, cw),
            [{ alert: member(a), why }],
            actor.id,
            now,
          )
          return getCase(tx, cw)
        }
        if (ca) {
          await joinCase(
            tx,
            actor,
            await getCase(tx, ca),
            [{ alert: member(w), why }],
            actor.id,
            now,
          )
          return getCase(tx, ca)
        }
        const id = await createCase(
          tx,
          actor,
          [
            { alert: member(a), why },
            { alert: member(w), why },
          ],
          actor.id,
          now,
        )
        return getCase(tx, id)
      },
      { serial: true },
    ),
  )
}
