// Detector settings (config section `detect`); defaults from ARCHITECTURE.md "Detection semantics".
// Every number is a statement about how money moves, with its reason beside it; none is fitted to
// one data set. Unknown keys are errors (a misspelt setting must not be silently ignored).
import { z } from 'zod'
import { EvidenceConfig } from './evidence.ts'

const int = () => z.number().int().positive()

export const DetectConfig = z.strictObject({
  /** The accounts' own history before the scan window: their usual counterparties and activity. */
  baseline: z
    .strictObject({
      /** Days before the window read as each account's normal (a quarter shows monthly rhythms). */
      lookback_days: z.number().int().min(0).default(90),
    })
    .prefault({}),
  evidence: EvidenceConfig,
  cycle: z
    .strictObject({
      min_hops: z.number().int().min(2).default(2),
      max_hops: z.number().int().max(12).default(8),
      /** Time-ordered rings: the whole ring within this span, each hop after the previous. */
      max_span_days: z.number().positive().default(30),
      /**
       * …and each hop within this time of the previous: money passed on within days (FATF: funds
       * moved on quickly). Slower rings that move one value are value rings (cycle.value).
       */
      max_hop_gap_days: z.number().positive().default(7),
      min_hop_ratio: z.number().positive().default(0.7),
      max_hop_ratio: z.number().positive().default(1.1),
      two_cycle_tolerance: z.number().nonnegative().default(0.02),
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
      /**
       * Value rings (detect/value-cycles.ts): one value passed round in any time order, slow rings
       * with hops weeks apart (AMLSim's cycles).
       */
      value: z
        .strictObject({
          enabled: z.boolean().default(true),
          /** Two accounts paying each other the same sum is a loan and its repayment: 3 or more. */
          min_hops: z.number().int().min(2).default(3),
          /** AMLworld's rings pass through ten currencies and more (IBM AMLworld, Altman et al. 2023). */
          max_hops: z.number().int().max(12).default(12),
          /** The slowest ring looked for: a quarter. */
          horizon_days: z.number().positive().default(90),
          /** Values within this share of each other are "one value" (FX moves and fees). */
          tolerance: z.number().positive().max(0.5).default(0.1),
          /**
           * …and a ring may lose up to this share at each change of currency beyond it (each hop
           * still within the tolerance of the one before): a conversion's FX margin is a percent
           * or two of a business payment, so a ring through ten conversions may arrive with a fifth
           * less than it started with. A ring in one currency keeps the tolerance.
           */
          hop_loss: z.number().min(0).max(0.2).default(0.02),
          max_steps_per_band: int().default(2_000_000),
          max_steps: int().default(200_000_000),
        })
        .prefault({}),
    })
    .prefault({}),
  value_flow: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Two pairs (three accounts) already move one value on or gather it. */
      min_pairs: z.number().int().min(2).default(2),
      /** "One value": within 2% (card and FX rounding), tighter than rings over several hops. */
      tolerance: z.number().positive().max(0.5).default(0.02),
      horizon_days: z.number().positive().default(90),
      /**
       * A fan of one value needs this many counterparties. Two is AMLSim's smallest fan (its
       * fan-in runs lose half their labelled accounts at three); raise it where two payers sending
       * one account the same sum (a price, a fee) is everyday and crowds the queue.
       */
      min_fan_width: z.number().int().min(2).default(2),
      /**
       * ... and at least this share of the centre's counterparties (window and lookback): a
       * collector paid by a hundred tenants or members, two of whom pay the same sum, is not a fan
       * (at 0.05 a two-payer fan needs a centre with at most 40 counterparties; 0.1 cost a quarter
       * of AMLSim's fan-in recall).
       */
      min_fan_share: z.number().min(0).max(1).default(0.05),
    })
    .prefault({}),
  layering: z
    .strictObject({
      min_hops: z.number().int().min(2).default(3),
      max_dwell_hours: z.number().positive().default(240),
      min_forward_ratio: z.number().positive().default(0.8),
      max_forward_ratio: z.number().positive().default(1.1),
      /** Intermediaries with at most this many transfers (in + out) in the window: "little other activity". */
      max_intermediary_degree: int().default(6),
      max_findings: int().default(100_000),
    })
    .prefault({}),
  walk: z
    .strictObject({
      /**
       * A walk (AMLworld "random", detect/walk.ts) moves money through accounts that do little else:
       * at most this many transfers in the window and lookback.
       */
      max_member_transfers: int().default(8),
      /** Each member pays on at least this share of what it received, within dwell_days. */
      min_pass_ratio: z.number().positive().default(0.7),
      max_pass_ratio: z.number().positive().default(1.25),
      max_dwell_days: z.number().positive().default(10),
      /** Members that pass money on (not counting where it starts and ends). */
      min_members: z.number().int().min(1).default(2),
      max_findings: int().default(100_000),
    })
    .prefault({}),
  scatter_gather: z
    .strictObject({
      /** Two intermediaries carrying one sum from one account to another already split it. */
      min_width: z.number().int().min(2).default(2),
      max_span_days: z.number().positive().default(7),
      min_pass_ratio: z.number().positive().default(0.8),
      max_pass_ratio: z.number().positive().default(1.1),
      max_intermediary_degree: int().default(10),
    })
    .prefault({}),
  gather_scatter: z
    .strictObject({
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
      min_covered_share: z.number().min(0).max(1).default(0.5),
    })
    .prefault({}),
  bipartite: z
    .strictObject({
      min_sources: z.number().int().min(2).default(2),
      min_destinations: z.number().int().min(2).default(2),
      /** At least this many transfers between the sets (2 × 2 with one crossing is already a web). */
      min_edges: z.number().int().min(3).default(4),
      max_span_days: z.number().positive().default(10),
      /** Accounts with more distinct counterparties than this are not considered members. */
      max_degree: int().default(30),
      /** Members do mostly this: at least this share of their transfers lie inside the set. */
      min_member_share: z.number().min(0).max(1).default(0.5),
      /** A layer passes on at least this share of what the previous layer paid it. */
      stack_min_pass: z.number().positive().default(0.5),
      stack_max_gap_days: z.number().positive().default(7),
    })
    .prefault({}),
  fan: z
    .strictObject({
      /** New counterparties within window_hours (AMLworld's fans reach 16; mule bursts start at a few). */
      min_counterparties: z.number().int().min(2).default(5),
      window_hours: z.number().positive().default(72),
      /** Drop fan-outs that look like payroll (see detect/fan.ts) and fan-ins that look like a merchant. */
      drop_payroll_like: z.boolean().default(true),
      drop_merchant_like: z.boolean().default(true),
      /** Median payment at or under this (major units) counts as "small" for the merchant rule. */
      small_amount: z.number().positive().default(500),
      /** A burst adds at least this many times the account's usual new counterparties per window_hours. */
      min_burst_factor: z.number().min(0).default(3),
      /**
       * Pass-through looks this many days past the fan (before a fan-out, after a fan-in): mules
       * that collect over days pay on days later, not within window_hours.
       */
      pass_horizon_days: z.number().positive().default(7),
      /** Pass-through counts the largest this-many legs on the other side (a mule pays on in a few). */
      pass_max_legs: z.number().int().min(1).default(3),
      /** A fan whose amounts vary less than this (coefficient of variation) and that passed the money on is an even split. */
      even_split_cv: z.number().min(0).default(0.05),
    })
    .prefault({}),
  structuring: z
    .strictObject({
      threshold: z.number().positive().default(10_000),
      /** Per-currency thresholds overriding `threshold`. */
      thresholds: z.record(z.string(), z.number().positive()).default({}),
      band: z.number().positive().max(1).default(0.2),
      min_count: z.number().int().min(2).default(3),
      window_days: z.number().positive().default(14),
      /** Near-threshold transfers are at least this share of the account's transfers (that direction) in the same days. */
      min_share: z.number().min(0).max(1).default(0.5),
      /**
       * One amount paid at least repeat_min times by one account to one payee within repeat_hours:
       * a sum split into identical payments (FATF: "multiple transactions of the same amount"; a
       * payment sent twice by mistake is one repeat and still worth a look). 0 turns it off.
       */
      repeat_min: z.number().int().min(0).default(2),
      /** Payments to one payee within repeat_hours, whatever their amounts, that split a sum (0: off). */
      repeat_min_any: z.number().int().min(0).default(3),
      repeat_hours: z.number().positive().default(24),
    })
    .prefault({}),
  communities: z
    .strictObject({
      enabled: z.boolean().default(true),
      resolution: z.number().positive().default(1),
      /** Louvain visits nodes in random (seeded) order instead of id order: slower, same quality. */
      random_walk: z.boolean().default(false),
      /**
       * Louvain runs on the pairs that carry the money: the lightest account pairs, together at
       * most this share of the window's summed pair weight, are left out (every account keeps its
       * heaviest pair). Modularity is a share of weight, so leaving out a share ε moves the
       * modularity of any partition by at most about 3ε; 1% leaves out about half the pairs of
       * a payment window (most pairs are one small payment). 0 = every pair.
       */
      drop_weight_share: z.number().min(0).max(0.2).default(0.01),
    })
    .prefault({}),
  exposure: z.strictObject({ max_hops: z.number().int().min(0).max(6).default(3) }).prefault({}),
})
export type DetectConfig = z.infer<typeof DetectConfig>
