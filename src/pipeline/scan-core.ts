// The scan: screen → graph → detect → score → write alerts (one transaction for the alert writes,
// with their audit rows) and the per-account communities and exposure; recorded in `runs`.
import type { Store } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import type { Actor, Provenance } from '../schema/alert.ts'
import { quietLogger, quietProgress, type Logger, type Progress } from '../util/progress.ts'
import {
  applyBudget,
  goodsMismatchFindings,
  groupAlerts,
  markIntraGroup,
  sanctionsFindings,
  scoreAll,
  type AnyFinding,
  type PaymentLite,
  type RiskContext,
  type ScoredAlert,
} from '../score/index.ts'
import type { DetectLike, GraphLike, ScanEngines, ScanWindow } from './engines.ts'
import { mergeAlerts, type MergeCounts } from './merge-alerts.ts'
import { resolveWindow } from '../graph/index.ts'
import type { ScanSummary } from './scan-summary.ts'
import { ScanStageError } from './scan-error.ts'
import { appendRows, finishRun, newRunId, startRun } from '../store/index.ts'
import { canonicalJson, sha256 } from '../util/hash.ts'
import {
  landedFiles,
  planScan,
  scanBasis,
  writeScanState,
  type ScanPlan,
  type StoredFinding,
} from './incremental.ts'

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

export const SCAN_ACTOR: Actor = { id: 'scan', role: 'batch' }

