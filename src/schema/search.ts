// GET /api/search: accounts by number or name, a transfer by id, alerts by id.
import { z } from 'zod'
import { Typology } from './finding.ts'
import { AlertStatus } from './alert.ts'

export const AccountMatch = z.object({
  account: z.string(),
  /** The latest name the account's payments carry. */
  name: z.string().nullable(),
  country: z.string().nullable(),
  tx_count: z.number(),
})
export type AccountMatch = z.infer<typeof AccountMatch>

export const SearchResult = z.object({
  accounts: z.array(AccountMatch),
  transfers: z.array(
    z.object({
      tx_id: z.string(),
      ts: z.string(),
      amount: z.string(),
      currency: z.string(),
      debtor_account: z.string(),
      creditor_account: z.string(),
    }),
  ),
  alerts: z.array(
    z.object({ id: z.string(), typology: Typology, score: z.number(), status: AlertStatus }),
  ),
})
export type SearchResult = z.infer<typeof SearchResult>
