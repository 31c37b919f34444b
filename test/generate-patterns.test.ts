// Planted patterns over two weeks: each one holds its typology's public definition, and they vary
// as the brief asks — one currency or several (converted at the day's sample rate, a spread where
// the currency changes), hours, days or weeks, time-ordered or not, rings of up to 12 hops, fans of
// up to 16, sparse bipartite sets, fresh, aged and borrowed accounts, consumer wording on
// controlled HS codes (also HS 2017 ones).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../src/generate/index.ts'
import { toEur } from '../src/generate/fx.ts'
import { HS2017_SUCCESSORS } from '../src/generate/goods.ts'
import { checkPattern, readDayCsv, type Row } from '../src/generate/verify.ts'
import { Truth } from '../src/schema/truth.ts'

let dir: string
let truth: Truth
let rows: Row[]
let byId: Map<string, Row>
const DAY = 86_400_000

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-pat-'))
  await generate({
    out: dir,
    seed: 21,
    days: 14,
    historyDays: 7,
    perDay: 1500,
    start: '2026-10-05',
  })
  truth = Truth.parse(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')))
  rows = readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f))
    .flatMap((f) => readDayCsv(join(dir, f)))
  byId = new Map(rows.map((r) => [r.tx_id, r]))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const of = (p: Truth['patterns'][number]) => p.tx_ids.map((t) => byId.get(t)!)
const eur = (r: Row) => toEur(r.amount, r.currency, r.ts)
const param = (p: Truth['patterns'][number], k: string) => p.params[k]
const typed = (t: string) => truth.patterns.filter((p) => p.typology === t)

