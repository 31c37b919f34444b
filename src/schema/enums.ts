// The values of the schemas' enums (alert statuses, typologies, outcomes), without zod: the schemas
// build their enums from these, and the dashboards import them as values (importing a schema file
// would bundle zod into the browser's script).

export const ALERT_STATUSES = [
  'new',
  'in_review',
  'escalated',
  'proposed_close',
  'proposed_report',
  'closed_false_positive',
  'closed_benign',
  'reported',
] as const

/** The closing statuses: the decisions a proposal asks for (four eyes). */
export const OUTCOMES = ['closed_false_positive', 'closed_benign', 'reported'] as const

export const TYPOLOGIES = [
  'cycle',
  'layering',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'stack',
  'fan_in',
  'fan_out',
  'structuring',
  'sanctions',
  'goods_mismatch',
] as const
