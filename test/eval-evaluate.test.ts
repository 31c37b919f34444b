// eval's arithmetic on small hand-made truth and alert sets: the two 50% rules, recall per typology,
// precision, precision at K with ties, controlled-goods rings in the top K, empty alerts, and loading
// alerts from JSON lines and from the store.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  evaluate,
  formatEvalTable,
  loadAlertsFromJsonl,
  loadAlertsFromStore,
  loadScanWindow,
  loadTruth,
  truthRows,
  type EvalAlert,
} from '../src/eval/index.ts'
import { Truth } from '../src/schema/truth.ts'
import { withStore } from '../src/store/index.ts'
import { cycleFinding, scored, writeScanned } from './fixtures/alerts.ts'
import { insertFixturePayments } from './fixtures/payments.ts'
import { BadInputError } from '../src/util/errors.ts'

const flags = (controlled = false, listed = false) => ({
  controlled_goods: controlled,
  listed_party: listed,
  route: ['DE'],
})
const truth: Truth = Truth.parse({
  seed: 1,
  patterns: [
    {
      id: 'c1',
      typology: 'cycle',
      tx_ids: ['a', 'b', 'c', 'd'],
      accounts: ['x'],
      flags: flags(true),
    },
    { id: 'c2', typology: 'cycle', tx_ids: ['e', 'f', 'g'], accounts: ['x'], flags: flags() },
    {
      id: 'f1',
      typology: 'fan_in',
      tx_ids: ['h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'],
      accounts: ['x'],
      flags: flags(false, true),
    },
    {
      id: 'r1',
      typology: 'random',
      tx_ids: ['p', 'q', 'r', 's'],
      accounts: ['x'],
      flags: flags(true),
    },
  ],
  benign: [
    { id: 'b1', kind: 'refund', accounts: ['y'], tx_ids: ['z1', 'z2'] },
    { id: 'b2', kind: 'merchant', accounts: ['shop'], tx_ids: [] },
  ],
})

const alert = (id: string, typology: string, score: number, tx_ids: string[]): EvalAlert => ({
  id,
  typology,
  score,
  tx_ids,
})

