// The weight model ranks what matters first: a ring through controlled goods and a diversion hub
// above the same ring with only behavioural evidence, above the bare shape (kept below the
// threshold: a shape alone never alerts) and a payroll fan-out that must not alert at all; and
// screening on its own (a listed party, a goods/HS mismatch on a risky route) raises alerts.
import { describe, it, expect } from 'vitest'
import { ScoreConfig } from '../src/score/config.ts'
import {
  EMPTY_DETECT,
  EMPTY_RISK,
  goodsMismatchFindings,
  sanctionsFindings,
  scoreAll,
  scoreFindings,
  type PaymentLite,
  type RiskContext,
} from '../src/score/index.ts'
import type { CycleFinding, FanFinding } from '../src/schema/finding.ts'

const config = ScoreConfig.parse({})

const ring: CycleFinding = {
  typology: 'cycle',
  key: 'cycle:t1,t2,t3,t4',
  tx_ids: ['t1', 't2', 't3', 't4'],
  accounts: ['DE01', 'AE02', 'TR03', 'CY04'],
  first_ts: '2026-01-02T10:00:00Z',
  last_ts: '2026-01-05T10:00:00Z',
  amount_in: 250_000,
  amount_out: 238_000,
  currency: 'EUR',
  span_hours: 72,
  explanation: '4-hop cycle',
  truncated: false,
  measures: { hops: 4, retention: 0.952, min_hop_ratio: 0.97 },
}

const payroll: FanFinding = {
  typology: 'fan_out',
  key: 'fan_out:EMPLOYER',
  tx_ids: Array.from({ length: 40 }, (_, i) => `p${i}`),
  accounts: ['EMPLOYER', ...Array.from({ length: 40 }, (_, i) => `EMP${i}`)],
  first_ts: '2026-01-28T08:00:00Z',
  last_ts: '2026-01-28T09:00:00Z',
  amount_in: 120_000,
  amount_out: 120_000,
  currency: 'EUR',
  span_hours: 1,
  explanation: 'one account paid 40 accounts, salary wording, the same staff as last month',
  truncated: false,
  // as the fan detector reports a payroll run it was told to keep
  measures: {
    width: 40,
    center: 'EMPLOYER',
    payroll_share: 1,
    repeat_share: 0.95,
    pass_through: 0,
    payroll_like: true,
    merchant_like: false,
  },
}

const risky: RiskContext = {
  ...EMPTY_RISK,
  goodsByTx: new Map([['t2', { category: 'electronics', tier: 1, mismatch: false }]]),
  routesByTx: new Map([
    ['t2', { sanctioned: false, hub: true, countries: ['AE'], hub_countries: ['AE'] }],
  ]),
}

// The same ring as the detectors report it with evidence: its intermediaries passed the money
// straight on and do little else, its accounts were first seen days before.
const mules: CycleFinding = {
  ...ring,
  signals: { history_days: 30, dedicated: 1, passing: 1, fresh: 0.75, value_spread: 0.05 },
}

