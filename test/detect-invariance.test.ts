// Findings depend on the transfers, not on how accounts are named or in which order rows arrive:
// shuffling the input changes nothing at all; renaming accounts changes only the names.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DetectConfig } from '../src/detect/config.ts'
import { runDetectors } from '../src/detect/index.ts'
import { graphOf, type T } from './fixtures/graphs.ts'
import type { Finding } from '../src/schema/finding.ts'

const D = DetectConfig.parse({})
const ONLY = [
  'cycle',
  'layering',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'fan',
  'structuring',
  'exposure',
]

// A window with every typology planted in random background.
const windowArb = fc
  .array(
    fc.record({
      a: fc.nat(24),
      b: fc.nat(24),
      h: fc.integer({ min: 0, max: 20 * 24 }),
      amount: fc.constantFrom(900, 950, 1000, 9500, 9700, 20, 30, 5000),
    }),
    { maxLength: 120 },
  )
  .map((bg) => {
    const ts: T[] = bg
      .filter((e) => e.a !== e.b)
      .map((e, i) => ({ id: `bg${i}`, from: `A${e.a}`, to: `A${e.b}`, h: e.h, amount: e.amount }))
    for (let i = 0; i < 4; i++)
      ts.push({
        id: `ring${i}`,
        from: `R${i}`,
        to: `R${(i + 1) % 4}`,
        h: 10 + i * 5,
        amount: 1000 - i * 10,
      })
    for (let i = 0; i < 9; i++)
      ts.push({ id: `fan${i}`, from: 'A1', to: `F${i}`, h: 50 + i, amount: 700 })
    ts.push({ id: 'fund', from: 'A2', to: 'A1', h: 49, amount: 6000 })
    ts.push({ id: 'late', from: 'A6', to: 'A7', h: 30 * 24, amount: 1 }) // a 30-day window
    for (let i = 0; i < 3; i++) {
      ts.push({ id: `sg${i}a`, from: 'A3', to: `M${i}`, h: 60 + i, amount: 3000 })
      ts.push({ id: `sg${i}b`, from: `M${i}`, to: 'A4', h: 80 + i, amount: 2900 })
      ts.push({ id: `st${i}`, from: `P${i}`, to: 'A5', h: 100 + 30 * i, amount: 9600 })
    }
    return ts
  })

const rename = (a: string) => `Z${[...a].reverse().join('')}x`

function comparable(f: Finding, map: (a: string) => string = (a) => a) {
  const m = f.measures as Record<string, unknown>
  return {
    ...f,
    accounts: f.accounts.map(map).sort(),
    explanation: undefined,
    measures: { ...m, ...(typeof m.center === 'string' ? { center: map(m.center) } : {}) },
  }
}

describe('detector invariance', () => {
  it('shuffling input order changes no finding', () => {
    fc.assert(
      fc.property(windowArb, fc.infiniteStream(fc.nat()), (ts, rnd) => {
        const shuffled = [...ts]
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
        }
        const a = runDetectors(graphOf(ts), D, { only: ONLY, flagged: ['A0'] })
        const b = runDetectors(graphOf(shuffled), D, { only: ONLY, flagged: ['A0'] })
        expect(b.findings).toEqual(a.findings)
        expect(b.exposure).toEqual(a.exposure)
        expect(a.findings.some((f) => f.typology === 'cycle')).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('renaming accounts changes only the names', () => {
    fc.assert(
      fc.property(windowArb, (ts) => {
        const renamed = ts.map((t) => ({ ...t, from: rename(t.from), to: rename(t.to) }))
        const a = runDetectors(graphOf(ts), D, { only: ONLY })
        const b = runDetectors(graphOf(renamed), D, { only: ONLY })
        const key = (f: { key: string }) => f.key
        expect(
          b.findings.map((f) => comparable(f)).sort((x, y) => key(x).localeCompare(key(y))),
        ).toEqual(
          a.findings.map((f) => comparable(f, rename)).sort((x, y) => key(x).localeCompare(key(y))),
        )
        expect(a.findings.map((f) => f.typology)).toEqual(
          expect.arrayContaining(['cycle', 'fan_out', 'scatter_gather', 'structuring']),
        )
      }),
      { numRuns: 60 },
    )
  })
})
