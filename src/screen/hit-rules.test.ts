import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { ADJUST, decideHit, type HitCandidate } from './hit-rules.ts'

const THRESHOLD = 0.82

function candidate(over: Partial<HitCandidate> = {}): HitCandidate {
  return {
    account: 'A1',
    name: 'Ali Karimi',
    entry_id: '1',
    snapshot_id: 'L-1',
    list_source: 'sdn.csv',
    schema: 'Person',
    caption: 'KARIMI, Ali',
    matched_name: 'KARIMI, Ali',
    name_kind: 'name',
    score: 0.9,
    parts: {
      token_overlap: 1,
      phonetic: 1,
      edit_distance: 0,
      legal_form: 'absent',
      rule: 'tokens',
    },
    entry_countries: ['IR'],
    entry_birth_dates: [],
    identifiers_found: [],
    party_countries: [],
    bic_countries: [],
    party_birth_dates: [],
    party_types: [],
    ...over,
  }
}

describe('decideHit', () => {
  it('shows country agreement and disagreement in the parts and the score', () => {
    const agree = decideHit(candidate({ party_countries: ['IR'] }), THRESHOLD)
    expect(agree.parts).toMatchObject({
      name: 0.9,
      country: 'agree',
      adjustments: { country: ADJUST.country_agree },
    })
    expect(agree.score).toBeCloseTo(0.9 + ADJUST.country_agree)
    const disagree = decideHit(candidate({ party_countries: ['DE'] }), THRESHOLD)
    expect(disagree.parts).toMatchObject({
      country: 'disagree',
      adjustments: { country: ADJUST.country_disagree },
    })
    expect(disagree.score).toBeCloseTo(0.9 + ADJUST.country_disagree)
    expect(decideHit(candidate(), THRESHOLD).parts.country).toBe('unknown')
    // a bank's country (BIC letters 5-6) counts as the party's
    expect(decideHit(candidate({ bic_countries: ['IR'] }), THRESHOLD).parts.country).toBe('agree')
  })

  it('shows entity type agreement from the name and from what the payment says the party is', () => {
    const kind = (over: Partial<HitCandidate>) => decideHit(candidate(over), THRESHOLD)
    // a company's name against a listed person: another kind of party, a tenth off
    const company = kind({ name: 'Karimi Trading LLC' })
    expect(company.parts).toMatchObject({
      entity_type: 'disagree',
      adjustments: { entity_type: ADJUST.entity_type_disagree },
    })
    expect(company.score).toBeCloseTo(0.9 + ADJUST.entity_type_disagree)
    expect(kind({ name: 'Karimi Trading LLC', schema: 'Company' }).parts.entity_type).toBe('agree')
    // a name alone says nothing; a pacs.008 party identified as a person (PrvtId) or an
    // organisation (OrgId) does
    expect(kind({}).parts.entity_type).toBe('unknown')
    expect(kind({ party_types: ['person'] }).parts.entity_type).toBe('agree')
    expect(kind({ party_types: ['organisation'] }).parts).toMatchObject({
      entity_type: 'disagree',
      adjustments: { entity_type: ADJUST.entity_type_disagree },
    })
    expect(kind({ party_types: ['person'], schema: 'Company' }).parts.entity_type).toBe('disagree')
    // payments that disagree about the party say nothing
    expect(kind({ party_types: ['person', 'organisation'] }).parts.entity_type).toBe('unknown')
  })

  it('weighs dates of birth: the same year agrees, another one takes the hit below the threshold', () => {
    const born = { entry_birth_dates: ['1970-03-01'] }
    expect(
      decideHit(candidate({ ...born, party_birth_dates: ['1970-03-01'] }), THRESHOLD).parts,
    ).toMatchObject({ birth_date: 'agree', adjustments: { birth_date: ADJUST.birth_date_agree } })
    const other = decideHit(candidate({ ...born, party_birth_dates: ['1985-11-02'] }), THRESHOLD)
    expect(other.parts.birth_date).toBe('disagree')
    expect(other.raise).toBe(false)
  })

  it('raises a weak alias only with a second signal, and names the signal in the rule', () => {
    const weak = { name_kind: 'weakAlias', score: 1 }
    expect(decideHit(candidate(weak), THRESHOLD)).toMatchObject({
      raise: false,
      rule: 'weak-alias-alone',
    })
    const cases: Array<[Partial<HitCandidate>, string]> = [
      [{ party_countries: ['IR'] }, 'weak-alias+country'],
      [{ bic_countries: ['IR'] }, 'weak-alias+bic-country'],
      [{ entry_birth_dates: ['1970'], party_birth_dates: ['1970-03-01'] }, 'weak-alias+birth-date'],
      [{ identifiers_found: ['A1234567'] }, 'weak-alias+identifier'],
    ]
    for (const [over, rule] of cases)
      expect(decideHit(candidate({ ...weak, ...over }), THRESHOLD), rule).toMatchObject({
        raise: true,
        rule,
      })
  })

  it('never raises a vessel or aircraft entry on a party that does not name the craft', () => {
    // any person's or company's name at any score, with any context, against a craft entry
    const word = fc.stringMatching(/^[A-Za-z]{2,10}$/)
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('Vessel', 'Airplane'),
        fc.double({ min: 0.82, max: 1, noNaN: true }),
        fc.constantFrom('name', 'alias', 'weakAlias'),
        fc.subarray(['IR', 'DE', 'KP']),
        fc.subarray(['person', 'organisation']),
        (words, schema, score, nameKind, countries, types) => {
          const name = words.join(' ')
          // no word that marks a ship (M/V, MT, SS, 'vessel')
          fc.pre(!words.some((w) => /^(mv|mt|ss|vessel)$/i.test(w)))
          const d = decideHit(
            candidate({
              name,
              schema,
              score,
              name_kind: nameKind,
              party_countries: countries,
              party_types: types,
            }),
            THRESHOLD,
          )
          expect(d.raise).toBe(false)
          expect(d.rule).toBe('craft-without-marker')
        },
      ),
      { numRuns: 500 },
    )
    // a payment that names the ship, or quotes its IMO number, is about the ship
    expect(decideHit(candidate({ name: 'M/V SOPHIA', schema: 'Vessel' }), THRESHOLD)).toMatchObject(
      {
        raise: true,
        rule: 'craft+marker',
      },
    )
    expect(
      decideHit(
        candidate({ name: 'Sophia', schema: 'Vessel', identifiers_found: ['IMO9187629'] }),
        THRESHOLD,
      ).rule,
    ).toBe('craft+identifier')
  })
})
