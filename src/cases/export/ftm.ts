// FollowTheMoney export: the alert's subgraph as FtM entities (LegalEntity for each party,
// BankAccount for each account, Payment for each transfer) in JSON lines, ids stable per value.
import type { AlertRow } from '../alert-row.ts'
import type { AlertPayment } from './payments.ts'
import { sha256 } from '../../util/hash.ts'

export interface FtmEntity {
  id: string
  schema: 'LegalEntity' | 'BankAccount' | 'Payment'
  properties: Record<string, string[]>
}

const fid = (kind: string, value: string) => `rw-${kind}-${sha256(value).slice(0, 20)}`
const looksIban = (s: string) => /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)

function put(p: Record<string, string[]>, k: string, v: string | null | undefined) {
  if (v !== null && v !== undefined && v !== '') p[k] = [...(p[k] ?? []), v]
}

export function ftmEntities(alert: AlertRow, payments: readonly AlertPayment[]): FtmEntity[] {
  const out = new Map<string, FtmEntity>()
  // One LegalEntity per account holder: the names the payments give it, its country.
  const party = (name: string | null, account: string, country: string | null) => {
    const id = fid('le', account)
    let e = out.get(id)
    if (!e) {
      e = { id, schema: 'LegalEntity', properties: {} }
      put(e.properties, 'country', country?.toLowerCase())
      put(e.properties, 'notes', `holder of account ${account}; ringwatch alert ${alert.id}`)
      out.set(id, e)
    }
    const label = name ?? account
    if (!(e.properties.name ?? []).includes(label)) put(e.properties, 'name', label)
    return id
  }
  const account = (acc: string, bank: string | null, country: string | null) => {
    const id = fid('ba', acc)
    if (!out.has(id)) {
      const properties: Record<string, string[]> = {}
      put(properties, 'accountNumber', acc)
      if (looksIban(acc)) put(properties, 'iban', acc)
      put(properties, 'bic', bank)
      put(properties, 'country', country?.toLowerCase())
      out.set(id, { id, schema: 'BankAccount', properties })
    }
    return id
  }
  for (const p of payments) {
    const payer = party(p.debtor_name, p.debtor_account, p.debtor_country)
    const payee = party(p.creditor_name, p.creditor_account, p.creditor_country)
    const payerAccount = account(p.debtor_account, p.debtor_bank, p.debtor_country)
    const payeeAccount = account(p.creditor_account, p.creditor_bank, p.creditor_country)
    const properties: Record<string, string[]> = {}
    put(properties, 'transactionNumber', p.tx_id)
    put(properties, 'date', p.ts.slice(0, 19))
    put(properties, 'amount', p.amount)
    put(properties, 'currency', p.currency)
    put(properties, 'purpose', p.purpose)
    put(properties, 'payer', payer)
    put(properties, 'payerAccount', payerAccount)
    put(properties, 'beneficiary', payee)
    put(properties, 'beneficiaryAccount', payeeAccount)
    put(properties, 'programme', `ringwatch ${alert.typology} alert ${alert.id}`)
    const id = fid('pay', p.tx_id)
    out.set(id, { id, schema: 'Payment', properties })
  }
  return [...out.values()]
}
