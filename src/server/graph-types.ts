// The graph the API sends to the network views (JSON, or Arrow IPC: a nodes stream followed by an
// edges stream in one response body).
import { z } from 'zod'

export const GraphNode = z.object({
  id: z.string(),
  name: z.string().nullable(),
  country: z.string().nullable(),
  community: z.number().nullable(),
  exposure_hops: z.number().nullable(),
  hit_score: z.number().nullable(),
  hit_name: z.string().nullable(),
  /** Hops from the ego account (0 = itself); null in an alert's graph. */
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
  /** Transfers collapsed into this edge. */
  count: z.number(),
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

export interface GraphPayload {
  nodes: GraphNode[]
  edges: GraphEdge[]
  meta: Record<string, unknown>
}
