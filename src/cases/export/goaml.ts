// goAML 5.0 STR (suspicious transaction report) XML for a reported alert, built with xmlbuilder2 in
// the element order of the goAML schema: report header (rentity_id, submission, local currency),
// reporting person, the analyst's justification as the reason, one <transaction> per payment
// (amount in the local currency, the original amount and currency as foreign_currency on both sides,
// the banks by BIC and by name where known), and the FIU's indicators for the alert's reasons.
// Both sides are written as t_from / t_to: ringwatch holds no customer file (account opening,
// signatories, status) that goAML's "my client" elements require.
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import anyAscii from 'any-ascii'
import type { AlertRow } from '../alert-row.ts'
import type { GoamlSettings } from './goaml-config.ts'
import type { GoamlPayment } from './goaml-data.ts'

const SAMPLE_NOTE =
  'SAMPLE REPORT made with the sample settings of ringwatch (cases.goaml.sample_values): not for filing.'

/** A name in goAML's alphabet (letters a-z, digits, space . ' -): transliterated, & as "and". */
export function goamlName(s: string, max = 255): string {
  return anyAscii(s)
    .replace(/&/g, ' and ')
    .replace(/[^a-zA-Z0-9 .'-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim()
}

/** goAML dateTime: no zone, seconds precision. */
const goDate = (iso: string) => iso.slice(0, 19)

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/

interface Side {
  account: string
  name: string | null
  country: string | null
  bank: string | null
  bankName: string | null
}

function sides(p: GoamlPayment): Record<'from' | 'to', Side> {
  return {
    from: {
      account: p.debtor_account,
      name: p.debtor_name,
      country: p.debtor_country,
      bank: p.debtor_bank,
      bankName: p.debtor_bank_name,
    },
    to: {
      account: p.creditor_account,
      name: p.creditor_name,
      country: p.creditor_country,
      bank: p.creditor_bank,
      bankName: p.creditor_bank_name,
    },
  }
}

/** A party's country: as given, else the IBAN's, else the bank's (BIC letters 5-6), else unknown. */
function countryOf(s: Side, cfg: GoamlSettings): string {
  if (s.country) return s.country
  if (IBAN.test(s.account)) return s.account.slice(0, 2)
  if (s.bank && s.bank.length >= 6) return s.bank.slice(4, 6)
  return cfg.codes.unknown_country
}

/** The bank's name: the reporting entity's own for its BICs, else as the payment named it. */
function institutionName(s: Side, cfg: GoamlSettings): string | null {
  const own = s.bank && cfg.institution_bics.some((b) => b.slice(0, 8) === s.bank!.slice(0, 8))
  return own ? cfg.institution_name : s.bankName
}

function account(
  parent: XMLBuilder,
  side: 'from' | 'to',
  s: Side,
  p: GoamlPayment,
  cfg: GoamlSettings,
) {
  const el = parent.ele(`${side}_account`)
  const bankName = institutionName(s, cfg)
  if (bankName) el.ele('institution_name').txt(bankName.slice(0, 255))
  // the schema wants a BIC or an institution code; a payment without a bank has neither
  if (s.bank) el.ele('swift').txt(s.bank)
  else el.ele('institution_code').txt('UNKNOWN')
  if (s.bank) el.ele('non_bank_institution').txt('false')
  el.ele('account').txt(s.account)
  el.ele('currency_code').txt(p.currency)
  el.ele('account_name').txt(goamlName(s.name ?? '') || goamlName(s.account))
  if (IBAN.test(s.account) && s.account.length <= 34) el.ele('iban').txt(s.account)
}

function transaction(report: XMLBuilder, p: GoamlPayment, cfg: GoamlSettings) {
  const t = report.ele('transaction')
  t.ele('transactionnumber').txt(p.tx_id)
  t.ele('transaction_location').txt(cfg.transaction_location)
  t.ele('transaction_description').txt(
    p.purpose ?? 'Credit transfer without remittance information',
  )
  t.ele('date_transaction').txt(goDate(p.ts))
  t.ele('transmode_code').txt(cfg.codes.transmode)
  if (cfg.codes.transmode_comment !== null)
    t.ele('transmode_comment').txt(cfg.codes.transmode_comment)
  t.ele('amount_local').txt(p.local_amount)
  const s = sides(p)
  for (const side of ['from', 'to'] as const) {
    const el = t.ele(`t_${side}`)
    el.ele(`${side}_funds_code`).txt(cfg.codes.funds)
    if (p.fx_rate !== null) {
      const fc = el.ele(`${side}_foreign_currency`)
      fc.ele('foreign_currency_code').txt(p.currency)
      fc.ele('foreign_amount').txt(p.amount)
      fc.ele('foreign_exchange_rate').txt(p.fx_rate)
    }
    account(el, side, s[side], p, cfg)
    el.ele(`${side}_country`).txt(countryOf(s[side], cfg))
  }
  // goods only where the payment declared an HS code; a purpose alone is the description above
  if (p.hs_code) {
    const item = t.ele('goods_services').ele('item')
    item.ele('item_type').txt(cfg.codes.goods_item)
    if (p.purpose) item.ele('description').txt(p.purpose)
    item.ele('comments').txt(`Declared HS code ${p.hs_code}`)
  }
}

export function goamlReport(
  alert: AlertRow,
  payments: readonly GoamlPayment[],
  cfg: GoamlSettings,
  justification: string,
  indicators: readonly string[],
  submissionDate: string,
): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' })
  const r = doc.ele('report')
  r.ele('rentity_id').txt(String(cfg.rentity_id))
  if (cfg.rentity_branch !== null) r.ele('rentity_branch').txt(cfg.rentity_branch)
  r.ele('submission_code').txt(cfg.submission_code)
  r.ele('report_code').txt('STR')
  r.ele('entity_reference').txt(alert.id)
  r.ele('submission_date').txt(goDate(submissionDate))
  r.ele('currency_code_local').txt(cfg.currency_code_local)
  const person = cfg.reporting_person
  if (person) {
    const el = r.ele('reporting_person')
    if (person.title) el.ele('title').txt(person.title)
    el.ele('first_name').txt(person.first_name)
    el.ele('last_name').txt(person.last_name)
    if (person.email) el.ele('email').txt(person.email)
    if (person.occupation) el.ele('occupation').txt(person.occupation)
  }
  // comments_type holds at most 8,000 characters
  r.ele('reason').txt(
    ((cfg.sample_values ? SAMPLE_NOTE + '\n\n' : '') + justification).slice(0, 8000),
  )
  for (const p of payments) transaction(r, p, cfg)
  const ind = r.ele('report_indicators')
  for (const c of indicators) ind.ele('indicator').txt(c)
  return doc.end({ prettyPrint: true }) + '\n'
}
