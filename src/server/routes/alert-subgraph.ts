// The alert's subgraph for the network view: one edge per transfer of the pattern (with its hop
// order, amount and goods flag), other transfers among the same accounts around its span, and the
// one-hop context: each pattern account's top counterparties outside the pattern around its span
// (one edge per pair, direction and currency, as in the ego network), with a count of the rest.
import type { Queries } from '../../store/index.ts'
import type { Payment } from '../../schema/transfer.ts'
import { NotFoundError } from '../../util/errors.ts'
import type { GraphEdge, GraphNode, Graph } from '../../schema/graph.ts'
import { nodeContext } from '../network/context.ts'
import { hopEdge, type HopSource } from '../network/hop.ts'
import { microsOfIso } from '../../graph/index.ts'

/** Counterparties outside the pattern shown per pattern account (the largest by amount). */
export const CONTEXT_PER_ACCOUNT = 5
/** Days before the pattern's first and after its last transfer that context transfers are taken from. */
export const CONTEXT_DAYS = 7
const DAY_US = 86_400_000_000

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

/** The edge of one transfer (not collapsed): in the pattern with its hop, or context. */
function transferEdge(
  t: Pick<
    TransferRow,
    'tx_id' | 'ts' | 'amount' | 'currency' | 'debtor_account' | 'creditor_account'
  >,
  place: Pick<GraphEdge, 'order' | 'in_pattern' | 'goods'>,
): GraphEdge {
  return {
    id: t.tx_id,
    source: t.debtor_account,
    target: t.creditor_account,
    count: 1,
    amount: t.amount,
    currency: t.currency,
    first_ts: t.ts,
    last_ts: t.ts,
    ...place,
  }
}

export async function alertSubgraph(reads: Queries, hops: HopSource, id: string): Promise<Graph> {
  const alert = await reads.one<{
    accounts: string[]
    typology: string
    first_ts: string
    last_ts: string
  }>('server/alert-get', { id })
  if (!alert) throw new NotFoundError(`no alert ${id}`, { id })
  const [transfers, context, goods] = await Promise.all([
    reads.all<TransferRow>('server/alert-transfers', { id }),
    reads.all<
      Omit<
        TransferRow,
        'hop' | 'debtor_name' | 'debtor_country' | 'creditor_name' | 'creditor_country'
      >
    >('server/alert-context-edges', { id, pad_days: CONTEXT_DAYS, limit: 500 }),
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
    return transferEdge(t, {
      order: Number(t.hop),
      in_pattern: true,
      goods: goodsByTx.get(t.tx_id) ?? null,
    })
  })
  for (const t of context) {
    if (!info.has(t.debtor_account)) note(t.debtor_account, null, null)
    if (!info.has(t.creditor_account)) note(t.creditor_account, null, null)
    edges.push(transferEdge(t, { order: null, in_pattern: false, goods: null }))
  }
  for (const a of alert.accounts) if (!info.has(a)) note(a, null, null)
  const inPattern = new Set(alert.accounts)
  const more = await oneHopContext(hops, alert, inPattern, edges, note)
  const ctx = await nodeContext(reads, [...info.keys()])
  const nodes: GraphNode[] = [...info].map(([acc, i]) => ({
    id: acc,
    name: i.name,
    country: i.country,
    ...ctx(acc),
    hop: inPattern.has(acc) ? 0 : 1,
    expanded: inPattern.has(acc),
    more: more.get(acc) ?? 0,
    focus: inPattern.has(acc),
  }))
  return {
    nodes,
    edges,
    meta: {
      alert_id: id,
      typology: alert.typology,
      context_limit: CONTEXT_PER_ACCOUNT,
      context_days: CONTEXT_DAYS,
    },
  }
}

/**
 * Adds each pattern account's top counterparties outside the pattern (and their edges) around the
 * pattern's span; returns per pattern account the count of counterparties left out.
 */
async function oneHopContext(
  hops: HopSource,
  alert: { accounts: string[]; first_ts: string; last_ts: string },
  inPattern: Set<string>,
  edges: GraphEdge[],
  note: (acc: string, name: string | null, country: string | null) => void,
): Promise<Map<string, number>> {
  const from = microsOfIso(alert.first_ts) - CONTEXT_DAYS * DAY_US
  const to = microsOfIso(alert.last_ts) + CONTEXT_DAYS * DAY_US
  const iso = (us: number) => new Date(us / 1000).toISOString()
  const rows = await hops.hop({
    accounts: alert.accounts,
    from,
    to,
    fromIso: iso(from),
    toIso: iso(to),
    minAmount: null,
    maxAmount: null,
    minText: null,
    maxText: null,
    limit: CONTEXT_PER_ACCOUNT + alert.accounts.length,
  })
  const shown = new Map<string, Set<string>>()
  const degree = new Map<string, number>()
  for (const r of rows) {
    degree.set(r.anchor, Number(r.degree))
    // transfers among the pattern's accounts come one by one from alert-context-edges
    if (inPattern.has(r.other)) continue
    let s = shown.get(r.anchor)
    if (!s) shown.set(r.anchor, (s = new Set()))
    if (!s.has(r.other) && s.size >= CONTEXT_PER_ACCOUNT) continue
    s.add(r.other)
    note(r.other, r.other_name, r.other_country)
    edges.push(hopEdge(r))
  }
  // counterparties outside the pattern that are not drawn: all of an account's counterparties in
  // the window, less its partners in the pattern's accounts (their transfers are all drawn) and
  // those shown
  const partners = new Map<string, Set<string>>()
  for (const e of edges)
    if (inPattern.has(e.source) && inPattern.has(e.target))
      for (const [a, b] of [
        [e.source, e.target],
        [e.target, e.source],
      ]) {
        let s = partners.get(a)
        if (!s) partners.set(a, (s = new Set()))
        s.add(b)
      }
  const more = new Map<string, number>()
  for (const a of alert.accounts) {
    const left = (degree.get(a) ?? 0) - (partners.get(a)?.size ?? 0) - (shown.get(a)?.size ?? 0)
    more.set(a, Math.max(0, left))
  }
  return more
}
