// The graph the API sends to the network views (JSON, or Arrow IPC: a nodes stream followed by an
// edges stream in one response body): the alert's subgraph and the explorer's ego network.
import { z } from 'zod'

export const GraphNode = z.object({
  id: z.string(),
  name: z.string().nullable(),
  country: z.string().nullable(),
  community: z.number().nullable(),
  exposure_hops: z.number().nullable(),
  hit_score: z.number().nullable(),
  hit_name: z.string().nullable(),
  /** Hops from the ego account (0 = itself); in an alert's graph 0 for its accounts, 1 for context. */
  hop: z.number().nullable(),
  /** Neighbours were listed for this node (an expanded node). */
  expanded: z.boolean(),
  /** Counterparties left out by the per-node cap. */
  more: z.number(),
  /** In the alert's pattern (alert graph) or the ego account itself (ego network). */
  focus: z.boolean(),
})
export type GraphNode = z.infer<typeof GraphNode>

export const GraphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  /** Transfers collapsed into this edge (all in `currency`). */
  count: z.number(),
  /** The sum of the transfers' amounts in `currency`: an edge never mixes currencies. */
  amount: z.string(),
  currency: z.string().nullable(),
  first_ts: z.string(),
  last_ts: z.string(),
  /** Position in the alert's flow (1 = first), null for context edges. */
  order: z.number().nullable(),
  /** Part of the alert's pattern (the ring). */
  in_pattern: z.boolean(),
  goods: z.string().nullable(),
})
export type GraphEdge = z.infer<typeof GraphEdge>

/** A filter of the ego network that can leave the ego account without any transfer. */
export const GraphFilter = z.enum(['dates', 'amounts'])
export type GraphFilter = z.infer<typeof GraphFilter>

export const GraphMeta = z.object({
  /** Alert graph: the alert and its typology (which picks the layout). */
  alert_id: z.string().optional(),
  typology: z.string().optional(),
  /** Case graph: the case and its alerts (all their patterns in one graph). */
  case_id: z.string().optional(),
  alerts: z.array(z.string()).optional(),
  /** Alert graph: counterparties outside the pattern shown per pattern account, and the days around its span. */
  context_limit: z.number().optional(),
  context_days: z.number().optional(),
  /** Ego network: the query it answers. */
  account: z.string().optional(),
  hops: z.number().optional(),
  limit: z.number().optional(),
  /** The whole graph's node cap was reached. */
  truncated: z.boolean().optional(),
  /**
   * Ego network without a single link: the ego account's transfers in total (no filter), and the
   * filters each of which alone leaves it without transfers (dropping it brings some back).
   */
  unfiltered_transfers: z.number().optional(),
  emptied_by: z.array(GraphFilter).optional(),
})
export type GraphMeta = z.infer<typeof GraphMeta>

export const Graph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  meta: GraphMeta,
})
export type Graph = z.infer<typeof Graph>
