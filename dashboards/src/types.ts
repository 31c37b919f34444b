// Shapes of the API's answers, as the dashboards use them.

export type { Reason } from '../../src/schema/alert.ts'

/** A row of the alert queue (GET /api/alerts), as the server's schema defines it. */
export type { AlertQueueRow as AlertSummary } from '../../src/schema/queue.ts'

/** The network views' graph (GET /api/alerts/:id/graph, GET /api/network), as the server's schema defines it. */
export type { Graph, GraphEdge, GraphNode, GraphMeta } from '../../src/schema/graph.ts'

export interface Me {
  id: string
  role: string
  permissions: string[]
  case_actions: string[]
}
