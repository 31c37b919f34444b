// Everything the alert page shows: the alert with its finding and reasons, its transfers in hop
// order, the parties, watch-list hits, goods and route flags, notes, versions and the audit trail.
import type { Queries } from '../../store/index.ts'
import { NotFoundError } from '../../util/errors.ts'
import { parseJson } from './alerts.ts'
import type { Reason } from '../../schema/alert.ts'

type Row = Record<string, unknown>

export async function alertDetail(reads: Queries, id: string) {
  const alert = await reads.one<Row>('server/alert-get', { id })
  if (!alert) throw new NotFoundError(`no alert ${id}`, { id })
  const [transfers, parties, hits, goods, notes, versions, audit] = await Promise.all([
    reads.all('server/alert-transfers', { id }),
    reads.all('server/alert-parties', { id }),
    reads.all<Row>('server/alert-party-hits', { id }),
    reads.all('server/alert-goods', { id }),
    reads.all('server/alert-notes', { id }),
    reads.all<Row>('server/alert-versions', { id }),
    reads.all<Row>('server/alert-audit', { id }),
  ])
  return {
    alert: {
      ...alert,
      reasons: reasonTransfers(parseJson(alert.reasons) as Reason[], transfers as Row[]),
      finding: parseJson(alert.finding),
      provenance: parseJson(alert.provenance),
    },
    transfers,
    parties,
    hits: hits.map((h) => ({
      ...h,
      explanation: parseJson(h.explanation),
      parts: parseJson(h.parts),
    })),
    goods,
    notes,
    versions: versions.map((v) => ({ ...v, reasons: parseJson(v.reasons) })),
    audit: audit.map((a) => ({ ...a, before: parseJson(a.before), after: parseJson(a.after) })),
  }
}

/**
 * Reasons about parties (a listed party, a counterparty of one) name the accounts; here they also
 * name the alert's transfers to and from those accounts.
 */
export function reasonTransfers(reasons: Reason[], transfers: Row[]): Reason[] {
  return reasons.map((r) => {
    if (r.tx_ids || !r.accounts?.length) return r
    const mine = new Set(r.accounts)
    const tx_ids = transfers
      .filter((t) => mine.has(String(t.debtor_account)) || mine.has(String(t.creditor_account)))
      .map((t) => String(t.tx_id))
      .sort()
    return { ...r, tx_ids }
  })
}
