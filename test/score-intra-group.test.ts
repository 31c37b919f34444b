// Intra-group flows (score/intra-group.ts): a ring among the companies of one corporate group is
// explained by the group; the same ring among unrelated companies, or with a listed party, is not.
import { describe, it, expect } from 'vitest'
import { ScoreConfig } from '../src/score/config.ts'
import { EMPTY_DETECT, EMPTY_RISK, groupKey, markIntraGroup, scoreAll } from '../src/score/index.ts'
import type { RiskContext } from '../src/score/index.ts'
import type { CycleFinding } from '../src/schema/finding.ts'

const config = ScoreConfig.parse({})

// A fast 3-hop ring of accounts that do nothing else: strong behavioural evidence.
const ring: CycleFinding = {
  typology: 'cycle',
  key: 'cycle:t1,t2,t3',
  tx_ids: ['t1', 't2', 't3'],
  accounts: ['LU01', 'DE02', 'GB03'],
  first_ts: '2026-01-02T10:00:00Z',
  last_ts: '2026-01-03T10:00:00Z',
  amount_in: 250_000,
  amount_out: 249_000,
  currency: 'EUR',
  span_hours: 24,
  explanation: '3-hop cycle',
  truncated: false,
  measures: { hops: 3, retention: 0.996, min_hop_ratio: 0.99 },
  signals: { history_days: 10, dedicated: 1, passing: 1 },
} as CycleFinding

const names = (n: [string, string, string]) =>
  new Map([
    ['LU01', n[0]],
    ['DE02', n[1]],
    ['GB03', n[2]],
  ])
const mark = (n: [string, string, string], ctx: RiskContext = EMPTY_RISK) =>
  markIntraGroup(scoreAll([ring], ctx, EMPTY_DETECT, config), names(n), config)

describe('intra-group flows', () => {
  it('places companies in their group by name, leaving out legal form, country and function', () => {
    const almeda = [
      'Almeda Treasury Cash Pool',
      'Almeda Holding GmbH',
      'Almeda Nederland B.V.',
      'Almeda España S.L.',
      'Almeda Polska Sp. z o.o.',
      'ALMEDA UK LTD',
    ].map(groupKey)
    expect(new Set(almeda)).toEqual(new Set(['almeda']))
    // two companies sharing one surname are two groups; a person's name is no group
    expect(groupKey('Schulz & Wagner KG')).not.toBe(groupKey('Schulz & Weber UG'))
    expect(groupKey('Sergei Volkov')).toBeUndefined()
    // a generic name names no group
    expect(groupKey('Global Trading Ltd')).toBeUndefined()
    expect(groupKey('Nordic Trading AB')).toBeUndefined()
    expect(groupKey('Deutsche Bank AG')).not.toBe(groupKey('Deutsche Holding GmbH'))
    expect(groupKey('')).toBeUndefined()
  })

  it('takes a ring among one group below the threshold, and says why', () => {
    const [plain] = mark(['Zephyr Trading LLC', 'Nordwind Handels GmbH', 'Kestrel Supplies Ltd'])
    expect(plain.score).toBeGreaterThanOrEqual(config.alert_threshold)
    expect(plain.evidence).toContain('DEDICATED_ACCOUNTS')
    const scored = scoreAll([ring], EMPTY_RISK, EMPTY_DETECT, config)
    const kept = markIntraGroup(
      scored,
      names(['Almeda Holding S.A.', 'Almeda Deutschland GmbH', 'Almeda UK Ltd']),
      config,
    )
    expect(kept).toEqual([])
    // the scored alerts it was given are left as they were
    expect(scored[0].reasons.map((r) => r.code)).not.toContain('INTRA_GROUP')
    expect(scored[0].score).toBeGreaterThanOrEqual(config.alert_threshold)
  })

  it('keeps a group ring that touches a listed party, or one with outsiders in it', () => {
    const listed: RiskContext = {
      ...EMPTY_RISK,
      hitsByAccount: new Map([['GB03', [{ name: 'Almeda UK Ltd', entry_id: 'X-1', score: 0.99 }]]]),
    }
    const [a] = mark(['Almeda Holding S.A.', 'Almeda Deutschland GmbH', 'Almeda UK Ltd'], listed)
    expect(a.evidence).toEqual(['LISTED_PARTY'])
    expect(a.reasons.find((r) => r.code === 'INTRA_GROUP')?.text).toContain('Almeda UK Ltd')
    // two of three accounts in the group is not the whole pattern
    const [b] = mark(['Almeda Holding S.A.', 'Almeda Deutschland GmbH', 'Kestrel Supplies Ltd'])
    expect(b.reasons.map((r) => r.code)).not.toContain('INTRA_GROUP')
    // nor four of five: money leaving the group is what to look at
    const five = { ...ring, accounts: ['LU01', 'DE02', 'GB03', 'NL04', 'XX05'] } as CycleFinding
    const names5 = new Map([
      ['LU01', 'Almeda Holding S.A.'],
      ['DE02', 'Almeda Deutschland GmbH'],
      ['GB03', 'Almeda UK Ltd'],
      ['NL04', 'Almeda Nederland B.V.'],
      ['XX05', 'Kestrel Supplies Ltd'],
    ])
    const [c] = markIntraGroup(scoreAll([five], EMPTY_RISK, EMPTY_DETECT, config), names5, config)
    expect(c.reasons.map((r) => r.code)).not.toContain('INTRA_GROUP')
  })
})
