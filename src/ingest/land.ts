// Lands one file: stage its rows in temporary tables of a connection of its own (DuckDB's reader or
// the Arrow lander) and check what needs only the file, then in one transaction land the rows that
// break no rule (queries/ingest/checked-create.sql), quarantine the others and record the file in
// the manifest. Either all of that commits or none of it does; the staging tables go with the
// connection. The file's hash and CSV pre-scan may finish while it is staged (LandInput).
import type { RecordBatch } from 'apache-arrow'
import type { InputFormat } from '../schema/transfer.ts'
import type { Queries, Session, Store } from '../store/index.ts'
import { appendArrow } from '../store/index.ts'
import {
  createCleanView,
  numberStagedRows,
  parquetColumns,
  stageCsvNative,
  stageFromRaw,
  stageParquetNative,
  VALUE_KIND,
} from '../store/index.ts'
import { isRingwatchError, RingwatchError } from '../util/errors.ts'
import { mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import type { Reject } from './arrow-batch.ts'
import { mapColumns } from './columns.ts'
import type { CsvHead, CsvScan } from './csv-scan.ts'
import { parseRecord, readCsv } from './readers/csv.ts'
import { readArrow } from './readers/arrow.ts'
import { readJsonl } from './readers/jsonl.ts'
import { readPacs008 } from './readers/pacs008.ts'

export type CsvEngine = 'auto' | 'native' | 'js'

export interface LandInput {
  path: string
  format: InputFormat
  /**
   * The file's SHA-256, or its hashing still under way: staging and the file's own checks run
   * meanwhile, and the file is found in the manifest (a duplicate) before its transaction.
   */
  fileId: string | Promise<string>
  /** Size and modification time when the file was hashed: it must not change before commit. */
  size: number
  mtimeMs: number
  /**
   * A CSV file's header line and delimiter, and its pre-scan (csv-scan.ts), which may still be
   * under way: DuckDB stages the file meanwhile, as if it were simple (one record per line, valid
   * UTF-8); a file that is not is refused before its transaction (native_refused). `scanned`: the
   * pre-scan's result when it was known before staging.
   */
  csv?: { head: CsvHead; scan: Promise<CsvScan>; scanned?: CsvScan }
}

/**
 * DuckDB's CSV reader failed on a file (not a rule, not the database): the JavaScript reader,
 * which reports unreadable rows one by one, may take the file instead.
 */
class NativeCsvError extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause })
    this.name = 'NativeCsvError'
  }
}

/**
 * A name DuckDB's readers take literally: read_csv and read_parquet expand glob characters in a
 * path (`x[1].csv` would read `x1.csv`), so such a file is read through a symlink with a plain name.
 */
