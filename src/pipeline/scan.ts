// runScan: the scan bound to the real modules — screen (src/screen), graph (src/graph), detect
// (src/detect) — see scan-core.ts for the stages.
import { screenWindow, readScreening } from '../screen/index.ts'
import { loadWindow, type PaymentGraph } from '../graph/index.ts'
import { runDetectors } from '../detect/index.ts'
import type { ScanEngines } from './engines.ts'
import { runScanWith, type ScanDeps, type ScanOptions } from './scan-core.ts'
import type { ScanSummary } from './scan-summary.ts'

/** Version of the detector set recorded in each alert's provenance. */
export const DETECTOR_VERSION = 'ringwatch-detect/0.1.0'

export const realEngines: ScanEngines = {
  detectorVersion: DETECTOR_VERSION,
  screenWindow: (store, window, config, opts) => screenWindow(store, window, config, opts),
  readScreening: (store, window) => readScreening(store, window),
  loadWindow: (store, opts) => loadWindow(store, opts),
  runDetectors: (graph, config, opts) => runDetectors(graph as PaymentGraph, config, opts),
}

export function runScan(deps: ScanDeps, opts: ScanOptions = {}): Promise<ScanSummary> {
  return runScanWith(realEngines, deps, opts)
}
