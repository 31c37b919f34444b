// eval/: recall and precision of alerts against a truth file (generated or converted from AMLSim),
// per pattern and per account, and the alert load.
export { evaluate, rankAlerts, EvalAlert, COMPATIBLE, FOUND_SHARE, TRUE_SHARE } from './evaluate.ts'
export type { EvalReport, TypologyRow, PatternCoverage } from './evaluate.ts'
export { formatEvalTable } from './format.ts'
export {
  loadAlertsFromStore,
  loadAlertsFromJsonl,
  loadScanWindow,
  loadTruth,
  truthRows,
} from './load.ts'
export { evaluateAccounts, alertsPer10k, alertsPerPattern, labelledAccounts } from './accounts.ts'
export type { AccountReport } from './accounts.ts'
export type { EvalOptions } from './evaluate.ts'