function literalPath(path: string): { path: string; done: () => void } {
  if (!/[*?[\]{}]/.test(path)) return { path, done: () => {} }
  const dir = mkdtempSync(join(tmpdir(), 'rw-ingest-'))
  const link = join(dir, 'file' + extname(path).replace(/[^.a-zA-Z0-9]/g, ''))
  symlinkSync(path, link)
  return { path: link, done: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface LandOptions {
  runId: string
  now: Date
  futureHours: number
  batchRows: number
  csvEngine: CsvEngine
  /** Rows read so far, and the step under way once all are read ('checking', 'landing'). */
  onRows?: (rows: number, step?: string) => void
}

export interface Landed {
  file_id: string
  rows_read: number
  rows_accepted: number
  rows_quarantined: number
  engine: 'native' | 'arrow'
}

/**
 * What became of a file: landed; found to be a duplicate once its hash (computed while it was
 * staged) was known; or refused by DuckDB's CSV reader, or found by the pre-scan not to be one
 * record per line after DuckDB staged it (see LandInput.csv), when the JavaScript reader, which
 * reports unreadable rows one by one, may take it in a fresh session. Nothing is stored unless landed.
 */
export type LandOutcome =
  | ({ status: 'landed' } & Landed)
  | { status: 'duplicate'; file_id: string; landed_path: string }
  | { status: 'native_refused'; why: string }

async function addRejects(tx: Queries, rejects: Reject[]): Promise<void> {
  for (let i = 0; i < rejects.length; i += 10_000)
    await tx.run('ingest/rejects-insert', { rows: JSON.stringify(rejects.slice(i, i + 10_000)) })
}

/** A row DuckDB's reader refused, described exactly as the JavaScript reader describes it. */
function nativeReject(line: number, csvLine: string, delim: string, ncols: number): Reject {
  const text = csvLine.replace(/\r$/, '')
  const r = parseRecord(Buffer.from(text + '\n'), 0, delim.charCodeAt(0), true)
  const base = { source_row: line, column_name: null, raw_value: null, raw_row: text }
  if (!r || r.error)
    return {
      ...base,
      reason_code: 'unterminated_quote',
      reason: 'quoted value is not closed properly (unterminated or followed by text)',
    }
  return {
    ...base,
    reason_code: 'wrong_column_count',
    reason: `row has ${r.fields.length} fields; the header has ${ncols}`,
  }
}

async function stage(
  tx: Queries,
  file: LandInput,
  opts: LandOptions,
  cleanups: (() => void)[],
): Promise<'native' | 'arrow'> {
  const rejects: Reject[] = []
  let batches: AsyncIterable<RecordBatch> | undefined
  let engine: 'native' | 'arrow' = 'arrow'
  switch (file.format) {
    case 'csv': {
      // DuckDB's reader is forced (tests): staged by the pre-scan's header, awaited; otherwise by
      // the header read from the first bytes, while the pre-scan may still run
      const scanned = opts.csvEngine === 'native' ? await file.csv!.scan : file.csv!.scanned
      const head = scanned ?? file.csv!.head
      if (opts.csvEngine === 'native' || (opts.csvEngine === 'auto' && scanned?.simple !== false)) {
        const names = parseRecord(
          Buffer.from(head.header + '\n'),
          0,
          head.delim.charCodeAt(0),
          true,
        )
        const header = names?.fields ?? []
        const map = mapColumns(header, file.path)
        const literal = literalPath(file.path)
        const refused = await stageCsvNative(tx, {
          path: literal.path,
          delim: head.delim,
          ncols: header.length,
          map,
        })
          .catch((e: Error) => {
            // the database's own trouble (out of memory, a conflict) is not the reader refusing the file
            throw isRingwatchError(e) ? e : new NativeCsvError(e)
          })
          .finally(literal.done)
        for (const r of refused)
          rejects.push(nativeReject(r.line, r.csvLine, head.delim, header.length))
        await numberStagedRows(
          tx,
          refused.map((r) => r.line),
        )
        engine = 'native'
      } else {
        const scan = await file.csv!.scan
        batches = readCsv(file.path, {
          delim: scan.delim,
          batchRows: opts.batchRows,
          rejects,
          utf8Checked: scan.simple,
        })
      }
      break
    }
    case 'parquet': {
      // the view reads the file until the file's transaction ends: the link stays until then
      const literal = literalPath(file.path)
      cleanups.push(literal.done)
      const columns = await parquetColumns(tx, literal.path)
      await stageParquetNative(tx, {
        path: literal.path,
        columns,
        map: mapColumns(columns, file.path),
      })
      engine = 'native'
      break
    }
    case 'arrow':
      batches = readArrow(file.path)
      break
    case 'jsonl':
      batches = readJsonl(file.path, { batchRows: opts.batchRows, rejects })
      break
    case 'pacs008':
      batches = readPacs008(file.path, { batchRows: opts.batchRows })
      break
  }
  if (batches) {
    await tx.run('ingest/stage-raw-create')
    await appendArrow(tx, 'stg_raw', batches, { temp: true, onRows: opts.onRows })
    await stageFromRaw(tx)
  }
  await addRejects(tx, rejects)
  return engine
}

/** Step timings on stderr when RINGWATCH_TIMINGS is set (for profiling the ingest path). */
function stepTimer(): (step: string) => void {
  if (!process.env.RINGWATCH_TIMINGS) return () => {}
  let t0 = performance.now()
  let c0 = process.cpuUsage()
  return (step) => {
    const t1 = performance.now()
    const c = process.cpuUsage(c0)
    process.stderr.write(
      `ingest ${step}: ${((t1 - t0) / 1000).toFixed(2)} s (cpu ${((c.user + c.system) / 1e6).toFixed(2)} s)\n`,
    )
    t0 = t1
    c0 = process.cpuUsage()
  }
}

/** Lands one file (see LandOutcome); throws (and leaves the database as it was) on any failure. */
export async function landFile(
  store: Store,
  file: LandInput,
  opts: LandOptions,
): Promise<LandOutcome> {
  const cleanups: (() => void)[] = []
  try {
    return await store.session((session) => landInSession(session, file, opts, cleanups))
  } catch (e) {
    if (e instanceof NativeCsvError) return { status: 'native_refused', why: e.message }
    throw e
  } finally {
    for (const done of cleanups) done()
  }
}

/** Refuses a file whose size or modification time changed since it was hashed. */
function checkUnchanged(file: LandInput): void {
  const now = statSync(file.path)
  if (now.size !== file.size || now.mtimeMs !== file.mtimeMs)
    throw new RingwatchError(
      `${file.path}: the file changed while it was being landed (size or modification time); ` +
        'nothing of it landed: land it again once it is complete',
    )
}

/**
 * The checks that read only the file's own staged rows (stg_in), before its transaction: the
 * distinct values of its code-like fields and those that break a rule, the cleaned view stg, and
 * tx_ids used twice.
 */
export async function checkStaged(
  session: Queries,
  opts: {
    now: Date
    futureHours: number
    /** Clean every field row by row, whatever its values: the reference tests hold the rest to. */
    reference?: boolean
  },
  t: (step: string) => void = () => {},
): Promise<void> {
  await session.run('ingest/params-create', {
    now: opts.now.toISOString(),
    future_hours: opts.futureHours,
  })
  await session.run('ingest/values-create')
  t('values')
  await session.run('ingest/values-unclean')
  const unclean = await session.all<{ kind: string }>('ingest/unclean-kinds')
  await createCleanView(
    session,
    new Set(opts.reference ? Object.values(VALUE_KIND) : unclean.map((u) => u.kind)),
  )
  t('unclean')
  await session.run('ingest/faults-create')
  t('faults')
  const repeated = (await session.one<{ n: number }>('ingest/dup-hashes-count'))!
  if (Number(repeated.n)) {
    await session.run('ingest/fault-dup-hashes')
    await session.run('ingest/fault-dups')
  } else await session.run('ingest/dups-none')
  t('dups')
}

/**
 * The checks that read the database (tx_ids already landed) and the view of every rule; a file
 * with nothing to look up (no fault, no tx_id twice or landed before) skips the lookups' joins,
 * unless `reference` (tests: always join).
 */
export async function checkAgainstLanded(tx: Queries, reference = false): Promise<void> {
  // tx_ids already landed: read inside the transaction that lands the file
  await tx.run('ingest/fault-seen')
  const lookups = (await tx.one<{ n: number }>('ingest/lookups'))!
  await tx.run(
    Number(lookups.n) || reference ? 'ingest/looked-create' : 'ingest/looked-clean-create',
  )
  await tx.run('ingest/checked-create')
}

async function landInSession(
  session: Session,
  file: LandInput,
  opts: LandOptions,
  cleanups: (() => void)[],
): Promise<LandOutcome> {
  const t = stepTimer()
  await session.run('ingest/session-utc')
  await session.run('ingest/session-order')
  await session.run('ingest/rejects-create')
  const engine = await stage(session, file, opts, cleanups)
  t('stage')
  const c = (await session.one<{ rows_read: number }>('ingest/stage-counts'))!
  const rowsRead = Number(c.rows_read)
  opts.onRows?.(rowsRead, 'checking')
  await checkStaged(session, opts, t)
  const fileId = await file.fileId
  if (typeof file.fileId !== 'string') {
    const seen = await session.one<{ path: string }>('ingest/file-find', { file_id: fileId })
    if (seen) return { status: 'duplicate', file_id: fileId, landed_path: seen.path }
  }
  if (file.csv && engine === 'native' && opts.csvEngine === 'auto') {
    // staged as a simple file while the pre-scan ran: it must have been one
    const scan = await file.csv.scan
    if (!scan.simple)
      return {
        status: 'native_refused',
        why: `not one record per line: ${scan.why ?? 'not simple'}`,
      }
  }
  opts.onRows?.(rowsRead, 'landing')
  try {
    return {
      status: 'landed',
      ...(await landChecked(session, file, fileId, rowsRead, engine, opts, t)),
    }
  } finally {
    await session.run('ingest/session-order') // insertion order kept again (insert-order-free.sql)
  }
}

/** The file's transaction: its rows land, its broken rows are quarantined, the manifest records it. */
function landChecked(
  session: Session,
  file: LandInput,
  fileId: string,
  rowsRead: number,
  engine: Landed['engine'],
  opts: LandOptions,
  t: (step: string) => void,
): Promise<Landed> {
  return session.transaction(async (tx) => {
    await checkAgainstLanded(tx)
    t('seen')
    // a CSV file staged by DuckDB lands about 0.3 s per million rows faster without insertion
    // order; Parquet was no faster and peaked about 180 MB higher at 1 M rows, Arrow gained a few
    // per cent but peaked at 3.2 GB instead of about 2.6 GB at 10 M rows (target: under 4 GB)
    if (file.format === 'csv' && engine === 'native') await tx.run('ingest/insert-order-free')
    const accepted = await tx.run('ingest/payments-insert', { file_id: fileId })
    t('payments')
    // a file whose every row landed has nothing to quarantine: the rules are not run again
    const quarantined =
      accepted === rowsRead
        ? 0
        : await tx.run('ingest/quarantine-insert', {
            file_id: fileId,
            path: file.path,
            future_hours: opts.futureHours,
          })
    t('quarantine')
    const rows = { rows_read: rowsRead, rows_accepted: accepted, rows_quarantined: quarantined }
    if (rows.rows_read !== rows.rows_accepted + rows.rows_quarantined)
      throw new RingwatchError(
        `${file.path}: rows do not reconcile (read ${rows.rows_read}, accepted ` +
          `${rows.rows_accepted}, quarantined ${rows.rows_quarantined}); nothing landed`,
      )
    checkUnchanged(file)
    await tx.run('ingest/file-insert', {
      file_id: fileId,
      path: file.path,
      format: file.format,
      size_bytes: file.size,
      ...rows,
      run_id: opts.runId,
      ingested_at: opts.now.toISOString(),
    })
    return { ...rows, engine, file_id: fileId }
  })
}
