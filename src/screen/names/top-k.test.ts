import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { topByScore } from './top-k.ts'

describe('topByScore', () => {
  it('keeps what a stable sort by descending score cut at k keeps, in that order', () => {
    fc.assert(
      fc.property(
        // few distinct scores, so that ties (and a tie at the cut) are common
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (raw, k) => {
          const score = Float64Array.from(raw, (x) => x / 3)
          const ids = raw.map((_, i) => i).reverse()
          const want = ids
            .slice()
            .sort((a, b) => score[b] - score[a])
            .slice(0, k)
          expect(topByScore(Int32Array.from(ids), ids.length, score, k)).toEqual(want)
        },
      ),
      { numRuns: 500 },
    )
  })
})
