// FollowTheMoney export: the alert's subgraph as FtM entities (LegalEntity for each party,
// BankAccount for each account, Payment for each transfer) and, for a sanctions alert, each
// screening hit as the listed entity (its list schema) and a Similar link from the party to it with
// the score, the rule and its parts. Built and checked with the maintained model package
// (@alephdata/followthemoney): an unknown property throws, values are checked against their
// property's type, and every entity reference resolves within the export. Ids are stable per value.
import {
  Model,
  defaultModel,
  type Entity,
  type Property,
  type Schema,
} from '@alephdata/followthemoney'
import type { AlertRow } from '../alert-row.ts'
import type { AlertPayment } from './payments.ts'
import { HitRecord } from '../../schema/hit.ts'
import { sha256 } from '../../util/hash.ts'
import { RingwatchError } from '../../util/errors.ts'

export interface FtmEntity {
  id: string
  schema: string
  properties: Record<string, string[]>
}

const model = new Model(defaultModel)
const COUNTRIES = model.getType('country').values
const fid = (kind: string, value: string) => `rw-${kind}-${sha256(value).slice(0, 20)}`
const looksIban = (s: string) => /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)
const LIST_SCHEMATA = new Set(['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel'])

/** Is this value of the type the property declares? */
function valid(type: string, v: string): boolean {
  switch (type) {
    case 'country':
      return COUNTRIES.has(v)
    case 'date':
      return /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/.test(v)
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(v)
    case 'iban':
      return looksIban(v)
    default:
      return v !== ''
  }
}

/**
 * A schema's property by name, looked up once: the model's own lookup builds the map of every
 * property of the schema and its parents on each call, the most of an FtM export's time.
 */
const propertyCache = new Map<string, Map<string, Property>>()
function propertyOf(schema: Schema, name: string): Property {
  let props = propertyCache.get(schema.name)
  if (!props) propertyCache.set(schema.name, (props = new Map()))
  let p = props.get(name)
  if (!p) props.set(name, (p = schema.getProperty(name))) // throws for a property it does not have
  return p
}

class Builder {
  readonly out = new Map<string, Entity>()

  entity(schema: string, id: string): Entity {
    let e = this.out.get(id)
    if (!e) {
      e = model.getEntity({ id, schema, properties: {} })
      this.out.set(id, e)
    }
    return e
  }

  /** Sets a value after checking it against the property's type; a wrong one is a bug here. */
  put(e: Entity, prop: string, v: string | number | null | undefined): void {
    if (v === null || v === undefined || v === '') return
    const p = propertyOf(e.schema, prop)
    const s = String(v)
    if (!valid(p.type.name, s))
      throw new RingwatchError(`FtM ${e.schema.name}.${prop}: '${s}' is not a ${p.type.name}`)
    if (!e.getProperty(p).includes(s)) e.setProperty(p, s)
  }

  /** Plain entities, with every entity-typed value checked to resolve within the export. */
  done(): FtmEntity[] {
    const out: FtmEntity[] = []
    for (const e of this.out.values()) {
      const properties: Record<string, string[]> = {}
      for (const p of e.getProperties()) {
        const values = e.getProperty(p).map((v) => (typeof v === 'string' ? v : v.id))
        if (p.type.isEntity)
          for (const v of values)
            if (!this.out.has(v))
              throw new RingwatchError(`FtM ${e.schema.name}.${p.name}: ${v} is not in the export`)
        properties[p.name] = values
      }
      out.push({ id: e.id, schema: e.schema.name, properties })
    }
    return out
  }
}

export function ftmEntities(alert: AlertRow, payments: readonly AlertPayment[]): FtmEntity[] {
  const b = new Builder()
  // One LegalEntity per account holder: the names the payments give it, its country.
  const party = (name: string | null, account: string, country: string | null) => {
    const e = b.entity('LegalEntity', fid('le', account))
    b.put(e, 'country', country?.toLowerCase())
    b.put(e, 'notes', `holder of account ${account}; ringwatch alert ${alert.id}`)
    b.put(e, 'name', name ?? account)
    return e.id
  }
  const account = (acc: string, bank: string | null, country: string | null) => {
    const e = b.entity('BankAccount', fid('ba', acc))
    b.put(e, 'accountNumber', acc)
    if (looksIban(acc)) b.put(e, 'iban', acc)
    b.put(e, 'bic', bank)
    b.put(e, 'country', country?.toLowerCase())
    return e.id
  }
  const holders = new Map<string, string>()
  for (const p of payments) {
    const payer = party(p.debtor_name, p.debtor_account, p.debtor_country)
    const payee = party(p.creditor_name, p.creditor_account, p.creditor_country)
    holders.set(p.debtor_account, payer)
    holders.set(p.creditor_account, payee)
    const payerAccount = account(p.debtor_account, p.debtor_bank, p.debtor_country)
    const payeeAccount = account(p.creditor_account, p.creditor_bank, p.creditor_country)
    const e = b.entity('Payment', fid('pay', p.tx_id))
    b.put(e, 'transactionNumber', p.tx_id)
    b.put(e, 'date', p.ts.slice(0, 19))
    b.put(e, 'amount', p.amount)
    b.put(e, 'currency', p.currency)
    b.put(e, 'purpose', p.purpose)
    b.put(e, 'payer', payer)
    b.put(e, 'payerAccount', payerAccount)
    b.put(e, 'beneficiary', payee)
    b.put(e, 'beneficiaryAccount', payeeAccount)
    b.put(e, 'programme', `ringwatch ${alert.typology} alert ${alert.id}`)
  }
  // Each screening hit: the listed entity, and a Similar link from the party to it.
  for (const raw of Array.isArray(alert.finding.hits) ? alert.finding.hits : []) {
    const h = HitRecord.safeParse(raw)
    if (!h.success) continue
    const hit = h.data
    const holder = holders.get(hit.account)
    if (!holder) continue
    const listed = b.entity(
      LIST_SCHEMATA.has(hit.entity_schema) ? hit.entity_schema : 'LegalEntity',
      fid('list', `${hit.list}\u0000${hit.entity_id}`),
    )
    b.put(listed, 'name', hit.entity_caption)
    if (hit.matched_name !== hit.entity_caption)
      b.put(listed, hit.name_kind === 'weakAlias' ? 'weakAlias' : 'alias', hit.matched_name)
    b.put(listed, 'topics', 'sanction')
    b.put(listed, 'program', hit.list)
    b.put(
      listed,
      'notes',
      `entry ${hit.entity_id} of ${hit.list}, list version ${hit.list_version}`,
    )
    const link = b.entity('Similar', fid('sim', hit.hit_id))
    b.put(link, 'candidate', holder)
    b.put(link, 'match', listed.id)
    b.put(link, 'confidenceScore', hit.score)
    b.put(link, 'matcher', 'ringwatch name screening')
    const p = hit.parts
    b.put(
      link,
      'criteria',
      `rule ${hit.rule}${hit.signals.length ? ` (${hit.signals.join(', ')})` : ''}; ` +
        `'${hit.party_name}' ~ ${hit.name_kind} '${hit.matched_name}'` +
        (p
          ? `; name ${p.name}, token overlap ${p.token_overlap}, phonetic ${p.phonetic}, ` +
            `${p.edit_distance} edit(s), legal form ${p.legal_form}, country ${p.country}, ` +
            `entity type ${p.entity_type}`
          : ''),
    )
  }
  return b.done()
}
