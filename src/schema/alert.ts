// The alert record (ARCHITECTURE.md "Alert record"), the case statuses and the roles.
import { z } from 'zod'
import { ALERT_STATUSES } from './enums.ts'
import { Typology } from './finding.ts'
import { HitRecord } from './hit.ts'

export { ALERT_STATUSES }
export const AlertStatus = z.enum(ALERT_STATUSES)
export type AlertStatus = z.infer<typeof AlertStatus>

export const ROLES = ['analyst', 'supervisor', 'fiu_viewer', 'admin', 'batch'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/**
 * An alert's id as score/alert-id.ts makes it: 'A-' and hexadecimal digits. Ids given from outside
 * (the command line's --id) are held to it; the brand marks a string that was.
 */
export const AlertId = z
  .string()
  .regex(/^A-[0-9a-f]+$/, 'an alert id A-…')
  .brand<'AlertId'>()
export type AlertId = z.infer<typeof AlertId>

export const Reason = z.object({
  code: z.string(),
  text: z.string(),
  weight: z.number(),
  /**
   * The transfers the reason is about (tx_id, sorted): all the pattern's for its shape, the flagged
   * ones for goods, routes and listed parties. Absent on reasons about no transfer in particular
   * (and on alerts written before reasons named them).
   */
  tx_ids: z.array(z.string()).optional(),
  /**
   * The accounts a reason about parties is about (a listed party, the counterparty of one): the
   * alert page names the transfers to and from them (a finding does not say which account paid
   * which transfer).
   */
  accounts: z.array(z.string()).optional(),
})
export type Reason = z.infer<typeof Reason>

export const Provenance = z.object({
  run_id: z.string(),
  detector_version: z.string(),
  config_hash: z.string(),
  list_versions: z.record(z.string(), z.string()),
  input_files: z.array(z.string()).default([]),
})
export type Provenance = z.infer<typeof Provenance>

/** One line of `ringwatch alerts export --format jsonl`. */
export const AlertRecord = z.object({
  id: z.string(),
  typology: Typology,
  /** The sum of the reasons' weights, not capped: ties at the top stay told apart. */
  score: z.number().min(0),
  status: AlertStatus,
  accounts: z.array(z.string()),
  tx_ids: z.array(z.string()),
  first_ts: z.string(),
  last_ts: z.string(),
  total_amount: z.number(),
  currency: z.string(),
  /** total_amount in base_currency (config fx.base_currency); null when not known. */
  total_amount_base: z.number().nullable(),
  /** null for alerts written before reference rates existed. */
  base_currency: z.string().nullable(),
  reasons: z.array(Reason),
  community: z.number().nullable(),
  provenance: Provenance,
  /** A sanctions alert's screening hits: list, version, entity, matched name, score parts, rule. */
  hits: z.array(HitRecord).default([]),
})
export type AlertRecord = z.infer<typeof AlertRecord>

/** Who acts: every case action and audit row names one. */
export const Actor = z.object({ id: z.string().min(1), role: Role })
export type Actor = z.infer<typeof Actor>
