import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { maxOf, minOf, pushAll } from './array.ts'

describe('array helpers without a size limit', () => {
  it('agree with Math.max / Math.min / push on small arrays, also empty ones and NaN', () => {
    const num = fc.oneof(fc.double(), fc.integer(), fc.constant(NaN), fc.constant(-0))
    fc.assert(
      fc.property(fc.array(num, { maxLength: 20 }), fc.array(num, { maxLength: 20 }), (xs, ys) => {
        expect(maxOf(xs)).toBe(Math.max(...xs)) // eslint-disable-line no-restricted-syntax
        expect(minOf(xs)).toBe(Math.min(...xs)) // eslint-disable-line no-restricted-syntax
        expect(maxOf(xs, (x) => -x)).toBe(Math.max(...xs.map((x) => -x))) // eslint-disable-line no-restricted-syntax
        const a = xs.slice()
        a.push(...ys) // eslint-disable-line no-restricted-syntax
        expect(pushAll(xs.slice(), ys)).toEqual(a)
      }),
    )
  })

  it('take a million items, where the spread throws a RangeError', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i)
    expect(() => Math.max(...big)).toThrow(RangeError) // eslint-disable-line no-restricted-syntax
    expect(maxOf(big)).toBe(999_999)
    expect(minOf(big, (x) => x - 5)).toBe(-5)
    expect(pushAll([-1], big)).toHaveLength(1_000_001)
  })
})
