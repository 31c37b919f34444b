// What a goAML report says beyond the alert: its payments with amounts in the FIU's local currency,
// the analyst's justification (the reasons given when the report was proposed and approved, from the
// audit log), and the FIU's indicators for the alert's reason codes.
import { z } from 'zod'
import type { Queries } from '../../store/index.ts'
import type { AlertRow } from '../alert-row.ts'
import { auditFor } from '../audit.ts'
import { GoamlSettingsError, type GoamlSettings } from './goaml-config.ts'
import { BadInputError } from '../../util/errors.ts'

const text = z.string().nullable()
export const GoamlPayment = z.object({
  tx_id: z.string(),
  ts: z.string(),
  amount: z.string(),
  currency: z.string(),
  debtor_account: z.string(),
  debtor_name: text,
  debtor_country: text,
  debtor_bank: text,
  debtor_bank_name: text,
  creditor_account: z.string(),
  creditor_name: text,
  creditor_country: text,
  creditor_bank: text,
  creditor_bank_name: text,
  purpose: text,
  hs_code: text,
  local_amount: z.string(),
  /** Local units per 1 unit of the payment's currency; null when it is the local currency. */
  fx_rate: text,
})
export type GoamlPayment = z.infer<typeof GoamlPayment>

/** The alert's payments; refuses when one has no reference rate into the local currency. */
export async function goamlPayments(
  q: Queries,
  alertId: string,
  local: string,
): Promise<GoamlPayment[]> {
  const rows = await q.all<Record<string, unknown>>('cases/goaml-payments', {
    alert_id: alertId,
    local,
  })
  if (!rows.length)
    throw new BadInputError(`alert ${alertId} has no payments to report`, { id: alertId })
  const unrated = rows.filter((r) => r.local_amount === null)
  if (unrated.length) {
    const what = [...new Set(unrated.map((r) => `${r.currency} on ${String(r.ts).slice(0, 10)}`))]
    throw new BadInputError(
      `no reference rate into ${local} for ${what.join(', ')}: import rates with ` +
        `'ringwatch lists import FILE --kind fx' before reporting`,
      { currencies: [...new Set(unrated.map((r) => r.currency))] },
    )
  }
  return rows.map((r) => GoamlPayment.parse(r))
}

const CaseRow = z.object({
  action: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
  after: z.unknown(),
})

/**
 * The analyst's justification: the reason of the latest proposal to report, and the approver's
 * reason when one was given. Refuses when the alert was never proposed for reporting with a reason.
 */
export async function decisionReason(q: Queries, alertId: string): Promise<string> {
  const rows = (await auditFor(q, 'alert', alertId)).map((r) => CaseRow.parse(r))
  const reported = (r: z.infer<typeof CaseRow>) =>
    (r.after as { proposed_outcome?: string } | null)?.proposed_outcome === 'reported'
  let at = -1
  for (let i = rows.length - 1; i >= 0 && at < 0; i--)
    if (rows[i].action === 'case.propose' && reported(rows[i]) && rows[i].reason) at = i
  if (at < 0)
    throw new BadInputError(
      `alert ${alertId} has no reason recorded for reporting it: propose it for reporting with a reason`,
      { id: alertId },
    )
  const approval = rows.slice(at + 1).find((r) => r.action === 'case.approve' && r.reason)
  const proposal = rows[at].reason!.trim()
  return approval ? `${proposal}\n\nOn review: ${approval.reason!.trim()}` : proposal
}

/** The FIU's indicator codes for the alert's reason codes, in reason order, each once. */
export function goamlIndicators(alert: AlertRow, cfg: GoamlSettings): string[] {
  const codes = new Set<string>()
  for (const r of alert.reasons) for (const c of cfg.indicators[r.code] ?? []) codes.add(c)
  if (!codes.size)
    throw new GoamlSettingsError(
      `cases.goaml.indicators maps none of alert ${alert.id}'s reason codes ` +
        `(${[...new Set(alert.reasons.map((r) => r.code))].join(', ')}) to an indicator of the FIU`,
      { field: 'cases.goaml.indicators', codes: alert.reasons.map((r) => r.code) },
    )
  return [...codes]
}
