// ingestPaths: lands files and directories, one transaction per file, skipping files whose bytes
// were landed before (manifest by SHA-256), checkpointing after each file, recording the run.
// Each file goes through four steps, each returning what it found: hash (started at once, finished
// while DuckDB stages the file when the file looks new), skip (its bytes landed before), land
// (DuckDB's reader, or the JavaScript reader again when DuckDB's refused the file), record.
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { InputFormat } from '../schema/transfer.ts'
import type { Store } from '../store/index.ts'
import { canonicalJson, sha256FileOffThread } from '../util/hash.ts'
import { isRingwatchError } from '../util/errors.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import type { IngestConfig } from './config.ts'
import { readCsvHead, scanCsv } from './csv-scan.ts'
import { landFile, type CsvEngine, type LandInput, type LandOutcome } from './land.ts'
import { expandPaths } from './expand-paths.ts'
import { totalsOf, type FileResult, type IngestSummary } from './summary.ts'
import { finishRun, newRunId, startRun, withMemoryLimit } from '../store/index.ts'

export interface IngestOptions {
  format?: InputFormat
  config: IngestConfig
  progress?: Progress
  now?: () => Date
  /** CSV staging: DuckDB's reader when the file allows it (auto), always it, or never. */
  csvEngine?: CsvEngine
}

interface RunContext {
  store: Store
  opts: IngestOptions
  runId: string
  now: () => Date
  progress: Progress
}

type Input = { path: string; format: InputFormat }

/** A file whose hash is under way (the hash step). */
interface Hashing {
  input: Input
  /** Resolved: the same file is found again whatever directory it was named from. */
  path: string
  size: number
  mtimeMs: number
  csv: LandInput['csv']
  hash: Promise<string>
  /** The hash, once it was awaited (before staging, for a file that looks landed before). */
  fileId: string | null
}

export async function ingestPaths(
  store: Store,
  paths: string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  const now = opts.now ?? (() => new Date())
  const started = now()
  const runId = newRunId('ingest', started)
  await startRun(store, runId, 'ingest', started.toISOString())
  const ctx: RunContext = { store, opts, runId, now, progress: opts.progress ?? quietProgress }
  const inputs = expandPaths(paths, opts.format)
  const files: FileResult[] = []
  try {
    await withMemoryLimit(store, opts.config.memory_limit, async () => {
      for (const [n, input] of inputs.entries()) {
        if ('error' in input) files.push(unreadable(input.path, input.error))
        else files.push(await ingestFile(ctx, input, `[${n + 1}/${inputs.length}] ${input.path}`))
      }
    })
  } finally {
    const summary: IngestSummary = { run_id: runId, files, totals: totalsOf(files) }
    const status = files.some((f) => f.status === 'failed') ? 'failed' : 'ok'
    await finishRun(store, runId, status, canonicalJson(summary), now().toISOString())
  }
  return { run_id: runId, files, totals: totalsOf(files) }
}

const ZERO_ROWS = { rows_read: 0, rows_accepted: 0, rows_quarantined: 0 }

function unreadable(path: string, error: Error): FileResult {
  return {
    path,
    ...ZERO_ROWS,
    file_id: null,
    format: null,
    status: 'failed',
    seconds: 0,
    error: error.message,
    exit_code: 2,
  }
}

/** One file through the hash, skip, land and record steps; never throws for the file's own faults. */
async function ingestFile(ctx: RunContext, input: Input, label: string): Promise<FileResult> {
  const t0 = Date.now()
  const seconds = () => (Date.now() - t0) / 1000
  ctx.progress.start(label)
  let hashing: Hashing | undefined
  try {
    hashing = await startHash(ctx.store, input)
    const seen = hashing.fileId && (await landedAs(ctx.store, hashing.fileId))
    if (seen) return skipped(ctx, input, hashing.fileId!, seen, seconds())
    const outcome = await landWithRetry(ctx, hashing)
    if (outcome.status === 'duplicate')
      return skipped(ctx, input, outcome.file_id, outcome.landed_path, seconds())
    await ctx.store.checkpoint()
    const { status: _, ...landed } = outcome
    ctx.progress.done(landedLine(landed, seconds()))
    return {
      path: input.path,
      ...landed,
      format: input.format,
      status: 'landed',
      seconds: seconds(),
    }
  } catch (e) {
    // A file staged while it was hashed fails before its hash was looked up in the manifest
    // (its staging, or the JavaScript reader's retry): if its bytes were landed before, it is
    // skipped, as the same file again always is.
    const id = hashing?.fileId ?? (await hashing?.hash.catch(() => null)) ?? null
    const before = id && !hashing?.fileId && (await landedAs(ctx.store, id))
    if (before) return skipped(ctx, input, id, before, seconds())
    ctx.progress.done('failed')
    const bad = isRingwatchError(e) && e.exitCode === 2
    return {
      path: input.path,
      ...ZERO_ROWS,
      file_id: id,
      format: input.format,
      status: 'failed',
      seconds: seconds(),
      error: bad ? (e as Error).message : `${input.path}: ${(e as Error).message}`,
      exit_code: bad ? 2 : 1,
    }
  }
}

