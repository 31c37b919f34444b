// detect/: pure detectors over the window graph — (graph, options) → findings — and runDetectors.
export { DetectConfig } from './config.ts'
export {
  runDetectors,
  DETECTORS,
  type DetectResult,
  type DetectStat,
  type RunOptions,
} from './run.ts'
export { temporalCycles, type CycleResult, type CycleOptions } from './temporal-cycles.ts'
export { layeringChains } from './layering.ts'
export { scatterGather, gatherScatter } from './scatter-gather.ts'
export { bipartiteAndStack } from './bipartite.ts'
export { fanBursts } from './fan.ts'
export { structuring } from './structuring.ts'
export { communities, mulberry32 } from './communities.ts'
export { exposure } from './exposure.ts'
export { findingKey } from './common.ts'
export {
  planSeeds,
  seededFindings,
  SEEDABLE,
  type SeededFinding,
  type SeedPlan,
} from './incremental.ts'
