// runScan: the scan bound to the real modules — screen (src/screen), graph (src/graph), detect
// (src/detect) — see scan-core.ts for the stages.
import { screenWindow, readScreening, ensureFxRates, MATCHER_VERSION } from '../screen/index.ts'
import { loadWindow, type PaymentGraph } from '../graph/index.ts'
import { loadBaseline } from '../graph/baseline.ts'
import { runDetectors, SEEDABLE } from '../detect/index.ts'
import { Config } from '../config/index.ts'
import type { ScanEngines } from './engines.ts'
import { runScanWith, type ScanDeps, type ScanOptions } from './scan-core.ts'
import type { ScanSummary } from './scan-summary.ts'

/** Version of the detector set recorded in each alert's provenance. */
export const DETECTOR_VERSION = 'ringwatch-detect/0.2.0'

/**
 * The real modules, bound to the reference-rate settings: the screen stage makes sure rates are in
 * force (config fx.default_rates when none are), so that they are among the list versions the
 * alerts record; the graph and the risk context carry amounts in config fx.base_currency.
 */
export function enginesFor(fx: Config['fx']): ScanEngines {
  return {
    detectorVersion: DETECTOR_VERSION,
    versions: { matcher: MATCHER_VERSION },
    seedOf: (detector, f) => SEEDABLE[detector]?.(f),
    screenWindow: async (store, window, config, opts) => {
      await ensureFxRates(store, fx)
      return screenWindow(store, window, config, opts)
    },
    readScreening: (store, window) =>
      readScreening(store, window, { baseCurrency: fx.base_currency }),
    loadWindow: async (store, opts) => {
      const g = await loadWindow(store, { ...opts, baseCurrency: fx.base_currency })
      g.baseline = await loadBaseline(store, g, opts.lookbackDays ?? 0)
      return g
    },
    runDetectors: (graph, config, opts) => runDetectors(graph as PaymentGraph, config, opts),
  }
}

export const realEngines: ScanEngines = enginesFor(Config.parse({}).fx)

export function runScan(deps: ScanDeps, opts: ScanOptions = {}): Promise<ScanSummary> {
  return runScanWith(enginesFor(deps.config.fx), deps, opts)
}
