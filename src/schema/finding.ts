// Findings: what a detector reports, a union tagged by typology. Detectors return these; scoring reads
// them. Every finding lists all its transfers and accounts, its time span, the money in and out, the
// measures scoring bands on, and one plain-language sentence.
import { z } from 'zod'
import { TYPOLOGIES } from './enums.ts'

export { TYPOLOGIES }
export const Typology = z.enum(TYPOLOGIES)
export type Typology = z.infer<typeof Typology>

/** The fields every finding has, whatever found it (a detector, or screening: score/screening-finding.ts). */
export const FINDING_BASE = {
  /** Deterministic key: the same pattern over the same transfers gives the same key. */
  key: z.string(),
  tx_ids: z.array(z.string()).min(1),
  accounts: z.array(z.string()).min(1),
  first_ts: z.string(),
  last_ts: z.string(),
  /**
   * Money entering the pattern (first hop(s)) and leaving it (last hop(s)), in `currency`: the base
   * currency when every transfer has a reference rate, else the transfers' own currency.
   */
  amount_in: z.number(),
  amount_out: z.number(),
  currency: z.string(),
  /** The transfers' own currencies, sorted. */
  currencies: z.array(z.string()).optional(),
  /**
   * amount_in in the base currency (config fx.base_currency) at each transfer's date; null when a
   * transfer's currency has no reference rate. Alerts carry it as total_amount_base.
   */
  amount_base: z.number().nullable().optional(),
  span_hours: z.number(),
  explanation: z.string(),
  /** True when a work bound cut the search short around this finding. */
  truncated: z.boolean().default(false),
  /** Evidence beyond the shape, judged against the accounts' own history (detect/evidence.ts). */
  signals: z.record(z.string(), z.number()).optional(),
}

export const CycleFinding = z.object({
  typology: z.literal('cycle'),
  ...FINDING_BASE,
  measures: z.object({
    hops: z.number(),
    retention: z.number(),
    min_hop_ratio: z.number(),
    /** 1: each hop after the previous (a time-ordered ring); 0: one value passed round in any order. */
    ordered: z.number().optional(),
    span_days: z.number().optional(),
    /** 1: one value (within 1%) went round three or more accounts. */
    same_value_ring: z.number().optional(),
    /** 1: two accounts, the same sum straight back (a returned payment or a repaid loan). */
    returned: z.number().optional(),
  }),
})
export const LayeringFinding = z.object({
  typology: z.literal('layering'),
  ...FINDING_BASE,
  measures: z.object({
    hops: z.number(),
    retention: z.number(),
    max_dwell_hours: z.number(),
    /** 1 for a walk through short-lived accounts (detect/walk.ts), not a time-ordered chain. */
    walk: z.number().optional(),
    members: z.number().optional(),
    /** 1 when one unusual value passed between the accounts (detect/value-flows.ts). */
    same_value: z.number().optional(),
  }),
})
export const ScatterGatherFinding = z.object({
  typology: z.enum(['scatter_gather', 'gather_scatter']),
  ...FINDING_BASE,
  measures: z.object({
    width: z.number(),
    sources: z.number(),
    destinations: z.number(),
    retention: z.number(),
    /** gather_scatter: share of the hub's window transfers that belong to the pattern. */
    hub_share: z.number().optional(),
    /** gather_scatter: share of the outflow already received before it left. */
    covered_share: z.number().optional(),
    /** scatter_gather: share of the branches paid on after they were paid (AMLworld's are not all). */
    ordered_share: z.number().optional(),
  }),
})
export const BipartiteFinding = z.object({
  typology: z.enum(['bipartite', 'stack']),
  ...FINDING_BASE,
  measures: z.object({
    layers: z.number(),
    width: z.number(),
    sources: z.number(),
    destinations: z.number(),
    retention: z.number(),
    /** Share of the source × destination pairs that paid (bipartite; 1 is a complete set). */
    density: z.number().optional(),
  }),
})
export const FanFinding = z.object({
  typology: z.enum(['fan_in', 'fan_out']),
  ...FINDING_BASE,
  measures: z.object({
    width: z.number(),
    center: z.string(),
    // What tells payroll and merchants from mules (see src/detect/fan.ts).
    payroll_share: z.number().optional(),
    repeat_share: z.number().optional(),
    pass_through: z.number().optional(),
    median_amount: z.number().optional(),
    amount_cv: z.number().optional(),
    batch_hours: z.number().optional(),
    burst_ratio: z.number().optional(),
    payroll_like: z.boolean().optional(),
    merchant_like: z.boolean().optional(),
    /** Counterparties never dealt with before (absent when too little history to judge). */
    new_counterparties: z.number().optional(),
    /** 1 when enough history preceded the fan to judge novelty. */
    history: z.number().optional(),
    /** 1 for a fan of one value (see detect/fan.ts), 0 for a burst. */
    same_value: z.number().optional(),
    /**
     * 1 when the fan's amounts are near-equal (amount_cv under fan.even_split_cv) and the centre
     * passed the money on (pass_through 0.8–1.25): a sum split evenly through a mule.
     */
    even_split: z.number().optional(),
    /** 1 when pass_through's few legs carry under 80% of that side's money (a busy account's). */
    pass_scattered: z.number().optional(),
  }),
})
export const StructuringFinding = z.object({
  typology: z.literal('structuring'),
  ...FINDING_BASE,
  measures: z.object({
    count: z.number(),
    threshold: z.number(),
    center: z.string(),
    direction: z.enum(['in', 'out']).optional(),
    share: z.number().optional(),
    /** Accounts expected to show this by chance in the window (see detect/structuring.ts). */
    chance: z.number().optional(),
    /** What was structured, for the reason text ('just under the 10,000 reporting threshold'). */
    what: z.string().optional(),
    /** 1 for one amount paid several times to one payee within repeat_hours (a split payment). */
    repeated: z.number().optional(),
  }),
})

export const Finding = z.union([
  CycleFinding,
  LayeringFinding,
  ScatterGatherFinding,
  BipartiteFinding,
  FanFinding,
  StructuringFinding,
])
export type Finding = z.infer<typeof Finding>
export type CycleFinding = z.infer<typeof CycleFinding>
export type LayeringFinding = z.infer<typeof LayeringFinding>
export type ScatterGatherFinding = z.infer<typeof ScatterGatherFinding>
export type BipartiteFinding = z.infer<typeof BipartiteFinding>
export type FanFinding = z.infer<typeof FanFinding>
export type StructuringFinding = z.infer<typeof StructuringFinding>
