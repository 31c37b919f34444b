// Verifies the audit chain and names every row that does not hold, not only the first: each row's
// seq follows the previous one, it links to the previous row's stored hash, and its own hash is the
// HMAC of its canonical form under the audit key (plain SHA-256 before the database had a key);
// the head matches the last row; the chain reaches the latest signed checkpoint and has, at that
// seq, the hash the checkpoint holds. It reads one state of the chain while others append to it.
import { z } from 'zod'
import type { Store } from '../store/index.ts'
import {
  AuditKeyError,
  GENESIS_HASH,
  assertSameKey,
  legacyHash,
  sealedHash,
  storedRow,
  type Seal,
} from './audit.ts'
import { checkpointsExtent, readCheckpoints, type CheckpointRead } from './audit-checkpoint.ts'
import type { AuditKey } from '../util/audit-key.ts'

export const AuditProblem = z.enum([
  /** the row's content does not give its hash */
  'edited',
  /** seqs missing before this row (deleted rows, or a reordering) */
  'missing_or_reordered',
  /** the row does not link to the hash of the row before it */
  'broken_link',
  /** the chain ends before its head or before the latest checkpoint */
  'tail_missing',
  /** the chain's hash at a checkpoint's seq is not the one the checkpoint signed */
  'checkpoint_mismatch',
  /** a line of the checkpoint file is not a checkpoint signed with this key */
  'checkpoint_forged',
  /** there is no checkpoint file although sealed rows exist */
  'no_checkpoint',
  /** the seal (first keyed seq) differs from the one the checkpoints signed */
  'seal_changed',
])
export type AuditProblem = z.infer<typeof AuditProblem>

export const AuditFinding = z.object({ seq: z.number(), problem: AuditProblem, detail: z.string() })

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  rows: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  key_id: z.string().nullable(),
  keyed_from: z.number().nullable(),
  checkpoint: z
    .object({ file: z.string(), seq: z.number(), at: z.string(), after: z.number() })
    .nullable(),
  problems: z.array(AuditFinding),
  /** The first problem (kept for readers of the earlier result). */
  first_bad: AuditFinding.nullable(),
})
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>

interface ChainState {
  rows: Array<Record<string, unknown>>
  stored: { seq: number; hash: string } | undefined
  sealRow: Seal | undefined
  cps: CheckpointRead | null
}

/**
 * The rows, head, seal and checkpoints as one state of the chain, though appends go on (a batch
 * job verifies while analysts act on cases). Read one after the other, an append committing in
 * between made a sound chain look cut short ("chain ends at seq N but its head says N+1"). So the
 * snapshot is taken (the head and the seal read) and the checkpoint file's length noted holding
 * the writer lock — no audit row commits, no checkpoint is written meanwhile — and the rows (from
 * that snapshot) and the checkpoints (up to that length) are read after it is let go: appends wait
 * for the short part only. Not for a caller that holds the lock itself (a serial transaction):
 * the lock is not re-entrant.
 */
async function chainState(store: Store, key: AuditKey): Promise<ChainState> {
  const release = await store.serialLock()
  let held = true
  const unlock = () => {
    if (held) release()
    held = false
  }
  try {
    return await store.transaction(async (tx) => {
      // the transaction's first read fixes its snapshot, the lock still held
      const stored = await tx.one<{ seq: number; hash: string }>('cases/audit-head')
      const sealRow = await tx.one<Seal>('cases/audit-seal')
      const extent = checkpointsExtent(key)
      unlock()
      const rows = await tx.all<Record<string, unknown>>('cases/audit-all')
      return { rows, stored, sealRow, cps: await readCheckpoints(key, extent) }
    })
  } finally {
    unlock()
  }
}

