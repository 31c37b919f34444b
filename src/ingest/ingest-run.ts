// ingestPaths: lands files and directories, one transaction per file, skipping files whose bytes
// were landed before (manifest by SHA-256), checkpointing after each file, recording the run.
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { InputFormat } from '../schema/transfer.ts'
import type { Store } from '../store/index.ts'
import { canonicalJson, sha256FileOffThread } from '../util/hash.ts'
import { isRingwatchError } from '../util/errors.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import type { IngestConfig } from './config.ts'
import { readCsvHead, scanCsv } from './csv-scan.ts'
import {
  AlreadyLanded,
  landFile,
  NativeCsvError,
  NotSimpleCsv,
  type CsvEngine,
  type LandInput,
} from './land.ts'
import { expandPaths } from './expand-paths.ts'
import { totalsOf, type FileResult, type IngestSummary } from './summary.ts'
import { finishRun, newRunId, startRun } from '../store/index.ts'

export interface IngestOptions {
  format?: InputFormat
  config: IngestConfig
  progress?: Progress
  now?: () => Date
  /** CSV staging: DuckDB's reader when the file allows it (auto), always it, or never. */
  csvEngine?: CsvEngine
}

export async function ingestPaths(
  store: Store,
  paths: string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  const now = opts.now ?? (() => new Date())
  const progress = opts.progress ?? quietProgress
  const started = now()
  const runId = newRunId('ingest', started)
  await startRun(store, runId, 'ingest', started.toISOString())
  const inputs = expandPaths(paths, opts.format)
  const files: FileResult[] = []
  const limit = await store.one<{ memory_limit: string }>('ingest/memory-limit-get')
  await store.run('ingest/memory-limit-set', { memory_limit: opts.config.memory_limit })
  try {
    for (const [n, input] of inputs.entries()) {
      const t0 = Date.now()
      const base = { path: input.path, rows_read: 0, rows_accepted: 0, rows_quarantined: 0 }
      if ('error' in input) {
        files.push({
          ...base,
          file_id: null,
          format: null,
          status: 'failed',
          seconds: 0,
          error: input.error.message,
          exit_code: 2,
        })
        continue
      }
      const label = `[${n + 1}/${inputs.length}] ${input.path}`
      progress.start(label)
      let fileId: string | null = null
      let hashing: Promise<string> | undefined
      const skip = (id: string, landedPath: string) => {
        files.push({
          ...base,
          file_id: id,
          format: input.format,
          status: 'skipped_duplicate',
          seconds: (Date.now() - t0) / 1000,
          duplicate_of: landedPath,
        })
        progress.done('skipped: already landed')
      }
      try {
        // size and modification time before the bytes are hashed: checked again before commit
        const before = statSync(input.path)
        const path = resolve(input.path)
        // A new file is hashed, and a CSV file checked by the pre-scan, while DuckDB stages and
        // checks it (the hash is needed to skip a file landed before, and by the file's
        // transaction); a file of the path and size of a landed one is probably that file: it is
        // hashed first, and skipped at once.
        let csv: LandInput['csv']
        if (input.format === 'csv') {
          const scan = scanCsv(input.path)
          scan.catch(() => {}) // awaited here or by landFile, which report its failure
          csv = { head: readCsvHead(input.path), scan }
          hashing = scan.then((s) => s.sha256)
        } else hashing = sha256FileOffThread(input.path, before.size)
        hashing.catch(() => {})
        const speculate =
          (input.format === 'csv' || input.format === 'parquet') &&
          !(await store.one('ingest/file-hint', { path, size_bytes: before.size }))
        if (!speculate) {
          fileId = await hashing
          if (csv) csv.scanned = await csv.scan
        }
        const seen =
          fileId && (await store.one<{ path: string }>('ingest/file-find', { file_id: fileId }))
        if (seen) {
          skip(fileId!, seen.path)
          continue
        }
        const land = (csvEngine: CsvEngine) =>
          landFile(
            store,
            {
              // stored resolved: the same file is found again whatever directory it was named from
              path,
              format: input.format,
              fileId: fileId ?? hashing!,
              size: before.size,
              mtimeMs: before.mtimeMs,
              csv,
            },
            {
              runId,
              now: now(),
              futureHours: opts.config.future_tolerance_hours,
              batchRows: opts.config.batch_rows,
              csvEngine,
              onRows: (r, step) => progress.update(r, step),
            },
          )
        const engine = opts.csvEngine ?? 'auto'
        let landed
        try {
          landed = await land(engine)
        } catch (e) {
          if (e instanceof AlreadyLanded) {
            skip(e.fileId, e.landedPath)
            continue
          }
          // DuckDB's CSV reader refusing a file, or the pre-scan finding that a file it staged is
          // not one record per line: the JavaScript reader (which reports unreadable rows one by
          // one) gets the file in a fresh transaction
          if (
            !(e instanceof NativeCsvError || e instanceof NotSimpleCsv) ||
            engine !== 'auto' ||
            isRingwatchError(e)
          )
            throw e
          landed = await land('js')
        }
        await store.checkpoint()
        files.push({
          ...base,
          ...landed,
          format: input.format,
          status: 'landed',
          seconds: (Date.now() - t0) / 1000,
        })
        progress.done(
          `${landed.rows_read.toLocaleString('en')} rows read, ` +
            `${landed.rows_accepted.toLocaleString('en')} accepted, ` +
            `${landed.rows_quarantined.toLocaleString('en')} quarantined ` +
            `(${Math.round(landed.rows_read / Math.max(0.001, (Date.now() - t0) / 1000)).toLocaleString('en')} rows/s), ` +
            `${((Date.now() - t0) / 1000).toFixed(2)} s`,
        )
      } catch (e) {
        // A file staged while it was hashed fails before its hash was looked up in the manifest
        // (its staging, or the JavaScript reader's retry): if its bytes were landed before, it is
        // skipped, as the same file again always is.
        const id = fileId ?? (await hashing?.catch(() => null)) ?? null
        const landedBefore =
          id && !fileId && (await store.one<{ path: string }>('ingest/file-find', { file_id: id }))
        if (landedBefore) {
          skip(id, landedBefore.path)
          continue
        }
        progress.done('failed')
        const bad = isRingwatchError(e) && e.exitCode === 2
        files.push({
          ...base,
          file_id: id,
          format: input.format,
          status: 'failed',
          seconds: (Date.now() - t0) / 1000,
          error: bad ? (e as Error).message : `${input.path}: ${(e as Error).message}`,
          exit_code: bad ? 2 : 1,
        })
      }
    }
  } finally {
    if (limit) {
      // the printed limit is rounded ('18.8 GiB'): the default comes back exactly by a reset
      await store.run('ingest/memory-limit-reset')
      const current = await store.one<{ memory_limit: string }>('ingest/memory-limit-get')
      if (current?.memory_limit !== limit.memory_limit)
        await store.run('ingest/memory-limit-set', { memory_limit: limit.memory_limit })
    }
    const summary: IngestSummary = { run_id: runId, files, totals: totalsOf(files) }
    const status = files.some((f) => f.status === 'failed') ? 'failed' : 'ok'
    await finishRun(store, runId, status, canonicalJson(summary), now().toISOString())
  }
  return { run_id: runId, files, totals: totalsOf(files) }
}
