// The payments behind an alert, for exports that name parties, accounts and goods.
import type { Queries } from '../../store/index.ts'
import type { Payment } from '../../schema/transfer.ts'

/** A payment behind an alert: the landed payment as read back from the store. */
export type AlertPayment = Payment

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
