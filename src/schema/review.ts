// The review step of an alert (GET /api/alerts/:id, field `review`): the pending proposal with its
// reason and the evidence it cites, the decision once taken, and the strong watch-list hits that
// make a false-positive closure need a confirmation. The dashboards import these types (type-only).
import { z } from 'zod'

export const CitedEvidence = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('transfer'),
    id: z.string(),
    hop: z.number().nullable(),
    ts: z.string(),
    amount: z.string(),
    currency: z.string(),
    debtor_name: z.string().nullable(),
    creditor_name: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('hit'),
    id: z.string(),
    name: z.string(),
    caption: z.string(),
    entry_id: z.string(),
    list_source: z.string(),
    score: z.number(),
  }),
])
export type CitedEvidence = z.infer<typeof CitedEvidence>

export const Proposal = z.object({
  by: z.string(),
  outcome: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  evidence: z.array(CitedEvidence),
})
export type Proposal = z.infer<typeof Proposal>

export const Decision = z.object({
  outcome: z.string(),
  by: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  proposed_by: z.string().nullable(),
  proposal_reason: z.string().nullable(),
  /** "Closed as false positive by sup1 on demo-analyst's proposal" */
  line: z.string(),
})
export type Decision = z.infer<typeof Decision>

export const StrongHitView = z.object({
  hit_id: z.string(),
  account: z.string(),
  name: z.string(),
  caption: z.string(),
  entry_id: z.string(),
  list_source: z.string(),
  score: z.number(),
})

export const Review = z.object({
  proposal: Proposal.nullable(),
  decision: Decision.nullable(),
  /** Open hits at or above strong_hit_score: closing as a false positive needs a confirmation. */
  strong_hits: z.array(StrongHitView),
  strong_hit_score: z.number(),
  /** A reason "of at least a sentence": words and characters. */
  sentence: z.object({ words: z.number(), chars: z.number() }),
})
export type Review = z.infer<typeof Review>

export const Assignee = z.object({ id: z.string(), role: z.string() })
export type Assignee = z.infer<typeof Assignee>
