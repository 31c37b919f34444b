// From scored findings to a workable queue: findings of one ring become one alert (grouped by shared
// transfers or two shared accounts, never through a hub), the budget keeps the highest-scored within
// alerts per 10,000 transfers, and nothing planted among many look-alikes is lost by it; a config
// key that does not exist is an error that names it.
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../src/config/index.ts'
import { AlertsConfig, applyBudget, groupAlerts, type ScoredAlert } from '../src/score/index.ts'
import { BadInputError } from '../src/util/errors.ts'

const A = AlertsConfig.parse({})

let n = 0
function alert(p: Partial<ScoredAlert> & { tx_ids: string[]; accounts: string[] }): ScoredAlert {
  n++
  return {
    id: p.id ?? `A-${String(n).padStart(4, '0')}`,
    typology: p.typology ?? 'cycle',
    key: `k${n}`,
    accounts_key: `ak${n}`,
    score: p.score ?? 60,
    reasons: p.reasons ?? [{ code: 'X', text: 'x', weight: p.score ?? 60 }],
    accounts: p.accounts,
    tx_ids: p.tx_ids,
    first_ts: p.first_ts ?? '2026-01-01T00:00:00.000Z',
    last_ts: p.last_ts ?? '2026-01-02T00:00:00.000Z',
    total_amount: 100,
    currency: 'EUR',
    total_amount_base: 100,
    base_currency: 'EUR',
    evidence: p.evidence ?? ['PASS_THROUGH_ACCOUNTS'],
    typologies: [p.typology ?? 'cycle'],
    community: null,
    finding: { explanation: `finding ${n}` },
  }
}

describe('one ring, one alert', () => {
  it('groups a ring with the mismatch on one of its payments and the sanctions hit on its accounts', () => {
    const ring = alert({
      typology: 'cycle',
      score: 80,
      tx_ids: ['t1', 't2', 't3'],
      accounts: ['A', 'B', 'C'],
    })
    const mismatch = alert({
      typology: 'goods_mismatch',
      score: 55,
      tx_ids: ['t2'],
      accounts: ['B', 'C'],
    })
    const hit = alert({
      typology: 'sanctions',
      score: 70,
      tx_ids: ['t3', 't9'],
      accounts: ['C', 'Z'],
    })
    const other = alert({ typology: 'fan_out', score: 65, tx_ids: ['u1'], accounts: ['C', 'Q'] })
    const out = groupAlerts([mismatch, hit, ring, other], A)
    expect(out).toHaveLength(2)
    const [top, rest] = out
    expect(top.id).toBe(ring.id)
    expect(top.typologies).toEqual(['cycle', 'sanctions', 'goods_mismatch'])
    expect(top.tx_ids).toEqual(['t1', 't2', 't3', 't9'])
    expect(top.accounts).toEqual(['A', 'B', 'C', 'Z'])
    expect(top.score).toBe(80 + 2 * A.typology_bonus)
    expect(top.reasons.map((r) => r.code)).toEqual([
      'X',
      'SEVERAL_TYPOLOGIES',
      'ALSO_SANCTIONS',
      'ALSO_GOODS_MISMATCH',
    ])
    // one shared account (C) alone does not make the fan-out part of the ring
    expect(rest.id).toBe(other.id)
  })

  it('links findings sharing two accounts, but never through a hub many findings touch', () => {
    const a = alert({ tx_ids: ['a1'], accounts: ['P', 'Q', 'R'] })
    const b = alert({ tx_ids: ['b1'], accounts: ['P', 'Q', 'S'] })
    expect(groupAlerts([a, b], A)).toHaveLength(1)
    const spokes = Array.from({ length: A.max_findings_per_shared_account + 1 }, (_, i) =>
      alert({ tx_ids: [`s${i}`], accounts: ['EXCHANGE', 'PSP', `C${i}`] }),
    )
    expect(groupAlerts(spokes, A)).toHaveLength(spokes.length)
  })
  it('makes one alert of a layered pattern seen as several fans and mismatches', () => {
    // A stack: B gathers from A, C, D and pays on to C, E, F; each goods mismatch seeds a group of
    // its own and each fan joins the mismatch on one of its payments; the two groups share two of
    // their four accounts (B and C): one pattern, one alert.
    const m1 = alert({
      typology: 'goods_mismatch',
      score: 80,
      tx_ids: ['m1'],
      accounts: ['A', 'B'],
    })
    const m2 = alert({
      typology: 'goods_mismatch',
      score: 78,
      tx_ids: ['m2'],
      accounts: ['B', 'E'],
    })
    const fanIn = alert({
      typology: 'fan_in',
      score: 60,
      tx_ids: ['m1', 'f2', 'f3'],
      accounts: ['A', 'B', 'C', 'D'],
    })
    const fanOut = alert({
      typology: 'fan_out',
      score: 55,
      tx_ids: ['m2', 'o2', 'o3'],
      accounts: ['B', 'C', 'E', 'F'],
    })
    const out = groupAlerts([fanOut, m2, fanIn, m1], A)
    expect(out).toHaveLength(1)
    expect(out[0].id).toBe(m1.id)
    expect(out[0].tx_ids).toEqual(['f2', 'f3', 'm1', 'm2', 'o2', 'o3'])
    expect(out[0].typologies).toEqual(['goods_mismatch', 'fan_in', 'fan_out'])
    // Sharing one account (B) only, the same two groups stay two alerts.
    const fanOut1 = alert({ ...fanOut, id: undefined, accounts: ['B', 'E', 'F', 'G'] })
    expect(groupAlerts([fanOut1, m2, fanIn, m1], A)).toHaveLength(2)
  })
})

