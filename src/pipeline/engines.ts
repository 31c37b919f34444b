// What a scan calls below it, typed from the scan's side: screening (src/screen), the graph
// (src/graph) and the detectors (src/detect). scan.ts binds the real modules; tests of the scan's
// own logic (merging, provenance, reproduction) may bind hand-built findings instead.
import type { Store } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import type { Finding } from '../schema/finding.ts'
import type { Progress } from '../util/progress.ts'
import type { RiskContext } from '../score/index.ts'

export type { ScanWindow } from '../graph/index.ts'
import type { ScanWindow } from '../graph/index.ts'

export interface GraphLike {
  window: ScanWindow
  accounts: ArrayLike<string>
  /** The currency amounts are compared in, and the window's currencies without a rate to it. */
  baseCurrency?: string
  fxMissing?: readonly string[]
  /** Where the detectors see history begin (graph/baseline.ts); incremental scans compare it. */
  baseline?: { from: number; dataStart: number }
}

export interface DetectLike {
  findings: Finding[]
  communities: ReadonlyMap<string, number>
  exposure: ReadonlyMap<string, number>
  stats: Record<string, { count: number; ms: number; truncated: boolean }>
  /** Findings of the seedable detectors by detector (detect/incremental.ts), for the next scan. */
  seeded?: Record<string, Finding[]>
  /** Incremental runs: earlier findings kept and dropped, seeds searched again. */
  incremental?: { kept: number; dropped: number; seeds: number }
  /** The window's last transfer (epoch µs) as the detectors saw it; kept for the next scan. */
  dataEnd?: number
}

export interface ScanEngines {
  detectorVersion: string
  /** Other versions the findings depend on (the name matcher's), part of the incremental basis. */
  versions?: Record<string, string>
  /** The seedable detectors' seed of a finding (detect/incremental.ts); none: every scan is full. */
  seedOf?(detector: string, f: Finding): string | undefined
  screenWindow(
    store: Store,
    window: ScanWindow,
    config: Config['screen'],
    opts?: { progress?: Progress },
  ): Promise<unknown>
  readScreening(store: Store, window: ScanWindow): Promise<RiskContext>
  loadWindow(
    store: Store,
    opts: { from?: string; to?: string; lookbackDays?: number },
  ): Promise<GraphLike>
  runDetectors(
    graph: GraphLike,
    config: Config['detect'],
    opts?: {
      flagged?: Iterable<string>
      seed?: number
      progress?: Progress
      incremental?: {
        touched: Iterable<string>
        previous: readonly { detector: string; seed: string; finding: Finding }[]
        dataEnd: number
      }
    },
  ): DetectLike
}
