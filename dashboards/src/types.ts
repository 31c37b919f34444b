// Shapes of the API's answers, as the dashboards use them.

export interface Reason {
  code: string
  text: string
  weight: number
}

/** A row of the alert queue (GET /api/alerts), as the server's schema defines it. */
export type { AlertQueueRow as AlertSummary } from '../../src/schema/queue.ts'

export interface GraphNode {
  id: string
  name: string | null
  country: string | null
  community: number | null
  exposure_hops: number | null
  hit_score: number | null
  hit_name: string | null
  hop: number | null
  expanded: boolean
  more: number
  focus: boolean
}

export interface GraphEdge {
  id: string
  source: string
  target: string
  count: number
  amount: string
  currency: string | null
  first_ts: string
  last_ts: string
  order: number | null
  in_pattern: boolean
  goods: string | null
}

export interface Graph {
  nodes: GraphNode[]
  edges: GraphEdge[]
  meta: Record<string, unknown>
}

export interface Me {
  id: string
  role: string
  permissions: string[]
  case_actions: string[]
}
