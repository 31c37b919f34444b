// Writes a scan's scored alerts, merged with what earlier scans stored: the same pattern (same id,
// or any stored alert sharing transfers with it — the ring found again, perhaps under another
// typology) updates its alert (new transfers, new score, version + 1, a history row) instead of
// opening another; a closed alert that
// fires again with new transfers reopens with a note. Every change writes its audit row; the caller
// runs this inside one transaction.
import { appendRows, type Queries } from '../store/index.ts'
import type { Actor, AlertStatus, Provenance, Reason } from '../schema/alert.ts'
import type { ScoredAlert } from '../score/index.ts'
import { appendAuditMany, type AuditEntry } from '../cases/audit.ts'
import { canTransition, isClosed } from '../cases/transitions.ts'
import { canonicalJson } from '../util/hash.ts'
import { RingwatchError } from '../util/errors.ts'

export interface MergeContext {
  runId: string
  provenance: Provenance
  now: string
  /** Who the audit rows name: the scan service. */
  actor: Actor
}

export interface MergeCounts {
  new: number
  updated: number
  reopened: number
  unchanged: number
}

interface Existing {
  id: string
  typology: string
  accounts_key: string
  status: AlertStatus
  version: number
  score: number
  reasons: string
  assignee: string | null
  proposed_by: string | null
  proposed_outcome: string | null
  accounts: string[]
  first_ts: string
  last_ts: string
}

export async function mergeAlerts(
  tx: Queries,
  scored: readonly ScoredAlert[],
  ctx: MergeContext,
): Promise<MergeCounts> {
  const counts: MergeCounts = { new: 0, updated: 0, reopened: 0, unchanged: 0 }
  const existing = await tx.all<Existing>('pipeline/alerts-index')
  const byId = new Map(existing.map((e) => [e.id, e]))
  // Stored alerts per transfer of this scan's candidates: one staged batch, one query.
  const alertsOfTx = new Map<string, string[]>()
  const allTx = [...new Set(scored.flatMap((s) => s.tx_ids))]
  if (allTx.length) {
    await tx.run('pipeline/scan-transfers-stage-create')
    await appendRows(tx, 'scan_transfers_staged', [{ kind: 'str', values: allTx }])
    for (const r of await tx.all<{ alert_id: string; tx_id: string }>(
      'pipeline/alerts-of-transfers',
    )) {
      const l = alertsOfTx.get(r.tx_id)
      if (l) l.push(r.alert_id)
      else alertsOfTx.set(r.tx_id, [r.alert_id])
    }
  }
  const touched = new Set<string>()
  const created: ScoredAlert[] = []
  const matched: Array<{ s: ScoredAlert; match: Existing }> = []
  for (const s of scored) {
    let match = byId.get(s.id)
    if (!match) {
      // The same ring again under another pattern key or typology: the stored alert sharing the
      // most of its transfers (ties: the lowest id).
      const shared = new Map<string, number>()
      for (const t of s.tx_ids)
        for (const id of alertsOfTx.get(t) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1)
      let best: string | undefined
      for (const [id, n] of shared)
        if (!best || n > shared.get(best)! || (n === shared.get(best)! && id < best)) best = id
      if (best) match = byId.get(best)
    }
    if (match && touched.has(match.id)) {
      // Two candidates of this run landed on one alert: the first (highest score) wrote it.
      counts.unchanged++
      continue
    }
    if (!match) {
      created.push(s)
      counts.new++
      touched.add(s.id)
      continue
    }
    touched.add(match.id)
    matched.push({ s, match })
  }
  // The stored transfers of every matched alert: one query for the whole scan.
  const stored = await txIdsOf(
    tx,
    matched.map((m) => m.match.id),
  )
  const updates: AlertUpdate[] = []
  for (const { s, match } of matched) {
    const oldTx = stored.get(match.id) ?? new Set<string>()
    const added = [...new Set(s.tx_ids.filter((t) => !oldTx.has(t)))]
    const sameEvidence = added.length === 0
    if (isClosed(match.status)) {
      if (sameEvidence) {
        counts.unchanged++
        continue
      }
      updates.push(alertUpdate(match, s, added, oldTx.size, ctx, true))
      counts.reopened++
      continue
    }
    if (
      sameEvidence &&
      match.score === s.score &&
      canonicalJson(JSON.parse(match.reasons)) === canonicalJson(s.reasons)
    ) {
      counts.unchanged++
      continue
    }
    updates.push(alertUpdate(match, s, added, oldTx.size, ctx, false))
    counts.updated++
  }
  await insertAlerts(tx, created, ctx)
  await writeUpdates(tx, updates, ctx)
  await appendAuditMany(tx, [
    ...created.map((s) => createdEntry(s, ctx)),
    ...updates.map((u) => u.audit),
  ])
  return counts
}

