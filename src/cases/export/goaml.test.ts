import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { goamlName } from './goaml.ts'
import { GOAML_NAME, GoamlConfig, missingGoamlSettings } from './goaml-config.ts'

describe('goamlName', () => {
  it("writes names in goAML's alphabet", () => {
    expect(goamlName('Müller & Söhne GmbH')).toBe('Muller and Sohne GmbH')
    expect(goamlName('Anatolia Makine A.Ş.')).toBe('Anatolia Makine A.S.')
    expect(goamlName('Иван Петров')).toBe('Ivan Petrov')
    expect(goamlName('O’Brien, Smith (Ltd)')).toBe("O'Brien Smith Ltd")
    expect(goamlName('x'.repeat(300))).toHaveLength(255)
  })

  it('always matches the schema pattern', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => GOAML_NAME.test(goamlName(s))))
  })
})

describe('cases.goaml', () => {
  it('defaults are placeholders; filled settings leave none', () => {
    expect(missingGoamlSettings(GoamlConfig.parse({}))).toContain('cases.goaml.rentity_id')
    const filled = GoamlConfig.parse({
      rentity_id: 12,
      institution_name: 'Bank',
      currency_code_local: 'eur',
      codes: { funds: 'K', transmode: 'A', goods_item: '-', unknown_country: 'ZZ' },
      indicators: { CYCLE: ['X1'] },
    })
    expect(filled.currency_code_local).toBe('EUR')
    expect(missingGoamlSettings(filled)).toEqual([])
  })
})
