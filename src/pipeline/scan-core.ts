// The scan: screen → graph → detect → score → write alerts (one transaction for the alert writes,
// with their audit rows) and the per-account communities and exposure; recorded in `runs`.
// Stages: scan-run.ts (the run's summary, timing and record), scan-alerts.ts (which findings
// alert), scan-write.ts (the write stage), incremental.ts (full or incremental).
import { withMemoryLimit, type Store } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import type { Provenance } from '../schema/alert.ts'
import type { Logger, Progress } from '../util/progress.ts'
import { scoreAll, type AnyFinding, type RiskContext, type ScoredAlert } from '../score/index.ts'
import type { DetectLike, GraphLike, ScanEngines } from './engines.ts'
import { resolveWindow } from '../graph/index.ts'
import type { ScanSummary } from './scan-summary.ts'
import { canonicalJson, sha256 } from '../util/hash.ts'
import { landedFiles, planScan, scanBasis, type ScanPlan } from './incremental.ts'
import { startScanRun, type ScanRun } from './scan-run.ts'
import { screeningFindings, selectAlerts } from './scan-alerts.ts'
import { writeScan } from './scan-write.ts'

export { SCAN_ACTOR } from './scan-write.ts'

export interface ScanDeps {
  store: Store
  config: Config
  configHash: string
  progress?: Progress
  logger?: Logger
  /** Wall clock in ms; default Date.now. */
  clock?: () => number
}

export interface ScanOptions {
  from?: string
  to?: string
  /** Seed of the community detection: fixed, so that the same data gives the same alerts. */
  seed?: number
  /**
   * Detect over the whole window even when the earlier scan's findings could be built on
   * (pipeline/incremental.ts); default false: incremental when it gives what a full scan gives.
   */
  full?: boolean
}

export async function runScanWith(
  engines: ScanEngines,
  deps: ScanDeps,
  opts: ScanOptions = {},
): Promise<ScanSummary> {
  const { store, config } = deps
  const run = await startScanRun(engines, deps)
  try {
    return await withMemoryLimit(store, config.scan.memory_limit, () =>
      scanStages(engines, deps, opts, run),
    )
  } catch (e) {
    throw await run.fail(e)
  }
}

async function scanStages(
  engines: ScanEngines,
  deps: ScanDeps,
  opts: ScanOptions,
  run: ScanRun,
): Promise<ScanSummary> {
  const { store, config } = deps
  const { summary, stage } = run
  const window = await resolveWindow(store, opts)
  if (!window) {
    summary.status = 'empty'
    run.logger.warn('no payments in the database: nothing to scan')
    await run.finish()
    return summary
  }
  summary.window = window
  summary.transfers = Number(
    (await store.one<{ n: number }>('graph/window-count', { ...window }))?.n ?? 0,
  )
  const files = await store.all<{ file_id: string }>('pipeline/window-files', { ...window })
  summary.input_files = files.length
  // What this scan will have seen (read before the graph: a file landing meanwhile is new next time).
  const landed = engines.seedOf ? await landedFiles(store) : []
  const ctx = await stage(
    'screen',
    async () => {
      await engines.screenWindow(store, window, config.screen, { progress: run.inner('screen') })
      return engines.readScreening(store, window)
    },
    (c) =>
      `${c.hitsByAccount.size} listed accounts, ${c.goodsByTx.size} goods flags, ${c.routesByTx.size} risky routes`,
  )
  summary.list_versions = { ...(ctx.listVersions ?? {}) }
  const graph = await stage(
    'graph',
    () =>
      engines.loadWindow(store, {
        ...window,
        lookbackDays: config.detect.baseline.lookback_days,
      }),
    (g) => `${g.accounts.length} accounts`,
  )
  noteGraph(run, graph)
  const basis = scanBasis({
    configHash: deps.configHash,
    detectorVersion: engines.detectorVersion,
    versions: engines.versions ?? {},
    listVersions: summary.list_versions,
    seed: opts.seed ?? 1,
  })
  const historyStart = graph.baseline
    ? Math.max(graph.baseline.dataStart, graph.baseline.from)
    : undefined
  const plan: ScanPlan = engines.seedOf
    ? await planScan(store, {
        full: opts.full ?? false,
        window,
        basis,
        lookbackDays: config.detect.baseline.lookback_days,
        historyStart,
      })
    : { mode: 'full', reason: 'these detectors keep no findings to build on' }
  const detect = await detectStage(engines, deps, opts, run, { graph, ctx, plan })
  const scored = await stage(
    'score',
    async () => {
      const all: AnyFinding[] = [
        ...detect.findings,
        ...(await screeningFindings(store, window, ctx)),
      ]
      for (const f of all) summary.findings[f.typology] = (summary.findings[f.typology] ?? 0) + 1
      return scoreAll(all, ctx, detect, config.score)
    },
    (s) => `${s.length} scored`,
  )
  const alerts = await selectAlerts(store, window, scored, config, summary)
  summary.alerts_digest = alertsDigest(alerts)
  const provenance: Provenance = {
    run_id: run.runId,
    detector_version: engines.detectorVersion,
    config_hash: deps.configHash,
    list_versions: summary.list_versions,
    input_files: files.map((f) => f.file_id),
  }
  summary.alerts = await stage(
    'write',
    () =>
      writeScan(store, engines, run, {
        alerts,
        provenance,
        window,
        graph,
        detect,
        basis,
        historyStart,
        landed,
        maxAlertsPerAccount: config.alerts.max_findings_per_shared_account,
      }),
    (c) => `${c.new} new, ${c.updated} updated, ${c.reopened} reopened`,
  )
  run.step('record')
  await run.finish()
  return summary
}

