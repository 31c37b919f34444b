// Everything the alert page shows: the alert with its finding and reasons, its transfers in hop
// order, the parties, watch-list hits, goods and route flags, notes, versions and the audit trail.
import type { Queries } from '../../store/index.ts'
import { NotFoundError } from '../../util/errors.ts'
import { parseJson } from './alerts.ts'

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
      reasons: parseJson(alert.reasons),
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
