// The append-only audit log, chained and sealed: each row's hash is HMAC-SHA256 under the audit
// key (kept outside the database) of the previous row's hash and the row's canonical form (every
// string NFC, lone surrogates as U+FFFD: what is stored is what is hashed). The head (last seq and
// hash) moves in the same transaction, and after the commit a signed checkpoint goes to a file
// outside the database (audit-checkpoint.ts), so that a cut-off tail is found too (audit-verify.ts).
import { appendRows, type Queries, type Store } from '../store/index.ts'
import type { Actor } from '../schema/alert.ts'
import { canonicalJson, sha256 } from '../util/hash.ts'
import { canonicalStrings, canonicalText } from '../util/text.ts'
import { hmacHex, type AuditKey } from '../util/audit-key.ts'
import { ConflictError, RingwatchError } from '../util/errors.ts'
import { publishCheckpoint } from './audit-checkpoint.ts'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  actor: Actor
  /** e.g. alert.create, alert.update, alert.reopen, case.assign, case.propose, export */
  action: string
  entity_type: string
  entity_id: string
  before?: unknown
  after?: unknown
  reason?: string | null
  /** ISO time; default now. */
  at?: string
}

export interface AuditRow {
  seq: number
  created_at: string
  actor: string
  role: string
  action: string
  entity_type: string
  entity_id: string
  before: unknown
  after: unknown
  reason: string | null
  prev_hash: string
}

/** No audit key: a process that writes audit rows to a database file must be given one. */
export class AuditKeyError extends RingwatchError {
  override readonly status = 500
  override readonly exitCode = 2
}

/** Milliseconds-precision ISO: what is hashed is what a timestamp column gives back. */
function normTime(t: string): string {
  return new Date(t).toISOString()
}

/** The row as stored and hashed: strings canonical, time in milliseconds. */
export function canonicalRow(row: AuditRow): AuditRow {
  return {
    ...(canonicalStrings({ ...row, before: null, after: null }) as AuditRow),
    created_at: normTime(row.created_at),
    before: canonicalStrings(row.before ?? null),
    after: canonicalStrings(row.after ?? null),
    reason: row.reason === null ? null : canonicalText(row.reason),
  }
}

/** The hash of a row sealed with the key: HMAC-SHA256(key, prev_hash ⏎ canonical JSON). */
export function sealedHash(key: AuditKey, row: AuditRow): string {
  return hmacHex(key.secret, `${row.prev_hash}\n${canonicalJson(canonicalRow(row))}`)
}

/** The plain SHA-256 of rows written before the database had a key (kept verifiable). */
export function legacyHash(row: AuditRow): string {
  return sha256(row.prev_hash + canonicalJson({ ...row, created_at: normTime(row.created_at) }))
}

export interface Seal {
  key_id: string
  keyed_from: number
}

function keyOf(tx: Queries): AuditKey {
  if (!tx.auditKey)
    throw new AuditKeyError(
      'no audit key: set RINGWATCH_AUDIT_KEY or RINGWATCH_AUDIT_KEY_FILE (or audit.key_file in the config); ' +
        "'ringwatch audit keygen --out F' makes a key file",
    )
  return tx.auditKey
}

/** The chain's seal; the first sealed append writes it. A different key is refused. */
async function sealOf(tx: Queries, key: AuditKey, nextSeq: number, at: string): Promise<Seal> {
  const seal = await tx.one<Seal>('cases/audit-seal')
  if (seal) {
    assertSameKey(seal, key)
    return { key_id: seal.key_id, keyed_from: Number(seal.keyed_from) }
  }
  await tx.run('cases/audit-seal-insert', { key_id: key.id, keyed_from: nextSeq, now: at })
  return { key_id: key.id, keyed_from: nextSeq }
}

export function assertSameKey(seal: { key_id: string }, key: AuditKey): void {
  if (seal.key_id !== key.id)
    throw new AuditKeyError(
      `the audit log of this database is sealed with key ${seal.key_id}, but the key from ${key.source} is ${key.id}; ` +
        'give the key it was sealed with',
      { sealed_with: seal.key_id, given: key.id },
    )
}

/** The store's seal, checked against its key (at start: a wrong key fails before any work). */
export async function checkAuditKey(store: Queries): Promise<Seal | null> {
  const seal = await store.one<Seal>('cases/audit-seal')
  if (seal && store.auditKey) assertSameKey(seal, store.auditKey)
  return seal ? { key_id: seal.key_id, keyed_from: Number(seal.keyed_from) } : null
}

