// The alert's subgraph for the network view: one edge per transfer of the pattern (with its hop
// order, amount and goods flag) plus other transfers among the same accounts around its span.
import type { Queries } from '../../store/index.ts'
import type { Payment } from '../../schema/transfer.ts'
import { NotFoundError } from '../../util/errors.ts'
import type { GraphEdge, GraphNode, GraphPayload } from '../graph-types.ts'
import { nodeContext } from '../network/context.ts'

/** A transfer of the pattern: the payment's fields the network view shows, with its hop order. */
type TransferRow = Pick<
  Payment,
  | 'tx_id'
  | 'ts'
  | 'amount'
  | 'currency'
  | 'debtor_account'
  | 'debtor_name'
  | 'debtor_country'
  | 'creditor_account'
  | 'creditor_name'
  | 'creditor_country'
> & { hop: number }

export async function alertSubgraph(reads: Queries, id: string): Promise<GraphPayload> {
  const alert = await reads.one<{ accounts: string[]; typology: string }>('server/alert-get', {
    id,
  })
  if (!alert) throw new NotFoundError(`no alert ${id}`, { id })
  const [transfers, context, goods] = await Promise.all([
    reads.all<TransferRow>('server/alert-transfers', { id }),
    reads.all<
      Omit<
        TransferRow,
        'hop' | 'debtor_name' | 'debtor_country' | 'creditor_name' | 'creditor_country'
      >
    >('server/alert-context-edges', { id, pad_days: 7, limit: 500 }),
    reads.all<{ tx_id: string; category: string | null }>('server/alert-goods', { id }),
  ])
  const goodsByTx = new Map(goods.filter((g) => g.category).map((g) => [g.tx_id, g.category]))
  const info = new Map<string, { name: string | null; country: string | null }>()
  const note = (acc: string, name: string | null, country: string | null) => {
    const cur = info.get(acc)
    if (!cur || (!cur.name && name) || (!cur.country && country))
      info.set(acc, { name: name ?? cur?.name ?? null, country: country ?? cur?.country ?? null })
  }
  const edges: GraphEdge[] = transfers.map((t) => {
    note(t.debtor_account, t.debtor_name, t.debtor_country)
    note(t.creditor_account, t.creditor_name, t.creditor_country)
    return {
      id: t.tx_id,
      source: t.debtor_account,
      target: t.creditor_account,
      count: 1,
      amount: t.amount,
      currency: t.currency,
      first_ts: t.ts,
      last_ts: t.ts,
      order: Number(t.hop),
      in_pattern: true,
      goods: goodsByTx.get(t.tx_id) ?? null,
    }
  })
  for (const t of context) {
    if (!info.has(t.debtor_account)) note(t.debtor_account, null, null)
    if (!info.has(t.creditor_account)) note(t.creditor_account, null, null)
    edges.push({
      id: t.tx_id,
      source: t.debtor_account,
      target: t.creditor_account,
      count: 1,
      amount: t.amount,
      currency: t.currency,
      first_ts: t.ts,
      last_ts: t.ts,
      order: null,
      in_pattern: false,
      goods: null,
    })
  }
  for (const a of alert.accounts) if (!info.has(a)) note(a, null, null)
  const ctx = await nodeContext(reads, [...info.keys()])
  const inPattern = new Set(alert.accounts)
  const nodes: GraphNode[] = [...info].map(([acc, i]) => ({
    id: acc,
    name: i.name,
    country: i.country,
    ...ctx(acc),
    hop: null,
    expanded: true,
    more: 0,
    focus: inPattern.has(acc),
  }))
  return { nodes, edges, meta: { alert_id: id, typology: alert.typology } }
}
