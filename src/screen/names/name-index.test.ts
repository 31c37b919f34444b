import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { NameIndex, kindOfSchema, type IndexEntry } from './name-index.ts'
import { compareNames } from './compare.ts'
import { normalizeName } from './normalize.ts'
import {
  rng,
  syntheticCompany,
  syntheticPerson,
  variantOf,
} from '../../../test/fixtures/synthetic-names.ts'

function entries(n: number, seed: number): IndexEntry[] {
  const r = rng(seed)
  return Array.from({ length: n }, (_, i) => {
    const person = r() < 0.4
    const name = person ? syntheticPerson(r) : syntheticCompany(r)
    return {
      id: `e${i}`,
      snapshotId: 's1',
      schema: person ? 'Person' : 'Company',
      caption: name,
      names: [{ name, kind: 'name' }],
    }
  })
}

describe('NameIndex', () => {
  const list = entries(400, 11)
  const index = new NameIndex(list)

  it('finds every listed name under its variants', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: list.length - 1 }), fc.integer(), (i, seed) => {
        const v = variantOf(rng(seed), list[i].caption)
        const hits = index.match(v, { threshold: 0.82 })
        return hits.some((h) => h.entry.id === list[i].id)
      }),
      { numRuns: 200 },
    )
  })

  it('finds listed parties under reordered abbreviations, transliterations and transpositions', () => {
    const listed: IndexEntry[] = [
      ['c1', 'Company', 'Golden Falcon General Trading LLC'],
      ['p1', 'Person', 'Oleg Tsvetkov'],
      ['c2', 'Company', 'Pars Electronic Industries Co.'],
      ['p2', 'Person', 'Oleg Svetlov'],
    ].map(([id, schema, name]) => ({
      id,
      snapshotId: 's1',
      schema,
      caption: name,
      names: [{ name, kind: 'name' }],
    }))
    const small = new NameIndex([...listed, ...list])
    const ids = (q: string) => small.match(q, { threshold: 0.82 }).map((h) => h.entry.id)
    expect(ids('Falcon Golden Gen. Trdg LLC')).toContain('c1')
    expect(ids('Oleg Tsvetkoff')).toEqual(['p1'])
    expect(ids('Oleg Tzvetkov')).toEqual(['p1'])
    expect(ids('Pars Elecrtonic Industries Co.')).toContain('c2')
    // two edits off in one word: found through the other words, paired in the full comparison
    expect(ids('Oleg Tsvetkff')).toEqual(['p1'])
    expect(ids('Pars Elecronic Industries Company')).toContain('c2')
    expect(ids('Oleg Svetlov')).toEqual(['p2'])
  })

  it('returns what a brute-force comparison against every name returns', () => {
    const r = rng(5)
    for (let k = 0; k < 150; k++) {
      const q =
        k % 2 ? variantOf(r, list[Math.floor(r() * list.length)].caption) : syntheticCompany(r)
      const got = index
        .match(q, { threshold: 0.82, maxCandidates: 10_000 })
        .map((h) => h.entry.id)
        .sort()
      const want = list
        .filter(
          (e) =>
            compareNames(normalizeName(q), normalizeName(e.caption), kindOfSchema(e.schema), {
              isWord: index.isWord,
              isCommon: index.isCommon,
            }).score >= 0.82,
        )
        .map((e) => e.id)
        .sort()
      expect(got).toEqual(want)
    }
  })

  it('finds listed names under the variants payments carry: cut fields, legal forms, scripts', () => {
    const listed: IndexEntry[] = [
      ['c1', 'Company', 'Nordstrand Maritime and Trading Company Limited'],
      ['c2', 'Company', 'Karaj Petrochemical Company'],
      ['c3', 'Company', 'Orion Avia LLC'],
      ['c4', 'Company', 'Anadolu Makina Ticaret Limited Sirketi'],
      ['c5', 'Company', 'Heller Praezision GmbH'],
      ['c6', 'Company', 'Shenzhen Huaxin Electronics Co., Ltd.'],
      ['c7', 'Company', 'Velmor Shipping Pte. Ltd.'],
      ['c8', 'Company', 'Joint Stock Company Kazan Optical Works'],
      ['p1', 'Person', 'PETROV, Sergei Ivanovich'],
      ['p2', 'Person', 'WANG, Wei'],
      ['p3', 'Person', 'KARIMOV, Rustam'],
    ].map(([id, schema, name]) => ({
      id,
      snapshotId: 's1',
      schema,
      caption: name,
      names: [{ name, kind: 'name' }],
    }))
    const idx = new NameIndex([...listed, ...list])
    const ids = (q: string) => idx.match(q, { threshold: 0.82 }).map((h) => h.entry.id)
    const cases: Array<[query: string, id: string]> = [
      // cut where a fixed-width field ended (35 characters a SWIFT MT line), a word cut short
      ['NORDSTRAND MARITIME AND TRADING COM', 'c1'],
      ['KAZAN OPTICAL WORKS JOINT STOCK COMP', 'c8'],
      ['KARAJ PETROCHEMIC COMPANY', 'c2'],
      // legal forms in other languages' spellings and scripts
      ['ORION AVIA OOO', 'c3'],
      ['ООО Орион Авиа', 'c3'],
      ['Orion Avia Limited Liability Company', 'c3'],
      ['ANADOLU MAKINA TIC. LTD. STI.', 'c4'],
      ['Heller Präzision Gesellschaft mit beschränkter Haftung', 'c5'],
      ['Shenzhen Huaxin Electronics 有限公司', 'c6'],
      // typos inside the legal form
      ['VELMOR SHIPPING PTE. TD.', 'c7'],
      ['JOINT STOCK COANY KAZAN OPTICAL WORKS', 'c8'],
      // another script, another order, a shortened given name
      ['Сергей Петров', 'p1'],
      ['王伟', 'p2'],
      ['Rus. Karimov', 'p3'],
    ]
    for (const [query, id] of cases) expect(ids(query), query).toContain(id)
  })

  it('finds Korean names written in Hangul under the spelling sanctions lists use', () => {
    const listed: IndexEntry[] = [
      ['k1', 'Person', 'KIM, Jong Un'],
      ['k2', 'Person', 'CHOE, Ryong Hae'],
      ['k3', 'Person', 'PAK, Pong Ju'],
      ['k4', 'Person', 'RI, Yong Ho'],
      ['k5', 'Person', 'YU, Jin'],
    ].map(([id, schema, name]) => ({
      id,
      snapshotId: 's1',
      schema,
      caption: name,
      names: [{ name, kind: 'name' }],
    }))
    const idx = new NameIndex([...listed, ...list])
    const ids = (q: string) => idx.match(q, { threshold: 0.82 }).map((h) => h.entry.id)
    expect(ids('김정은')).toEqual(['k1'])
    expect(ids('최룡해')).toEqual(['k2'])
    expect(ids('박봉주')).toEqual(['k3'])
    expect(ids('리영호')).toEqual(['k4'])
    expect(ids('김 정은')).toEqual(['k1'])
    // another person with the same family name is not the listed one
    expect(ids('김영철')).toEqual([])
    expect(ids('김정일')).toEqual([])
    // a Korean name that holds a listed name's syllables is not that name
    expect(ids('윤유진')).toEqual([])
  })

  it('scores a shortened given name below the full one, and still at the threshold', () => {
    const idx = new NameIndex([
      {
        id: 'm',
        snapshotId: 's',
        schema: 'Person',
        caption: 'MIRZAEI, Haj Ahmad',
        names: [{ name: 'MIRZAEI, Haj Ahmad', kind: 'name' }],
      },
    ])
    const score = (q: string) => idx.match(q, { threshold: 0.82 })[0]?.score ?? 0
    expect(score('Haj Ahmad MIRZAEI')).toBe(1)
    for (const short of ['Haj Ahm MIRZAEI', 'Haj Ahm. Mirzaei', 'H. Ahmad Mirzaei']) {
      expect(score(short), short).toBeGreaterThanOrEqual(0.82)
      expect(score(short), short).toBeLessThan(1)
    }
  })

  it('finds a person under a short form of the given name', () => {
    const idx = new NameIndex([
      {
        id: 'p',
        snapshotId: 's',
        schema: 'Person',
        caption: 'ZHUKOV, Aleksandr',
        names: [{ name: 'ZHUKOV, Aleksandr', kind: 'name' }],
      },
    ])
    expect(idx.match('Sasha Zhukov', { threshold: 0.82 }).map((h) => h.entry.id)).toEqual(['p'])
  })

  it('reports the matched alias and the entry once', () => {
    const idx = new NameIndex([
      {
        id: 'x',
        snapshotId: 's',
        schema: 'Company',
        caption: 'Orion Avia LLC',
        names: [
          { name: 'Orion Avia LLC', kind: 'name' },
          { name: 'Orion Aviation Services', kind: 'alias' },
        ],
      },
    ])
    const hits = idx.match('ORION AVIATION SERVICES FZE', { threshold: 0.82 })
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({
      listName: 'Orion Aviation Services',
      nameKind: 'alias',
      score: 1,
    })
  })
})
