import { describe, expect, it } from 'vitest'
import {
  abaCheckDigit,
  BBAN_FORMATS,
  ibanLength,
  isValidIban,
  makeIban,
  makeNationalAccount,
  mod97,
} from './iban.ts'
import { Rng } from './rng.ts'

describe('iban', () => {
  it('accepts published example IBANs and rejects altered ones', () => {
    for (const s of [
      'DE89370400440532013000',
      'GB82WEST12345698765432',
      'FR1420041010050500013M02606',
      'NL91ABNA0417164300',
      'CH9300762011623852957',
    ])
      expect(isValidIban(s)).toBe(true)
    expect(isValidIban('DE89370400440532013001')).toBe(false)
    expect(isValidIban('GB82WEST1234569876543')).toBe(false)
  })

  it('builds valid IBANs of the registry length for every country it knows', () => {
    const rng = new Rng(42, 'iban-test')
    for (const country of Object.keys(BBAN_FORMATS))
      for (let i = 0; i < 20; i++) {
        const iban = makeIban(rng, country)
        expect(iban.length, country).toBe(ibanLength(country))
        expect(mod97(iban.slice(4) + iban.slice(0, 4)), iban).toBe(1)
        expect(isValidIban(iban)).toBe(true)
      }
    expect(ibanLength('DE')).toBe(22)
    expect(ibanLength('FR')).toBe(27)
    expect(ibanLength('AE')).toBe(23)
    expect(ibanLength('US')).toBeUndefined()
  })

  it('uses the bank code as the first BBAN segment when it fits', () => {
    const iban = makeIban(new Rng(1), 'DE', '50070010')
    expect(iban.slice(4, 12)).toBe('50070010')
  })

  it('gives national accounts that never look like an IBAN', () => {
    const rng = new Rng(3)
    for (const c of ['US', 'RU', 'CN', 'HK', 'JP', 'KG', 'AM'])
      for (let i = 0; i < 10; i++)
        expect(makeNationalAccount(rng, c, '0210')).not.toMatch(/^[A-Z]{2}[0-9]{2}/)
  })

  it('computes ABA routing check digits', () => {
    expect(abaCheckDigit('02100002')).toBe('1') // JPMorgan Chase 021000021
    expect(abaCheckDigit('02600959')).toBe('3') // Bank of America 026009593
  })
})
