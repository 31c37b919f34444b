// The case workflow in ONE table: which status may follow which, by which role, through which action.
// new → in_review → escalated → proposed_close / proposed_report → closed_false_positive |
// closed_benign | reported. Approvals also need a checker other than the maker (see actions.ts):
// no role, admin included, approves its own proposal.
import type { AlertStatus, Role } from '../schema/alert.ts'

export type CaseVerb = 'start_review' | 'escalate' | 'propose' | 'approve' | 'reject' | 'reopen'

export interface Transition {
  from: AlertStatus
  to: AlertStatus
  verb: CaseVerb
  roles: readonly Role[]
}

const WORKERS: readonly Role[] = ['analyst', 'supervisor', 'admin']
const CHECKERS: readonly Role[] = ['supervisor', 'admin']
/** Only a scan (the batch service) reopens a closed case, when new evidence arrives. */
const SCAN: readonly Role[] = ['batch']

export const TRANSITIONS: readonly Transition[] = [
  { from: 'new', to: 'in_review', verb: 'start_review', roles: WORKERS },
  { from: 'new', to: 'escalated', verb: 'escalate', roles: WORKERS },
  { from: 'in_review', to: 'escalated', verb: 'escalate', roles: WORKERS },
  { from: 'escalated', to: 'in_review', verb: 'start_review', roles: CHECKERS },
  { from: 'in_review', to: 'proposed_close', verb: 'propose', roles: WORKERS },
  { from: 'in_review', to: 'proposed_report', verb: 'propose', roles: WORKERS },
  { from: 'escalated', to: 'proposed_close', verb: 'propose', roles: CHECKERS },
  { from: 'escalated', to: 'proposed_report', verb: 'propose', roles: CHECKERS },
  { from: 'proposed_close', to: 'closed_false_positive', verb: 'approve', roles: CHECKERS },
  { from: 'proposed_close', to: 'closed_benign', verb: 'approve', roles: CHECKERS },
  { from: 'proposed_report', to: 'reported', verb: 'approve', roles: CHECKERS },
  { from: 'proposed_close', to: 'in_review', verb: 'reject', roles: CHECKERS },
  { from: 'proposed_report', to: 'in_review', verb: 'reject', roles: CHECKERS },
  { from: 'closed_false_positive', to: 'new', verb: 'reopen', roles: SCAN },
  { from: 'closed_false_positive', to: 'in_review', verb: 'reopen', roles: SCAN },
  { from: 'closed_benign', to: 'new', verb: 'reopen', roles: SCAN },
  { from: 'closed_benign', to: 'in_review', verb: 'reopen', roles: SCAN },
  { from: 'reported', to: 'new', verb: 'reopen', roles: SCAN },
  { from: 'reported', to: 'in_review', verb: 'reopen', roles: SCAN },
]

export const CLOSED_STATUSES: readonly AlertStatus[] = [
  'closed_false_positive',
  'closed_benign',
  'reported',
]

export function isClosed(s: AlertStatus): boolean {
  return CLOSED_STATUSES.includes(s)
}

export function findTransition(from: AlertStatus, to: AlertStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to)
}

/** May a user of this role move an alert from one status to the other? */
export function canTransition(from: AlertStatus, to: AlertStatus, role: Role): boolean {
  return findTransition(from, to)?.roles.includes(role) ?? false
}

/** Roles that may add notes and assign (read-only fiu_viewer and the batch service may not). */
export const NOTE_ROLES: readonly Role[] = WORKERS
export const ASSIGN_ROLES: readonly Role[] = WORKERS
/** Roles an alert may be assigned to: those who read and work alerts (an admin reads none). */
export const ASSIGNEE_ROLES: readonly Role[] = ['analyst', 'supervisor']
