// The append-only, hash-chained audit log. Each row's hash = sha256(prev_hash + canonical JSON of
// the row); the head (last seq, hash) moves in the same transaction, so an edited, reordered or
// deleted row (the last one included) breaks the chain that verifyAudit walks.
import { z } from 'zod'
import type { Queries, Store } from '../store/index.ts'
import type { Actor } from '../schema/alert.ts'
import { canonicalJson, sha256 } from '../util/hash.ts'

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

/** Milliseconds-precision ISO: what is hashed is what a timestamp column gives back. */
function normTime(t: string): string {
  return new Date(t).toISOString()
}

export function rowHash(row: AuditRow): string {
  return sha256(row.prev_hash + canonicalJson({ ...row, created_at: normTime(row.created_at) }))
}

/** Appends one audit row inside the caller's transaction; returns it with its hash. */
export async function appendAudit(
  tx: Queries,
  entry: AuditEntry,
): Promise<AuditRow & { hash: string }> {
  const head = await tx.one<{ seq: number; hash: string }>('cases/audit-head')
  const row: AuditRow = {
    seq: (head?.seq ?? 0) + 1,
    created_at: normTime(entry.at ?? new Date().toISOString()),
    actor: entry.actor.id,
    role: entry.actor.role,
    action: entry.action,
    entity_type: entry.entity_type,
    entity_id: entry.entity_id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
    prev_hash: head?.hash ?? GENESIS_HASH,
  }
  const hash = rowHash(row)
  await tx.run('cases/audit-insert', {
    ...row,
    before: row.before === null ? null : canonicalJson(row.before),
    after: row.after === null ? null : canonicalJson(row.after),
    hash,
  })
  await tx.run('cases/audit-head-set', { seq: row.seq, hash })
  return { ...row, hash }
}

/** Appends many rows in order (one read of the head, one insert, one head move): for scans. */
export async function appendAuditMany(
  tx: Queries,
  entries: readonly AuditEntry[],
): Promise<number> {
  if (!entries.length) return 0
  const head = await tx.one<{ seq: number; hash: string }>('cases/audit-head')
  let seq = head?.seq ?? 0
  let prev = head?.hash ?? GENESIS_HASH
  const rows: Array<AuditRow & { hash: string }> = []
  for (const entry of entries) {
    const row: AuditRow = {
      seq: ++seq,
      created_at: normTime(entry.at ?? new Date().toISOString()),
      actor: entry.actor.id,
      role: entry.actor.role,
      action: entry.action,
      entity_type: entry.entity_type,
      entity_id: entry.entity_id,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
      prev_hash: prev,
    }
    prev = rowHash(row)
    rows.push({ ...row, hash: prev })
  }
  await tx.run('cases/audit-insert-many', { rows: JSON.stringify(rows) })
  await tx.run('cases/audit-head-set', { seq, hash: prev })
  return rows.length
}

export const AuditProblem = z.enum([
  'edited',
  'missing_or_reordered',
  'broken_link',
  'tail_missing',
])

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  rows: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  first_bad: z.object({ seq: z.number(), problem: AuditProblem, detail: z.string() }).nullable(),
})
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>

const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null))

/** Walks the whole chain; reports the first row that does not hold. */
export async function verifyAudit(store: Queries): Promise<AuditVerifyResult> {
  const rows = await store.all<Record<string, unknown>>('cases/audit-all')
  const stored = await store.one<{ seq: number; hash: string }>('cases/audit-head')
  const head = stored && stored.seq > 0 ? stored : null
  let prev = GENESIS_HASH
  let expected = 1
  const bad = (seq: number, problem: z.infer<typeof AuditProblem>, detail: string) => ({
    ok: false,
    rows: rows.length,
    head,
    first_bad: { seq, problem, detail },
  })
  for (const r of rows) {
    const seq = Number(r.seq)
    if (seq !== expected)
      return bad(expected, 'missing_or_reordered', `expected seq ${expected}, found ${seq}`)
    if (r.prev_hash !== prev)
      return bad(seq, 'broken_link', `prev_hash does not match the hash of row ${seq - 1}`)
    const row: AuditRow = {
      seq,
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
    if (rowHash(row) !== r.hash) return bad(seq, 'edited', `row ${seq} does not match its hash`)
    prev = String(r.hash)
    expected++
  }
  const last = rows.length ? { seq: expected - 1, hash: prev } : null
  if ((head?.seq ?? 0) !== (last?.seq ?? 0) || (head && head.hash !== last?.hash))
    return bad(
      Math.min(head?.seq ?? 0, last?.seq ?? 0) + 1,
      'tail_missing',
      `chain ends at seq ${last?.seq ?? 0} but its head says ${head?.seq ?? 0}`,
    )
  return { ok: true, rows: rows.length, head, first_bad: null }
}

/** Audit rows of one entity, oldest first (for the alert page's history). */
export async function auditFor(store: Store | Queries, entityType: string, entityId: string) {
  const rows = await store.all<Record<string, unknown>>('cases/audit-for-entity', {
    entity_type: entityType,
    entity_id: entityId,
  })
  return rows.map((r) => ({ ...r, before: parseJson(r.before), after: parseJson(r.after) }))
}
