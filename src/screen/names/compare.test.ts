import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  compareNames,
  sameUndoubled,
  skeleton,
  tokenSim,
  undouble,
  type NameKind,
} from './compare.ts'
import { jaroWinkler, editDistance, fewestEdits } from './jaro-winkler.ts'
import { normalizeName } from './normalize.ts'

const score = (a: string, b: string, kind: NameKind = 'company') =>
  compareNames(normalizeName(a), normalizeName(b), kind).score
const THRESHOLD = 0.82

describe('string measures', () => {
  it('Jaro-Winkler matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4)
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2)
    expect(jaroWinkler('abc', 'abc')).toBe(1)
    expect(jaroWinkler('abc', 'xyz')).toBe(0)
  })
  it('edit distance counts a transposition as one edit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('ab', 'ba')).toBe(1)
  })
  it('bounds the edit distance from below and compares undoubled words without building them', () => {
    const word = fc.stringMatching(/^[a-e0-9]{0,9}$/)
    fc.assert(
      fc.property(word, word, (x, y) => {
        expect(fewestEdits(x, y)).toBeLessThanOrEqual(editDistance(x, y))
        expect(sameUndoubled(x, y)).toBe(undouble(x) === undouble(y))
      }),
      { numRuns: 2000 },
    )
    expect(sameUndoubled('joonng', 'jong')).toBe(true)
    expect(fewestEdits('monteiro', 'montenegro')).toBe(2)
  })
  it('spells the phonetic skeleton as the plain chain of rewrites does', () => {
    // the rewrites in order, each on every word (skeleton skips those whose letters are absent)
    const chain = (t: string) =>
      t
        .replace(/([eo])(?:ff|v)$/, '$1f')
        .replace(/s?shch|sch/g, 'sh')
        .replace(/tch/g, 'ch')
        .replace(/zh/g, 'j')
        .replace(/x/g, 'ks')
        .replace(/ph/g, 'f')
        .replace(/kh|gh/g, 'h')
        .replace(/ck|q|c(?!h)/g, 'k')
        .replace(/dh|th/g, (m) => m[0])
        .replace(/ou|oo/g, 'u')
        .replace(/[yj]/g, 'i')
        .replace(/ee|ie/g, 'i')
        .replace(/w/g, 'v')
        .replace(/z/g, 's')
        .replace(/(.)\1+/g, '$1')
        .replace(/h$/, '')
    fc.assert(
      fc.property(fc.stringMatching(/^[cdefghijkoqstuvwxyz]{0,10}$/), (t) => {
        expect(skeleton(t)).toBe(chain(t))
        expect(undouble(t)).toBe(t.replace(/(.)\1+/g, '$1'))
      }),
      { numRuns: 3000 },
    )
    expect(skeleton('tsvetkoff')).toBe(skeleton('tsvetkov'))
  })
  it('digits never match fuzzily', () => {
    expect(tokenSim('2004', '2005', 'company')).toBe(0)
  })
})

