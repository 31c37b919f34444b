// Detector settings (config section `detect`); defaults from ARCHITECTURE.md "Detection semantics".
import { z } from 'zod'

const int = () => z.number().int().positive()

export const DetectConfig = z.object({
  cycle: z
    .object({
      min_hops: z.number().int().min(2).default(2),
      max_hops: z.number().int().max(12).default(8),
      max_span_days: z.number().positive().default(30),
      min_hop_ratio: z.number().positive().default(0.7),
      max_hop_ratio: z.number().positive().default(1.1),
      two_cycle_tolerance: z.number().nonnegative().default(0.02),
      /** Every hop in the cycle's currency (amounts in different currencies are not compared). */
      same_currency: z.boolean().default(true),
      /**
       * Work bounds (edges examined, about 10–15 M per second): per start account (a hub with
       * 100 k transfers needs a few million) and for the whole search.
       */
      max_steps_per_start: int().default(50_000_000),
      max_steps: int().default(1_000_000_000),
      /** Transfer-level instances kept per account cycle before picking disjoint ones. */
      max_instances_per_cycle: int().default(256),
      /** Budget (pairs scanned) of the backward bound computed per start account. */
      bound_budget: int().default(20_000),
    })
    .prefault({}),
  layering: z
    .object({
      min_hops: z.number().int().min(2).default(3),
      max_dwell_hours: z.number().positive().default(72),
      min_forward_ratio: z.number().positive().default(0.8),
      max_forward_ratio: z.number().positive().default(1.1),
      /** Intermediaries with at most this many transfers (in + out) in the window: "little other activity". */
      max_intermediary_degree: int().default(6),
      max_findings: int().default(100_000),
    })
    .prefault({}),
  scatter_gather: z
    .object({
      min_width: z.number().int().min(2).default(3),
      max_span_days: z.number().positive().default(7),
      min_pass_ratio: z.number().positive().default(0.8),
      max_pass_ratio: z.number().positive().default(1.1),
      max_intermediary_degree: int().default(10),
    })
    .prefault({}),
  gather_scatter: z
    .object({
      min_sources: z.number().int().min(2).default(3),
      min_destinations: z.number().int().min(2).default(3),
      max_span_days: z.number().positive().default(7),
      min_pass_ratio: z.number().positive().default(0.8),
      max_pass_ratio: z.number().positive().default(1.2),
      /** Hubs with more transfers than this in one 7-day window are businesses, not pass-throughs. */
      max_window_transfers: int().default(200),
      /** Share of the hub's transfers in the whole window that belong to the pattern (pass-through hubs do little else). */
      min_hub_share: z.number().min(0).max(1).default(0.5),
      /** Share of the outflow already received before it left (see detect/scatter-gather.ts). */
      min_covered_share: z.number().min(0).max(1).default(0.8),
    })
    .prefault({}),
  bipartite: z
    .object({
      min_sources: z.number().int().min(2).default(3),
      min_destinations: z.number().int().min(2).default(3),
      max_span_days: z.number().positive().default(7),
      /** Accounts with more distinct counterparties than this are not considered members. */
      max_degree: int().default(50),
      /** Share of the destinations each source must pay (AMLSim's bipartite is complete: 1). */
      min_density: z.number().positive().max(1).default(0.8),
      /** A layer passes on at least this share of what the previous layer paid it. */
      stack_min_pass: z.number().positive().default(0.5),
      stack_max_gap_days: z.number().positive().default(7),
    })
    .prefault({}),
  fan: z
    .object({
      min_counterparties: z.number().int().min(2).default(8),
      window_hours: z.number().positive().default(72),
      /** Drop fan-outs that look like payroll (see detect/fan.ts) and fan-ins that look like a merchant. */
      drop_payroll_like: z.boolean().default(true),
      drop_merchant_like: z.boolean().default(true),
      /** Median payment at or under this (major units) counts as "small" for the merchant rule. */
      small_amount: z.number().positive().default(500),
      /**
       * A burst has at least this many times the account's usual transfers per window_hours (its
       * window-wide rate): steady hubs are not bursts.
       */
      min_burst_factor: z.number().min(0).default(3),
    })
    .prefault({}),
  structuring: z
    .object({
      threshold: z.number().positive().default(10_000),
      /** Per-currency thresholds overriding `threshold`. */
      thresholds: z.record(z.string(), z.number().positive()).default({}),
      band: z.number().positive().max(1).default(0.1),
      min_count: z.number().int().min(2).default(3),
      window_days: z.number().positive().default(7),
      /** Near-threshold transfers are at least this share of the account's transfers (that direction) in the same days. */
      min_share: z.number().min(0).max(1).default(0.5),
    })
    .prefault({}),
  communities: z
    .object({
      enabled: z.boolean().default(true),
      resolution: z.number().positive().default(1),
      /** Louvain visits nodes in random (seeded) order instead of id order: slower, same quality. */
      random_walk: z.boolean().default(false),
    })
    .prefault({}),
  exposure: z.object({ max_hops: z.number().int().min(0).max(6).default(3) }).prefault({}),
})
export type DetectConfig = z.infer<typeof DetectConfig>
