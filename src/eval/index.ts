// eval/: recall and precision of alerts against the truth file of a generated data set.
export { evaluate, rankAlerts, EvalAlert, COMPATIBLE, FOUND_SHARE, TRUE_SHARE } from './evaluate.ts'
export type { EvalReport, TypologyRow, PatternCoverage } from './evaluate.ts'
export { formatEvalTable } from './format.ts'
export { loadAlertsFromStore, loadAlertsFromJsonl, loadTruth } from './load.ts'
