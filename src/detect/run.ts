// runDetectors: every detector over one window graph, with per-detector counts, times and truncation.
// Findings come back in a stable order (typology, first ts, key), whatever the input order.
import type { PaymentGraph } from '../graph/index.ts'
import type { FanFinding, Finding } from '../schema/finding.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import { DetectConfig } from './config.ts'
import { temporalCycles } from './temporal-cycles.ts'
import { valueCycles } from './value-cycles.ts'
import { walks } from './walk.ts'
import { valueFlows } from './value-flows.ts'
import { layeringChains } from './layering.ts'
import { gatherScatter, scatterGather } from './scatter-gather.ts'
import { bipartiteAndStack } from './bipartite.ts'
import { fanBursts } from './fan.ts'
import { structuring } from './structuring.ts'
import { communities } from './communities.ts'
import { exposure } from './exposure.ts'
import { planSeeds, type SeededFinding, type SeedPlan } from './incremental.ts'
import { accountView } from './accounts.ts'

export interface DetectStat {
  count: number
  ms: number
  truncated: boolean
}

export interface DetectResult {
  findings: Finding[]
  /** account → Louvain community id. */
  communities: Map<string, number>
  /** account → hops (0 … 3) to the nearest flagged account. */
  exposure: Map<string, number>
  stats: Record<string, DetectStat>
  /** Accounts where a work bound cut the cycle search short. */
  truncatedAccounts: string[]
  /**
   * The findings of the seedable detectors (detect/incremental.ts SEEDABLE), by detector, as they
   * ran (the kept earlier ones included): what the next incremental scan starts from.
   */
  seeded: Record<string, Finding[]>
  /** Incremental runs: earlier findings kept and dropped, seeds searched again. */
  incremental?: SeedPlan['counts']
  /** The window's last transfer (epoch µs): what the evidence judged freshness against. */
  dataEnd: number
}

export interface RunOptions {
  flagged?: Iterable<string>
  seed?: number
  progress?: Progress
  clock?: () => number
  /** Run only these detectors (names as in stats); default all. */
  only?: string[]
  /**
   * Incremental detection (detect/incremental.ts): `touched` are the accounts with transfers the
   * earlier scan did not see, `previous` its findings of the seedable detectors. The seedable
   * detectors search again only the seeds planSeeds marks and keep the earlier findings that
   * stand; the others run over the whole window.
   */
  incremental?: {
    touched: Iterable<string>
    previous: readonly SeededFinding[]
    /** The earlier scan's DetectResult.dataEnd. */
    dataEnd: number
  }
}

export const DETECTORS = [
  'cycle',
  'value_cycle',
  'value_flow',
  'layering',
  'walk',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'fan',
  'structuring',
  'communities',
  'exposure',
] as const

