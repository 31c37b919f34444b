// The account view's sorted-array shortcuts against the plain computations they replace: taking a
// pattern's values out of an account's cached sorted values, merging two sorted arrays, and the
// median absolute deviation read from a sorted array without sorting the deviations.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sortedMad, withoutSorted } from './accounts.ts'

const values = fc.array(fc.double({ min: -20, max: 20, noNaN: true }), {
  minLength: 1,
  maxLength: 60,
})

describe('account view helpers', () => {
  it('sortedMad equals element n>>1 of the sorted |x − median|', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const sorted = Float64Array.from(xs).sort()
        const median = sorted[sorted.length >> 1]
        const dev = Float64Array.from(sorted, (x) => Math.abs(x - median)).sort()
        expect(sortedMad(sorted)).toBe(dev[dev.length >> 1])
      }),
    )
  })

  it('sortedMad on ties and a single value', () => {
    expect(sortedMad(Float64Array.of(3))).toBe(0)
    expect(sortedMad(Float64Array.of(1, 1, 1, 5))).toBe(0)
    // median 4; deviations 3, 2, 0, 4, 12 → sorted 0, 2, 3, 4, 12
    expect(sortedMad(Float64Array.of(1, 2, 4, 8, 16))).toBe(3)
  })

  it('withoutSorted equals sorting what is left after taking a sub-multiset out', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so that repeated values are taken out one at a time.
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (ints, pick) => {
          const xs = ints.map((i) => Math.log(1 + i))
          const drop = xs.filter((_, i) => pick[i])
          const rest = xs.filter((_, i) => !pick[i])
          const got = withoutSorted(Float64Array.from(xs).sort(), Float64Array.from(drop).sort())
          expect([...got]).toEqual([...Float64Array.from(rest).sort()])
        },
      ),
    )
  })
})
