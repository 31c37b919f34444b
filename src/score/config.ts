// Scoring settings (config section `score`): a weight model. Each finding measure falls into bands,
// each band a weight and a plain-language reason; risk context adds weights; the sum, capped at 100,
// is the score. Reason texts are templates: {name} is replaced by the measure or context value.
import { z } from 'zod'
import { DEFAULT_TYPOLOGIES, w } from './defaults.ts'

export const Band = z.strictObject({
  /** The band holds values ≥ min and < max (either bound optional). The first band that holds wins. */
  min: z.number().optional(),
  max: z.number().optional(),
  weight: z.number(),
  code: z.string(),
  text: z.string(),
  /**
   * The reason is an independent risk signal (new relations, pass-through, fresh accounts, unusual
   * amounts, one value passed on), not a property of the shape: a finding alerts only with one.
   */
  evidence: z.boolean().default(false),
  /** The band does not apply when this other measure is at least `min` (e.g. dedicated accounts). */
  unless: z.strictObject({ measure: z.string(), min: z.number() }).optional(),
  /**
   * The band names an innocent explanation of the pattern's behaviour (a payment returned in full):
   * its behavioural signals stop counting as evidence, and only screening context (listed parties,
   * risky routes, controlled goods, goods/HS mismatches) keeps it an alert.
   */
  explains: z.boolean().default(false),
})
export type Band = z.infer<typeof Band>

export const MeasureBands = z.strictObject({
  /** A finding measure (hops, retention, width, …) or a derived one (span_days, tx_count, accounts). */
  measure: z.string(),
  bands: z.array(Band),
})
export type MeasureBands = z.infer<typeof MeasureBands>

export const TypologyWeights = z.strictObject({
  /**
   * Weight of the pattern itself, with the reason that names it; `evidence` for typologies that are
   * a risk signal in themselves (a watch-list hit, a goods mismatch).
   */
  base: z.strictObject({
    weight: z.number(),
    code: z.string(),
    text: z.string(),
    evidence: z.boolean().default(false),
  }),
  measures: z.array(MeasureBands).default([]),
})
export type TypologyWeights = z.infer<typeof TypologyWeights>

const ContextWeight = z.strictObject({ weight: z.number(), code: z.string(), text: z.string() })

export const ScoreConfig = z.strictObject({
  /**
   * Findings scoring at or above this (0–100) may become alerts (the floor; the alert budget,
   * config `alerts`, may raise the cut). A finding without any risk signal of its own (evidence)
   * is kept below it whatever its shape scores.
   */
  alert_threshold: z.number().min(0).max(100).default(30),
  /** Weights per typology; a typology missing here scores only through its context. */
  typologies: z
    .record(z.string(), TypologyWeights)
    .default(() => parseTypologies(DEFAULT_TYPOLOGIES)),
  /** Risk context: weights added on top of the pattern's own. */
  context: z
    .strictObject({
      controlled_goods: ContextWeight.default(
        w(20, 'CONTROLLED_GOODS', 'controlled goods on {n} of {total} payments: {detail}'),
      ),
      listed_party: ContextWeight.default(
        w(30, 'LISTED_PARTY', 'a party in the pattern is on a watch list: {detail}'),
      ),
      near_listed_party: ContextWeight.default(
        w(
          6,
          'NEAR_LISTED_PARTY',
          'an account of the pattern is {hops} hop(s) from a listed party: {detail}',
        ),
      ),
      /** Hop distance (exposure) up to which near_listed_party applies. */
      near_listed_max_hops: z.number().int().min(1).max(3).default(2),
      /**
       * Share of the near_listed_party weight by hop distance ([1 hop, 2 hops, 3 hops]): a direct
       * counterparty of a listed party counts fully; two hops away is common in a dense payment
       * network and counts little.
       */
      near_listed_hop_factors: z.array(z.number().min(0).max(1)).default([1, 0.34, 0]),
      sanctioned_route: ContextWeight.default(
        w(
          20,
          'SANCTIONED_ROUTE',
          'money routed through a sanctioned jurisdiction ({detail}) on {n} payment(s)',
        ),
      ),
      diversion_hub: ContextWeight.default(
        w(8, 'DIVERSION_HUB', 'money routed through a diversion hub ({detail}) on {n} payment(s)'),
      ),
      goods_mismatch: ContextWeight.default(
        w(10, 'GOODS_HS_MISMATCH', 'declared goods do not match the HS code on {n} payment(s)'),
      ),
      risky_community: ContextWeight.default(
        w(
          8,
          'RISKY_COMMUNITY',
          'inside payment community {community} where {n} of {total} accounts are screened hits',
        ),
      ),
      /**
       * A pattern whose accounts all belong to one corporate group (score/intra-group.ts): cash
       * pooling, netting and recharges close loops and pass money on for a known reason.
       */
      intra_group: ContextWeight.default(
        w(
          -30,
          'INTRA_GROUP',
          'the accounts belong to one corporate group ({detail}): intra-group flows such as cash pooling, netting or recharges',
        ),
      ),
      /** Share of a pattern's accounts that must belong to the group (and at least two): all by default. */
      intra_group_min_share: z.number().min(0).max(1).default(1),
      /** A community is dense in risky parties at this share of hit accounts and this many of them. */
      risky_community_min_share: z.number().min(0).max(1).default(0.05),
      risky_community_min_hits: z.number().int().min(1).default(2),
      /**
       * In a pattern of more than context_share_from transfers, goods and route context counts only
       * when at least this share of its transfers carries it (one hub payment among 300 is noise).
       */
      context_min_share: z.number().min(0).max(1).default(0.1),
      context_share_from: z.number().int().min(1).default(10),
      /**
       * Risky routes are common in cross-border traffic (about one transfer in eight in the generated
       * data): in a pattern of more than route_share_from transfers they count only when at least
       * route_min_share of its transfers run over them.
       */
      route_min_share: z.number().min(0).max(1).default(0.3),
      route_share_from: z.number().int().min(1).default(4),
    })
    .prefault({}),
})
export type ScoreConfig = z.infer<typeof ScoreConfig>

function parseTypologies(raw: Record<string, z.input<typeof TypologyWeights>>) {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, TypologyWeights.parse(v)]))
}

/** Config section `alerts`: how findings become alerts an analyst team can work. */
export const AlertsConfig = z.strictObject({
  /**
   * Keep at most this many alerts per 10,000 transfers scanned, highest scores first (null: no
   * budget, every finding at or above score.alert_threshold alerts).
   */
  max_per_10k_transfers: z.number().positive().nullable().default(5),
  /**
   * Findings that share a transfer or an account are one alert; an account shared by more findings
   * than this is a hub many patterns touch and does not link them.
   */
  max_findings_per_shared_account: z.number().int().min(1).default(6),
  /**
   * A finding joins a group when it shares at least this share of the smaller side's transfers (or
   * of its non-hub accounts, two at least) with the group's seed.
   */
  min_group_overlap: z.number().min(0).max(1).default(0.5),
  /** A group of findings stops growing at this many transfers (one ring, not a busy account's month). */
  max_group_transfers: z.number().int().min(1).default(300),
  /** Added to a grouped alert's score per further typology of the same ring, up to the maximum. */
  typology_bonus: z.number().min(0).default(3),
  max_typology_bonus: z.number().min(0).default(9),
  /** Reasons listing the further findings of a grouped alert. */
  max_grouped_reasons: z.number().int().min(0).default(5),
})
export type AlertsConfig = z.infer<typeof AlertsConfig>
