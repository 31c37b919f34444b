// Reasons are exact and traceable: each names the transfers it is about; a transfer's countries
// are attributed under the flag each carries (RU sanctioned, RS a hub: never both for both); the
// reasons about parties name the accounts, and the alert page names their transfers; the score is
// the uncapped sum of the weights, so two strong alerts do not tie at 100.
import { describe, expect, it } from 'vitest'
import type { CycleFinding } from '../src/schema/finding.ts'
import { EMPTY_DETECT, EMPTY_RISK, scoreAll, type RiskContext } from '../src/score/index.ts'
import { ScoreConfig } from '../src/score/config.ts'
import { reasonTransfers } from '../src/server/routes/alert-detail.ts'

const config = ScoreConfig.parse({})
const ring: CycleFinding = {
  typology: 'cycle',
  key: 'cycle:t1,t2,t3,t4',
  tx_ids: ['t1', 't2', 't3', 't4'],
  accounts: ['DE01', 'RS02', 'RU03', 'CY04'],
  first_ts: '2026-01-02T10:00:00Z',
  last_ts: '2026-01-05T10:00:00Z',
  amount_in: 250_000,
  amount_out: 238_000,
  currency: 'EUR',
  span_hours: 72,
  explanation: '4-hop cycle closed in 3 days; 95% of the amount returned',
  truncated: false,
  measures: { hops: 4, retention: 0.952, min_hop_ratio: 0.97 },
  signals: { history_days: 30, dedicated: 1, passing: 1, fresh: 0.75, value_spread: 0.05 },
}

const ctx: RiskContext = {
  ...EMPTY_RISK,
  // t2 goes from RS to RU: a hub route for RS, a sanctioned route for RU
  routesByTx: new Map([
    [
      't2',
      {
        sanctioned: true,
        hub: true,
        countries: ['RS', 'RU'],
        sanctioned_countries: ['RU'],
        hub_countries: ['RS'],
      },
    ],
    ['t3', { sanctioned: false, hub: true, countries: ['RS'], hub_countries: ['RS'] }],
  ]),
  goodsByTx: new Map([
    ['t3', { category: 'machine-tools', tier: '4.B', mismatch: true, mismatch_reason: 'x' }],
  ]),
  hitsByAccount: new Map([
    ['CY04', [{ name: 'Cyprus Co', caption: 'Cyprus Company', score: 0.98 }]],
  ]),
}

describe('exact reasons', () => {
  const [a] = scoreAll([ring], ctx, EMPTY_DETECT, config)
  const reason = (code: string) => a.reasons.find((r) => r.code === code)!

  it('attributes each country to the flag it carries', () => {
    expect(reason('SANCTIONED_ROUTE').text).toContain('(RU)')
    expect(reason('SANCTIONED_ROUTE').text).not.toContain('RS')
    expect(reason('DIVERSION_HUB').text).toContain('(RS)')
    expect(reason('DIVERSION_HUB').text).not.toContain('RU')
  })

  it('each reason names the transfers it is about', () => {
    expect(reason('SANCTIONED_ROUTE').tx_ids).toEqual(['t2'])
    expect(reason('DIVERSION_HUB').tx_ids).toEqual(['t2', 't3'])
    expect(reason('CONTROLLED_GOODS').tx_ids).toEqual(['t3'])
    expect(reason('GOODS_HS_MISMATCH').tx_ids).toEqual(['t3'])
    // the shape is about all the pattern's transfers
    expect(reason('CYCLE').tx_ids).toEqual(['t1', 't2', 't3', 't4'])
    // a party reason names the account; the alert page names its transfers
    const listed = reason('LISTED_PARTY')
    expect(listed.accounts).toEqual(['CY04'])
    const transfers = [
      { tx_id: 't3', debtor_account: 'RU03', creditor_account: 'CY04' },
      { tx_id: 't4', debtor_account: 'CY04', creditor_account: 'DE01' },
      { tx_id: 't1', debtor_account: 'DE01', creditor_account: 'RS02' },
    ]
    expect(reasonTransfers([listed], transfers)[0].tx_ids).toEqual(['t3', 't4'])
  })

  it('the score is the sum of the weights, above 100 when they add up to more', () => {
    const sum = a.reasons.reduce((s, r) => s + r.weight, 0)
    expect(a.score).toBeCloseTo(sum, 5)
    expect(a.score).toBeGreaterThan(100)
  })
})
