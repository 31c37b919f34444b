// Cases: ids, and what the API says of an alert's case (the alert page's "Case" panel).
import { z } from 'zod'
import { AlertStatus } from './alert.ts'

export const CaseId = z
  .string()
  .regex(/^C-[0-9a-f]+$/, 'a case id C-…')
  .brand<'CaseId'>()
export type CaseId = z.infer<typeof CaseId>

/** One alert of a case, as the alert and case pages list it. */
export const CaseAlertSummary = z.object({
  id: z.string(),
  typology: z.string(),
  score: z.number(),
  status: z.string(),
  accounts: z.array(z.string()),
  total_amount: z.string(),
  currency: z.string(),
  first_ts: z.string(),
  last_ts: z.string(),
  tx_count: z.number(),
  /** What links it to the others: shared payments or accounts, or the analyst's reason. */
  why: z.string(),
  /** The analyst who linked it; null when a scan grouped it. */
  linked_by: z.string().nullable(),
})
export type CaseAlertSummary = z.infer<typeof CaseAlertSummary>

/** An alert's case on the alert page: its state and every alert of it (the alert itself too). */
export const AlertCase = z.object({
  id: z.string(),
  status: AlertStatus,
  assignee: z.string().nullable(),
  proposed_by: z.string().nullable(),
  proposed_outcome: z.string().nullable(),
  alerts: z.array(CaseAlertSummary),
})
export type AlertCase = z.infer<typeof AlertCase>
