// CSV export: one row per alert, the columns an analyst sorts and filters in a spreadsheet.
import type { AlertRow } from '../alert-row.ts'
import { HitRecord } from '../../schema/hit.ts'

export const CSV_COLUMNS = [
  'id',
  'typology',
  'score',
  'status',
  'assignee',
  'accounts',
  'tx_count',
  'first_ts',
  'last_ts',
  'total_amount',
  'currency',
  'total_amount_base',
  'base_currency',
  'community',
  'top_reasons',
  'hits',
  'run_id',
  'config_hash',
] as const

/**
 * OWASP's rule for CSV injection: a value a spreadsheet would read as a formula (one that starts
 * with =, +, -, @, tab or carriage return) is prefixed with a single quote, numbers included
 * ('-1+cmd|…' starts like a number and is still a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  const safe = FORMULA_START.test(s) ? `'${s}` : s
  // Quoted (RFC 4180) when it holds a quote, a line break, a comma, or a semicolon or tab, which
  // spreadsheets in other locales split on: no part of a value can start a cell of its own.
  return /[",;\t\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * A sanctions alert's watch-list hits in one cell: per hit the account, the list and its version,
 * the entity, the name matched and its kind, the score and the rule that decided.
 */
function hitsText(hits: unknown): string {
  if (!Array.isArray(hits)) return ''
  const out: string[] = []
  for (const raw of hits) {
    const h = HitRecord.parse(raw)
    out.push(
      `${h.account} ~ ${h.list} ${h.list_version} entity ${h.entity_id} '${h.matched_name}' ` +
        `(${h.name_kind}) ${h.score} rule ${h.rule}${h.reason === 'list_change' ? ' list change' : ''}`,
    )
  }
  return out.join(' | ')
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n'
}

export function csvRow(a: AlertRow): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    id: a.id,
    typology: a.typology,
    score: a.score,
    status: a.status,
    assignee: a.assignee,
    accounts: a.accounts.join(';'),
    tx_count: a.tx_ids.length,
    first_ts: a.first_ts,
    last_ts: a.last_ts,
    total_amount: a.total_amount.toFixed(2),
    currency: a.currency,
    total_amount_base: a.total_amount_base?.toFixed(2),
    base_currency: a.base_currency,
    community: a.community,
    top_reasons: a.reasons
      .slice(0, 3)
      .map((r) => `${r.text} (+${r.weight})`)
      .join(' | '),
    hits: hitsText(a.finding.hits),
    run_id: a.provenance.run_id,
    config_hash: a.provenance.config_hash,
  }
  return CSV_COLUMNS.map((c) => csvField(values[c])).join(',') + '\n'
}
