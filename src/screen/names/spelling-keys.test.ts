import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { SpellingKeys } from './spelling-keys.ts'

/** The reference: a map from key strings, filed and looked up as the hash table claims to do. */
function reference(words: string[], t: string, deletions: boolean, swaps: boolean): number[] {
  const map = new Map<string, number[]>()
  const file = (k: string, v: number) => map.set(k, [...(map.get(k) ?? []), v])
  words.forEach((w, v) => {
    if (w.length >= 4) for (let i = 0; i < w.length; i++) file(w.slice(0, i) + w.slice(i + 1), v)
    file(w, v)
  })
  const keys = [t]
  if (deletions) for (let i = 0; i < t.length; i++) keys.push(t.slice(0, i) + t.slice(i + 1))
  if (swaps)
    for (let i = 1; i + 1 < t.length; i++)
      if (t[i] !== t[i + 1]) keys.push(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2))
  return keys.flatMap((k) => map.get(k) ?? [])
}

describe('SpellingKeys', () => {
  // a three-letter alphabet: many words one edit apart, repeated deletions ('abba')
  const word = fc.stringMatching(/^[abc]{1,7}$/)
  it('finds the words a map from key strings finds, in the same order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, (words, t) => {
        const keys = new SpellingKeys(words)
        const got: number[] = []
        keys.each(t, t.length >= 4, t.length >= 5, (v) => got.push(v))
        expect(got).toEqual(reference(words, t, t.length >= 4, t.length >= 5))
      }),
      { numRuns: 500 },
    )
  })

  it('checks each entry letter by letter where keys share a hash', () => {
    // base 1: a key's hash is the sum of its letters, so every anagram collides
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, (words, t) => {
        const keys = new SpellingKeys(words, 1)
        const got: number[] = []
        keys.each(t, t.length >= 4, t.length >= 5, (v) => got.push(v))
        expect(got).toEqual(reference(words, t, t.length >= 4, t.length >= 5))
      }),
      { numRuns: 500 },
    )
  })

  it('finds a listed word through a deletion, an insertion, a substitution and a swap', () => {
    const keys = new SpellingKeys(['electronics', 'tsvetkov', 'petrochemical'])
    const found = (t: string) => {
      const out = new Set<number>()
      keys.each(t, t.length >= 4, t.length >= 5, (v) => out.add(v))
      return [...out]
    }
    expect(found('electronic')).toEqual([0])
    expect(found('tsvettkov')).toEqual([1])
    expect(found('tzvetkov')).toEqual([1])
    expect(found('petrochemcial')).toEqual([2])
    expect(found('nothing')).toEqual([])
  })
})