describe('compareNames', () => {
  it('matches spelling variants, legal-form changes and reordering', () => {
    expect(score('Gazprom JSC', 'OAO Gazprom')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('CRISTALORD LIMITED', 'CRYSTALORD LTD')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('Siemens Aktiengesellschaft', 'SiemensAG')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('Goodwill Company', 'Good Will Company')).toBe(1)
    expect(
      score('Vladimir Putin', 'PUTIN, Vladimir Vladimirovich', 'person'),
    ).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('Владимир Путин', 'Vladimir Putin', 'person')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('Ted Doe', 'Theodore Doe', 'person')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('Sasha Zhukov', 'ZHUKOV, Aleksandr', 'person')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('FridrichBuchenberg', 'Friedrich Buchenberg', 'person')).toBeGreaterThanOrEqual(
      THRESHOLD,
    )
  })

  it('keeps look-alikes that share generic words but differ in distinctive ones apart', () => {
    expect(score('Global Trading LLC', 'Global Tech Trading LLC')).toBeLessThan(THRESHOLD)
    expect(score('Alpha Electronics', 'Beta Electronics')).toBeLessThan(THRESHOLD)
    expect(score('Saudi Arabian Gas Company', 'Saudi Arabian Oil Company')).toBeLessThan(THRESHOLD)
    expect(score('Government of Estonia', 'Government of Ethiopia')).toBeLessThan(THRESHOLD)
    expect(score('Sergey Ivanov', 'Sergey Viktorovich LAVROV', 'person')).toBeLessThan(THRESHOLD)
    expect(
      score('Salman bin Muhammad al-Rawi', 'Muhammad ibn Salman al-Rawi', 'person'),
    ).toBeLessThan(THRESHOLD)
    expect(score('Ahmad bin Hasan', 'Ahmad ibn Hasan', 'person')).toBe(1)
  })

  it('matches reordered words with abbreviations (Gen. = General, Trdg = Trading)', () => {
    expect(score('Falcon Golden Gen. Trdg LLC', 'Golden Falcon General Trading LLC')).toBeCloseTo(
      1,
      6,
    )
    expect(score('Pamir Log. Co., Ltd.', 'Pamir Logistics Co., Ltd.')).toBeCloseTo(1, 6)
    expect(score('Steppe Supply TOO', 'Steppe Supply LLP')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('Silk Road Electronics Anonim Şirketi', 'Silk Road Electronics A.Ş.')).toBeCloseTo(
      1,
      6,
    )
    // a look-alike that swaps a distinctive word stays apart
    expect(score('Falcon Golden Gen. Trdg LLC', 'Golden Eagle General Trading LLC')).toBeLessThan(
      THRESHOLD,
    )
  })

  it('matches the spelling families of Russian names in Latin script', () => {
    const same: Array<[string, string]> = [
      ['Oleg Tsvetkoff', 'Oleg Tsvetkov'],
      ['Oleg Tzvetkov', 'Oleg Tsvetkov'],
      ['Sergei Volkoff', 'Sergei Volkov'],
      ['Vasiliy Grigorieff', 'Vasily Grigoryev'],
      ['Yevgeny Scherbakov', 'Yevgeny Shcherbakov'],
      ['Dmitry Haritonov', 'Dmitry Kharitonov'],
      ['Aleksandr Jukov', 'Aleksandr Zhukov'],
      ['Nikolai Chaikovsky', 'Nikolay Tchaikovskiy'],
    ]
    for (const [a, b] of same) expect(score(a, b, 'person'), `${a} ~ ${b}`).toBeGreaterThan(0.9)
    expect(score('Tekhnopromexport', 'Tekhnopromeksport')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(score('Nevskii Pribor LLC', 'OOO Nevsky Pribor')).toBeGreaterThanOrEqual(THRESHOLD)
    expect(tokenSim('tsvetkoff', 'tsvetkov', 'person')).toBeGreaterThanOrEqual(0.95)
  })

  it('keeps different Russian surnames apart', () => {
    expect(score('Oleg Tsvetkov', 'Oleg Svetlov', 'person')).toBeLessThan(THRESHOLD)
    expect(score('Oleg Tsvetkoff', 'Oleg Svetlov', 'person')).toBeLessThan(THRESHOLD)
    expect(score('Igor Kuznetsov', 'Igor Kuzmin', 'person')).toBeLessThan(THRESHOLD)
    expect(score('Sergei Volkov', 'Sergei Sokolov', 'person')).toBeLessThan(THRESHOLD)
    expect(tokenSim('volkoff', 'volkova', 'person')).toBeLessThan(0.95)
  })

  it('counts two swapped letters in a long word as near-equal', () => {
    expect(tokenSim('elecrtonic', 'electronic', 'company')).toBeGreaterThanOrEqual(0.9)
    expect(
      score('Pars Elecrtonic Industries Co.', 'Pars Electronic Industries Co.'),
    ).toBeGreaterThanOrEqual(THRESHOLD)
  })

  it('explains which tokens paired and which did not', () => {
    const c = compareNames(
      normalizeName('Alpha Trdg FZE'),
      normalizeName('ALPHA TRADING GROUP LLC'),
      'company',
    )
    expect(c.pairs.map((p) => [p.a, p.b])).toEqual([
      ['alpha', 'alpha'],
      ['trading', 'trading'],
    ])
    expect(c.onlyB).toEqual(['group'])
  })
})

