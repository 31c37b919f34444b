// Boundary types of screening: what importList and screenWindow return and what readScreening hands
// to scoring (party hits, goods flags, route flags).
import { z } from 'zod'
import { HitScoreParts, NameScoreParts, type HitRecord } from '../schema/hit.ts'

export { HitRecord, HitScoreParts, NameScoreParts } from '../schema/hit.ts'

/** What re-screening the parties already known found (rescreenKnownParties). */
export const RescreenSummary = z.object({
  names_screened: z.number(),
  opened: z.number(),
  refreshed: z.number(),
  reopened: z.number(),
  closed: z.number(),
  suppressed: z.number(),
  ms: z.number(),
})
export type RescreenSummary = z.infer<typeof RescreenSummary>

export const ListImportSummary = z.object({
  file: z.string(),
  kind: z.enum(['sanctions', 'goods', 'fx']),
  format: z.string(),
  source: z.string(),
  snapshot_id: z.string(),
  file_hash: z.string(),
  /** fx lists: the currency the rates are quoted against. */
  reference_currency: z.string().optional(),
  status: z.enum(['imported', 'unchanged']),
  entries: z.number(),
  names: z.number(),
  bad_rows: z.number(),
  errors: z.array(
    z.object({ line: z.number(), field: z.string().optional(), message: z.string() }),
  ),
  skipped: z.record(z.string(), z.number()),
  replaced: z.number(),
  /** The parties already known screened again against the new list version. */
  rescreen: RescreenSummary.optional(),
})
export type ListImportSummary = z.infer<typeof ListImportSummary>

export const ListSnapshot = z.object({
  snapshot_id: z.string(),
  kind: z.string(),
  format: z.string(),
  source: z.string(),
  file_path: z.string(),
  file_hash: z.string(),
  imported_at: z.string(),
  entries: z.number(),
  names: z.number(),
  bad_rows: z.number(),
  active: z.boolean(),
})
export type ListSnapshot = z.infer<typeof ListSnapshot>

export const HitExplanation = z.object({
  matched_name: z.string(),
  name_kind: z.string(),
  parts: NameScoreParts.optional(),
  /** The rule that decided and the second signals seen (added when the hit was decided). */
  rule: z.string().optional(),
  signals: z.array(z.string()).optional(),
  /** Topics of the list entry (sanction, export.control, poi, …). */
  topics: z.array(z.string()).default([]),
  tokens: z.array(z.object({ query: z.string(), list: z.string(), sim: z.number() })),
  only_query: z.array(z.string()),
  only_list: z.array(z.string()),
  text: z.string(),
})
export type HitExplanation = z.infer<typeof HitExplanation>

export const PartyHit = z.object({
  account: z.string(),
  name: z.string(),
  entry_id: z.string(),
  snapshot_id: z.string(),
  score: z.number(),
  list_source: z.string(),
  schema: z.string(),
  caption: z.string(),
  matched_name: z.string(),
  explanation: HitExplanation,
  hit_id: z.string(),
  /** name | alias | weakAlias | previousName */
  name_kind: z.string(),
  parts: HitScoreParts.nullable(),
  rule: z.string(),
  signals: z.array(z.string()),
  status: z.enum(['open', 'closed']),
  /** What opened it: a screening, or a list change (the entity newly listed). */
  reason: z.enum(['screening', 'list_change']),
  first_snapshot_id: z.string(),
  opened_at: z.string(),
  /** The account paid in the scan window (else it is raised for a list change alone). */
  in_window: z.boolean().default(true),
})
export type PartyHit = z.infer<typeof PartyHit>

/** The record of a kept party hit. */
export function hitRecord(h: PartyHit): HitRecord {
  return {
    hit_id: h.hit_id,
    account: h.account,
    party_name: h.name,
    list: h.list_source,
    list_version: h.snapshot_id,
    entity_id: h.entry_id,
    entity_schema: h.schema,
    entity_caption: h.caption,
    matched_name: h.matched_name,
    name_kind: h.name_kind,
    score: h.score,
    parts: h.parts,
    rule: h.rule,
    signals: h.signals,
    reason: h.reason,
    opened_at: h.opened_at,
  }
}

export const GoodsFlag = z.object({
  tx_id: z.string(),
  category: z.string(),
  tier: z.string(),
  source: z.enum(['hs', 'lexicon', 'both']),
  terms: z.array(z.string()),
  mismatch: z.boolean(),
  hs_code: z.string().nullable(),
  hs_prefix: z.string().nullable(),
  description: z.string().nullable(),
  /** The description's goods categories (lexicon), controlled or not. */
  declared_categories: z.array(z.string()).default([]),
  /** The HS 2022 successors an HS 2017 code was read as (empty: the code as declared). */
  hs2022: z.array(z.string()).default([]),
  /** The code's HS 2022 heading (4 digits). */
  code_heading: z.string().nullable().default(null),
  /** The goods-list category of a controlled code, else the ordinary category covering the code. */
  code_category: z.string().nullable().default(null),
  /** Why the description and the code disagree (null when they don't). */
  mismatch_reason: z.string().nullable().default(null),
})
export type GoodsFlag = z.infer<typeof GoodsFlag>

export const RouteFlags = z.object({
  tx_id: z.string(),
  sanctioned: z.boolean(),
  hub: z.boolean(),
  countries: z.array(z.string()),
  sanctioned_countries: z.array(z.string()),
  hub_countries: z.array(z.string()),
})
export type RouteFlags = z.infer<typeof RouteFlags>

export const ScreenSummary = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  transfers: z.number(),
  names_screened: z.number(),
  /** Names matched in this run (the others were screened before against the same lists). */
  names_new: z.number(),
  list_entries: z.number(),
  party_hits: z.number(),
  accounts_hit: z.number(),
  goods_flagged: z.number(),
  goods_mismatches: z.number(),
  routes_sanctioned: z.number(),
  routes_hub: z.number(),
  list_versions: z.record(z.string(), z.string()),
  ms: z.object({ names: z.number(), goods: z.number(), routes: z.number() }),
})
export type ScreenSummary = z.infer<typeof ScreenSummary>

export interface ScreeningContext {
  hitsByAccount: Map<string, PartyHit[]>
  /**
   * Payments of accounts newly listed by a list change that did not pay in the window (their
   * latest within the list-change period), so that the scan raises them with the change as reason.
   */
  listChangePayments: Map<string, ListChangePayment[]>
  goodsByTx: Map<string, GoodsFlag>
  routesByTx: Map<string, RouteFlags>
  /** Accounts first seen within the window's last 7 days. */
  newAccounts: Set<string>
  /** `kind:source` → active snapshot id. */
  listVersions: Record<string, string>
  /** The currency base amounts are in (config fx.base_currency). */
  baseCurrency: string
}

export interface ListChangePayment {
  tx_id: string
  ts: string
  amount: number
  currency: string
  debtor_account: string
  creditor_account: string
  purpose: string | null
  hs_code: string | null
}