describe('score ranking', () => {
  it('ring with evidence, goods and a hub > ring with evidence > bare ring (no alert) > payroll (no alert)', () => {
    const [withContext] = scoreAll([mules], risky, EMPTY_DETECT, config)
    const [evidenced] = scoreAll([mules], EMPTY_RISK, EMPTY_DETECT, config)
    const [plain] = scoreAll([ring], EMPTY_RISK, EMPTY_DETECT, config)
    const [fan] = scoreAll([payroll], EMPTY_RISK, EMPTY_DETECT, config)
    expect(withContext.score).toBeGreaterThan(evidenced.score)
    expect(evidenced.score).toBeGreaterThan(plain.score)
    expect(evidenced.score).toBeGreaterThanOrEqual(config.alert_threshold)
    expect(evidenced.evidence).toEqual([
      'DEDICATED_ACCOUNTS',
      'FRESH_ACCOUNTS',
      'PASS_THROUGH_ACCOUNTS',
    ])
    // The bare shape stays under the threshold and says why.
    expect(plain.score).toBeLessThan(config.alert_threshold)
    expect(plain.evidence).toEqual([])
    expect(plain.reasons.map((r) => r.code)).toContain('SHAPE_ONLY')
    expect(fan.score).toBeLessThan(config.alert_threshold)
    expect(scoreFindings([payroll, ring], EMPTY_RISK, EMPTY_DETECT, config)).toEqual([])
    const ranked = scoreFindings([payroll, ring], risky, EMPTY_DETECT, config)
    expect(ranked.map((a) => a.typology)).toEqual(['cycle'])
    expect(ranked[0].evidence).toEqual(['CONTROLLED_GOODS', 'DIVERSION_HUB'])
    const codes = withContext.reasons.map((r) => r.code)
    expect(codes).toContain('CONTROLLED_GOODS')
    expect(codes).toContain('DIVERSION_HUB')
    expect(withContext.reasons.find((r) => r.code === 'DIVERSION_HUB')?.text).toContain('AE')
  })

  it('reasons are sorted by weight and sum to the score, which is not capped at 100', () => {
    const [a] = scoreAll([mules], risky, EMPTY_DETECT, config)
    const weights = a.reasons.map((r) => r.weight)
    expect(weights).toEqual([...weights].sort((x, y) => y - x))
    expect(a.score).toBeCloseTo(
      weights.reduce((s, w) => s + w, 0),
      5,
    )
    expect(a.reasons.some((r) => /4-hop payment cycle/.test(r.text))).toBe(true)
    expect(a.reasons.some((r) => /95% of the money/.test(r.text))).toBe(true)
  })

  it('a listed party on the pattern is evidence; a direct counterparty of one too; two hops away only context', () => {
    const listed = scoreAll(
      [ring],
      { ...EMPTY_RISK, hitsByAccount: new Map([['AE02', [{ name: 'Gulf Trade', score: 0.95 }]]]) },
      EMPTY_DETECT,
      config,
    )[0]
    const near = scoreAll(
      [ring],
      EMPTY_RISK,
      { ...EMPTY_DETECT, exposure: new Map([['TR03', 2]]) },
      config,
    )[0]
    const far = scoreAll(
      [ring],
      EMPTY_RISK,
      { ...EMPTY_DETECT, exposure: new Map([['TR03', 3]]) },
      config,
    )[0]
    const direct = scoreAll(
      [ring],
      EMPTY_RISK,
      { ...EMPTY_DETECT, exposure: new Map([['TR03', 1]]) },
      config,
    )[0]
    const [plain] = scoreAll([ring], EMPTY_RISK, EMPTY_DETECT, config)
    expect(listed.score).toBeGreaterThan(direct.score)
    expect(direct.score).toBeGreaterThan(plain.score)
    expect(direct.evidence).toContain('NEAR_LISTED_PARTY')
    // two hops: named as context, not evidence, so the shape stays below the threshold
    expect(near.reasons.map((r) => r.code)).toContain('NEAR_LISTED_PARTY')
    expect(near.evidence).not.toContain('NEAR_LISTED_PARTY')
    expect(near.score).toBe(plain.score)
    expect(far.score).toBe(plain.score)
    expect(listed.reasons.find((r) => r.code === 'LISTED_PARTY')?.text).toContain('Gulf Trade')
  })

  it('fresh accounts, a goods mismatch and a community dense in hits each add weight', () => {
    const base: CycleFinding = { ...mules, signals: { ...mules.signals, fresh: 0 } }
    const [plain] = scoreAll([base], EMPTY_RISK, EMPTY_DETECT, config)
    const fresh = scoreAll(
      [{ ...mules, signals: { ...mules.signals, fresh: 1 } }],
      EMPTY_RISK,
      EMPTY_DETECT,
      config,
    )[0]
    const stale = scoreAll(
      [{ ...mules, signals: { ...mules.signals, fresh: 0 } }],
      EMPTY_RISK,
      EMPTY_DETECT,
      config,
    )[0]
    expect(stale.score).toBeLessThan(fresh.score)
    const mismatch = scoreAll(
      [base],
      { ...EMPTY_RISK, goodsByTx: new Map([['t3', { mismatch: true }]]) },
      EMPTY_DETECT,
      config,
    )[0]
    const communities = new Map(
      ['DE01', 'AE02', 'TR03', 'CY04', 'X1', 'X2', 'X3'].map((a) => [a, 7]),
    )
    const hits = new Map([
      ['X1', [{ name: 'a' }]],
      ['X2', [{ name: 'b' }]],
    ])
    const dense = scoreAll(
      [base],
      { ...EMPTY_RISK, hitsByAccount: hits },
      { ...EMPTY_DETECT, communities },
      config,
    )[0]
    for (const s of [fresh, mismatch, dense]) expect(s.score).toBeGreaterThan(plain.score)
    expect(dense.community).toBe(7)
    expect(dense.reasons.map((r) => r.code)).toContain('RISKY_COMMUNITY')
  })

  it('a payment to a listed party alone is an alert; so is a goods/HS mismatch on any route, a risky one ranking higher', () => {
    const pay = (tx_id: string, debtor: string, creditor: string): PaymentLite => ({
      tx_id,
      ts: '2026-01-03T12:00:00Z',
      amount: 5000,
      currency: 'EUR',
      debtor_account: debtor,
      creditor_account: creditor,
      purpose: 'spare parts',
      hs_code: '8542.31',
    })
    const payments = [pay('s1', 'DE9', 'RU7'), pay('m1', 'DE5', 'AE6'), pay('m2', 'DE5', 'FR1')]
    const ctx: RiskContext = {
      ...EMPTY_RISK,
      hitsByAccount: new Map([['RU7', [{ name: 'Listed Co', entry_id: 'NK-1', score: 0.99 }]]]),
      goodsByTx: new Map([
        ['m1', { mismatch: true }],
        ['m2', { mismatch: true }],
      ]),
      routesByTx: new Map([
        ['m1', { hub: true, sanctioned: false, countries: ['AE'], hub_countries: ['AE'] }],
      ]),
    }
    const findings = [...sanctionsFindings(payments, ctx), ...goodsMismatchFindings(payments, ctx)]
    const alerts = scoreFindings(findings, ctx, EMPTY_DETECT, config)
    expect(alerts.map((a) => [a.typology, a.tx_ids])).toEqual([
      ['sanctions', ['s1']],
      ['goods_mismatch', ['m1']],
      ['goods_mismatch', ['m2']],
    ])
    expect(alerts[0].reasons[0].text).toContain('Listed Co')
    // consumer wording on a controlled code alerts by itself; the hub route adds weight
    const [hub, plain] = alerts.slice(1)
    expect(plain.score).toBeGreaterThanOrEqual(config.alert_threshold)
    expect(hub.score).toBeGreaterThan(plain.score)
    expect(hub.reasons.map((r) => r.code)).toContain('DIVERSION_HUB')
  })

  it("ranks a listed person's name carried by many account holders below a distinctive hit", () => {
    const pay = (tx_id: string, debtor: string): PaymentLite => ({
      tx_id,
      ts: '2026-01-03T12:00:00Z',
      amount: 5000,
      currency: 'EUR',
      debtor_account: debtor,
      creditor_account: 'DE1',
      purpose: 'invoice',
      hs_code: null,
    })
    const person = { name: 'Sergei Volkov', entry_id: 'P-1', score: 1, schema: 'Person' }
    const company = { name: 'Listed Co', entry_id: 'C-1', score: 1, schema: 'Company' }
    const run = (holders: number) => {
      const hits = new Map<string, (typeof person)[]>([['RUC', [company]]])
      for (let i = 0; i < holders; i++) hits.set(`RU${i}`, [person])
      const payments = [pay('c', 'RUC'), ...[...hits.keys()].slice(1).map((a) => pay(`p${a}`, a))]
      const ctx: RiskContext = { ...EMPTY_RISK, hitsByAccount: hits }
      return scoreFindings(sanctionsFindings(payments, ctx), ctx, EMPTY_DETECT, config)
    }
    // Two holders of the name: as strong as the company's hit.
    const two = run(2)
    expect(new Set(two.map((a) => a.score)).size).toBe(1)
    // Three holders and more: still alerts, each saying why it ranks lower; the company's unchanged.
    const three = run(3)
    const byAccount = new Map(three.map((a) => [a.accounts.find((x) => x !== 'DE1'), a]))
    const c = byAccount.get('RUC')!
    expect(c.score).toBe(two[0].score)
    for (const a of ['RU0', 'RU1', 'RU2']) {
      const x = byAccount.get(a)!
      expect(x.score).toBeLessThan(c.score)
      expect(x.score).toBeGreaterThanOrEqual(config.alert_threshold)
      expect(x.reasons.find((r) => r.code === 'LIKELY_NAMESAKE')?.text).toMatch(
        /^3 different accounts/,
      )
    }
    // a weaker name match of a namesake still alerts
    const weak = { ...person, score: 0.9 }
    const hits = new Map([0, 1, 2].map((i) => [`RU${i}`, [weak]]))
    const ctx: RiskContext = { ...EMPTY_RISK, hitsByAccount: hits }
    const payments = [...hits.keys()].map((a) => pay(`w${a}`, a))
    const w = scoreFindings(sanctionsFindings(payments, ctx), ctx, EMPTY_DETECT, config)
    expect(w).toHaveLength(3)
    for (const x of w) expect(x.score).toBeGreaterThanOrEqual(config.alert_threshold)
  })

  it('counts paying on more than came in against a business, not against accounts that do nothing else', () => {
    const codes = (dedicated: number) =>
      scoreAll(
        [
          {
            ...ring,
            measures: { ...ring.measures, retention: 1.12 },
            signals: { history_days: 9, dedicated },
          } as CycleFinding,
        ],
        EMPTY_RISK,
        EMPTY_DETECT,
        config,
      )[0].reasons.map((r) => r.code)
    expect(codes(0.25)).toContain('PAYS_OUT_MORE')
    expect(codes(1)).not.toContain('PAYS_OUT_MORE')
    expect(codes(1)).toContain('DEDICATED_ACCOUNTS')
  })

  it('is deterministic: the same inputs in another order give the same alerts', () => {
    const a = scoreAll([ring, payroll], risky, EMPTY_DETECT, config)
    const b = scoreAll(
      [payroll, { ...ring, tx_ids: [...ring.tx_ids].reverse() }],
      risky,
      EMPTY_DETECT,
      config,
    )
    const strip = (x: typeof a) => x.map(({ finding: _f, ...rest }) => rest)
    expect(strip(b)).toEqual(strip(a))
  })

  it('picks the same listed entry whatever order equal-scoring hits come in', () => {
    const h1 = {
      name: 'Stppe Supply LLP',
      entry_id: 'E-2',
      caption: 'Steppe Supply LLP',
      score: 0.9,
    }
    const h2 = {
      name: 'Stppe Supply LLP',
      entry_id: 'E-1',
      caption: 'Steppe Supply FZCO',
      score: 0.9,
    }
    const run = (hits: (typeof h1)[]) =>
      scoreAll(
        [ring],
        { ...EMPTY_RISK, hitsByAccount: new Map([['AE02', hits]]) },
        EMPTY_DETECT,
        config,
      )[0].reasons
    expect(run([h1, h2])).toEqual(run([h2, h1]))
    expect(run([h1, h2]).find((r) => r.code === 'LISTED_PARTY')?.text).toContain('FZCO')
  })

  it('folds two findings of one typology over the same accounts into one candidate', () => {
    const again = {
      ...ring,
      key: 'cycle:t5,t6,t7,t8',
      tx_ids: ['t5', 't6', 't7', 't8'],
      last_ts: '2026-01-09T00:00:00Z',
    }
    const out = scoreAll([ring, again], EMPTY_RISK, EMPTY_DETECT, config)
    expect(out).toHaveLength(1)
    expect(out[0].tx_ids).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'])
    expect(out[0].last_ts).toBe('2026-01-09T00:00:00Z')
  })
})

