// The canonical transfer record (ARCHITECTURE.md "Canonical transfer record"): the columns every
// reader produces, in this order, as an Arrow schema, and the zod type of one landed payment.
import { z } from 'zod'

export const TRANSFER_COLUMNS = [
  'tx_id',
  'ts',
  'amount',
  'currency',
  'debtor_account',
  'debtor_name',
  'debtor_country',
  'debtor_bank',
  'creditor_account',
  'creditor_name',
  'creditor_country',
  'creditor_bank',
  'purpose',
  'hs_code',
] as const

export type TransferColumn = (typeof TRANSFER_COLUMNS)[number]

export const REQUIRED_COLUMNS: readonly TransferColumn[] = [
  'tx_id',
  'ts',
  'amount',
  'currency',
  'debtor_account',
  'creditor_account',
]

/** One landed payment as read back from the store (decimals as exact strings, ts ISO UTC). */
export const Payment = z.object({
  tx_id: z.string(),
  ts: z.string(),
  amount: z.string(),
  currency: z.string(),
  debtor_account: z.string(),
  debtor_name: z.string().nullable(),
  debtor_country: z.string().nullable(),
  debtor_bank: z.string().nullable(),
  creditor_account: z.string(),
  creditor_name: z.string().nullable(),
  creditor_country: z.string().nullable(),
  creditor_bank: z.string().nullable(),
  purpose: z.string().nullable(),
  hs_code: z.string().nullable(),
})
export type Payment = z.infer<typeof Payment>

export const INPUT_FORMATS = ['csv', 'parquet', 'arrow', 'jsonl', 'pacs008'] as const
export const InputFormat = z.enum(INPUT_FORMATS)
export type InputFormat = z.infer<typeof InputFormat>
