// Party hits as records: the name matches of a period's parties (name_hits) with each party's context
// are decided (hit-rules.ts) and compared with the hits kept: new ones open (with what opened them:
// a screening, or a list change), found-again ones take the latest list version and score, closed
// ones found again reopen, and open ones no longer found close with a note saying why (the entity
// left its list, or its name no longer matches). Nothing is deleted.
import { windowBounds, type ScanWindow } from '../graph/index.ts'
import type { Queries } from '../store/index.ts'
import { sha256 } from '../util/hash.ts'
import { decideHit, type HitCandidate, type HitDecision } from './hit-rules.ts'

/** Every payment ever landed. */
export const ALL_TIME: ScanWindow = { from: '1900-01-01', to: '2999-12-31' }

export interface HitChanges {
  opened: number
  refreshed: number
  reopened: number
  closed: number
  /** Matches kept from being hits by a rule (weak alias alone, a ship against a party …). */
  suppressed: number
}

export function hitId(account: string, name: string, source: string, entryId: string): string {
  return 'H-' + sha256(`${account}\u0000${name}\u0000${source}\u0000${entryId}`).slice(0, 16)
}

interface KeptHit {
  hit_id: string
  account: string
  name: string
  entry_id: string
  snapshot_id: string
  list_source: string
  status: string
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * Brings the party hits of the accounts paying in `period` in line with the name matches under
 * `listsKey`. `reason` says what opens new hits: 'screening' or 'list_change'.
 */
export async function refreshPartyHits(
  tx: Queries,
  period: ScanWindow,
  listsKey: string,
  threshold: number,
  opts: { now: string; reason: 'screening' | 'list_change' },
): Promise<HitChanges> {
  const bounds = windowBounds(period)
  const rows = await tx.all<Record<string, unknown>>('screen/hit-candidates', {
    ...bounds,
    lists_key: listsKey,
  })
  const wanted = new Map<string, { c: HitCandidate; d: HitDecision; explanation: unknown }>()
  let suppressed = 0
  for (const r of rows) {
    const c: HitCandidate = {
      account: String(r.account),
      name: String(r.name),
      entry_id: String(r.entry_id),
      snapshot_id: String(r.snapshot_id),
      list_source: String(r.list_source),
      schema: String(r.schema),
      caption: String(r.caption),
      matched_name: String(r.matched_name),
      name_kind: String(r.name_kind),
      score: Number(r.score),
      parts: parseJson(r.parts) ?? {
        token_overlap: 0,
        phonetic: 0,
        edit_distance: 0,
        legal_form: 'absent',
        rule: 'tokens',
      },
      entry_countries: (r.entry_countries as string[]) ?? [],
      entry_birth_dates: (r.entry_birth_dates as string[]) ?? [],
      identifiers_found: (r.identifiers_found as string[]) ?? [],
      party_countries: (r.party_countries as string[]) ?? [],
      bic_countries: (r.bic_countries as string[]) ?? [],
      party_birth_dates: (r.party_birth_dates as string[]) ?? [],
      party_types: (r.party_types as string[]) ?? [],
    }
    const d = decideHit(c, threshold)
    if (!d.raise) {
      suppressed++
      continue
    }
    const id = hitId(c.account, c.name, c.list_source, c.entry_id)
    const prev = wanted.get(id)
    if (!prev || d.score > prev.d.score)
      wanted.set(id, { c, d, explanation: parseJson(r.explanation) })
  }
  const kept = await tx.all<KeptHit>('screen/scope-hits', bounds)
  const byId = new Map(kept.map((k) => [k.hit_id, k]))
  const fresh: Array<Record<string, unknown>> = []
  const again: Array<Record<string, unknown>> = []
  let reopened = 0
  for (const [id, { c, d, explanation: said }] of wanted) {
    // the explanation keeps what the name match said, with the decision added
    const explanation = {
      ...((said as Record<string, unknown>) ?? {}),
      rule: d.rule,
      signals: d.signals,
    }
    const row = {
      hit_id: id,
      account: c.account,
      name: c.name,
      entry_id: c.entry_id,
      snapshot_id: c.snapshot_id,
      score: d.score,
      list_source: c.list_source,
      schema: c.schema,
      caption: c.caption,
      matched_name: c.matched_name,
      explanation: JSON.stringify(explanation),
      name_kind: c.name_kind,
      parts: JSON.stringify(d.parts),
      rule: d.rule,
      signals: d.signals,
    }
    const k = byId.get(id)
    if (!k) fresh.push(row)
    else {
      if (k.status === 'closed') reopened++
      again.push(row)
    }
  }
  const gone = kept.filter((k) => k.status === 'open' && !wanted.has(k.hit_id))
  const notes = await closeNotes(tx, gone, opts.now)
  for (let i = 0; i < fresh.length; i += 5000)
    await tx.run('screen/hits-insert', {
      rows: JSON.stringify(fresh.slice(i, i + 5000)),
      now: opts.now,
      reason: opts.reason,
    })
  for (let i = 0; i < again.length; i += 5000)
    await tx.run('screen/hits-refresh', {
      rows: JSON.stringify(again.slice(i, i + 5000)),
      now: opts.now,
      reason: opts.reason,
    })
  for (let i = 0; i < notes.length; i += 5000)
    await tx.run('screen/hits-close', {
      rows: JSON.stringify(notes.slice(i, i + 5000)),
      now: opts.now,
    })
  return {
    opened: fresh.length,
    refreshed: again.length - reopened,
    reopened,
    closed: notes.length,
    suppressed,
  }
}

/** Why each hit no longer stands: its entity left the list, or its name no longer matches. */
async function closeNotes(
  tx: Queries,
  gone: readonly KeptHit[],
  now: string,
): Promise<Array<{ hit_id: string; note: string }>> {
  if (!gone.length) return []
  const listed = new Map<string, string>()
  for (const r of await tx.all<{ source: string; entry_id: string; snapshot_id: string }>(
    'screen/active-entry-keys',
    { rows: JSON.stringify(gone.map((g) => ({ source: g.list_source, entry_id: g.entry_id }))) },
  ))
    listed.set(`${r.source}\u0000${r.entry_id}`, r.snapshot_id)
  const day = now.slice(0, 10)
  return gone.map((g) => {
    const still = listed.get(`${g.list_source}\u0000${g.entry_id}`)
    return {
      hit_id: g.hit_id,
      note: still
        ? `closed ${day}: '${g.name}' no longer matches entry ${g.entry_id} of ${g.list_source} (list version ${still})`
        : `closed ${day}: entry ${g.entry_id} is no longer on ${g.list_source} (last seen in list version ${g.snapshot_id})`,
    }
  })
}
