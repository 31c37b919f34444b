import { describe, it, expect } from 'vitest'
import { ftmEntities } from './ftm.ts'
import type { AlertRow } from '../alert-row.ts'
import type { AlertPayment } from './payments.ts'
import { RingwatchError } from '../../util/errors.ts'

const alert = { id: 'A-1', typology: 'cycle', finding: {} } as unknown as AlertRow
const pay = (over: Partial<AlertPayment> = {}): AlertPayment =>
  ({
    tx_id: 'T1',
    ts: '2026-03-02T09:00:00.000Z',
    amount: '100.00',
    currency: 'EUR',
    debtor_account: 'DE89370400440532013000',
    debtor_name: 'A GmbH',
    debtor_country: 'DE',
    debtor_bank: 'COBADEFFXXX',
    creditor_account: 'AE07RING0000000002',
    creditor_name: null,
    creditor_country: null,
    creditor_bank: null,
    purpose: null,
    ...over,
  }) as AlertPayment

describe('FtM export through the model package', () => {
  it('builds entities whose properties the FtM model knows and whose references resolve', () => {
    const es = ftmEntities(alert, [pay()])
    expect(es.map((e) => e.schema).sort()).toEqual([
      'BankAccount',
      'BankAccount',
      'LegalEntity',
      'LegalEntity',
      'Payment',
    ])
    const le = es.find((e) => e.properties.name?.[0] === 'A GmbH')
    expect(le?.properties.country).toEqual(['de'])
  })

  it('refuses a value its property type does not allow', () => {
    expect(() => ftmEntities(alert, [pay({ debtor_country: 'Q1' })])).toThrow(RingwatchError)
    expect(() => ftmEntities(alert, [pay({ ts: 'yesterday' })])).toThrow(/is not a date/)
  })
})