/** The graph's account count and the currencies it could not convert (warned about). */
function noteGraph(run: ScanRun, graph: GraphLike) {
  const { summary } = run
  summary.accounts = graph.accounts.length
  summary.fx_missing = [...(graph.fxMissing ?? [])]
  if (summary.fx_missing.length)
    run.logger.warn(
      `no reference rate to ${summary.base_currency} for ${summary.fx_missing.join(', ')}: their transfers are compared only within their own currency`,
    )
}

/** The detect stage, full or incremental as planned; its line says which, and why a scan is full. */
async function detectStage(
  engines: ScanEngines,
  deps: ScanDeps,
  opts: ScanOptions,
  run: ScanRun,
  s: { graph: GraphLike; ctx: RiskContext; plan: ScanPlan },
): Promise<DetectLike> {
  const { summary } = run
  const { plan } = s
  summary.mode = plan.mode
  const modeLine =
    plan.mode === 'full'
      ? `full scan: ${plan.reason}`
      : `incremental since ${plan.state.run_id}: ${plan.newTransfers} new transfers of ${plan.touched.length} accounts`
  if (plan.mode === 'full') summary.mode_reason = plan.reason
  else summary.new_transfers = plan.newTransfers
  const detect = await run.stage(
    'detect',
    () =>
      engines.runDetectors(s.graph, deps.config.detect, {
        flagged: s.ctx.hitsByAccount.keys(),
        seed: opts.seed ?? 1,
        progress: run.inner('detect'),
        ...(plan.mode === 'incremental'
          ? {
              incremental: {
                touched: plan.touched,
                previous: plan.previous,
                dataEnd: plan.state.data_end,
              },
            }
          : {}),
      }),
    (d) => `${d.findings.length} findings (${modeLine})`,
  )
  summary.incremental = detect.incremental ?? null
  for (const [name, st] of Object.entries(detect.stats)) {
    if (st.truncated) summary.truncated.push(name)
    summary.detectors_ms[name] = st.ms
  }
  return detect
}

/**
 * A digest of the alerts a scan kept (ids, accounts, transfers, scores, reasons, findings): equal
 * digests mean an incremental scan gave exactly what a full scan gives. A party hit's `opened_at`
 * is left out: it is when screening first opened the hit (the wall clock of that scan), not a
 * fact of the payments, and differs between two scans of the same data run at different times.
 */
export function alertsDigest(alerts: readonly ScoredAlert[]): string {
  const clockFree = JSON.parse(
    JSON.stringify(alerts, (k, v: unknown) => (k === 'opened_at' ? undefined : v)),
  ) as unknown
  return sha256(canonicalJson(clockFree))
}