function rowOf(entry: AuditEntry, seq: number, prev: string): AuditRow {
  return canonicalRow({
    seq,
    created_at: entry.at ?? new Date().toISOString(),
    actor: entry.actor.id,
    role: entry.actor.role,
    action: entry.action,
    entity_type: entry.entity_type,
    entity_id: entry.entity_id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
    prev_hash: prev,
  })
}

/** Appends one audit row inside the caller's transaction; returns it with its hash. */
export async function appendAudit(
  tx: Queries,
  entry: AuditEntry,
): Promise<AuditRow & { hash: string }> {
  return (await appendAuditRows(tx, [entry]))[0]
}

/** Appends many rows in order (one read of the head, one insert, one head move): for scans. */
export async function appendAuditMany(
  tx: Queries,
  entries: readonly AuditEntry[],
): Promise<number> {
  return (await appendAuditRows(tx, entries)).length
}

async function appendAuditRows(
  tx: Queries,
  entries: readonly AuditEntry[],
): Promise<Array<AuditRow & { hash: string }>> {
  if (!entries.length) return []
  // One writer at a time: the head read here must still be the head at COMMIT, and no reader may
  // see the rows committed before their checkpoint is published (see TransactionOptions.serial).
  if (!tx.serial)
    throw new Error(
      'audit rows are appended only in a serial transaction: store.transaction(fn, { serial: true })',
    )
  const key = keyOf(tx)
  const head = await tx.one<{ seq: number; hash: string }>('cases/audit-head')
  let seq = Number(head?.seq ?? 0)
  let prev = head?.hash ?? GENESIS_HASH
  const seal = await sealOf(tx, key, seq + 1, entries[0].at ?? new Date().toISOString())
  const rows: Array<AuditRow & { hash: string }> = []
  for (const entry of entries) {
    const row = rowOf(entry, ++seq, prev)
    prev = sealedHash(key, row)
    rows.push({ ...row, hash: prev })
  }
  if (rows.length === 1) {
    const r = rows[0]
    await tx.run('cases/audit-insert', {
      ...r,
      before: r.before === null ? null : canonicalJson(r.before),
      after: r.after === null ? null : canonicalJson(r.after),
    })
  } else {
    // Many rows (a scan's alerts): staged through the appender, written by one insert … select.
    const json = (v: unknown) => (v === null ? null : canonicalJson(v))
    await tx.run('cases/audit-stage-create')
    await appendRows(tx, 'audit_staged', [
      { kind: 'f64', values: rows.map((r) => r.seq) },
      { kind: 'str', values: rows.map((r) => r.created_at) },
      { kind: 'str', values: rows.map((r) => r.actor) },
      { kind: 'str', values: rows.map((r) => r.role) },
      { kind: 'str', values: rows.map((r) => r.action) },
      { kind: 'str', values: rows.map((r) => r.entity_type) },
      { kind: 'str', values: rows.map((r) => r.entity_id) },
      { kind: 'str', values: rows.map((r) => json(r.before)) },
      { kind: 'str', values: rows.map((r) => json(r.after)) },
      { kind: 'str', values: rows.map((r) => r.reason) },
      { kind: 'str', values: rows.map((r) => r.prev_hash) },
      { kind: 'str', values: rows.map((r) => r.hash) },
    ])
    await tx.run('cases/audit-insert-staged')
  }
  const moved = await tx.run('cases/audit-head-set', {
    seq,
    hash: prev,
    old_seq: Number(head?.seq ?? 0),
  })
  if (moved !== 1) throw new ConflictError('the audit log moved on meanwhile; try again')
  const checkpoint = { seq, hash: prev, keyed_from: seal.keyed_from }
  tx.afterCommit(() => publishCheckpoint(key, checkpoint))
  return rows
}

const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null))

/** A stored row (from cases/audit-all) as the AuditRow that was hashed. */
export function storedRow(r: Record<string, unknown>): AuditRow {
  return {
    seq: Number(r.seq),
    created_at: String(r.created_at),
    actor: String(r.actor),
    role: String(r.role),
    action: String(r.action),
    entity_type: String(r.entity_type),
    entity_id: String(r.entity_id),
    before: parseJson(r.before),
    after: parseJson(r.after),
    reason: (r.reason as string | null) ?? null,
    prev_hash: String(r.prev_hash),
  }
}

/** Audit rows of one entity, oldest first (for the alert page's history). */
export async function auditFor(store: Store | Queries, entityType: string, entityId: string) {
  const rows = await store.all<Record<string, unknown>>('cases/audit-for-entity', {
    entity_type: entityType,
    entity_id: entityId,
  })
  return rows.map((r) => ({ ...r, before: parseJson(r.before), after: parseJson(r.after) }))
}
