// Incremental daily scans (issue 14): what a scan remembers (scan_state, scan_findings) and whether
// the next one may detect incrementally. It may when the earlier scan's findings were computed from
// the same things besides the new transfers: the same basis (config, detector and matcher versions,
// list and fx snapshots, seed), a window of the same length that lost no transfer (nor its
// lookback), the same history start, and new transfers only inside the window. Anything else is a
// full scan, and the reason says why. Which findings an incremental scan keeps: detect/incremental.ts.
import { z } from 'zod'
import { appendRows, type Store, type Queries } from '../store/index.ts'
import type { Finding } from '../schema/finding.ts'
import { Finding as FindingSchema } from '../schema/finding.ts'
import { canonicalJson, sha256 } from '../util/hash.ts'
import type { ScanWindow } from './engines.ts'

const DAY_US = 86_400_000_000

export const ScanState = z.object({
  run_id: z.string(),
  window_from: z.string(),
  window_to: z.string(),
  history_start: z.coerce.number(),
  data_end: z.coerce.number(),
  basis: z.string(),
  files: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
})
export type ScanState = z.infer<typeof ScanState>

/** An earlier finding of a seedable detector (detect/incremental.ts SeededFinding). */
export interface StoredFinding {
  detector: string
  seed: string
  finding: Finding
}

export type ScanPlan =
  | {
      mode: 'incremental'
      state: ScanState
      /** Payments of the window from files the earlier scan did not cover. */
      newTransfers: number
      /** Accounts of those payments. */
      touched: string[]
      previous: StoredFinding[]
    }
  | { mode: 'full'; reason: string }

/** Everything a scan's findings depend on besides the payments, as one hash. */
export function scanBasis(parts: {
  configHash: string
  detectorVersion: string
  versions?: Record<string, string>
  listVersions: Record<string, string>
  seed: number
}): string {
  return sha256(canonicalJson(parts)).slice(0, 24)
}

/** epoch µs of an ISO time (the window's bounds). */
const micros = (iso: string) =>
  Date.parse(iso) * 1000 + Number(/\.\d{3}(\d{3})/.exec(iso)?.[1] ?? 0)
const isoOf = (us: number) => new Date(Math.floor(us / 1000)).toISOString()

/**
 * Decides between an incremental and a full scan of `window`. `historyStart` is where the
 * detectors see history begin (graph baseline: max(earliest payment, window start − lookback)).
 */
export async function planScan(
  store: Store,
  opts: {
    full: boolean
    window: ScanWindow
    basis: string
    lookbackDays: number
    historyStart: number | undefined
  },
): Promise<ScanPlan> {
  const full = (reason: string): ScanPlan => ({ mode: 'full', reason })
  if (opts.full) return full('--full asked for the whole window')
  const row = await store.one<Record<string, unknown>>('pipeline/scan-state-get')
  if (!row) return full('first scan: nothing earlier to build on')
  const parsed = ScanState.safeParse(row)
  if (!parsed.success) return full('the earlier scan left no readable state')
  const state = parsed.data
  if (state.basis !== opts.basis)
    return full('config, detector or matcher version, or a list or rate snapshot changed')
  const { from, to } = opts.window
  const oldFrom = micros(state.window_from)
  const newFrom = micros(from)
  if (micros(to) - newFrom !== micros(state.window_to) - oldFrom)
    return full('the window length changed')
  if (newFrom < oldFrom) return full('the window starts earlier than the earlier scan’s')
  if (opts.historyStart === undefined || opts.historyStart !== state.history_start)
    return full('the history before the window changed')
  // Transfers that left the window or its lookback since: none may (their findings would go).
  const back = opts.lookbackDays * DAY_US
  const check = await store.one<{ new_in: number; new_out: number; dropped: number }>(
    'pipeline/incremental-check',
    {
      files: JSON.stringify(state.files),
      from,
      to,
      drop_from: isoOf(oldFrom),
      drop_to: isoOf(newFrom),
      drop_back_from: isoOf(oldFrom - back),
      drop_back_to: isoOf(newFrom - back),
    },
  )
  if (Number(check?.dropped ?? 0) > 0)
    return full(`${check!.dropped} transfers left the window or its lookback`)
  if (Number(check?.new_out ?? 0) > 0)
    return full(`${check!.new_out} new transfers lie outside the window (late or future files)`)
  const touched = await store.all<{ account: string }>('pipeline/incremental-accounts', {
    files: JSON.stringify(state.files),
    from,
    to,
  })
  const previous: StoredFinding[] = []
  for (const r of await store.all<{ detector: string; seed: string; finding: string }>(
    'pipeline/scan-findings-get',
    { run_id: state.run_id },
  )) {
    const raw = JSON.parse(r.finding) as Finding
    // Checked against the schema, but kept as stored: the detector's own object, every field.
    if (!FindingSchema.safeParse(raw).success)
      return full('a stored finding of the earlier scan does not read back')
    previous.push({ detector: r.detector, seed: r.seed, finding: raw })
  }
  return {
    mode: 'incremental',
    state,
    newTransfers: Number(check?.new_in ?? 0),
    touched: touched.map((t) => t.account),
    previous,
  }
}

/** The ingest files landed when the scan begins: what it will have seen. */
export async function landedFiles(store: Store): Promise<string[]> {
  return (await store.all<{ file_id: string }>('pipeline/files-landed')).map((r) => r.file_id)
}

/** Replaces the stored state and findings with this scan's (inside the write transaction). */
export async function writeScanState(
  tx: Queries,
  s: {
    runId: string
    window: ScanWindow
    historyStart: number
    dataEnd: number
    basis: string
    files: readonly string[]
    seeded: readonly StoredFinding[]
    now: string
  },
): Promise<void> {
  await tx.run('pipeline/scan-findings-clear')
  await tx.run('pipeline/scan-state-clear')
  await tx.run('pipeline/scan-state-insert', {
    run_id: s.runId,
    window_from: s.window.from,
    window_to: s.window.to,
    history_start: String(s.historyStart),
    data_end: String(s.dataEnd),
    basis: s.basis,
    files: JSON.stringify(s.files),
    now: s.now,
  })
  if (!s.seeded.length) return
  await tx.run('pipeline/scan-findings-stage-create')
  await appendRows(tx, 'scan_findings_staged', [
    { kind: 'str', values: s.seeded.map((f) => f.detector) },
    { kind: 'str', values: s.seeded.map((f) => f.seed) },
    // each finding as its own JSON text, kept as written (not re-serialised by DuckDB)
    { kind: 'str', values: s.seeded.map((f) => JSON.stringify(f.finding)) },
  ])
  await tx.run('pipeline/scan-findings-insert', { run_id: s.runId })
}

/** Forgets the stored state: the next scan is a full one (a failed or partial scan calls this). */
export async function clearScanState(tx: Queries): Promise<void> {
  await tx.run('pipeline/scan-findings-clear')
  await tx.run('pipeline/scan-state-clear')
}
