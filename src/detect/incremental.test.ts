// planSeeds and the fan detector's seeds: searching only some centres gives those centres' fans,
// and the earlier findings planSeeds keeps plus the seeds it searches again give exactly the fans
// of the whole new window, also when the new day changes only the window's last transfer (the
// freshness of the fan's accounts) and touches none of the fan's accounts.
import { describe, it, expect } from 'vitest'
import { DetectConfig } from './config.ts'
import { fanBursts } from './fan.ts'
import { planSeeds, seededFindings } from './incremental.ts'
import { accountView } from './accounts.ts'
import { graphOf, BASE, type T } from '../../test/fixtures/graphs.ts'
import { MICROS_PER_DAY, microsOfIso, isoOfMicros } from '../graph/index.ts'
import type { PaymentGraph } from '../graph/index.ts'
import type { Finding } from '../schema/finding.ts'

const cfg = DetectConfig.parse({})
const ev = cfg.evidence
const DAY = 24

/** One window for every graph of a test: 61 days from BASE (the length must not change). */
function windowed(ts: T[]): PaymentGraph {
  const g = graphOf(ts)
  const from = microsOfIso(BASE)
  g.window = { from: isoOfMicros(from), to: isoOfMicros(from + 61 * MICROS_PER_DAY - 1) }
  return g
}

/** C pays eight accounts it never paid within hours (a fan-out), after a large payment in. */
function fanOut(c: string, h: number, to: string[], prefix: string): T[] {
  const out: T[] = [{ id: `${prefix}-in`, from: `${c}-FEED`, to: c, h: h - 10, amount: 8000 }]
  to.forEach((x, i) =>
    out.push({ id: `${prefix}-${i}`, from: c, to: x, h: h + i * 0.5, amount: 990 + i * 3 }),
  )
  return out
}

// Background from hour 0, so that ten days of history precede the fans (novelty is judged).
const background: T[] = [
  { id: 'b1', from: 'P', to: 'Q', h: 0, amount: 120 },
  { id: 'b2', from: 'Q', to: 'P', h: 5, amount: 80 },
]
// OLD-1..8, D and its feeder were seen on day 0 (long known, never fresh); N-1..8 first appear in
// C's fan.
const known = Array.from({ length: 8 }, (_, i) => `OLD-${i + 1}`)
const newcomers = Array.from({ length: 8 }, (_, i) => `N-${i + 1}`)
const day1: T[] = [
  ...background,
  ...known.map((x, i) => ({ id: `k${i}`, from: `P-${i}`, to: x, h: 1 + i, amount: 50 })),
  { id: 'd0', from: 'D-FEED', to: 'D', h: 2, amount: 60 },
  ...fanOut('C', 10 * DAY, newcomers, 'fc'),
  ...fanOut('D', 10 * DAY, known, 'fd'),
  { id: 'end1', from: 'P', to: 'Q', h: 11 * DAY, amount: 70 },
]

const byKey = (fs: Finding[]) =>
  [...fs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))

describe('fan seeds', () => {
  it('searching some centres gives exactly the fans centred on them', () => {
    const g = windowed(day1)
    const all = fanBursts(g, cfg.fan, ev)
    expect(all.map((f) => f.measures.center).sort()).toEqual(['C', 'D'])
    const every = new Uint8Array(g.nodeCount).fill(1)
    expect(fanBursts(g, cfg.fan, ev, every)).toEqual(all)
    const onlyC = new Uint8Array(g.nodeCount)
    onlyC[g.accounts.indexOf('C')] = 1
    expect(fanBursts(g, cfg.fan, ev, onlyC)).toEqual(all.filter((f) => f.measures.center === 'C'))
  })
})

describe('planSeeds', () => {
  it('keeps what no new transfer changed and searches again what one did', () => {
    const g1 = windowed(day1)
    const previous = seededFindings({ fan: fanBursts(g1, cfg.fan, ev) })
    const end1 = accountView(g1).dataEnd
    // Day 12: C pays one more newcomer; D's fan is untouched (and its accounts are long known).
    const g2 = windowed([...day1, { id: 'n', from: 'C', to: 'N-9', h: 12 * DAY, amount: 500 }])
    const plan = planSeeds(g2, ['C', 'N-9'], previous, ev, end1)
    expect(
      plan.kept.fan.map((f) => (f as { measures: { center: string } }).measures.center),
    ).toEqual(['D'])
    expect(plan.seeds[g2.accounts.indexOf('C')]).toBe(1)
    expect(plan.seeds[g2.accounts.indexOf('D')]).toBe(0)
    const incremental = [...fanBursts(g2, cfg.fan, ev, plan.seeds), ...plan.kept.fan]
    expect(byKey(incremental)).toEqual(byKey(fanBursts(g2, cfg.fan, ev)))
  })

  it('searches again a fan whose accounts turn from fresh to not as the window’s end moves', () => {
    const g1 = windowed(day1)
    const before = fanBursts(g1, cfg.fan, ev)
    const previous = seededFindings({ fan: before })
    // Fifty days later two unrelated accounts pay each other: nothing of C's fan is touched, but
    // its newcomers, paid once on day 10, are no longer fresh against a window ending on day 60.
    const g2 = windowed([...day1, { id: 'late', from: 'P', to: 'Q', h: 60 * DAY, amount: 70 }])
    const after = fanBursts(g2, cfg.fan, ev)
    const freshOf = (fs: Finding[]) => fs.find((f) => f.accounts[0] === 'C')?.signals?.fresh
    expect(freshOf(before)).toBeGreaterThan(0)
    expect(freshOf(after)).toBe(0)
    const plan = planSeeds(g2, ['P', 'Q'], previous, ev, accountView(g1).dataEnd)
    expect(plan.seeds[g2.accounts.indexOf('C')]).toBe(1)
    const incremental = [...fanBursts(g2, cfg.fan, ev, plan.seeds), ...plan.kept.fan]
    expect(byKey(incremental)).toEqual(byKey(after))
    // Judged at the window's new end alone, the earlier fan would have been kept, and wrong.
    const blind = planSeeds(g2, ['P', 'Q'], previous, ev, accountView(g2).dataEnd)
    expect(blind.seeds[g2.accounts.indexOf('C')]).toBe(0)
    expect(byKey([...fanBursts(g2, cfg.fan, ev, blind.seeds), ...blind.kept.fan])).not.toEqual(
      byKey(after),
    )
  })
})
