// After a scan writes its alerts (inside the scan's write transaction): alerts linked by shared
// payments or accounts (case-grouping.ts) become one case. A group with no case yet becomes a new
// case; alerts new to a group that has one join it (the case holding most of the group, the
// lowest id on a tie). Cases are never merged or split by a scan: what an analyst linked or worked
// stays as it is (an analyst links further alerts by hand, or takes one out: case-unlink.ts, and
// grouping then keeps it apart from that case's alerts). Then every case whose open alerts
// left its state (a scan reopened or updated one) is brought back in step: a closed case reopens.
import type { Queries } from '../store/index.ts'
import type { Actor, AlertStatus } from '../schema/alert.ts'
import type { Outcome } from './alert-row.ts'
import { appendAuditMany, type AuditEntry } from './audit.ts'
import { groupLinkedAlerts, linkText } from './case-grouping.ts'
import {
  caseMembers,
  createCase,
  followCase,
  getCase,
  joinCase,
  setCaseState,
} from './case-join.ts'
import { stateOf, stateOnOpenAlert } from './case-state.ts'
import { isClosed } from './transitions.ts'

export interface CaseScanOptions {
  actor: Actor
  now: string
  /** An account in more alerts than this is a hub and links none of them (case-grouping.ts). */
  maxAlertsPerAccount: number
}

export interface CaseScanCounts {
  created: number
  joined: number
  reopened: number
}

interface InputRow {
  id: string
  accounts: string[]
  tx_ids: string[]
  status: AlertStatus
  assignee: string | null
  proposed_by: string | null
  proposed_outcome: Outcome | null
  case_id: string | null
  /** Cases it was taken out of by hand: grouping keeps it apart from their alerts. */
  unlinked_from: string[]
}

export async function groupCases(tx: Queries, o: CaseScanOptions): Promise<CaseScanCounts> {
  const counts: CaseScanCounts = { created: 0, joined: 0, reopened: 0 }
  const rows = await tx.all<InputRow>('cases/grouping-input')
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const g of groupLinkedAlerts(rows, { maxAlertsPerAccount: o.maxAlertsPerAccount })) {
    const members = g.alerts.map((id) => byId.get(id)!)
    const loose = members.filter((m) => !m.case_id)
    if (!loose.length) continue
    const joiners = loose.map((m) => ({ alert: m, why: linkText(g.links.get(m.id) ?? []) }))
    const held = new Map<string, number>()
    for (const m of members) if (m.case_id) held.set(m.case_id, (held.get(m.case_id) ?? 0) + 1)
    if (!held.size) {
      await createCase(tx, o.actor, joiners, null, o.now)
      counts.created++
      continue
    }
    const target = [...held].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]
    await joinCase(tx, o.actor, await getCase(tx, target), joiners, null, o.now)
    counts.joined += joiners.length
  }
  // cases whose open alerts a scan reopened or changed: back in step with the case
  for (const { id } of await tx.all<{ id: string }>('cases/cases-out-of-step')) {
    const c = await getCase(tx, id)
    const audit: AuditEntry[] = []
    let state = stateOf(c)
    if (isClosed(c.status)) {
      const reopened = (await caseMembers(tx, id)).filter((m) => !isClosed(m.status))
      const { next } = stateOnOpenAlert(state)
      await setCaseState(tx, id, state, next, o.now)
      audit.push({
        actor: o.actor,
        action: 'case.reopen',
        entity_type: 'case',
        entity_id: id,
        before: state,
        after: next,
        reason: `new payments reopened ${reopened.map((m) => m.id).join(', ')}`,
        at: o.now,
      })
      state = next
      counts.reopened++
    }
    await followCase(tx, o.actor, id, state, 'case.follow', null, o.now, audit)
    await appendAuditMany(tx, audit)
  }
  return counts
}
