// Who may do what: route permissions and case actions per role. The server checks these before any
// work; the cases module checks the status transitions and four eyes on top.
import type { Role } from '../schema/alert.ts'
import { ForbiddenError } from '../util/errors.ts'

export const PERMISSIONS = {
  /** Alert queue, alert detail and the alert's subgraph. */
  'alerts:read': ['analyst', 'supervisor', 'fiu_viewer'],
  /** Account profiles, ego networks, search. */
  'network:read': ['analyst', 'supervisor', 'fiu_viewer'],
  /** Ingest and scan history, quarantine counts, alert statistics. */
  'runs:read': ['analyst', 'supervisor', 'fiu_viewer', 'admin', 'batch'],
  /** Alert exports (JSONL, CSV, goAML, FtM). */
  'alerts:export': ['analyst', 'supervisor', 'fiu_viewer'],
  /** Creating, listing and disabling users. */
  'users:manage': ['admin'],
  /** Posting batch jobs (ingest, scan, list import, batch) and uploading their files. */
  'jobs:run': ['batch'],
  /** Rows ingest refused (they hold payment data): counts, rows, exports for repair. */
  'quarantine:read': ['analyst', 'supervisor', 'fiu_viewer', 'batch'],
  /** Verifying the audit chain. */
  'audit:verify': ['supervisor', 'admin', 'batch'],
} as const satisfies Record<string, readonly Role[]>
export type Permission = keyof typeof PERMISSIONS

// The same roles as the cases module's transition table (src/cases/transitions.ts): workers
// (analyst, supervisor, admin) act on cases; only checkers (supervisor, admin) approve or reject.
export const CASE_ACTION_ROLES = {
  assign: ['analyst', 'supervisor', 'admin'],
  note: ['analyst', 'supervisor', 'admin'],
  start_review: ['analyst', 'supervisor', 'admin'],
  escalate: ['analyst', 'supervisor', 'admin'],
  propose: ['analyst', 'supervisor', 'admin'],
  approve: ['supervisor', 'admin'],
  reject: ['supervisor', 'admin'],
} as const satisfies Record<string, readonly Role[]>
export type CaseActionType = keyof typeof CASE_ACTION_ROLES

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}

export function canAct(role: Role, action: CaseActionType): boolean {
  return (CASE_ACTION_ROLES[action] as readonly Role[]).includes(role)
}

export function demand(role: Role, permission: Permission): void {
  if (!can(role, permission))
    throw new ForbiddenError(`role ${role} may not ${permission}`, { role, permission })
}

/** The case actions a role may take, for the dashboard's buttons. */
export function actionsFor(role: Role): CaseActionType[] {
  return (Object.keys(CASE_ACTION_ROLES) as CaseActionType[]).filter((a) => canAct(role, a))
}