export async function runScanWith(
  engines: ScanEngines,
  deps: ScanDeps,
  opts: ScanOptions = {},
): Promise<ScanSummary> {
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
  const stage = async <T>(
    name: string,
    fn: () => Promise<T> | T,
    done?: (r: T) => string,
  ): Promise<T> => {
    current = name
    const t0 = clock()
    progress.start(name)
    const r = await fn()
    summary.stages_ms[name] = clock() - t0
    progress.start(name) // the stage's own label again, after any inner steps
    progress.done(`${done ? done(r) + ', ' : ''}${((clock() - t0) / 1000).toFixed(2)} s`)
    return r
  }
  // Inner steps (screening's names/goods/routes, each detector) show under their stage; one line each stage.
  const inner = (name: string): Progress => ({
    start: (label, total) => progress.start(`${name} › ${label}`, total),
    update: (done, info) => progress.update(done, info),
    done: () => undefined,
  })
  try {
    const window = await resolveWindow(store, opts)
    if (!window) {
      summary.status = 'empty'
      logger.warn('no payments in the database: nothing to scan')
      await finish(store, runId, 'ok', summary, nowIso())
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
        await engines.screenWindow(store, window, config.screen, { progress: inner('screen') })
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
    summary.accounts = graph.accounts.length
    summary.fx_missing = [...(graph.fxMissing ?? [])]
    if (summary.fx_missing.length)
      logger.warn(
        `no reference rate to ${summary.base_currency} for ${summary.fx_missing.join(', ')}: their transfers are compared only within their own currency`,
      )
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
    summary.mode = plan.mode
    // One line says which, and why a scan is full: the detect stage's own line.
    const modeLine =
      plan.mode === 'full'
        ? `full scan: ${plan.reason}`
        : `incremental since ${plan.state.run_id}: ${plan.newTransfers} new transfers of ${plan.touched.length} accounts`
    if (plan.mode === 'full') summary.mode_reason = plan.reason
    else summary.new_transfers = plan.newTransfers
    const detect = await stage(
      'detect',
      () =>
        engines.runDetectors(graph, config.detect, {
          flagged: ctx.hitsByAccount.keys(),
          seed: opts.seed ?? 1,
          progress: inner('detect'),
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
    // Alerts: findings at or above the threshold with a risk signal of their own, one alert per
    // ring (grouped), the highest-scored within the budget.
    // Patterns wholly inside one corporate group are explained by it (score/intra-group.ts): the
    // names of the candidates' accounts say which group each belongs to.
    const above = scored.filter(
      (a) => a.score >= config.score.alert_threshold && a.evidence.length > 0,
    )
    const candidates = markIntraGroup(
      above,
      await accountNames(store, window, scored, config.score.alert_threshold),
      config.score,
    )
    summary.intra_group = above.length - candidates.length
    const budget = applyBudget(
      groupAlerts(candidates, config.alerts),
      summary.transfers,
      config.alerts,
    )
    const alerts = budget.kept
    summary.scored = scored.length
    summary.below_threshold = scored.length - candidates.length
    summary.shape_only = scored.filter((a) => a.evidence.length === 0).length
    summary.budget = {
      max_per_10k_transfers: config.alerts.max_per_10k_transfers,
      allowed: budget.allowed,
      held_back: budget.held_back,
      cut_score: budget.cut_score,
    }
    summary.alerts_kept = alerts.length
    summary.alerts_digest = alertsDigest(alerts)
    summary.alerts_per_10k =
      summary.transfers > 0 ? Math.round((alerts.length / summary.transfers) * 1e6) / 100 : 0
    const provenance: Provenance = {
      run_id: runId,
      detector_version: engines.detectorVersion,
      config_hash: deps.configHash,
      list_versions: summary.list_versions,
      input_files: files.map((f) => f.file_id),
    }
    summary.alerts = await stage(
      'write',
      () =>
        // Serial: the alerts' audit rows must not race another writer for the chain's next seq.
        store.transaction(
          async (tx) => {
            let t0 = clock()
            const lap = (step: string) => {
              summary.write_ms[step] = clock() - t0
              t0 = clock()
            }
            const counts: MergeCounts = await mergeAlerts(tx, alerts, {
              runId,
              provenance,
              now: nowIso(),
              actor: SCAN_ACTOR,
            })
            lap('alerts')
            await writeAccountTables(tx, graph, detect, runId)
            lap('accounts')
            const seeded = seededOf(engines, detect)
            if (seeded && historyStart !== undefined && detect.dataEnd !== undefined)
              await writeScanState(tx, {
                runId,
                window,
                historyStart,
                dataEnd: detect.dataEnd,
                basis,
                files: landed,
                seeded,
                now: nowIso(),
              })
            lap('state')
            tx.afterCommit(() => lap('commit'))
            return counts
          },
          { serial: true },
        ),
      (c) => `${c.new} new, ${c.updated} updated, ${c.reopened} reopened`,
    )
    current = 'record'
    await finish(store, runId, 'ok', summary, nowIso())
    return summary
  } catch (e) {
    const failure = new ScanStageError(current, e)
    summary.status = 'failed'
    await finish(store, runId, 'failed', { ...summary, ...failure.record() }, nowIso()).catch(
      (e2) => logger.error('could not record the failed run', { run_id: runId, error: String(e2) }),
    )
    throw failure
  }
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

/** The seedable detectors' findings with their seeds; undefined when a seedable detector did not run. */
function seededOf(engines: ScanEngines, detect: DetectLike): StoredFinding[] | undefined {
  if (!engines.seedOf || !detect.seeded) return undefined
  const out: StoredFinding[] = []
  for (const [detector, fs] of Object.entries(detect.seeded))
    for (const f of fs) {
      const seed = engines.seedOf(detector, f)
      if (seed === undefined) return undefined
      out.push({ detector, seed, finding: f })
    }
  return out
}

async function finish(store: Store, runId: string, status: string, summary: unknown, now: string) {
  await finishRun(store, runId, status, JSON.stringify(summary), now)
}

async function screeningFindings(
  store: Store,
  window: { from: string; to: string },
  ctx: RiskContext,
) {
  const hitAccounts = [...ctx.hitsByAccount.keys()]
  const mismatchTx = [...ctx.goodsByTx].filter(([, g]) => g.mismatch).map(([tx]) => tx)
  const out: AnyFinding[] = []
  const base = { ...window, base_currency: ctx.baseCurrency ?? 'EUR' }
  if (hitAccounts.length) {
    const rows = await store.all<PaymentLite>('pipeline/payments-of-accounts', {
      ...base,
      accounts: JSON.stringify(hitAccounts),
    })
    for (const f of sanctionsFindings(rows, ctx)) out.push(f)
  }
  if (mismatchTx.length) {
    const rows = await store.all<PaymentLite>('pipeline/payments-of-txs', {
      ...base,
      tx_ids: JSON.stringify(mismatchTx),
    })
    for (const f of goodsMismatchFindings(rows, ctx)) out.push(f)
  }
  return out
}

/**
 * Replaces the community and exposure rows of the window's accounts: rows updated in place where
 * the account has one (deleting and re-inserting every window account cost seconds of index work
 * at commit), inserted where not, deleted for window accounts this scan gave none. The accounts
 * go in as one staged batch (store appendRows) that the four statements read.
 */
async function writeAccountTables(
  tx: Parameters<Parameters<Store['transaction']>[0]>[0],
  graph: GraphLike,
  detect: DetectLike,
  runId: string,
) {
  const accounts: string[] = []
  const community: (number | null)[] = []
  const hops: (number | null)[] = []
  const inWindow: number[] = []
  const seen = new Set<string>()
  const add = (a: string, win: number) => {
    accounts.push(a)
    community.push(detect.communities.get(a) ?? null)
    hops.push(detect.exposure.get(a) ?? null)
    inWindow.push(win)
  }
  for (let i = 0; i < graph.accounts.length; i++) {
    seen.add(graph.accounts[i])
    add(graph.accounts[i], 1)
  }
  // accounts of the detectors' maps outside the window (none from the real detectors)
  for (const m of [detect.communities, detect.exposure])
    for (const a of m.keys())
      if (!seen.has(a)) {
        seen.add(a)
        add(a, 0)
      }
  await tx.run('pipeline/account-tables-stage-create')
  await appendRows(tx, 'account_tables_staged', [
    { kind: 'str', values: accounts },
    { kind: 'i32', values: community },
    { kind: 'i32', values: hops },
    { kind: 'i32', values: inWindow },
  ])
  await tx.run('pipeline/communities-delete')
  await tx.run('pipeline/exposure-delete')
  await tx.run('pipeline/communities-insert', { run_id: runId })
  await tx.run('pipeline/exposure-insert', { run_id: runId })
}

/** The name each account of the alert candidates carries in the window's payments. */
async function accountNames(
  store: Store,
  window: ScanWindow,
  scored: readonly ScoredAlert[],
  threshold: number,
): Promise<Map<string, string>> {
  const accounts = new Set<string>()
  for (const a of scored)
    if (a.score >= threshold && a.evidence.length > 0) for (const x of a.accounts) accounts.add(x)
  if (!accounts.size) return new Map()
  const rows = await store.all<{ account: string; name: string }>('pipeline/account-names', {
    ...window,
    accounts: JSON.stringify([...accounts].sort()),
  })
  return new Map(rows.map((r) => [r.account, r.name]))
}
