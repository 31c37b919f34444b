// pipeline/: the scan (screen → graph → detect → score → alerts), the unattended batch run and the
// demo's data (samples → lists → ingest → scan → eval).
export { runScan, realEngines, enginesFor, DETECTOR_VERSION } from './scan.ts'
export { runScanWith, SCAN_ACTOR, type ScanDeps, type ScanOptions } from './scan-core.ts'
export { ScanSummary, formatScanSummary } from './scan-summary.ts'
export { ScanStageError } from './scan-error.ts'
export { mergeAlerts, type MergeCounts, type MergeContext } from './merge-alerts.ts'
export { resolveWindow, DEFAULT_WINDOW_DAYS } from '../graph/index.ts'
export { runBatch, BatchReport, type BatchOptions } from './batch.ts'
export type { ScanEngines, ScanWindow } from './engines.ts'
export { loadDemo, demoSources, type DemoResult, type DemoSources } from './demo.ts'
