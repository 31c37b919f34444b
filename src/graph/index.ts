// graph/: the scan window as a compact typed-array multigraph, plus graphology views where needed.
export { buildGraph } from './build.ts'
export { loadWindow, REFUND_PATTERN, PAYROLL_PATTERN, type LoadWindowOptions } from './load.ts'
export { FLAG_REFUND, FLAG_PAYROLL, type EdgeColumns, type PaymentGraph } from './types.ts'
export { isoOfMicros, microsOfIso, MICROS_PER_DAY, MICROS_PER_HOUR } from './time.ts'
export { stronglyConnected } from './scc.ts'
export { pairGraph, pairIndex, subgraph, undirectedDegrees } from './views.ts'
export {
  backbone,
  graphOfPairs,
  modularity,
  quotientPairs,
  undirectedPairs,
  type UndirectedPairs,
} from './pairs.ts'
export { resolveWindow, windowBounds, DEFAULT_WINDOW_DAYS, type ScanWindow } from './window.ts'
