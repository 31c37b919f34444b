// The answer key of a generated data set (`<out>/truth.json`): every planted pattern with its
// transfers, accounts and risk flags, the benign look-alikes planted as hard negatives, the
// parameters of the run and, for data labelled per account (AMLSim), the labelled accounts.
// `ringwatch eval` scores alerts against it.
import { z } from 'zod'
import { TYPOLOGIES } from './finding.ts'

/** Planted typologies: the alert typologies plus AMLSim's "random" walk (counted as layering). */
export const TRUTH_TYPOLOGIES = [...TYPOLOGIES, 'random'] as const
export const TruthTypology = z.enum(TRUTH_TYPOLOGIES)
export type TruthTypology = z.infer<typeof TruthTypology>

export const ListedInPattern = z.object({
  account: z.string(),
  entry_id: z.string(),
  name_in_payment: z.string(),
  /** How the payment name differs from the list name: legal_form, abbreviation, transliteration,
   *  word_order, typo (joined by '+' when two), alias (equals a listed alias) or exact. */
  variant: z.string(),
})

export const TruthPattern = z.object({
  id: z.string(),
  typology: TruthTypology,
  tx_ids: z.array(z.string()).min(1),
  accounts: z.array(z.string()).min(1),
  flags: z.object({
    controlled_goods: z.boolean(),
    listed_party: z.boolean(),
    /** Countries the money passes through, in order of first appearance. */
    route: z.array(z.string()),
  }),
  first_ts: z.string().optional(),
  last_ts: z.string().optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  listed: z.array(ListedInPattern).default([]),
})
export type TruthPattern = z.infer<typeof TruthPattern>

/** A benign structure that looks suspicious (refund, payroll, netting, …): alerts on it are false.
 *  Small structures list their transfers; large recurring ones (pay runs, collections) list their
 *  central accounts first and describe the rest in params. */
export const TruthBenign = z.object({
  id: z.string(),
  kind: z.string(),
  accounts: z.array(z.string()),
  tx_ids: z.array(z.string()).default([]),
  params: z.record(z.string(), z.unknown()).optional(),
})
export type TruthBenign = z.infer<typeof TruthBenign>

export const Truth = z.object({
  seed: z.number(),
  params: z.record(z.string(), z.unknown()).default({}),
  patterns: z.array(TruthPattern),
  benign: z.array(TruthBenign).default([]),
  /** Accounts labelled as taking part in laundering when the labels are per account, not per
   *  transfer (AMLSim's nodes.csv isFraud = 1). `eval` then scores alerts per account against them;
   *  without it, the accounts of the planted patterns are the labelled ones. */
  labelled_accounts: z.array(z.string()).optional(),
})
export type Truth = z.infer<typeof Truth>
