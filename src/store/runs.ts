// Runs (ingest, scan, batch): one id format and one way to open and close the row every kind of
// run writes, so that `runs`, the runs page and recovery after a crash (store/runs-interrupted)
// read them alike.
import { randomBytes } from 'node:crypto'
import type { Queries } from './db.ts'
import { PROCESS_ID } from './lock.ts'

export type RunKind = 'ingest' | 'scan' | 'batch'

/** `<kind>-<UTC yyyymmddThhmmss>-<6 hex>`: sorts by start time, unique across processes. */
export function newRunId(kind: RunKind, now: number | Date): string {
  const t = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*/, '')
  return `${kind}-${t}-${randomBytes(3).toString('hex')}`
}

/** Records a run as running, owned by this process (a crash leaves it to runs-interrupted). */
export async function startRun(
  q: Queries,
  runId: string,
  kind: RunKind,
  now: string,
): Promise<void> {
  await q.run('store/run-start', { run_id: runId, kind, now, owner: PROCESS_ID })
}

/** Closes a run, ok or failed, with its summary (JSON text). */
export async function finishRun(
  q: Queries,
  runId: string,
  status: string,
  summary: string,
  now: string,
): Promise<void> {
  await q.run('store/run-finish', { run_id: runId, status, summary, now })
}
