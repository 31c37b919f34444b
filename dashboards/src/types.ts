// Shapes of the API's answers, as the dashboards use them.

export interface Reason {
  code: string
  text: string
  weight: number
}

export interface AlertSummary {
  id: string
  typology: string
  score: number
  status: string
  accounts: string[]
  account_count: number
  first_ts: string
  last_ts: string
  total_amount: string
  currency: string
  /** The amount in base_currency (the queue sorts by it); null when a currency had no rate. */
  total_amount_base: string | null
  base_currency: string | null
  reasons: Reason[]
  community: number | null
  assignee: string | null
  proposed_by: string | null
  proposed_outcome?: string | null
  updated_at: string
}

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