/**
 * The hash step. A new file is hashed, and a CSV file checked by the pre-scan, while DuckDB stages
 * and checks it (the hash is needed to skip a file landed before, and by the file's transaction);
 * a file of the path and size of a landed one is probably that file: it is hashed first, so that
 * it is skipped at once.
 */
async function startHash(store: Store, input: Input): Promise<Hashing> {
  // size and modification time before the bytes are hashed: checked again before commit
  const before = statSync(input.path)
  const path = resolve(input.path)
  let csv: LandInput['csv']
  let hash: Promise<string>
  if (input.format === 'csv') {
    const scan = scanCsv(input.path)
    scan.catch(() => {}) // awaited here or by landFile, which report its failure
    csv = { head: readCsvHead(input.path), scan }
    hash = scan.then((s) => s.sha256)
  } else hash = sha256FileOffThread(input.path, before.size)
  hash.catch(() => {})
  const h: Hashing = {
    input,
    path,
    size: before.size,
    mtimeMs: before.mtimeMs,
    csv,
    hash,
    fileId: null,
  }
  const speculate =
    (input.format === 'csv' || input.format === 'parquet') &&
    !(await store.one('ingest/file-hint', { path, size_bytes: before.size }))
  if (!speculate) {
    h.fileId = await hash
    if (csv) csv.scanned = await csv.scan
  }
  return h
}

/** The skip step: where a file of these bytes was landed from, if it was. */
async function landedAs(store: Store, fileId: string): Promise<string | null> {
  return (await store.one<{ path: string }>('ingest/file-find', { file_id: fileId }))?.path ?? null
}

/**
 * The land step: DuckDB's reader when the engine allows it; a file it refuses, or that the
 * pre-scan finds not to be one record per line, goes to the JavaScript reader (which reports
 * unreadable rows one by one) in a fresh session.
 */
async function landWithRetry(
  ctx: RunContext,
  h: Hashing,
): Promise<Exclude<LandOutcome, { status: 'native_refused' }>> {
  const engine = ctx.opts.csvEngine ?? 'auto'
  const land = (csvEngine: CsvEngine) =>
    landFile(
      ctx.store,
      {
        path: h.path,
        format: h.input.format,
        fileId: h.fileId ?? h.hash,
        size: h.size,
        mtimeMs: h.mtimeMs,
        csv: h.csv,
      },
      {
        runId: ctx.runId,
        now: ctx.now(),
        futureHours: ctx.opts.config.future_tolerance_hours,
        batchRows: ctx.opts.config.batch_rows,
        csvEngine,
        onRows: (r, step) => ctx.progress.update(r, step),
      },
    )
  const first = await land(engine)
  if (first.status !== 'native_refused') return first
  if (engine !== 'auto') throw new Error(first.why)
  const retried = await land('js')
  if (retried.status === 'native_refused') throw new Error(retried.why) // the JavaScript reader never refuses so
  return retried
}

function skipped(
  ctx: RunContext,
  input: Input,
  fileId: string,
  landedPath: string,
  seconds: number,
): FileResult {
  ctx.progress.done('skipped: already landed')
  return {
    path: input.path,
    ...ZERO_ROWS,
    file_id: fileId,
    format: input.format,
    status: 'skipped_duplicate',
    seconds,
    duplicate_of: landedPath,
  }
}

function landedLine(
  r: { rows_read: number; rows_accepted: number; rows_quarantined: number },
  seconds: number,
): string {
  return (
    `${r.rows_read.toLocaleString('en')} rows read, ` +
    `${r.rows_accepted.toLocaleString('en')} accepted, ` +
    `${r.rows_quarantined.toLocaleString('en')} quarantined ` +
    `(${Math.round(r.rows_read / Math.max(0.001, seconds)).toLocaleString('en')} rows/s), ` +
    `${seconds.toFixed(2)} s`
  )
}
