import { describe, expect, it } from 'vitest'
import { Rng } from './rng.ts'

describe('Rng', () => {
  it('repeats per (seed, stream) and differs across seeds and streams', () => {
    const seq = (r: Rng) => Array.from({ length: 8 }, () => r.u32())
    expect(seq(new Rng(1, 'a'))).toEqual(seq(new Rng(1, 'a')))
    expect(seq(new Rng(1, 'a'))).not.toEqual(seq(new Rng(2, 'a')))
    expect(seq(new Rng(1, 'a'))).not.toEqual(seq(new Rng(1, 'b')))
  })

  it('keeps draws inside their bounds', () => {
    const r = new Rng(9)
    for (let i = 0; i < 5000; i++) {
      const x = r.next()
      expect(x >= 0 && x < 1).toBe(true)
      const n = r.int(3, 7)
      expect(Number.isInteger(n) && n >= 3 && n <= 7).toBe(true)
    }
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(0, 4)))
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4])
  })

  it('samples distinct items, from few or many', () => {
    const r = new Rng(4)
    const many = Array.from({ length: 1000 }, (_, i) => i)
    for (const k of [1, 10, 200, 900]) {
      const s = r.sample(many, k)
      expect(s.length).toBe(k)
      expect(new Set(s).size).toBe(k)
    }
  })

  it('makes UUID v4 shaped ids', () => {
    const r = new Rng(5, 'ids')
    for (let i = 0; i < 100; i++)
      expect(r.uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
  })
})
