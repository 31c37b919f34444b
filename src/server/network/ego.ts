// The ego network of one account: its counterparties, theirs, … up to `hops` (1–3), each node
// capped at its top `limit` counterparties by amount with a count of the rest ("N more"), the
// whole graph capped at `max_nodes`. Parallel transfers between two accounts collapse into one edge.
import { z } from 'zod'
import type { Queries } from '../../store/index.ts'
import { NotFoundError } from '../../util/errors.ts'
import { microsOfIso } from '../../graph/index.ts'
import { hopEdge, type HopSource } from './hop.ts'
import type { GraphEdge, GraphFilter, GraphNode, Graph } from '../../schema/graph.ts'
import { nodeContext } from './context.ts'
import { IsoDate } from '../validate.ts'

const Amount = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a decimal amount')

export const EgoQuery = z
  .object({
    account: z.string().min(1).max(100),
    hops: z.coerce.number().int().min(1).max(3).default(1),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    min_amount: Amount.optional(),
    max_amount: Amount.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(25),
    max_nodes: z.coerce.number().int().min(1).max(5000).default(2000),
  })
  .strict()
export type EgoQuery = z.infer<typeof EgoQuery>

type Draft = Omit<GraphNode, 'community' | 'exposure_hops' | 'hit_score' | 'hit_name'>

export async function egoNetwork(reads: Queries, hops: HopSource, q: EgoQuery): Promise<Graph> {
  const root = await hops.account(q.account)
  if (!root || !root.tx_count) throw new NotFoundError(`no transfers of account ${q.account}`)
  const nodes = new Map<string, Draft>()
  nodes.set(q.account, {
    id: q.account,
    name: root.name,
    country: root.country,
    hop: 0,
    expanded: false,
    more: 0,
    focus: true,
  })
  const edges = new Map<string, GraphEdge>()
  let truncated = false
  let frontier = [q.account]
  for (let h = 1; h <= q.hops && frontier.length; h++) {
    const rows = await hops.hop(hopQuery(q, frontier, q.limit))
    const next: string[] = []
    const shown = new Map<string, Set<string>>()
    const degree = new Map<string, number>()
    for (const r of rows) {
      degree.set(r.anchor, Number(r.degree))
      if (!nodes.has(r.other)) {
        if (nodes.size >= q.max_nodes) {
          truncated = true
          continue
        }
        nodes.set(r.other, {
          id: r.other,
          name: r.other_name,
          country: r.other_country,
          hop: h,
          expanded: false,
          more: 0,
          focus: false,
        })
        next.push(r.other)
      }
      let s = shown.get(r.anchor)
      if (!s) shown.set(r.anchor, (s = new Set()))
      s.add(r.other)
      const edge = hopEdge(r)
      if (!edges.has(edge.id)) edges.set(edge.id, edge)
    }
    for (const a of frontier) {
      const n = nodes.get(a)!
      n.expanded = true
      n.more = (degree.get(a) ?? 0) - (shown.get(a)?.size ?? 0)
    }
    frontier = next
  }
  const ctx = await nodeContext(reads, [...nodes.keys()])
  return {
    nodes: [...nodes.values()].map((n) => ({ ...n, ...ctx(n.id) })),
    edges: [...edges.values()],
    meta: {
      account: q.account,
      hops: q.hops,
      limit: q.limit,
      truncated,
      ...(edges.size ? {} : await emptiedBy(hops, q, root.tx_count)),
    },
  }
}

/** One hop of the query's filters over `accounts`. */
function hopQuery(q: EgoQuery, accounts: string[], limit: number): Parameters<HopSource['hop']>[0] {
  return {
    accounts,
    from: q.from ? microsOfIso(q.from) : null,
    to: q.to ? microsOfIso(q.to) : null,
    fromIso: q.from ?? null,
    toIso: q.to ?? null,
    minAmount: q.min_amount ? Number(q.min_amount) : null,
    maxAmount: q.max_amount ? Number(q.max_amount) : null,
    minText: q.min_amount ?? null,
    maxText: q.max_amount ?? null,
    limit,
  }
}

/**
 * Why an ego network has no link: the account's transfers in all, and the filters that emptied it —
 * each filter whose removal alone brings transfers back, or both when only dropping both does.
 */
async function emptiedBy(
  hops: HopSource,
  q: EgoQuery,
  total: number,
): Promise<Pick<Graph['meta'], 'unfiltered_transfers' | 'emptied_by'>> {
  const dates = !!(q.from || q.to)
  const amounts = !!(q.min_amount || q.max_amount)
  const some = async (w: Partial<EgoQuery>) =>
    (await hops.hop(hopQuery({ ...q, ...w }, [q.account], 1))).length > 0
  const noDates = { from: undefined, to: undefined }
  const noAmounts = { min_amount: undefined, max_amount: undefined }
  const by: GraphFilter[] = []
  if (dates && (await some(noDates))) by.push('dates')
  if (amounts && (await some(noAmounts))) by.push('amounts')
  if (!by.length && dates && amounts) by.push('dates', 'amounts')
  return { unfiltered_transfers: Number(total), emptied_by: by }
}
