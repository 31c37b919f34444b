// Signed checkpoints of the audit chain: after each commit that appends audit rows, one line
// {seq, hash, keyed_from, key_id, at, mac} goes to an append-only file outside the database, the
// mac an HMAC under the audit key. Whoever cuts rows off the end of the chain and resets its head
// in the database cannot move the checkpoints back: verify finds the chain shorter than the latest.
import { appendFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { canonicalJson } from '../util/hash.ts'
import { hmacHex, type AuditKey } from '../util/audit-key.ts'

export const Checkpoint = z.object({
  seq: z.number().int().min(0),
  hash: z.string(),
  keyed_from: z.number().int().min(0),
  key_id: z.string(),
  at: z.string(),
  mac: z.string(),
})
export type Checkpoint = z.infer<typeof Checkpoint>

function macOf(key: AuditKey, c: Omit<Checkpoint, 'mac'>): string {
  const { seq, hash, keyed_from, key_id, at } = c
  return hmacHex(
    key.secret,
    `ringwatch audit checkpoint\n${canonicalJson({ seq, hash, keyed_from, key_id, at })}`,
  )
}

/** Told of a failed checkpoint write, which cannot be thrown: the data has committed. */
let onCheckpointError = (e: unknown, file: string): void => {
  process.emitWarning(`could not write the audit checkpoint to ${file}: ${(e as Error).message}`)
}
/** Where failed checkpoint writes are reported (the server's logger); default a process warning. */
export function setCheckpointErrorHandler(fn: (e: unknown, file: string) => void): void {
  onCheckpointError = fn
}

/** Appends one signed checkpoint of the head (no file configured: nothing). */
export function publishCheckpoint(
  key: AuditKey,
  head: { seq: number; hash: string; keyed_from: number },
  now: Date = new Date(),
): Checkpoint | null {
  if (!key.checkpoints) return null
  const body = { ...head, key_id: key.id, at: now.toISOString() }
  const c: Checkpoint = { ...body, mac: macOf(key, body) }
  try {
    mkdirSync(dirname(key.checkpoints), { recursive: true })
    appendFileSync(key.checkpoints, JSON.stringify(c) + '\n', { flag: 'a', mode: 0o600 })
  } catch (e) {
    onCheckpointError(e, key.checkpoints)
    return null
  }
  return c
}

export interface CheckpointRead {
  file: string
  exists: boolean
  /** The valid checkpoint of the highest seq. */
  latest: Checkpoint | null
  valid: number
  /** Line numbers of lines that are not a checkpoint signed with this key. */
  forged: number[]
}

/**
 * How far the checkpoint file reaches now (bytes; null: no file), so that it can be read later as
 * it was at this moment: lines are only ever appended.
 */
export function checkpointsExtent(key: AuditKey): number | null {
  if (!key.checkpoints) return null
  try {
    return statSync(key.checkpoints).size
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/**
 * Reads the checkpoint file: the latest checkpoint whose signature holds, and the lines that don't.
 * `extent` (from checkpointsExtent): only the file as it was then; undefined: all of it now.
 */
export async function readCheckpoints(
  key: AuditKey,
  extent?: number | null,
): Promise<CheckpointRead | null> {
  const file = key.checkpoints
  if (!file) return null
  const exists = extent === undefined ? existsSync(file) : extent !== null
  const out: CheckpointRead = { file, exists, latest: null, valid: 0, forged: [] }
  if (!out.exists || extent === 0) return out
  const input = createReadStream(file, extent ? { end: extent - 1 } : {})
  const lines = createInterface({ input, crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    if (!line.trim()) continue
    let c: Checkpoint | undefined
    try {
      const r = Checkpoint.safeParse(JSON.parse(line))
      if (r.success) c = r.data
    } catch {
      c = undefined // not JSON: reported below as a line that is no checkpoint
    }
    const { mac, ...body } = c ?? ({} as Checkpoint)
    if (!c || c.key_id !== key.id || macOf(key, body) !== mac) {
      out.forged.push(n)
      continue
    }
    out.valid++
    if (!out.latest || c.seq >= out.latest.seq) out.latest = c
  }
  return out
}