describe('evaluate', () => {
  it('finds a pattern when one alert covers at least half of it, not when two halves of 49% do', () => {
    const r = evaluate(truth, [
      alert('A-1', 'cycle', 90, ['a', 'b']), // exactly 50% of c1: found
      alert('A-2', 'cycle', 80, ['e']), // 1/3 of c2
      alert('A-3', 'cycle', 70, ['f']), // another 1/3 of c2: still not found by ONE alert
      alert('A-4', 'layering', 60, ['p', 'q', 'r']), // random walk found by a layering alert
    ])
    expect(r.found).toBe(2)
    expect(r.missed).toEqual(['c2', 'f1'])
    const cycle = r.by_typology.find((t) => t.typology === 'cycle')!
    expect([cycle.planted, cycle.found, cycle.recall]).toEqual([2, 1, 0.5])
    const random = r.by_typology.find((t) => t.typology === 'random')!
    expect([random.found, random.typed_found]).toEqual([1, 1])
    expect(r.recall).toBe(0.5)
    expect(r.coverage.map((c) => [c.id, c.coverage, c.best_alert])).toEqual([
      ['c1', 0.5, 'A-1'],
      ['c2', 1 / 3, 'A-2'],
      ['f1', 0, null],
      ['r1', 0.75, 'A-4'],
    ])
  })

  it('counts an alert as true when at least half of its transfers are planted', () => {
    const r = evaluate(truth, [
      alert('A-1', 'fan_in', 50, ['h', 'i', 'j', 'k', 'x1', 'x2', 'x3', 'x4']), // 4 of 8 planted: true, covers 4/8 of f1: found
      alert('A-2', 'fan_in', 40, ['h', 'x1', 'x2']), // 1 of 3: false
      alert('A-3', 'cycle', 30, ['z1', 'z2']), // on a refund: false, counted on benign
      alert('A-4', 'cycle', 20, []), // no transfers: false
    ])
    expect(r.true_alerts).toBe(1)
    expect(r.precision).toBe(0.25)
    expect(r.found).toBe(1)
    expect(r.false_on_benign).toEqual({ refund: 1 })
    const fan = r.by_typology.find((t) => t.typology === 'fan_in')!
    expect([fan.alerts, fan.true_alerts, fan.precision]).toEqual([2, 1, 0.5])
    expect(r.listed_party).toEqual({ planted: 1, found: 1, in_top_k: 1 })
  })

  it('ranks by score for precision at K (K = planted patterns), ties by alert id', () => {
    const alerts = [
      alert('A-05', 'cycle', 99, ['x9']), // false, rank 1
      alert('A-02', 'cycle', 80, ['a', 'b', 'c']), // true, rank 2
      alert('A-04', 'cycle', 70, ['x8']), // false, tie: rank 4
      alert('A-03', 'layering', 70, ['p', 'q']), // true, tie: rank 3 (id A-03 < A-04)
      alert('A-01', 'cycle', 70, ['e', 'f']), // true, tie: rank 3? no: A-01 sorts first, so rank 3
      alert('A-06', 'fan_in', 10, ['h', 'i', 'j', 'k']), // true, rank 6: outside the top 4
    ]
    const r = evaluate(truth, alerts)
    expect(r.k).toBe(4)
    // Top 4: A-05 (false), A-02 (true), A-01 (true), A-03 (true).
    expect(r.true_in_top_k).toBe(3)
    expect(r.precision_at_k).toBe(0.75)
    // Controlled-goods rings: c1 (A-02, top) and r1 (A-03, top).
    expect(r.controlled_goods).toEqual({ planted: 2, found: 2, in_top_k: 2 })
    expect(r.listed_party).toEqual({ planted: 1, found: 1, in_top_k: 0 })
    // Reordering the input changes nothing.
    expect(evaluate(truth, [...alerts].reverse())).toEqual(r)
  })

  it('attributes false alerts on benign accounts known without transfers', () => {
    const r = evaluate(truth, [
      { ...alert('A-1', 'fan_in', 50, ['u1', 'u2']), accounts: ['p', 'shop'] },
      { ...alert('A-2', 'fan_in', 40, ['u3']), accounts: ['p'] },
      { ...alert('A-3', 'fan_in', 30, ['h', 'i', 'j', 'k']), accounts: ['shop'] }, // true: not counted
    ])
    expect(r.false_on_benign).toEqual({ merchant: 1 })
  })

  it('handles no alerts at all', () => {
    const r = evaluate(truth, [])
    expect(r.found).toBe(0)
    expect(r.recall).toBe(0)
    expect(r.precision).toBeNull()
    expect(r.precision_at_k).toBe(0)
    expect(r.missed).toEqual(['c1', 'c2', 'f1', 'r1'])
    expect(formatEvalTable(r)).toContain('precision at K=4: 0.0%')
  })

  it('counts duplicate transfer ids in an alert once', () => {
    const r = evaluate(truth, [alert('A-1', 'cycle', 1, ['a', 'a', 'a', 'x1'])])
    expect(r.true_alerts).toBe(1) // {a, x1}: half planted
    expect(r.found).toBe(0) // a alone is 1/4 of c1
  })
})

