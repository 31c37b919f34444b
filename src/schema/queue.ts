// A row of the alert queue (GET /api/alerts): the alert's queue columns and what the queue shows of
// its parties, places and goods. The dashboards import these types (type-only).
import { z } from 'zod'
import { AlertStatus, Reason } from './alert.ts'
import { Typology } from './finding.ts'

/** Who and what an alert is about, as a queue row shows it. */
export const QueueParties = z.object({
  /** The first few names the pattern's accounts used on its transfers: listed ones first. */
  parties: z.array(z.string()),
  /** How many distinct names there are in all (the row shows "+N more"). */
  party_count: z.number().int().min(0),
  /** The parties' countries (ISO 3166-1 alpha-2), sorted. */
  countries: z.array(z.string()),
  /** Goods categories of the transfers' HS codes (the goods list's label, else "HS <heading>"). */
  goods: z.array(z.string()),
  /** The strongest open watch-list hit of the alert's accounts (0–1); null: none. */
  hit_score: z.number().nullable(),
})
export type QueueParties = z.infer<typeof QueueParties>

export const AlertQueueRow = z.object({
  id: z.string(),
  typology: Typology,
  score: z.number(),
  status: AlertStatus,
  accounts: z.array(z.string()),
  account_count: z.number().int(),
  first_ts: z.string(),
  last_ts: z.string(),
  total_amount: z.string(),
  currency: z.string(),
  /** The amount in base_currency (the queue sorts by it); null when a currency had no rate. */
  total_amount_base: z.string().nullable(),
  base_currency: z.string().nullable(),
  reasons: z.array(Reason),
  community: z.number().nullable(),
  assignee: z.string().nullable(),
  proposed_by: z.string().nullable(),
  proposed_outcome: z.string().nullable(),
  version: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  ...QueueParties.shape,
})
export type AlertQueueRow = z.infer<typeof AlertQueueRow>

export const AlertQueuePage = z.object({
  total: z.number().int(),
  alerts: z.array(AlertQueueRow),
  next_cursor: z.string().nullable(),
})
export type AlertQueuePage = z.infer<typeof AlertQueuePage>
