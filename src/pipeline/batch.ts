// runBatch: the unattended run — list import, ingest of a directory, scan — with a JSON run report.
// Failures are collected, not thrown: the report says what failed and the exit code says how
// (2: a file or list that could not be read or was bad input; 1: any other failure; 0: all ok).
// Quarantined rows are no failure; the report counts them. A batch without an active sanctions list
// warns (parties go unscreened), or with requireLists fails before it ingests anything.
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import type { Store } from '../store/index.ts'
import { importList, listSnapshots, type ListKind } from '../screen/index.ts'
import { ingestPaths } from '../ingest/index.ts'
import { BadInputError, isRingwatchError } from '../util/errors.ts'
import { quietLogger, quietProgress } from '../util/progress.ts'
import { verifyAudit } from '../cases/index.ts'
import type { ScanDeps } from './scan-core.ts'
import { runScan } from './scan.ts'
import { ScanSummary } from './scan-summary.ts'
import { finishRun, newRunId, startRun } from '../store/index.ts'

export interface ListSpec {
  file: string
  kind: ListKind
  format?: string
}

export interface BatchOptions {
  dir: string
  lists?: ListSpec[]
  /** Report file; default <db dir>/reports/<run id>.json (run ids start with batch-). */
  report?: string
  from?: string
  to?: string
  /** Fail (exit 2) without ingesting or scanning when no sanctions list is active after the lists. */
  requireLists?: boolean
  /** Runs the scan; default runScan here (the server runs it on a worker thread). */
  scan?: (deps: ScanDeps, opts: { from?: string; to?: string }) => Promise<ScanSummary>
}

const Failure = z.object({
  stage: z.enum(['lists', 'ingest', 'scan', 'report']),
  file: z.string().optional(),
  message: z.string(),
  exit_code: z.number(),
})

export const BatchReport = z.object({
  run_id: z.string(),
  status: z.enum(['ok', 'failed']),
  exit_code: z.number(),
  started_at: z.string(),
  finished_at: z.string(),
  dir: z.string(),
  db: z.string(),
  config_hash: z.string(),
  lists: z.array(z.record(z.string(), z.unknown())),
  /** New list snapshots this run made, by kind: --lists files and the defaults a scan imports. */
  lists_imported: z.object({ sanctions: z.number(), goods: z.number(), fx: z.number() }),
  warnings: z.array(z.string()),
  ingest: z
    .object({
      files: z.number(),
      landed: z.number(),
      skipped_duplicate: z.number(),
      failed: z.number(),
      rows_read: z.number(),
      rows_accepted: z.number(),
      rows_quarantined: z.number(),
      per_file: z.array(z.record(z.string(), z.unknown())),
    })
    .nullable(),
  scan: ScanSummary.nullable(),
  audit: z
    .object({ ok: z.boolean(), rows: z.number(), head_hash: z.string().nullable() })
    .nullable(),
  failures: z.array(Failure),
  report_path: z.string(),
})
export type BatchReport = z.infer<typeof BatchReport>

/**
 * Kind of a list file given as `kind:path`, else guessed from its name (goods lists name goods/HS,
 * reference rates fx/rates/eurofxref).
 */
export function listSpec(arg: string): ListSpec {
  const m = /^(sanctions|goods|fx):(.+)$/.exec(arg)
  if (m) return { kind: m[1] as ListSpec['kind'], file: m[2] }
  const name = arg.split('/').pop() ?? ''
  return {
    kind: /eurofxref|fx|rates/i.test(name)
      ? 'fx'
      : /goods|hs|dual.?use|chpl/i.test(name)
        ? 'goods'
        : 'sanctions',
    file: arg,
  }
}

const SANCTIONS_HINT =
  "import one with 'ringwatch lists import <file> --kind sanctions' " +
  "or pass it with 'ringwatch batch --lists sanctions:<file>'"
export const NO_SANCTIONS_LIST = `no active sanctions list: parties are not screened against sanctions; ${SANCTIONS_HINT}`
const REQUIRED_SANCTIONS_LIST = `--require-lists: no active sanctions list, so nothing was ingested or scanned; ${SANCTIONS_HINT}`

/** A file that cannot be read or parsed is bad input (2), even when the reader said 1. */
function fileExitCode(code: number | undefined, error: string | undefined): number {
  if (code === 2) return 2
  return /invalid input|cannot read|could not read|no such file|too small|not a valid|corrupt|parse/i.test(
    error ?? '',
  )
    ? 2
    : (code ?? 1)
}

type Failure = z.infer<typeof Failure>
type Logger = NonNullable<ScanDeps['logger']>
type Progress = NonNullable<ScanDeps['progress']>

/** The batch's failures as they happen, each logged; `fail` records a thrown error. */
class Failures {
  readonly list: Failure[] = []
  constructor(private readonly logger: Logger) {}
  add(f: Failure): void {
    this.list.push(f)
  }
  fail(stage: Failure['stage'], e: unknown, file?: string): void {
    const exit = isRingwatchError(e) ? e.exitCode : 1
    const message = (e as Error)?.message ?? String(e)
    this.list.push({ stage, file, message, exit_code: exit })
    this.logger.error(`${stage}${file ? ' ' + file : ''}: ${message}`)
  }
  /** 0 when none, 1 when any is not bad input, else 2. */
  exitCode(): number {
    return this.list.length === 0 ? 0 : this.list.some((f) => f.exit_code === 1) ? 1 : 2
  }
}

