// Test and benchmark helpers: land hand-made payments without the ingest module.
import type { Store } from '../store/index.ts'

export interface FixturePayment {
  tx_id: string
  ts: string
  amount?: string
  currency?: string
  debtor_account: string
  debtor_name?: string | null
  debtor_country?: string | null
  debtor_bank?: string | null
  creditor_account: string
  creditor_name?: string | null
  creditor_country?: string | null
  creditor_bank?: string | null
  purpose?: string | null
  hs_code?: string | null
}

export async function insertFixturePayments(store: Store, rows: FixturePayment[]): Promise<void> {
  const full = rows.map((r) => ({ amount: '1000.00', currency: 'EUR', ...r }))
  for (let i = 0; i < full.length; i += 20_000)
    await store.run('screen/fixture-payments', { rows: JSON.stringify(full.slice(i, i + 20_000)) })
}
