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
}

export interface DetectLike {
  findings: Finding[]
  communities: ReadonlyMap<string, number>
  exposure: ReadonlyMap<string, number>
  stats: Record<string, { count: number; ms: number; truncated: boolean }>
}

export interface ScanEngines {
  detectorVersion: string
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
    opts?: { flagged?: Iterable<string>; seed?: number; progress?: Progress },
  ): DetectLike
}
