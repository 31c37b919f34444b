// The network view's label placement (dashboards/src/views/labels.ts): placed labels never overlap
// one another or an obstacle, a free first choice is taken, a crossing-free spot is preferred, and
// the segment/box test agrees with sampling.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { crosses, placeLabels, type Box } from '../dashboards/src/views/labels.ts'
import {
  edgeLabelSpots,
  segments,
  type LabelEnd,
} from '../dashboards/src/views/network-geometry.ts'

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('placeLabels', () => {
  it('never places two labels or a label and an obstacle on top of each other', () => {
    const spot = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
    })
    const label = fc.record({
      w: fc.integer({ min: 5, max: 120 }),
      h: fc.integer({ min: 5, max: 16 }),
      candidates: fc.array(spot, { minLength: 1, maxLength: 8 }),
    })
    const box = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      w: fc.integer({ min: 1, max: 30 }),
      h: fc.integer({ min: 1, max: 30 }),
    })
    fc.assert(
      fc.property(
        fc.array(label, { maxLength: 80 }),
        fc.array(box, { maxLength: 40 }),
        (ls, obs) => {
          const placed = placeLabels(ls, obs, [], 32).filter((b): b is Box => b !== null)
          for (let i = 0; i < placed.length; i++) {
            for (let j = i + 1; j < placed.length; j++)
              expect(overlap(placed[i], placed[j])).toBe(false)
            for (const o of obs) expect(overlap(placed[i], o)).toBe(false)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('takes the first free spot, skips a taken one, and leaves out a label with none', () => {
    const [a, b, c] = placeLabels(
      [
        { w: 10, h: 10, candidates: [{ x: 0, y: 0 }] },
        {
          w: 10,
          h: 10,
          candidates: [
            { x: 5, y: 5 },
            { x: 30, y: 0 },
          ],
        },
        { w: 10, h: 10, candidates: [{ x: 2, y: 2 }] },
      ],
      [],
      [],
    )
    expect(a).toEqual({ x: 0, y: 0, w: 10, h: 10 })
    expect(b).toEqual({ x: 30, y: 0, w: 10, h: 10 })
    expect(c).toBeNull()
  })

  it('prefers a spot that crosses no edge', () => {
    const [a] = placeLabels(
      [
        {
          w: 10,
          h: 10,
          candidates: [
            { x: 0, y: 0 },
            { x: 0, y: 40 },
          ],
        },
      ],
      [],
      [{ x1: -5, y1: 5, x2: 20, y2: 5 }],
    )
    expect(a).toEqual({ x: 0, y: 40, w: 10, h: 10 })
  })
})

describe('crosses', () => {
  it('agrees with sampling the segment', () => {
    const n = fc.integer({ min: -50, max: 50 })
    fc.assert(
      fc.property(
        n,
        n,
        n,
        n,
        n,
        n,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (x1, y1, x2, y2, bx, by, w, h) => {
          const b = { x: bx, y: by, w, h }
          let sampled = false
          for (let i = 0; i <= 2000 && !sampled; i++) {
            const t = i / 2000
            const x = x1 + (x2 - x1) * t
            const y = y1 + (y2 - y1) * t
            sampled = x > b.x + 0.05 && x < b.x + w - 0.05 && y > b.y + 0.05 && y < b.y + h - 0.05
          }
          // sampling inside a slightly shrunk box implies a crossing
          if (sampled) expect(crosses({ x1, y1, x2, y2 }, b)).toBe(true)
          // a crossing reported implies a sample within a slightly grown box
          if (crosses({ x1, y1, x2, y2 }, b)) {
            let near = false
            for (let i = 0; i <= 2000 && !near; i++) {
              const t = i / 2000
              const x = x1 + (x2 - x1) * t
              const y = y1 + (y2 - y1) * t
              near = x >= b.x - 0.1 && x <= b.x + w + 0.1 && y >= b.y - 0.1 && y <= b.y + h + 0.1
            }
            expect(near).toBe(true)
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('edgeLabelSpots', () => {
  it('never puts a label on its own straight edge, at either end or along it', () => {
    const pt = fc.record({
      x: fc.integer({ min: -300, max: 300 }),
      y: fc.integer({ min: -300, max: 300 }),
    })
    fc.assert(
      fc.property(
        pt,
        pt,
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 6, max: 16 }),
        fc.constantFrom<LabelEnd>('middle', 'source', 'target'),
        (a, b, w, hgt, end) => {
          fc.pre(Math.hypot(a.x - b.x, a.y - b.y) > 30)
          const l = { source: a, target: { ...b, r: 11 }, lane: 0, lanes: 1 }
          for (const c of edgeLabelSpots(l, w, hgt, end)) {
            // shrunk by a hair: a box may touch its line
            const box = { x: c.x + 0.5, y: c.y + 0.5, w: w - 1, h: hgt - 1 }
            for (const s of segments(l)) expect(crosses(s, box)).toBe(false)
          }
        },
      ),
    )
  })

  it('a fan’s branch: the first spot is level with the branch’s account, beside it toward the hub', () => {
    const l = { source: { x: 0, y: -120 }, target: { x: 190, y: 0, r: 11 }, lane: 0, lanes: 1 }
    const [first] = edgeLabelSpots(l, 70, 12, 'source')
    expect(first.x).toBeGreaterThan(11)
    expect(first.x).toBeLessThan(20)
    expect(first.y + 6).toBeCloseTo(-120, 0)
  })
})
