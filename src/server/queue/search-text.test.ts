import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  foldAccount,
  foldText,
  matchesText,
  SearchIndex,
  searchText,
  textQuery,
} from './search-text.ts'

describe('foldText', () => {
  it('drops accents, case and extra spaces', () => {
    expect(foldText('  Ahméd \t SALEH ')).toBe('ahmed saleh')
    expect(foldText('Žluťoučký KŮŇ')).toBe('zlutoucky kun')
    expect(foldText('İSTANBUL')).toBe('istanbul')
  })
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldText(foldText(s)) === foldText(s)))
  })
})

describe('search', () => {
  const t = searchText({
    id: 'A-00ff',
    accounts: ['DE89370400440532013000'],
    party_names: ['Ahméd Saleh'],
    list_entries: ['OFAC-36102'],
    listed_names: ['SALIH, Ahmad'],
    reason_texts: ['party on a watch list'],
  })
  const finds = (q: string) => {
    const tq = textQuery(q)
    return tq !== null && matchesText(t, tq)
  }
  it('finds each field, never across two', () => {
    for (const q of ['ahmed', 'AHMÉD SALEH', 'ofac-36102', 'salih, ahmad', 'watch list', 'a-00f'])
      expect(finds(q), q).toBe(true)
    expect(finds('saleh ofac')).toBe(false)
    expect(finds('bob')).toBe(false)
  })
  it('finds accounts with spaces or hyphens', () => {
    expect(foldAccount('DE89 3704-0044')).toBe('de8937040044')
    expect(finds('de89 3704 0044 0532 0130 00')).toBe(true)
    expect(finds('0532 0130')).toBe(true)
  })
  it('has nothing to compare in blank text', () => {
    expect(textQuery('   ')).toBeNull()
    expect(textQuery(null)).toBeNull()
  })
})

describe('SearchIndex', () => {
  it('finds exactly the alerts matchesText finds', () => {
    const word = fc.constantFrom('ahmed', 'saleh', 'Ahméd', 'SALEH', 'de89', 'x', 'a b', '')
    const item = fc.record({
      id: fc.constantFrom('A-01', 'A-02', 'A-ff'),
      accounts: fc.array(fc.constantFrom('DE89 3704', 'AE07', 'x-1'), { maxLength: 3 }),
      party_names: fc.array(
        fc.array(word, { maxLength: 3 }).map((w) => w.join(' ')),
        {
          maxLength: 3,
        },
      ),
      list_entries: fc.array(word, { maxLength: 2 }),
      listed_names: fc.array(word, { maxLength: 2 }),
      reason_texts: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    })
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 12 }),
        fc.string({ maxLength: 6 }),
        word,
        (items, q1, q2) => {
          const texts = items.map(searchText)
          const index = new SearchIndex(texts)
          for (const q of [q1, q2, `${q2} ${q1}`]) {
            const tq = textQuery(q)
            if (!tq) continue
            const got = index.matches(tq)
            texts.forEach((t, i) => expect(got[i] === 1, q).toBe(matchesText(t, tq)))
          }
        },
      ),
    )
  })
})
