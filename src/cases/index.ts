// cases/: the alert lifecycle (four eyes), the hash-chained audit log, and exports.
export {
  canTransition,
  findTransition,
  isClosed,
  TRANSITIONS,
  CLOSED_STATUSES,
  ASSIGNEE_ROLES,
} from './transitions.ts'
export { strongHits, isSentence, SENTENCE, type StrongHit } from './strong-hits.ts'
export type { Transition, CaseVerb } from './transitions.ts'
export { CaseAction, applyCaseAction, type CaseOptions } from './actions.ts'
export {
  AlertRow,
  Outcome,
  OUTCOMES,
  parseAlertRow,
  toAlertRecord,
  caseState,
} from './alert-row.ts'
export {
  appendAudit,
  appendAuditMany,
  auditFor,
  checkAuditKey,
  AuditKeyError,
  GENESIS_HASH,
} from './audit.ts'
export { verifyAudit, AuditVerifyResult, AuditProblem } from './audit-verify.ts'
export {
  publishCheckpoint,
  readCheckpoints,
  setCheckpointErrorHandler,
} from './audit-checkpoint.ts'
export {
  configuredAuditKey,
  requireAuditKey,
  demoAuditKey,
  demoKeyFile,
  writeKeyFile,
  type KeySource,
} from './audit-key.ts'
export type { AuditEntry, AuditRow } from './audit.ts'
export { getAlert, listAlerts, alertNotes, alertVersions, type AlertFilter } from './read.ts'
export {
  exportAlerts,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
} from './export/index.ts'
export { alertPayments, type AlertPayment } from './export/payments.ts'
export { CasesConfig, GoamlConfig, AuditConfig } from './config.ts'
export {
  GoamlSettingsError,
  missingGoamlSettings,
  requireGoamlSettings,
} from './export/goaml-config.ts'
export { groupLinkedAlerts, linkText, type AlertLink, type AlertGroup } from './case-grouping.ts'
export { groupCases, type CaseScanCounts } from './case-scan.ts'
export { applyCaseActionToCase, linkAlerts, LinkAlerts } from './case-actions.ts'
export { unlinkAlert, UnlinkAlert, UNLINK_ROLES, type Unlinked } from './case-unlink.ts'
export { getCase, caseMembers } from './case-join.ts'
export { CaseRow, initialCaseState, stateOnOpenAlert } from './case-state.ts'
export { planMove, type CaseState } from './move.ts'