describe('a payment returned in full', () => {
  // A pays B an amount far from either's usual and B sends the same sum back two days later.
  const returned: CycleFinding = {
    ...ring,
    key: 'cycle:r1,r2',
    tx_ids: ['r1', 'r2'],
    accounts: ['NL01', 'BY02'],
    amount_in: 48_000,
    amount_out: 48_000,
    span_hours: 45,
    explanation: '2-hop cycle',
    measures: { hops: 2, retention: 1, min_hop_ratio: 1, ordered: 1, returned: 1 },
    signals: { history_days: 35, dedicated: 0, value_spread: 0, amount_unusual: 0.5 },
  } as CycleFinding

  it('is explained: its unusual amount is no evidence, a sanctioned route still is', () => {
    const [plain] = scoreAll([returned], EMPTY_RISK, EMPTY_DETECT, config)
    expect(plain.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['RETURNED_PAYMENT', 'AMOUNT_UNUSUAL', 'SHAPE_ONLY']),
    )
    expect(plain.evidence).toEqual([])
    expect(plain.score).toBeLessThan(config.alert_threshold)
    const sanctioned: RiskContext = {
      ...EMPTY_RISK,
      routesByTx: new Map([
        ['r1', { sanctioned: true, hub: false, countries: ['BY'], sanctioned_countries: ['BY'] }],
      ]),
    }
    const [routed] = scoreAll([returned], sanctioned, EMPTY_DETECT, config)
    expect(routed.evidence).toEqual(['SANCTIONED_ROUTE'])
    expect(routed.score).toBeGreaterThanOrEqual(config.alert_threshold)
    // The same two payments with different amounts are no return: the unusual amount counts.
    const [other] = scoreAll(
      [{ ...returned, measures: { ...returned.measures, returned: 0 } }],
      EMPTY_RISK,
      EMPTY_DETECT,
      config,
    )
    expect(other.evidence).toEqual(['AMOUNT_UNUSUAL'])
  })
})