describe('the alert budget', () => {
  it('keeps the highest scores within alerts per 10,000 transfers and says what it held back', () => {
    const xs = [90, 80, 70, 60, 50].map((s, i) =>
      alert({ score: s, tx_ids: [`b${i}`], accounts: [`X${i}`] }),
    )
    const r = applyBudget(xs, 6_000, A)
    expect(r.allowed).toBe(3)
    expect(r.kept.map((a) => a.score)).toEqual([90, 80, 70])
    expect(r).toMatchObject({ held_back: 2, cut_score: 70 })
    expect(applyBudget(xs, 6_000, { ...A, max_per_10k_transfers: null }).kept).toHaveLength(5)
  })

  it('loses nothing planted among many look-alikes: evidence ranks the planted ones inside it', () => {
    // 40 planted rings with two risk signals each among 2,000 look-alike shapes with one weak one,
    // over 100,000 transfers (budget 50).
    const planted = Array.from({ length: 40 }, (_, i) =>
      alert({
        score: 60 + (i % 7),
        tx_ids: [`p${i}`],
        accounts: [`PA${i}`, `PB${i}`],
        evidence: ['FRESH_ACCOUNTS', 'PASS_THROUGH_ACCOUNTS'],
      }),
    )
    const lookalikes = Array.from({ length: 2_000 }, (_, i) =>
      alert({
        score: 45 + (i % 12),
        tx_ids: [`l${i}`],
        accounts: [`LA${i}`, `LB${i}`],
        evidence: ['DIVERSION_HUB'],
      }),
    )
    const r = applyBudget(groupAlerts([...lookalikes, ...planted], A), 100_000, A)
    const kept = new Set(r.kept.map((a) => a.id))
    expect(planted.every((p) => kept.has(p.id))).toBe(true)
    expect(r.kept).toHaveLength(50)
    expect(r.held_back).toBe(1_990)
  })
})

describe('config', () => {
  it('names an unknown or misspelt key', () => {
    expect(() => parseConfig({ alerts: { max_per_10k: 5 } }, 'x.json')).toThrow(
      /x\.json: config field alerts\.max_per_10k: unknown setting 'alerts\.max_per_10k'/,
    )
    expect(() => parseConfig({ detect: { cycle: { max_span: 9 } } })).toThrow(BadInputError)
    expect(() => parseConfig({ alert: {} })).toThrow(/unknown setting 'alert'/)
    // every section, the reference-rate, audit and batch ones included
    for (const [section, key] of [
      ['fx', 'base'],
      ['audit', 'keyfile'],
      ['batch', 'inbox_dir'],
    ])
      expect(() => parseConfig({ [section]: { [key]: 'x' } })).toThrow(
        new RegExp(`unknown setting '${section}\\.${key}'`),
      )
    expect(
      parseConfig({ alerts: { max_per_10k_transfers: 8 } }).config.alerts.max_per_10k_transfers,
    ).toBe(8)
  })
})
