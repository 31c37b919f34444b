// An alert as stored, with its case state, read back from SQL and parsed at this boundary.
import { z } from 'zod'
import { AlertRecord, AlertStatus, Provenance, Reason } from '../schema/alert.ts'
import { Typology } from '../schema/finding.ts'
import { OUTCOMES } from '../schema/enums.ts'
import type { Row } from '../store/index.ts'

const jsonText = <T extends z.ZodType>(inner: T) =>
  z
    .union([z.string(), z.unknown()])
    .transform((v) => (typeof v === 'string' ? JSON.parse(v) : v))
    .pipe(inner)

export { OUTCOMES }
export const Outcome = z.enum(OUTCOMES)
export type Outcome = z.infer<typeof Outcome>

export const AlertRow = z.object({
  id: z.string(),
  typology: Typology,
  pattern_key: z.string(),
  accounts_key: z.string(),
  score: z.number(),
  status: AlertStatus,
  accounts: z.array(z.string()),
  tx_ids: z
    .array(z.string())
    .nullable()
    .transform((v) => v ?? []),
  first_ts: z.string(),
  last_ts: z.string(),
  total_amount: z.union([z.string(), z.number()]).transform(Number),
  currency: z.string(),
  total_amount_base: z
    .union([z.string(), z.number()])
    .nullable()
    .transform((v) => (v === null ? null : Number(v))),
  base_currency: z.string().nullable(),
  reasons: jsonText(z.array(Reason)),
  finding: jsonText(z.record(z.string(), z.unknown())),
  community: z.number().nullable(),
  provenance: jsonText(Provenance),
  assignee: z.string().nullable(),
  proposed_by: z.string().nullable(),
  proposed_outcome: Outcome.nullable(),
  version: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
})
export type AlertRow = z.infer<typeof AlertRow>

export function parseAlertRow(row: Row): AlertRow {
  return AlertRow.parse(row)
}

/** The exported alert record (ARCHITECTURE.md), validated. */
export function toAlertRecord(a: AlertRow): AlertRecord {
  return AlertRecord.parse({
    id: a.id,
    typology: a.typology,
    score: a.score,
    status: a.status,
    accounts: a.accounts,
    tx_ids: a.tx_ids,
    first_ts: a.first_ts,
    last_ts: a.last_ts,
    total_amount: a.total_amount,
    currency: a.currency,
    total_amount_base: a.total_amount_base,
    base_currency: a.base_currency,
    reasons: a.reasons,
    community: a.community,
    provenance: a.provenance,
    hits: Array.isArray(a.finding.hits) ? a.finding.hits : [],
  })
}

/** The case state of an alert, as audit rows record it before and after a change. */
export function caseState(
  a: Pick<AlertRow, 'status' | 'assignee' | 'proposed_by' | 'proposed_outcome'>,
) {
  return {
    status: a.status,
    assignee: a.assignee,
    proposed_by: a.proposed_by,
    proposed_outcome: a.proposed_outcome,
  }
}
