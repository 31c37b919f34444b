import { describe, expect, it } from 'vitest'
import { Rng } from './rng.ts'
import { makeListedEntities, nameVariant, transliterate, watchlistCsv } from './watchlist.ts'
import { parseCsv } from './verify.ts'

describe('watch list', () => {
  const entities = makeListedEntities(new Rng(3, 'wl'), 40)

  it('makes distinct companies and persons across sanctioned and hub countries', () => {
    expect(entities.length).toBe(40)
    expect(new Set(entities.map((e) => e.name)).size).toBe(40)
    expect(new Set(entities.map((e) => e.country)).has('RU')).toBe(true)
    expect(entities.some((e) => ['AE', 'TR', 'HK', 'CN'].includes(e.country))).toBe(true)
  })

  it('writes targets.simple.csv rows with ;-separated aliases and lower-case countries', () => {
    const [head, ...rows] = parseCsv(watchlistCsv(new Rng(1), entities))
    expect(head.length).toBe(16)
    expect(rows.length).toBe(40)
    for (const [i, r] of rows.entries()) {
      expect(r.length).toBe(16)
      expect(r[2]).toBe(entities[i].name)
      expect(r[3].split(';').filter(Boolean)).toEqual(entities[i].aliases)
      expect(r[5]).toBe(entities[i].country.toLowerCase())
    }
  })

  it('names listed parties in payments with variants of their list names', () => {
    const rng = new Rng(8)
    let changed = 0
    for (const e of entities)
      for (let i = 0; i < 5; i++) {
        const v = nameVariant(rng, e)
        if (v.variant !== 'exact' && v.variant !== 'alias') {
          changed++
          expect([e.name, ...e.aliases]).not.toContain(v.name)
        }
      }
    expect(changed).toBeGreaterThan(180)
  })

  it('transliterates Russian names in another common way', () => {
    expect(transliterate(new Rng(1), 'Kharitonov')).toMatch(/^(Haritonov|Kharitonoff|Kharitonov)$/)
    expect(transliterate(new Rng(1), 'Tekhnopromeksport')).not.toBe('Tekhnopromeksport')
  })
})
