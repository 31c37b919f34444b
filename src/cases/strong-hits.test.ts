import { describe, expect, it } from 'vitest'
import { BadInputError } from '../util/errors.ts'
import { checkFalsePositive, isSentence, type StrongHit } from './strong-hits.ts'

const HIT: StrongHit = {
  hit_id: 'H-1',
  account: 'AE07',
  name: 'Gulf Precision',
  entry_id: 'os-1',
  caption: 'GULF PRECISION LLC',
  list_source: 'sdn.csv',
  score: 0.97,
}

describe('isSentence', () => {
  it('wants words someone else can follow, not a token', () => {
    expect(isSentence('fp')).toBe(false)
    expect(isSentence('not the same person')).toBe(false) // 19 characters
    expect(isSentence('1234 5678 9012 3456 7890')).toBe(false) // no words
    expect(isSentence('Date of birth differs from the list')).toBe(true)
    expect(isSentence(null)).toBe(false)
  })
})

describe('checkFalsePositive', () => {
  const reason = 'The listed company is in another emirate'
  it('passes alerts without strong hits', () => {
    expect(() => checkFalsePositive([], {}, 'propose')).not.toThrow()
  })
  it('wants a confirmation, then a sentence', () => {
    expect(() => checkFalsePositive([HIT], { reason }, 'propose')).toThrow(BadInputError)
    expect(() => checkFalsePositive([HIT], { confirm: true, reason: 'ok' }, 'approve')).toThrow(
      /at least a sentence/,
    )
    expect(() => checkFalsePositive([HIT], { confirm: true, reason }, 'approve')).not.toThrow()
  })
})