describe('planted patterns', () => {
  it("each holds its typology's public definition", () => {
    expect(truth.patterns.length).toBe(84)
    const problems = truth.patterns.flatMap((p) =>
      checkPattern(p, of(p)).map((x) => `${p.id}: ${x}`),
    )
    expect(problems).toEqual([])
  })

  it('cross currencies at the day rate, losing no more than the spreads where one value passes', () => {
    const multi = truth.patterns.filter((p) => param(p, 'currency_mode') === 'multi')
    expect(multi.length).toBeGreaterThan(10)
    expect(multi.some((p) => new Set(of(p).map((r) => r.currency)).size >= 3)).toBe(true)
    // A ring passing the same value: each hop carries the previous one's EUR value less its spread.
    const same = typed('cycle').filter(
      (p) => param(p, 'amounts') === 'same_value' && param(p, 'currency_mode') === 'multi',
    )
    expect(same.length).toBeGreaterThan(0)
    for (const p of same) {
      const rs = of(p)
      for (let i = 1; i < rs.length; i++) {
        const r = eur(rs[i]) / eur(rs[i - 1])
        expect(r, p.id).toBeGreaterThan(0.98)
        expect(r, p.id).toBeLessThan(1.0001)
      }
    }
  })

  it('run from hours to weeks, in time order or not', () => {
    const span = (p: Truth['patterns'][number]) => {
      const ts = of(p).map((r) => r.ts)
      return ts.reduce((a, b) => Math.max(a, b), 0) - ts.reduce((a, b) => Math.min(a, b), Infinity)
    }
    const speeds = new Set(truth.patterns.map((p) => param(p, 'speed')))
    expect([...speeds].sort()).toEqual(['days', 'hours', 'slow'])
    expect(truth.patterns.some((p) => param(p, 'speed') === 'slow' && span(p) > 7 * DAY)).toBe(true)
    expect(truth.patterns.some((p) => param(p, 'speed') === 'hours' && span(p) < DAY)).toBe(true)
    // An unordered ring: its hops, in ring order, are not in time order.
    const unordered = typed('cycle').filter((p) => param(p, 'order') === 'unordered')
    expect(unordered.some((p) => of(p).some((r, i, a) => i > 0 && r.ts < a[i - 1].ts))).toBe(true)
    // AMLworld's scatter-gather: an intermediary pays the sink before it is paid.
    const fronted = typed('scatter_gather').filter((p) => Number(param(p, 'fronted')) > 0)
    for (const p of fronted) {
      const rs = of(p)
      const early = rs.some((out) =>
        rs.some((inn) => inn.creditor === out.debtor && out.ts < inn.ts),
      )
      expect(early, p.id).toBe(true)
    }
  })

  it('vary in size: long rings, wide fans, sparse bipartite sets, stacked layers', () => {
    expect(Math.max(...typed('cycle').map((p) => p.tx_ids.length))).toBeGreaterThanOrEqual(7)
    const fanSizes = [...typed('fan_in'), ...typed('fan_out')].map((p) =>
      Number(param(p, 'counterparties')),
    )
    expect(Math.min(...fanSizes)).toBeGreaterThanOrEqual(4)
    expect(Math.max(...fanSizes)).toBeLessThanOrEqual(16)
    expect(Math.max(...fanSizes)).toBeGreaterThan(8)
    const sparse = typed('bipartite').filter(
      (p) =>
        Number(param(p, 'edges')) < Number(param(p, 'sources')) * Number(param(p, 'destinations')),
    )
    expect(sparse.length).toBeGreaterThan(0)
    for (const p of typed('stack'))
      expect((param(p, 'sets') as number[]).length).toBeGreaterThanOrEqual(3)
  })

  it('use fresh accounts, aged ones with cover history, and borrowed ones with their own', () => {
    const firstSeen = new Map<string, number>()
    const planted = new Set(truth.patterns.flatMap((p) => p.tx_ids))
    const covers = new Set(
      truth.benign.filter((b) => b.kind === 'cover_history').flatMap((b) => b.tx_ids),
    )
    const seenBefore = (a: string, t: number, only?: Set<string>) =>
      rows.some(
        (r) =>
          (r.debtor === a || r.creditor === a) &&
          r.ts < t &&
          !planted.has(r.tx_id) &&
          (!only || only.has(r.tx_id)),
      )
    for (const r of rows)
      for (const a of [r.debtor, r.creditor])
        if (!firstSeen.has(a) || r.ts < firstSeen.get(a)!) firstSeen.set(a, r.ts)
    const start = (p: Truth['patterns'][number]) =>
      of(p).reduce((m, r) => Math.min(m, r.ts), Infinity)
    const fresh = truth.patterns.filter(
      (p) => param(p, 'accounts') === 'fresh' && p.typology !== 'sanctions',
    )
    expect(fresh.length).toBeGreaterThan(5)
    // A fresh pattern's own new accounts are first seen in the pattern (fans may add existing ones).
    const cycles = fresh.filter((p) => ['cycle', 'layering', 'random'].includes(p.typology))
    for (const p of cycles)
      for (const a of p.accounts) expect(firstSeen.get(a)!, p.id).toBeGreaterThanOrEqual(start(p))
    const aged = truth.patterns.filter((p) => Number(param(p, 'cover_transfers')) > 0)
    expect(aged.length).toBeGreaterThan(3)
    expect(aged.some((p) => p.accounts.some((a) => seenBefore(a, start(p), covers)))).toBe(true)
    const borrowed = truth.patterns.filter((p) => param(p, 'accounts') === 'borrowed')
    expect(borrowed.length).toBeGreaterThan(0)
    expect(borrowed.some((p) => p.accounts.every((a) => seenBefore(a, start(p))))).toBe(true)
  })

  it('declare consumer goods on controlled codes, some of them HS 2017 codes', () => {
    const gm = typed('goods_mismatch')
    expect(gm.some((p) => param(p, 'hs_version') === 'HS2017')).toBe(true)
    for (const p of gm.filter((x) => param(x, 'hs_version') === 'HS2017'))
      expect(Object.keys(HS2017_SUCCESSORS)).toContain(param(p, 'hs'))
    const routes = new Set(truth.patterns.map((p) => param(p, 'route_kind')))
    for (const r of ['plain', 'hub', 'sanctioned', 'listed']) expect(routes.has(r), r).toBe(true)
  })
})