export function runDetectors(
  graph: PaymentGraph,
  config: DetectConfig = DetectConfig.parse({}),
  opts: RunOptions = {},
): DetectResult {
  const clock = opts.clock ?? (() => performance.now())
  const progress = opts.progress ?? quietProgress
  const wanted = new Set(opts.only ?? DETECTORS)
  const stats: Record<string, DetectStat> = {}
  const findings: Finding[] = []
  let comms = new Map<string, number>()
  let expo = new Map<string, number>()
  let truncatedAccounts: string[] = []
  const steps = DETECTORS.filter((d) => wanted.has(d))
  progress.start('detect', steps.length)
  const timed = (name: string, fn: () => { count: number; truncated?: boolean }) => {
    const t0 = clock()
    const r = fn()
    stats[name] = { count: r.count, ms: Math.round(clock() - t0), truncated: !!r.truncated }
    progress.update(Object.keys(stats).length, name)
  }
  const add = (fs: Finding[]) => {
    for (const f of fs) findings.push(f)
    return { count: fs.length }
  }
  const ev = config.evidence
  const inc = opts.incremental
    ? planSeeds(
        graph,
        opts.incremental.touched,
        opts.incremental.previous,
        ev,
        opts.incremental.dataEnd,
      )
    : undefined
  const seeded: Record<string, Finding[]> = {}
  // Account cycles the time-ordered search reported: the value-ring search leaves them to it.
  const orderedRings = new Set<string>()
  for (const name of steps) {
    if (name === 'cycle')
      timed(name, () => {
        const r = temporalCycles(graph, config.cycle, ev)
        truncatedAccounts = r.truncatedAccounts
        for (const c of r.accountCycles) orderedRings.add(c.join(','))
        return { ...add(r.findings), truncated: r.truncated }
      })
    else if (name === 'value_cycle' && config.cycle.value.enabled)
      timed(name, () => {
        const r = valueCycles(graph, config.cycle.value, orderedRings, ev)
        return { ...add(r.findings), truncated: r.truncated }
      })
    else if (name === 'value_flow' && config.value_flow.enabled)
      timed(name, () => add(valueFlows(graph, config.value_flow, ev)))
    else if (name === 'layering')
      timed(name, () => {
        const r = layeringChains(graph, config.layering, ev)
        return { ...add(r.findings), truncated: r.truncated }
      })
    else if (name === 'walk')
      timed(name, () => {
        const r = walks(graph, config.walk, ev)
        return { ...add(r.findings), truncated: r.truncated }
      })
    else if (name === 'scatter_gather')
      timed(name, () => add(scatterGather(graph, config.scatter_gather, ev)))
    else if (name === 'gather_scatter')
      timed(name, () => add(gatherScatter(graph, config.gather_scatter, ev)))
    else if (name === 'bipartite')
      timed(name, () => add(bipartiteAndStack(graph, config.bipartite, ev)))
    else if (name === 'fan')
      timed(name, () => {
        const fs = fanBursts(graph, config.fan, ev, inc?.seeds)
        for (const f of inc?.kept.fan ?? []) fs.push(f as FanFinding)
        seeded.fan = fs
        return add(fs)
      })
    else if (name === 'structuring')
      timed(name, () => add(structuring(graph, config.structuring, ev)))
    else if (name === 'communities' && config.communities.enabled)
      timed(name, () => {
        comms = communities(graph, {
          seed: opts.seed ?? 1,
          resolution: config.communities.resolution,
          randomWalk: config.communities.random_walk,
          dropWeightShare: config.communities.drop_weight_share,
        })
        return { count: new Set(comms.values()).size }
      })
    else if (name === 'exposure')
      timed(name, () => {
        expo = exposure(graph, opts.flagged ?? [], config.exposure.max_hops)
        return { count: expo.size }
      })
  }
  const kept = dropSubsumed(findings)
  stats.subsumed = { count: findings.length - kept.length, ms: 0, truncated: false }
  findings.length = 0
  for (const f of kept) findings.push(f)
  findings.sort(
    (a, b) =>
      a.typology.localeCompare(b.typology) ||
      a.first_ts.localeCompare(b.first_ts) ||
      a.key.localeCompare(b.key),
  )
  progress.done(`${findings.length} findings`)
  return {
    findings,
    communities: comms,
    exposure: expo,
    stats,
    truncatedAccounts,
    seeded,
    ...(inc ? { incremental: inc.counts } : {}),
    dataEnd: accountView(graph).dataEnd,
  }
}

const STRUCTURAL = new Set([
  'cycle',
  'layering',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'stack',
])

/**
 * Drops a structural finding whose transfers are a strict subset of another structural finding's
 * (the scatter-gather shapes inside a stack, a chain inside a longer pattern): the larger pattern
 * explains the same money. Fan and structuring findings are kept: they say something else.
 */
export function dropSubsumed(findings: Finding[]): Finding[] {
  const byTx = new Map<string, number[]>()
  findings.forEach((f, i) => {
    if (!STRUCTURAL.has(f.typology)) return
    for (const t of f.tx_ids) {
      const l = byTx.get(t)
      if (l) l.push(i)
      else byTx.set(t, [i])
    }
  })
  const sets = new Map<number, Set<string>>()
  const setOf = (i: number) => {
    let s = sets.get(i)
    if (!s) sets.set(i, (s = new Set(findings[i].tx_ids)))
    return s
  }
  return findings.filter((f, i) => {
    if (!STRUCTURAL.has(f.typology)) return true
    for (const c of byTx.get(f.tx_ids[0]) ?? []) {
      if (c === i || findings[c].tx_ids.length <= f.tx_ids.length) continue
      const s = setOf(c)
      if (f.tx_ids.every((t) => s.has(t))) return false
    }
    return true
  })
}
