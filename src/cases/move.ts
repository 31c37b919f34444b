// One move of the case workflow, for an alert or a case alike: the transition the action asks for
// (the table in transitions.ts, by role), four eyes on approvals and rejections (the checker is not
// the maker, nor related to the maker by the chain of custody: custody.ts), the confirmation a
// false positive over a strong watch-list hit needs (strong-hits.ts), and the evidence a proposal
// cites (ids of the subject's transfers and hits). Returns the next state; the caller writes it.
import type { Queries } from '../store/index.ts'
import type { Actor, AlertStatus } from '../schema/alert.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../util/errors.ts'
import type { Outcome } from './alert-row.ts'
import type { CaseAction } from './actions.ts'
import { findTransition, type CaseVerb } from './transitions.ts'
import { checkFalsePositive, type StrongHit } from './strong-hits.ts'
import { sameCustody } from './custody.ts'

/** The case state of an alert or a case. */
export interface CaseState {
  status: AlertStatus
  assignee: string | null
  proposed_by: string | null
  proposed_outcome: Outcome | null
}

export interface Subject extends CaseState {
  id: string
  noun: 'alert' | 'case'
}

/** What a move reads of its subject, only when the action needs it. */
export interface SubjectReads {
  strongHits(): Promise<StrongHit[]>
  evidenceIds(): Promise<string[]>
}

export type MoveAction = Exclude<CaseAction, { type: 'note' } | { type: 'assign' }>

export interface Move {
  next: CaseState
  verb: CaseVerb
  reason: string | null
  evidence?: string[]
}

export async function planMove(
  tx: Queries,
  actor: Actor,
  before: Subject,
  act: MoveAction,
  reads: SubjectReads,
): Promise<Move> {
  const { to, verb } = target(before, act)
  const t = findTransition(before.status, to)
  if (!t || t.verb !== verb)
    throw new ConflictError(`cannot ${verb} ${article(before.noun)} that is ${before.status}`, {
      from: before.status,
      to,
    })
  if (!t.roles.includes(actor.role))
    throw new ForbiddenError(
      `role ${actor.role} may not move ${article(before.noun)} from ${before.status} to ${to}`,
    )
  const next: CaseState = {
    status: to,
    assignee: before.assignee,
    proposed_by: before.proposed_by,
    proposed_outcome: before.proposed_outcome,
  }
  // a false positive despite a strong watch-list hit: confirmed, with a sentence, by both
  if (
    (act.type === 'propose' && act.outcome === 'closed_false_positive') ||
    (act.type === 'approve' && to === 'closed_false_positive')
  )
    checkFalsePositive(await reads.strongHits(), act, act.type)
  let evidence: string[] | undefined
  if (act.type === 'propose' && act.evidence?.length)
    evidence = checkEvidence(before.noun, new Set(await reads.evidenceIds()), act.evidence)
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
  return { next, verb, reason, evidence }
}

const article = (noun: string) => `${noun === 'alert' ? 'an' : 'a'} ${noun}`

/** The ids a proposal cites, each one of the subject's transfers or of its parties' hits. */
function checkEvidence(noun: string, known: Set<string>, ids: string[]): string[] {
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length)
    throw new BadInputError(
      `The proposal cites ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ' and more' : ''}, ` +
        `which ${unknown.length === 1 ? 'is not a transfer or watch-list hit' : 'are not transfers or watch-list hits'} of this ${noun}.`,
      { field: 'evidence' },
    )
  return [...new Set(ids)]
}

function target(a: Subject, act: MoveAction): { to: AlertStatus; verb: CaseVerb } {
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
        throw new ConflictError(`${a.noun} ${a.id} has no pending proposal to approve`)
      return { to: a.proposed_outcome, verb: 'approve' }
    case 'reject':
      return { to: 'in_review', verb: 'reject' }
    default:
      throw new BadInputError(`unknown case action ${(act as { type: string }).type}`)
  }
}
