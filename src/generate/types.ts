// What the planner hands the writer: fully specified transfers (the writer only assigns tx ids), the
// planted patterns that own some of them, and the benign look-alikes recorded for evaluation.
import type { Party } from './parties.ts'

export interface PlannedTx {
  /** Epoch milliseconds, whole seconds. */
  ts: number
  amount: number
  currency: string
  debtor: Party
  creditor: Party
  purpose: string
  hs: string
  /** Assigned when written. */
  txId?: string
}

export interface PlannedPattern {
  id: string
  typology: string
  txs: PlannedTx[]
  controlledGoods: boolean
  listedParty: boolean
  params: Record<string, unknown>
  listed: Array<{ account: string; entry_id: string; name_in_payment: string; variant: string }>
}

export interface PlannedBenign {
  id: string
  kind: string
  accounts: string[]
  txs: PlannedTx[]
  /** What describes the structure (counterparties, cadence, transfers …), for truth.json. */
  params?: Record<string, unknown>
}

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000