/** Walks the whole chain and checks it against the latest signed checkpoint. */
export async function verifyAudit(store: Store): Promise<AuditVerifyResult> {
  const key = store.auditKey
  if (!key)
    throw new AuditKeyError(
      'audit verify needs the audit key (RINGWATCH_AUDIT_KEY or RINGWATCH_AUDIT_KEY_FILE): the hashes are keyed',
    )
  const { rows, stored, sealRow, cps } = await chainState(store, key)
  if (sealRow) assertSameKey(sealRow, key)
  const keyedFrom = sealRow ? Number(sealRow.keyed_from) : null
  const head =
    stored && Number(stored.seq) > 0 ? { seq: Number(stored.seq), hash: stored.hash } : null
  const problems: AuditVerifyResult['problems'] = []
  const bad = (seq: number, problem: AuditProblem, detail: string) =>
    problems.push({ seq, problem, detail })

  const hashAt = new Map<number, string>()
  let prev = GENESIS_HASH
  let expected = 1
  for (const r of rows) {
    const row = storedRow(r)
    const seq = row.seq
    if (seq !== expected)
      bad(
        expected,
        'missing_or_reordered',
        seq > expected
          ? `seq ${expected}${seq - 1 > expected ? `–${seq - 1}` : ''} missing before row ${seq}`
          : `row ${seq} out of order after row ${expected - 1}`,
      )
    if (row.prev_hash !== prev)
      bad(seq, 'broken_link', `row ${seq} does not link to the hash of the row before it`)
    const sealed = keyedFrom !== null && seq >= keyedFrom
    const want = sealed ? sealedHash(key, row) : legacyHash(row)
    if (want !== r.hash)
      bad(
        seq,
        'edited',
        `row ${seq} does not match its ${sealed ? 'keyed hash (HMAC)' : 'hash'}: changed, or re-hashed without the key`,
      )
    prev = String(r.hash)
    hashAt.set(seq, prev)
    expected = seq + 1
  }
  const last = rows.length ? { seq: expected - 1, hash: prev } : null
  if ((head?.seq ?? 0) !== (last?.seq ?? 0) || (head && head.hash !== last?.hash))
    bad(
      Math.min(head?.seq ?? 0, last?.seq ?? 0) + 1,
      'tail_missing',
      `chain ends at seq ${last?.seq ?? 0} but its head says ${head?.seq ?? 0}`,
    )

  let checkpoint: AuditVerifyResult['checkpoint'] = null
  if (cps) {
    for (const line of cps.forged)
      bad(
        0,
        'checkpoint_forged',
        `${cps.file} line ${line} is not a checkpoint signed with this key`,
      )
    const c = cps.latest
    if (c) {
      checkpoint = {
        file: cps.file,
        seq: c.seq,
        at: c.at,
        after: Math.max(0, (last?.seq ?? 0) - c.seq),
      }
      if ((last?.seq ?? 0) < c.seq)
        bad(
          (last?.seq ?? 0) + 1,
          'tail_missing',
          `chain ends at seq ${last?.seq ?? 0} but a checkpoint of ${c.at} signed seq ${c.seq}`,
        )
      else if (hashAt.get(c.seq) !== c.hash)
        bad(
          c.seq,
          'checkpoint_mismatch',
          `row ${c.seq} is not the one the checkpoint of ${c.at} signed`,
        )
      if (keyedFrom !== c.keyed_from)
        bad(
          c.keyed_from,
          'seal_changed',
          `the seal says keyed from seq ${keyedFrom}, the checkpoint ${c.keyed_from}`,
        )
    } else if (keyedFrom !== null && (last?.seq ?? 0) >= keyedFrom)
      bad(
        keyedFrom,
        'no_checkpoint',
        `${cps.file} ${cps.exists ? 'holds no checkpoint' : 'does not exist'}: the end of the chain cannot be checked`,
      )
  }
  problems.sort((a, b) => a.seq - b.seq)
  return {
    ok: problems.length === 0,
    rows: rows.length,
    head,
    key_id: sealRow?.key_id ?? null,
    keyed_from: keyedFrom,
    checkpoint,
    problems,
    first_bad: problems[0] ?? null,
  }
}
