// One scan run's bookkeeping: its summary as it fills, the stages timed and announced on the
// progress reporter (one line each), the stage under way (named when the scan fails), and the
// run's record in `runs`.
import type { Store } from '../store/index.ts'
import { finishRun, newRunId, startRun } from '../store/index.ts'
import { quietLogger, quietProgress, type Logger, type Progress } from '../util/progress.ts'
import type { ScanEngines } from './engines.ts'
import type { ScanDeps } from './scan-core.ts'
import { ScanStageError } from './scan-error.ts'
import type { ScanSummary } from './scan-summary.ts'

export interface ScanRun {
  runId: string
  summary: ScanSummary
  logger: Logger
  clock: () => number
  nowIso(): string
  /** Runs a stage: timed into summary.stages_ms, one progress line with `done`'s text. */
  stage<T>(name: string, fn: () => Promise<T> | T, done?: (r: T) => string): Promise<T>
  /** A progress reporter for a stage's inner steps (screening's names/goods/routes, each detector). */
  inner(name: string): Progress
  /** Names the step under way outside the stages ('window' before them, 'record' after). */
  step(name: string): void
  /** Records the run as ok (or the empty window's run). */
  finish(): Promise<void>
  /** Records the run as failed at the step under way; returns the error to throw. */
  fail(e: unknown): Promise<ScanStageError>
}

/** Starts the run's record and its summary. */
export async function startScanRun(engines: ScanEngines, deps: ScanDeps): Promise<ScanRun> {
  const { store, config } = deps
  const progress = deps.progress ?? quietProgress
  const logger = deps.logger ?? quietLogger
  const clock = deps.clock ?? Date.now
  const runId = newRunId('scan', clock())
  const nowIso = () => new Date(clock()).toISOString()
  await startRun(store, runId, 'scan', nowIso())
  const summary: ScanSummary = {
    run_id: runId,
    status: 'ok',
    window: null,
    transfers: 0,
    accounts: 0,
    findings: {},
    truncated: [],
    scored: 0,
    below_threshold: 0,
    shape_only: 0,
    intra_group: 0,
    budget: null,
    alerts_kept: 0,
    alerts_per_10k: 0,
    alerts: { new: 0, updated: 0, reopened: 0, unchanged: 0 },
    stages_ms: {},
    detectors_ms: {},
    write_ms: {},
    config_hash: deps.configHash,
    detector_version: engines.detectorVersion,
    list_versions: {},
    input_files: 0,
    base_currency: config.fx.base_currency,
    fx_missing: [],
    mode: 'full',
    mode_reason: null,
    new_transfers: null,
    incremental: null,
    alerts_digest: null,
  }
  let current = 'window' // the stage under way: named in the error when the scan fails
  return {
    runId,
    summary,
    logger,
    clock,
    nowIso,
    async stage(name, fn, done) {
      current = name
      const t0 = clock()
      progress.start(name)
      const r = await fn()
      summary.stages_ms[name] = clock() - t0
      progress.start(name) // the stage's own label again, after any inner steps
      progress.done(`${done ? done(r) + ', ' : ''}${((clock() - t0) / 1000).toFixed(2)} s`)
      return r
    },
    inner: (name) => ({
      start: (label, total) => progress.start(`${name} › ${label}`, total),
      update: (done, info) => progress.update(done, info),
      done: () => undefined,
    }),
    step(name) {
      current = name
    },
    finish: () => record(store, runId, 'ok', summary, nowIso()),
    async fail(e) {
      const failure = new ScanStageError(current, e)
      summary.status = 'failed'
      await record(store, runId, 'failed', { ...summary, ...failure.record() }, nowIso()).catch(
        (e2) =>
          logger.error('could not record the failed run', { run_id: runId, error: String(e2) }),
      )
      return failure
    },
  }
}

async function record(store: Store, runId: string, status: string, summary: unknown, now: string) {
  await finishRun(store, runId, status, JSON.stringify(summary), now)
}