export async function runBatch(deps: ScanDeps, opts: BatchOptions): Promise<BatchReport> {
  const { store } = deps
  const clock = deps.clock ?? Date.now
  const logger = deps.logger ?? quietLogger
  const progress = deps.progress ?? quietProgress
  const started = new Date(clock()).toISOString()
  const runId = newRunId('batch', clock())
  await startRun(store, runId, 'batch', started)
  const failures = new Failures(logger)

  const snapshotsBefore = new Set((await listSnapshots(store)).map((s) => s.snapshot_id))
  const lists = await importLists(deps, opts.lists ?? [], progress, failures)
  const { warnings, refused } = await sanctionsCheck(store, opts, logger, failures)
  const ingest = refused ? null : await ingestDir(deps, opts.dir, progress, failures)
  let scan: ScanSummary | null = null
  if (!refused)
    try {
      scan = await (opts.scan ?? runScan)(deps, { from: opts.from, to: opts.to })
    } catch (e) {
      failures.fail('scan', e)
    }
  const listsImported = await listsImportedSince(store, snapshotsBefore)
  const audit = await auditCheck(store, failures)

  const exitCode = failures.exitCode()
  const dbDir = store.path === ':memory:' ? process.cwd() : dirname(store.path)
  const report: BatchReport = {
    run_id: runId,
    status: exitCode === 0 ? 'ok' : 'failed',
    exit_code: exitCode,
    started_at: started,
    finished_at: new Date(clock()).toISOString(),
    dir: resolve(opts.dir),
    db: store.path,
    config_hash: deps.configHash,
    lists,
    lists_imported: listsImported,
    warnings,
    ingest,
    scan,
    audit,
    failures: failures.list,
    report_path: resolve(opts.report ?? join(dbDir, 'reports', `${runId}.json`)),
  }
  writeReport(report, failures)
  await finishRun(
    store,
    runId,
    report.status,
    JSON.stringify({
      ...report,
      ingest: report.ingest && { ...report.ingest, per_file: undefined },
    }),
    report.finished_at,
  )
  return report
}

/** The --lists files, each imported on its own: one that fails is a failure, the others go on. */
async function importLists(
  deps: ScanDeps,
  specs: ListSpec[],
  progress: Progress,
  failures: Failures,
): Promise<BatchReport['lists']> {
  const lists: BatchReport['lists'] = []
  for (const l of specs) {
    progress.start(`lists ${l.kind} ${basename(l.file)}`)
    try {
      const s = await importList(deps.store, l.file, {
        kind: l.kind,
        format: l.format,
        base: deps.config.fx.base_currency,
        screen: deps.config.screen,
      })
      lists.push({ ...s })
      progress.done(`${s.status}, ${s.entries.toLocaleString('en')} entries`)
    } catch (e) {
      progress.done('failed')
      failures.fail('lists', e, l.file)
    }
  }
  return lists
}

/**
 * No active sanctions list: a warning, or with requireLists a failure that refuses the ingest and
 * the scan.
 */
async function sanctionsCheck(
  store: Store,
  opts: BatchOptions,
  logger: Logger,
  failures: Failures,
): Promise<{ warnings: string[]; refused: boolean }> {
  const warnings: string[] = []
  const active = await store.all<{ kind: string }>('screen/active-versions')
  const unscreened = !active.some((v) => v.kind === 'sanctions')
  if (unscreened && opts.requireLists)
    failures.fail('lists', new BadInputError(REQUIRED_SANCTIONS_LIST))
  else if (unscreened) {
    warnings.push(NO_SANCTIONS_LIST)
    logger.warn(NO_SANCTIONS_LIST)
  }
  return { warnings, refused: unscreened && !!opts.requireLists }
}

/** The directory's files landed; each file that failed is a failure of its own. */
async function ingestDir(
  deps: ScanDeps,
  dir: string,
  progress: Progress,
  failures: Failures,
): Promise<BatchReport['ingest']> {
  try {
    const s = await ingestPaths(deps.store, [dir], { config: deps.config.ingest, progress })
    for (const f of s.files)
      if (f.status === 'failed')
        failures.add({
          stage: 'ingest',
          file: f.path,
          message: f.error ?? 'failed',
          exit_code: fileExitCode(f.exit_code, f.error),
        })
    return { ...s.totals, per_file: s.files.map((f) => ({ ...f })) }
  } catch (e) {
    failures.fail('ingest', e, dir)
    return null
  }
}

/** New list snapshots since `before`, by kind (the --lists files and the defaults a scan imports). */
async function listsImportedSince(
  store: Store,
  before: Set<string>,
): Promise<BatchReport['lists_imported']> {
  const imported = { sanctions: 0, goods: 0, fx: 0 }
  for (const s of await listSnapshots(store))
    if (!before.has(s.snapshot_id) && s.kind in imported)
      imported[s.kind as keyof typeof imported] += 1
  return imported
}

/** The audit chain verified after the run; a broken chain is a failure of the scan stage. */
async function auditCheck(store: Store, failures: Failures): Promise<BatchReport['audit']> {
  try {
    const v = await verifyAudit(store)
    if (!v.ok)
      failures.add({
        stage: 'scan',
        message: `audit chain broken at seq ${v.first_bad?.seq}`,
        exit_code: 1,
      })
    return { ok: v.ok, rows: v.rows, head_hash: v.head?.hash ?? null }
  } catch (e) {
    failures.fail('scan', e)
    return null
  }
}

/** Writes the report file; a report that cannot be written fails the run (exit 1 at least). */
function writeReport(report: BatchReport, failures: Failures): void {
  try {
    mkdirSync(dirname(report.report_path), { recursive: true })
    writeFileSync(report.report_path, JSON.stringify(report, null, 2) + '\n')
  } catch (e) {
    failures.fail('report', e, report.report_path)
    report.failures = failures.list
    report.exit_code = report.exit_code || 1
    report.status = 'failed'
  }
}

export type { Store }
