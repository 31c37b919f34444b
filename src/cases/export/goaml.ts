// goAML 5.x STR (suspicious transaction report) XML for a reported alert: report header
// (rentity_id, submission_code, report_code STR, submission_date, currency_code_local), reporting
// person, reason and action, one <transaction> per payment with t_from_my_client (our client's
// account) and t_to (the counterparty), goods_services where an HS code or purpose is known, and
// report_indicators from the alert's reasons. Element order follows the goAML schema's sequences.
import type { AlertRow } from '../alert-row.ts'
import type { GoamlConfig } from '../config.ts'
import type { AlertPayment } from './payments.ts'

export function xmlEscape(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters: drop them
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  )
}

type Node = [string, (string | Node)[] | string | null | undefined]

function render(node: Node, depth: number, out: string[]) {
  const [name, body] = node
  if (body === null || body === undefined) return
  const pad = '  '.repeat(depth)
  if (typeof body === 'string') {
    out.push(`${pad}<${name}>${xmlEscape(body)}</${name}>`)
    return
  }
  out.push(`${pad}<${name}>`)
  for (const child of body)
    if (typeof child === 'string') out.push(`${pad}  ${xmlEscape(child)}`)
    else render(child, depth + 1, out)
  out.push(`${pad}</${name}>`)
}

/** Country of a side: as given, else the IBAN's country, else ZZ (unknown); goAML requires one. */
function country(given: string | null, acc: string): string {
  if (given) return given
  return /^[A-Z]{2}\d{2}/.test(acc) ? acc.slice(0, 2) : 'ZZ'
}

/** goAML dateTime: no zone, seconds precision. */
const goDate = (iso: string) => iso.slice(0, 19)

function account(
  side: 'from' | 'to',
  acc: string,
  name: string | null,
  bank: string | null,
  country: string | null,
  currency: string,
  cfg: GoamlConfig,
): Node {
  const entity: Node = [
    't_entity',
    [
      ['name', name ?? acc],
      ['incorporation_country_code', country ?? undefined],
    ],
  ]
  return [
    `${side}_account`,
    [
      ['institution_name', side === 'from' ? cfg.institution_name : (bank ?? 'unknown')],
      ['swift', bank ?? undefined],
      ['non_bank_institution', 'false'],
      ['account', acc],
      ['currency_code', currency],
      ['account_name', name ?? undefined],
      ['iban', /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(acc) ? acc : undefined],
      entity,
    ],
  ]
}

function transaction(p: AlertPayment, alert: AlertRow, cfg: GoamlConfig): Node {
  const goods: Node | undefined =
    p.hs_code || p.purpose
      ? [
          'goods_services',
          [
            [
              'item',
              [
                ['item_type', p.hs_code ? `HS ${p.hs_code}` : 'goods'],
                ['description', p.purpose ?? undefined],
                ['estimated_value', p.amount],
                ['comments', p.hs_code ? `declared HS code ${p.hs_code}` : undefined],
              ],
            ],
          ],
        ]
      : undefined
  return [
    'transaction',
    [
      ['transactionnumber', p.tx_id],
      ['internal_ref_number', alert.id],
      ['transaction_description', p.purpose ?? `credit transfer, ${alert.typology} pattern`],
      ['date_transaction', goDate(p.ts)],
      ['transmode_code', cfg.transmode_code],
      ['amount_local', p.amount],
      [
        't_from_my_client',
        [
          ['from_funds_code', cfg.funds_code],
          account(
            'from',
            p.debtor_account,
            p.debtor_name,
            p.debtor_bank,
            p.debtor_country,
            p.currency,
            cfg,
          ),
          ['from_country', country(p.debtor_country, p.debtor_account)],
        ],
      ],
      [
        't_to',
        [
          ['to_funds_code', cfg.funds_code],
          account(
            'to',
            p.creditor_account,
            p.creditor_name,
            p.creditor_bank,
            p.creditor_country,
            p.currency,
            cfg,
          ),
          ['to_country', country(p.creditor_country, p.creditor_account)],
        ],
      ],
      ...(goods ? [goods] : []),
    ],
  ]
}

export function goamlReport(
  alert: AlertRow,
  payments: readonly AlertPayment[],
  cfg: GoamlConfig,
  submissionDate: string,
): string {
  const person = cfg.reporting_person
  const report: Node = [
    'report',
    [
      ['rentity_id', cfg.rentity_id],
      ['rentity_branch', cfg.rentity_branch],
      ['submission_code', cfg.submission_code],
      ['report_code', 'STR'],
      ['entity_reference', alert.id],
      ['submission_date', goDate(submissionDate)],
      ['currency_code_local', cfg.currency_code_local],
      [
        'reporting_person',
        [
          ['first_name', person.first_name],
          ['last_name', person.last_name],
          ['email', person.email],
          ['occupation', person.occupation],
        ],
      ],
      [
        'reason',
        `ringwatch ${alert.typology} alert ${alert.id}, score ${alert.score}: ` +
          alert.reasons.map((r) => r.text).join('; '),
      ],
      ['action', `Reported after four-eyes review; ${payments.length} transaction(s) attached.`],
      ...payments.map((p) => transaction(p, alert, cfg)),
      [
        'report_indicators',
        [
          ...new Set(['RW_' + alert.typology.toUpperCase(), ...alert.reasons.map((r) => r.code)]),
        ].map((c): Node => ['indicator', c]),
      ],
    ],
  ]
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  render(report, 0, out)
  return out.join('\n') + '\n'
}