/** Transfer ids already linked to each of the alerts, 50,000 alerts per query. */
async function txIdsOf(
  tx: Queries,
  alertIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  for (let i = 0; i < alertIds.length; i += 50_000)
    for (const r of await tx.all<{ alert_id: string; tx_id: string }>('pipeline/alerts-tx-ids', {
      alert_ids: JSON.stringify(alertIds.slice(i, i + 50_000)),
    })) {
      const set = out.get(r.alert_id)
      if (set) set.add(r.tx_id)
      else out.set(r.alert_id, new Set([r.tx_id]))
    }
  return out
}

function alertParams(s: ScoredAlert, ctx: MergeContext) {
  return {
    score: s.score,
    accounts: JSON.stringify(s.accounts),
    accounts_key: s.accounts_key,
    first_ts: s.first_ts,
    last_ts: s.last_ts,
    total_amount: s.total_amount.toFixed(2),
    currency: s.currency,
    total_amount_base: baseAmount(s),
    base_currency: s.base_currency,
    reasons: canonicalJson(s.reasons),
    finding: canonicalJson(s.finding),
    community: s.community,
    provenance: canonicalJson(ctx.provenance),
    now: ctx.now,
  }
}

/** The base amount as exact decimal text (or null), as total_amount is passed. */
function baseAmount(s: ScoredAlert): string | null {
  return s.total_amount_base === null ? null : s.total_amount_base.toFixed(2)
}

function summary(s: {
  score: number
  reasons: Reason[]
  status: AlertStatus
  tx_count: number
  version: number
}) {
  return {
    score: s.score,
    status: s.status,
    tx_count: s.tx_count,
    version: s.version,
    reasons: s.reasons.map((r) => r.code),
  }
}

/** New alerts, their transfers and first history rows: three staged batches for the whole scan. */
async function insertAlerts(tx: Queries, created: readonly ScoredAlert[], ctx: MergeContext) {
  if (!created.length) return
  const provenance = JSON.stringify(ctx.provenance)
  await tx.run('pipeline/alerts-stage-create')
  await appendRows(tx, 'alerts_staged', [
    str(created, (s) => s.id),
    str(created, (s) => s.typology),
    str(created, (s) => s.key),
    str(created, (s) => s.accounts_key),
    { kind: 'f64', values: created.map((s) => s.score) },
    str(created, (s) => JSON.stringify(s.accounts)),
    str(created, (s) => s.first_ts),
    str(created, (s) => s.last_ts),
    str(created, (s) => s.total_amount.toFixed(2)),
    str(created, (s) => s.currency),
    str(created, baseAmount),
    str(created, (s) => s.base_currency),
    str(created, (s) => JSON.stringify(s.reasons)),
    str(created, (s) => JSON.stringify(s.finding)),
    { kind: 'i32', values: created.map((s) => s.community) },
    str(created, () => provenance),
  ])
  await tx.run('pipeline/alerts-insert-staged', { now: ctx.now })
  await insertTransfers(
    tx,
    created.map((s) => ({ alert_id: s.id, tx_ids: s.tx_ids })),
    ctx,
  )
  await insertVersions(
    tx,
    created.map((s) => ({
      alert_id: s.id,
      version: 1,
      score: s.score,
      reasons: s.reasons,
      tx_count: s.tx_ids.length,
      note: 'created',
    })),
    ctx,
  )
}

/** A text column of the staged batch, one value per item. */
function str<T>(items: readonly T[], f: (t: T) => string | null) {
  return { kind: 'str' as const, values: items.map(f) }
}

/** Links each alert to its transfers (first seen by this run): one staged batch. */
async function insertTransfers(
  tx: Queries,
  links: readonly { alert_id: string; tx_ids: readonly string[] }[],
  ctx: MergeContext,
) {
  const rows = links.filter((l) => l.tx_ids.length)
  if (!rows.length) return
  await tx.run('pipeline/alert-transfers-stage-create')
  await appendRows(tx, 'alert_transfers_staged', [
    str(rows, (l) => l.alert_id),
    str(rows, (l) => JSON.stringify(l.tx_ids)),
  ])
  await tx.run('pipeline/alert-transfers-insert-staged', { run_id: ctx.runId })
}

/** History rows of the alerts this run created or changed: one staged batch. */
async function insertVersions(
  tx: Queries,
  versions: readonly AlertUpdate['version'][],
  ctx: MergeContext,
) {
  if (!versions.length) return
  await tx.run('pipeline/alert-versions-stage-create')
  await appendRows(tx, 'alert_versions_staged', [
    str(versions, (v) => v.alert_id),
    { kind: 'i32', values: versions.map((v) => v.version) },
    { kind: 'f64', values: versions.map((v) => v.score) },
    str(versions, (v) => JSON.stringify(v.reasons)),
    { kind: 'i32', values: versions.map((v) => v.tx_count) },
    str(versions, (v) => v.note),
  ])
  await tx.run('pipeline/alert-versions-insert-staged', { run_id: ctx.runId, now: ctx.now })
}

