// Writing cases: reading one, creating one from alerts, alerts joining one, and its open alerts
// following its state. Every change writes audit rows (the case's, and each alert's) in the
// caller's transaction, which must be serial (audit.ts).
import type { Queries } from '../store/index.ts'
import type { Actor } from '../schema/alert.ts'
import { ConflictError, NotFoundError } from '../util/errors.ts'
import { sha256 } from '../util/hash.ts'
import { appendAuditMany, type AuditEntry } from './audit.ts'
import { caseState } from './alert-row.ts'
import { isClosed } from './transitions.ts'
import type { CaseState } from './move.ts'
import {
  initialCaseState,
  parseCaseRow,
  sameState,
  stateOf,
  stateOnOpenAlert,
  type CaseRow,
} from './case-state.ts'

export interface MemberState extends CaseState {
  id: string
}

export async function getCase(q: Queries, id: string): Promise<CaseRow> {
  const row = await q.one('cases/case-get', { id })
  if (!row) throw new NotFoundError(`There is no case ${id}.`, { id })
  return parseCaseRow(row)
}

export async function caseMembers(q: Queries, id: string): Promise<MemberState[]> {
  return q.all<MemberState>('cases/case-members', { id })
}

/** A joining alert and what links it (shared payments or accounts, or the analyst's reason). */
export interface Joiner {
  alert: MemberState
  why: string
}

/** A new case of these alerts (two or more), its state from theirs; returns its id. */
export async function createCase(
  tx: Queries,
  actor: Actor,
  joiners: readonly Joiner[],
  linkedBy: string | null,
  now: string,
): Promise<string> {
  const ids = joiners.map((j) => j.alert.id).sort()
  let id = `C-${sha256(`case\u0000${ids[0]}`).slice(0, 16)}`
  for (let n = 1; await tx.one('cases/case-exists', { id }); n++)
    id = `C-${sha256(`case\u0000${ids[0]}\u0000${n}`).slice(0, 16)}`
  const state = initialCaseState(joiners.map((j) => j.alert))
  await tx.run('cases/case-insert', { id, ...state, created_by: actor.id, now })
  const audit: AuditEntry[] = [
    {
      actor,
      action: 'case.create',
      entity_type: 'case',
      entity_id: id,
      after: { ...state, alerts: ids },
      at: now,
    },
  ]
  await addMembers(tx, actor, id, state, joiners, linkedBy, now, audit)
  await appendAuditMany(tx, audit)
  return id
}

/**
 * Alerts join an existing case (moved out of another case if they were in one). An open alert
 * joining withdraws a pending proposal or reopens a closed case (case-state.ts).
 */
export async function joinCase(
  tx: Queries,
  actor: Actor,
  c: CaseRow,
  joiners: readonly Joiner[],
  linkedBy: string | null,
  now: string,
): Promise<void> {
  const audit: AuditEntry[] = []
  let state = stateOf(c)
  let moved: 'withdraw' | 'reopen' | null = null
  if (joiners.some((j) => !isClosed(j.alert.status))) {
    const { next, what } = stateOnOpenAlert(state)
    if (what) {
      await setCaseState(tx, c.id, state, next, now)
      audit.push({
        actor,
        action: what === 'withdraw' ? 'case.withdraw' : 'case.reopen',
        entity_type: 'case',
        entity_id: c.id,
        before: state,
        after: next,
        reason:
          what === 'withdraw'
            ? `${joiners.map((j) => j.alert.id).join(', ')} joined the case after the proposal: it is decided again with them`
            : `${joiners.map((j) => j.alert.id).join(', ')} joined the closed case`,
        at: now,
      })
      state = next
      moved = what
    }
  }
  audit.push({
    actor,
    action: linkedBy ? 'case.link' : 'case.join',
    entity_type: 'case',
    entity_id: c.id,
    after: { alerts: joiners.map((j) => j.alert.id), why: joiners.map((j) => j.why) },
    at: now,
  })
  await addMembers(tx, actor, c.id, state, joiners, linkedBy, now, audit)
  if (moved) await followCase(tx, actor, c.id, state, `case.${moved}`, null, now, audit)
  await appendAuditMany(tx, audit)
}

async function addMembers(
  tx: Queries,
  actor: Actor,
  caseId: string,
  state: CaseState,
  joiners: readonly Joiner[],
  linkedBy: string | null,
  now: string,
  audit: AuditEntry[],
): Promise<void> {
  for (const j of joiners) {
    const from = await tx.one<{ case_id: string }>('cases/case-of-alert', { alert_id: j.alert.id })
    if (from?.case_id === caseId)
      throw new ConflictError(`Alert ${j.alert.id} is already in case ${caseId}.`)
    await tx.run('cases/case-alert-join', {
      alert_id: j.alert.id,
      case_id: caseId,
      now,
      linked_by: linkedBy,
      why: j.why,
    })
    if (from)
      audit.push({
        actor,
        action: 'case.unlink',
        entity_type: 'case',
        entity_id: from.case_id,
        after: { alert: j.alert.id, moved_to: caseId },
        reason: j.why,
        at: now,
      })
    const follows = !isClosed(j.alert.status) && !sameState(j.alert, state)
    if (follows) await setAlertState(tx, j.alert, state, now)
    audit.push({
      actor,
      action: linkedBy ? 'case.link' : 'case.join',
      entity_type: 'alert',
      entity_id: j.alert.id,
      before: follows ? caseState(j.alert) : undefined,
      after: { case_id: caseId, why: j.why, ...(follows ? caseState(state) : {}) },
      at: now,
    })
  }
}

/**
 * The case's open alerts take its state (status, assignee, pending proposal), each with its audit
 * row naming the case; a closed alert keeps its own decision.
 */
export async function followCase(
  tx: Queries,
  actor: Actor,
  caseId: string,
  state: CaseState,
  action: string,
  reason: string | null,
  now: string,
  audit: AuditEntry[],
  evidence?: string[],
): Promise<number> {
  let n = 0
  for (const m of await caseMembers(tx, caseId)) {
    if (isClosed(m.status) || sameState(m, state)) continue
    await setAlertState(tx, m, state, now)
    audit.push({
      actor,
      action,
      entity_type: 'alert',
      entity_id: m.id,
      before: caseState(m),
      after: { ...caseState(state), case_id: caseId, ...(evidence ? { evidence } : {}) },
      reason,
      at: now,
    })
    n++
  }
  return n
}

async function setAlertState(tx: Queries, a: MemberState, s: CaseState, now: string) {
  const changed = await tx.run('cases/alert-set-case', {
    id: a.id,
    expected_status: a.status,
    ...caseState(s),
    now,
  })
  if (changed !== 1) throw new ConflictError(`alert ${a.id} changed meanwhile; reload it`)
}

export async function setCaseState(
  tx: Queries,
  id: string,
  before: CaseState,
  next: CaseState,
  now: string,
): Promise<void> {
  const changed = await tx.run('cases/case-set-state', {
    id,
    expected_status: before.status,
    ...caseState(next),
    now,
  })
  if (changed !== 1) throw new ConflictError(`case ${id} changed meanwhile; reload it`)
}