describe('compareNames: variants payments carry', () => {
  const cmp = (a: string, b: string, kind: NameKind = 'company') =>
    compareNames(normalizeName(a), normalizeName(b), kind)

  it('matches a name cut where a field ended, lower the more is cut, never a complete name', () => {
    const full = 'ISLAMIC REPUBLIC OF IRAN SHIPPING LINES'
    const c35 = cmp(full.slice(0, 35), full)
    expect(c35.parts.rule).toBe('truncated')
    expect(c35.score).toBeGreaterThanOrEqual(THRESHOLD)
    expect(c35.score).toBeLessThan(1)
    expect(cmp(full.slice(0, 25), full).score).toBeLessThan(c35.score)
    // cut inside the legal form
    expect(
      cmp('NORDSTRAND MARITIME AND TRADING COM', 'NORDSTRAND MARITIME AND TRADING COMPANY').score,
    ).toBeGreaterThanOrEqual(THRESHOLD)
    // a complete name (ends with its legal form) is no cut of a longer one
    expect(cmp('KERCH SEA FERRY LIMITED', 'KERCH SEA FERRY AZOV COMPANY').score).toBeLessThan(
      THRESHOLD,
    )
    // fewer than 20 characters name no one
    expect(cmp('ISLAMIC REPUBLIC OF', full).score).toBeLessThan(THRESHOLD)
  })

  it('matches words and given names cut short, below the whole name', () => {
    expect(
      score('TABRIZ PETROCHEMIC COMPANY', 'TABRIZ PETROCHEMICAL COMPANY'),
    ).toBeGreaterThanOrEqual(THRESHOLD)
    expect(
      score('ASIA ENTERPRISE SERVIC LIMITED', 'ASIA ENTERPRISE SERVICES LIMITED'),
    ).toBeGreaterThanOrEqual(THRESHOLD)
    const short = score('Haj Ahm MIRZAEI', 'MIRZAEI, Haj Ahmad', 'person')
    expect(short).toBeGreaterThanOrEqual(THRESHOLD)
    expect(short).toBeLessThan(score('Haj Ahmad MIRZAEI', 'MIRZAEI, Haj Ahmad', 'person'))
    // the family name is not cut short, nor is a given name the start of a patronymic
    expect(score('Thomas A. Lind', 'Thomas Lindemann', 'person')).toBeLessThan(THRESHOLD)
    expect(
      score('Oleksandr Zelenskyy', 'Volodymyr Oleksandrovych Zelenskyy', 'person'),
    ).toBeLessThan(THRESHOLD)
  })

  it('shows legal forms agreeing or disagreeing in the parts and the score', () => {
    expect(cmp('Gazprom JSC', 'OAO Gazprom').parts.legal_form).toBe('same')
    expect(cmp('Orion LLC', 'Orion GmbH').parts.legal_form).toBe('compatible')
    const ag = cmp('Deutsche Bank AG', 'Deutsche Bank GmbH')
    expect(ag.parts.legal_form).toBe('different')
    expect(ag.score).toBeCloseTo(0.9, 6)
    expect(cmp('Kuzey Ticaret Ltd. Şti.', 'KUZEY TICARET LIMITED SIRKETI').parts).toMatchObject({
      legal_form: 'same',
      token_overlap: 1,
      edit_distance: 0,
    })
  })

  it('pairs syllables of Chinese and Korean names only when equal', () => {
    expect(score('김종은', '김정은', 'person')).toBeLessThan(THRESHOLD)
    expect(score('김정은', '김정은', 'person')).toBe(1)
    // the lists' Latin spelling cannot tell 정 from 종: both are 'Jong'
    expect(score('김종은', 'KIM, Jong Un', 'person')).toBe(1)
    expect(score('김정은', 'KIM, Jong Un', 'person')).toBe(1)
    expect(score('김정일', 'KIM, Jong Un', 'person')).toBeLessThan(THRESHOLD)
    expect(score('习近平', 'Xi Jinping', 'person')).toBe(1)
  })
})
