// The payments behind an alert, for exports that name parties, accounts and goods.
import type { Queries } from '../../store/index.ts'

export interface AlertPayment {
  tx_id: string
  ts: string
  amount: string
  currency: string
  debtor_account: string
  debtor_name: string | null
  debtor_country: string | null
  debtor_bank: string | null
  creditor_account: string
  creditor_name: string | null
  creditor_country: string | null
  creditor_bank: string | null
  purpose: string | null
  hs_code: string | null
}

export function alertPayments(q: Queries, alertId: string): Promise<AlertPayment[]> {
  return q.all<AlertPayment>('cases/alert-payments', { alert_id: alertId })
}

/** The payments of each of many alerts (each in time order), for exports of many alerts. */
export async function paymentsOfAlerts(
  q: Queries,
  alertIds: readonly string[],
): Promise<Map<string, AlertPayment[]>> {
  const out = new Map<string, AlertPayment[]>(alertIds.map((id) => [id, []]))
  const rows = await q.all<AlertPayment & { alert_id: string }>('cases/alerts-payments', {
    alert_ids: JSON.stringify(alertIds),
  })
  for (const { alert_id, ...p } of rows) out.get(alert_id)?.push(p)
  return out
}