function createdEntry(s: ScoredAlert, ctx: MergeContext): AuditEntry {
  return {
    actor: ctx.actor,
    action: 'alert.create',
    entity_type: 'alert',
    entity_id: s.id,
    after: summary({ ...s, status: 'new', tx_count: s.tx_ids.length, version: 1 }),
    reason: `scan ${ctx.runId}`,
    at: ctx.now,
  }
}

interface AlertUpdate {
  /** The alerts-update-many row: the alert's new state, checked against the version read. */
  row: ReturnType<typeof alertParams> & {
    id: string
    expected_version: number
    status: AlertStatus
    proposed_by: string | null
    proposed_outcome: string | null
    version: number
  }
  added: string[]
  version: {
    alert_id: string
    version: number
    score: number
    reasons: Reason[]
    tx_count: number
    note: string
  }
  /** The reopening note, on a reopen. */
  note: string | null
  audit: AuditEntry
}

/** The new state of an alert found again, its history row, note and audit entry (nothing written). */
function alertUpdate(
  old: Existing,
  s: ScoredAlert,
  added: string[],
  storedCount: number,
  ctx: MergeContext,
  reopen: boolean,
): AlertUpdate {
  const version = old.version + 1
  let status = old.status
  let note = added.length ? `${added.length} new transfer(s)` : 'score or reasons changed'
  if (reopen) {
    status = old.assignee ? 'in_review' : 'new'
    if (!canTransition(old.status, status, ctx.actor.role))
      throw new RingwatchError(`scan may not reopen ${old.id} from ${old.status}`)
    note = `Reopened by scan ${ctx.runId}: ${added.length} new transfer(s) after it was ${old.status}`
  }
  const accounts = [...new Set([...old.accounts, ...s.accounts])].sort()
  const merged = { ...s, accounts }
  merged.first_ts = old.first_ts < s.first_ts ? old.first_ts : s.first_ts
  merged.last_ts = old.last_ts > s.last_ts ? old.last_ts : s.last_ts
  const txCount = storedCount + added.length
  return {
    row: {
      id: old.id,
      expected_version: old.version,
      ...alertParams(merged, ctx),
      status,
      proposed_by: reopen ? null : old.proposed_by,
      proposed_outcome: reopen ? null : old.proposed_outcome,
      version,
    },
    added,
    version: {
      alert_id: old.id,
      version,
      score: s.score,
      reasons: s.reasons,
      tx_count: txCount,
      note,
    },
    note: reopen ? note : null,
    audit: {
      actor: ctx.actor,
      action: reopen ? 'alert.reopen' : 'alert.update',
      entity_type: 'alert',
      entity_id: old.id,
      before: summary({
        score: old.score,
        reasons: JSON.parse(old.reasons) as Reason[],
        status: old.status,
        tx_count: storedCount,
        version: old.version,
      }),
      after: summary({ ...s, status, tx_count: txCount, version }),
      reason: note,
      at: ctx.now,
    },
  }
}

/**
 * Alerts found again: their new state, new transfers, history rows and reopening notes, one
 * statement each for the whole scan; an alert whose version moved since it was read fails the scan.
 */
async function writeUpdates(tx: Queries, updates: readonly AlertUpdate[], ctx: MergeContext) {
  if (!updates.length) return
  const rows = updates.map((u) => u.row)
  await tx.run('pipeline/alert-updates-stage-create')
  await appendRows(tx, 'alert_updates_staged', [
    str(rows, (r) => r.id),
    { kind: 'i32', values: rows.map((r) => r.expected_version) },
    { kind: 'f64', values: rows.map((r) => r.score) },
    str(rows, (r) => r.accounts),
    str(rows, (r) => r.accounts_key),
    str(rows, (r) => r.first_ts),
    str(rows, (r) => r.last_ts),
    str(rows, (r) => r.total_amount),
    str(rows, (r) => r.currency),
    str(rows, (r) => r.total_amount_base),
    str(rows, (r) => r.base_currency),
    str(rows, (r) => r.reasons),
    str(rows, (r) => r.finding),
    { kind: 'i32', values: rows.map((r) => r.community) },
    str(rows, (r) => r.provenance),
    str(rows, (r) => r.status),
    str(rows, (r) => r.proposed_by),
    str(rows, (r) => r.proposed_outcome),
    { kind: 'i32', values: rows.map((r) => r.version) },
  ])
  const changed = await tx.run('pipeline/alerts-update-staged', { now: ctx.now })
  if (changed !== updates.length)
    throw new RingwatchError(
      `${updates.length - changed} of ${updates.length} alerts changed during the scan`,
    )
  await insertTransfers(
    tx,
    updates.map((u) => ({ alert_id: u.row.id, tx_ids: u.added })),
    ctx,
  )
  await insertVersions(
    tx,
    updates.map((u) => u.version),
    ctx,
  )
  const notes = updates.filter((u) => u.note !== null)
  if (notes.length)
    await tx.run('cases/notes-insert-many', {
      rows: JSON.stringify(notes.map((u) => ({ alert_id: u.row.id, text: u.note }))),
      author: ctx.actor.id,
      now: ctx.now,
    })
}
