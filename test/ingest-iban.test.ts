// The SQL IBAN check against known-good and known-bad IBANs, including BBANs that a numeric cast
// would misread (exponent notation such as '…250E09…').
import { describe, it, expect } from 'vitest'
import { withStore } from '../src/store/index.ts'

const cases: Array<[string, boolean]> = [
  ['DE89370400440532013000', true],
  ['DE89370400440532013001', false],
  ['GB82WEST12345698765432', true],
  ['FR443000497361250E090606678', true],
  ['FR443000497361250E090606679', false],
  ['NL91ABNA0417164300', true],
  ['CH9300762011623852957', true],
  ['AE070331234567890123456', true],
]

describe('rw_iban_ok', () => {
  it.each(cases)('%s → %s', async (iban, ok) => {
    await withStore(async (store) => {
      expect(await store.one('fixture/iban-ok', { iban })).toEqual({ ok })
    })
  })
})