describe('per account and alert load', () => {
  const labelled: Truth = Truth.parse({
    ...truth,
    patterns: [
      {
        id: 'p1',
        typology: 'cycle',
        tx_ids: ['a', 'b', 'c'],
        accounts: ['u1', 'u2', 'u3'],
        flags: flags(),
      },
      { id: 'p2', typology: 'fan_in', tx_ids: ['d', 'e'], accounts: ['u4', 'u5'], flags: flags() },
      { id: 'p3', typology: 'stack', tx_ids: ['f', 'g'], accounts: ['u6', 'u7'], flags: flags() },
    ],
  })
  const alerts: EvalAlert[] = [
    { ...alert('A-1', 'cycle', 90, ['a', 'b']), accounts: ['u1', 'u2', 'n1'] },
    { ...alert('A-2', 'cycle', 80, ['c', 'x1']), accounts: ['u3', 'n1', 'n2'] },
    { ...alert('A-3', 'fan_in', 70, ['x2']), accounts: ['n3'] },
    { ...alert('A-4', 'cycle', 60, ['a', 'd']), accounts: ['u1', 'u4'] },
    alert('A-5', 'stack', 50, ['y']), // no accounts: left out of the account figures
  ]

  it('uses the accounts of planted patterns when the truth labels none', () => {
    const r = evaluate(labelled, alerts, { transfers: 20_000, transfers_source: 'test' })
    // Labelled: u1..u7 (7). Alerted: u1 u2 u3 u4 n1 n2 n3 (7), 4 of them labelled.
    expect(r.accounts).toEqual({
      source: 'pattern_accounts',
      labelled: 7,
      alerted: 7,
      true_alerted: 4,
      recall: 4 / 7,
      precision: 4 / 7,
      alerts_without_accounts: 1,
    })
    expect(r.transfers).toBe(20_000)
    expect(r.alerts_per_10k).toBe(2.5)
    // p1 is found (A-1 covers 2/3) and touched by; p2 is found (A-4 covers 1/2)
    // and touched by A-4 only; p3 is not found and does not count.
    expect(r.coverage.map((c) => [c.id, c.found, c.alerts])).toEqual([
      ['p1', true, 3],
      ['p2', true, 1],
      ['p3', false, 0],
    ])
    expect(r.alerts_per_pattern).toEqual({ max: 3, mean: 2 })
    const text = formatEvalTable(r)
    expect(text).toContain('4 of 7 labelled accounts alerted (recall 57.1%)')
    expect(text).toContain('5 alerts on 20,000 transfers = 2.50 per 10,000 transfers (test)')
    expect(text).toContain('max 3, mean 2.00')
  })

  it("uses the truth's labelled accounts when it has them", () => {
    const t = { ...labelled, labelled_accounts: ['u1', 'n1', 'q1', 'q2'] }
    const r = evaluate(t, alerts)
    expect(r.accounts).toMatchObject({
      source: 'labelled_accounts',
      labelled: 4,
      alerted: 7,
      true_alerted: 2,
      recall: 0.5,
      precision: 2 / 7,
    })
    expect(r.alerts_per_10k).toBeNull()
    expect(formatEvalTable(r)).toContain('transfer count unknown')
  })

  it('has no alert figures without alerts', () => {
    const r = evaluate(labelled, [], { transfers: 100 })
    expect(r.accounts.alerted).toBe(0)
    expect(r.accounts.precision).toBeNull()
    expect(r.alerts_per_10k).toBe(0)
    expect(r.alerts_per_pattern).toEqual({ max: null, mean: null })
  })
})

