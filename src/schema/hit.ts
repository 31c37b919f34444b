// A screening hit as a record (issue 18): which account, which party name as written, which list
// and list version, which entity and which of its names (primary, alias, weak alias), the score with
// its parts and the rule that decided. Stored in party_hits, carried by sanctions alerts (hits[]),
// exported with them.
import { z } from 'zod'

/** The parts of a name score (names/compare.ts NameParts). */
export const NameScoreParts = z.object({
  token_overlap: z.number(),
  phonetic: z.number(),
  edit_distance: z.number(),
  legal_form: z.enum(['absent', 'same', 'compatible', 'different']),
  rule: z.enum(['tokens', 'compact', 'joined', 'truncated']),
})

/** The parts of a hit's score (hit-rules.ts HitParts): the name's, and what the context did. */
export const HitScoreParts = NameScoreParts.extend({
  name: z.number(),
  country: z.enum(['agree', 'disagree', 'unknown']),
  entity_type: z.enum(['agree', 'disagree', 'unknown']),
  birth_date: z.enum(['agree', 'disagree', 'unknown']),
  adjustments: z.object({ country: z.number(), entity_type: z.number(), birth_date: z.number() }),
})
export type HitScoreParts = z.infer<typeof HitScoreParts>

/** A hit as an alert carries and exports it (issue 18: a hit is a record). */
export const HitRecord = z.object({
  hit_id: z.string(),
  account: z.string(),
  /** The party name as the payments write it. */
  party_name: z.string(),
  list: z.string(),
  list_version: z.string(),
  entity_id: z.string(),
  entity_schema: z.string(),
  entity_caption: z.string(),
  matched_name: z.string(),
  name_kind: z.string(),
  score: z.number(),
  parts: HitScoreParts.nullable(),
  rule: z.string(),
  signals: z.array(z.string()),
  reason: z.enum(['screening', 'list_change']),
  opened_at: z.string(),
})
export type HitRecord = z.infer<typeof HitRecord>
