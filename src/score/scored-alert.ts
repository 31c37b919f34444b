// What scoring produces: one candidate alert per finding, with its score and its reasons sorted by
// weight. The pipeline merges these into the alerts table.
import { z } from 'zod'
import { Reason } from '../schema/alert.ts'
import { Typology } from '../schema/finding.ts'
import { HitRecord } from '../schema/hit.ts'

export const ScoredAlert = z.object({
  id: z.string(),
  typology: Typology,
  /** The finding key (pattern key) the id derives from. */
  key: z.string(),
  accounts_key: z.string(),
  score: z.number().min(0),
  reasons: z.array(Reason),
  accounts: z.array(z.string()),
  tx_ids: z.array(z.string()),
  first_ts: z.string(),
  last_ts: z.string(),
  total_amount: z.number(),
  currency: z.string(),
  /** total_amount in base_currency (from the finding's amount_base); null when not known. */
  total_amount_base: z.number().nullable(),
  base_currency: z.string(),
  /** Codes of the reasons that are independent risk signals; none: the shape alone (never alerts). */
  evidence: z.array(z.string()).default([]),
  /** Every typology of the findings grouped into this alert, the alert's own first. */
  typologies: z.array(Typology).default([]),
  community: z.number().nullable(),
  /** The finding behind the alert, as the detector or screening gave it. */
  finding: z.record(z.string(), z.unknown()),
  /** The screening hits behind a sanctions alert, each a full record. */
  hits: z.array(HitRecord).optional(),
})
export type ScoredAlert = z.infer<typeof ScoredAlert>