describe('loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-eval-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads JSON lines and names the line of a bad one', async () => {
    const good = join(dir, 'good.jsonl')
    writeFileSync(
      good,
      [
        JSON.stringify({ id: 'A-1', typology: 'cycle', score: 5, tx_ids: ['a'], status: 'new' }),
        '',
        JSON.stringify(alert('A-2', 'fan_in', 3, [])),
      ].join('\n'),
    )
    expect(await loadAlertsFromJsonl(good)).toEqual([
      alert('A-1', 'cycle', 5, ['a']),
      alert('A-2', 'fan_in', 3, []),
    ])
    const bad = join(dir, 'bad.jsonl')
    writeFileSync(
      bad,
      JSON.stringify(alert('A-1', 'cycle', 5, [])) +
        '\n' +
        JSON.stringify({ id: 'A-2', typology: 'cycle', score: 'high', tx_ids: [] }) +
        '\n',
    )
    await expect(loadAlertsFromJsonl(bad)).rejects.toThrow(/bad\.jsonl:2: field score/)
    await expect(loadAlertsFromJsonl(bad)).rejects.toBeInstanceOf(BadInputError)
  })

  it('reads a truth file and rejects a malformed one', () => {
    const f = join(dir, 'truth.json')
    writeFileSync(f, JSON.stringify(truth))
    expect(loadTruth(f)).toEqual(truth)
    writeFileSync(
      f,
      JSON.stringify({
        seed: 1,
        patterns: [
          { id: 'x', typology: 'teleport', tx_ids: ['a'], accounts: ['b'], flags: flags() },
        ],
      }),
    )
    expect(() => loadTruth(f)).toThrow(BadInputError)
  })

  it('reads alerts and their transfers from the store', async () => {
    await withStore(async (store) => {
      expect(await loadAlertsFromStore(store)).toEqual([])
      // Real alert rows, written the way a scan writes them (test/fixtures/alerts.ts)
      const candidates = scored([
        cycleFinding('cycle:one', ['a', 'b', 'x1'], ['Y', 'X', 'Z']),
        cycleFinding('cycle:two', ['h', 'x2', 'x3'], ['P', 'Q', 'R']),
      ])
      expect(candidates).toHaveLength(2)
      expect((await writeScanned(store, candidates, 'r1')).new).toBe(2)
      const alerts = await loadAlertsFromStore(store)
      const want = candidates
        .map((s) => ({
          id: s.id,
          typology: 'cycle',
          score: s.score,
          tx_ids: [...s.tx_ids].sort(),
          accounts: [...s.accounts].sort(),
        }))
        .sort((x, y) => (x.id < y.id ? -1 : 1))
      expect(alerts.map((a) => ({ ...a, accounts: [...(a.accounts ?? [])].sort() }))).toEqual(want)
      // c1 is half covered by the first alert's a, b; f1 has one transfer of eight in the second
      expect(evaluate(truth, alerts).found).toBe(1)
    })
  })

  it('reads the latest finished scan window and counts its payments', async () => {
    await withStore(async (store) => {
      expect(await loadScanWindow(store)).toBeNull()
      await insertFixturePayments(
        store,
        ['2026-01-01', '2026-01-02', '2026-01-03'].map((day, i) => ({
          tx_id: `t${i + 1}`,
          ts: `${day} 10:00:00`,
          amount: '1',
          debtor_account: 'a',
          creditor_account: 'b',
          file_id: 'f',
          source_row: 1,
        })),
      )
      const run = (run_id: string, started_at: string, status: string, from: string, to: string) =>
        store.run('fixture/insert-run', {
          run_id,
          kind: 'scan',
          started_at,
          finished_at: null,
          status,
          summary: JSON.stringify({ window: { from, to } }),
        })
      await run(
        's1',
        '2026-02-01 00:00:00',
        'ok',
        '2026-01-01T00:00:00.000Z',
        '2026-01-03T23:59:59.999999Z',
      )
      await run(
        's2',
        '2026-02-02 00:00:00',
        'ok',
        '2026-01-02T00:00:00.000Z',
        '2026-01-02T23:59:59.999999Z',
      )
      await run(
        's3',
        '2026-02-03 00:00:00',
        'failed',
        '2026-01-01T00:00:00.000Z',
        '2026-01-03T23:59:59.999999Z',
      )
      expect(await loadScanWindow(store)).toEqual({
        from: '2026-01-02T00:00:00.000Z',
        to: '2026-01-02T23:59:59.999999Z',
        transfers: 1,
      })
    })
  })

  it("knows a truth's row count from rows, else days × per day", () => {
    expect(truthRows(truth)).toBeNull()
    expect(truthRows({ ...truth, params: { rows: 120 } })).toBe(120)
    expect(truthRows({ ...truth, params: { days: 7, per_day: 4000 } })).toBe(28_000)
  })
})
