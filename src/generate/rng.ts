// Seeded pseudo-random numbers for the generator: xoshiro128** seeded through splitmix32, so that the
// same seed and stream name always give the same sequence (no Math.random, no clock anywhere).

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a of a string: turns a stream name into a 32-bit seed component. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h >>> 0
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  /** A generator for (seed, stream): independent streams for the plan, each day, ids, … */
  constructor(seed: number, stream = '') {
    const mix = splitmix32((seed >>> 0) ^ hashString(stream))
    mix()
    this.a = mix() | 1
    this.b = mix()
    this.c = mix()
    this.d = mix()
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0
    const t = this.b << 9
    this.c ^= this.a
    this.d ^= this.b
    this.b ^= this.c
    this.a ^= this.d
    this.c ^= t
    this.d = rotl(this.d, 11)
    return r
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  /** Real in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Picks by weight: weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of items) total += w
    let r = this.next() * total
    for (const [v, w] of items) {
      r -= w
      if (r < 0) return v
    }
    return items[items.length - 1][0]
  }

  /** Approximately standard normal (Irwin–Hall of four uniforms, rescaled). */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508
  }

  /** Log-normal around a median. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** k distinct items (k ≤ items.length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k * 4 < items.length) {
      // Few out of many: rejection on indices instead of copying the whole array.
      const seen = new Set<number>()
      const out: T[] = []
      while (out.length < k) {
        const i = Math.floor(this.next() * items.length)
        if (!seen.has(i)) {
          seen.add(i)
          out.push(items[i])
        }
      }
      return out
    }
    const copy = items.slice()
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i))
      ;[copy[i], copy[j]] = [copy[j], copy[i]]
    }
    return copy.slice(0, k)
  }

  /** A random digit string of length n. */
  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(this.next() * 10))
    return s
  }

  /** Random upper-case letters. */
  letters(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String.fromCharCode(65 + Math.floor(this.next() * 26))
    return s
  }

  /** A UUID v4 (the shape of a SWIFT UETR), from this stream. */
  uuid(): string {
    const h = (n: number, w: number) => n.toString(16).padStart(w, '0')
    const a = this.u32()
    const b = this.u32()
    const c = this.u32()
    const d = this.u32()
    return (
      h(a, 8) +
      '-' +
      h(b >>> 16, 4) +
      '-4' +
      h(b & 0xfff, 3) +
      '-' +
      h(((c >>> 16) & 0x3fff) | 0x8000, 4) +
      '-' +
      h(c & 0xffff, 4) +
      h(d, 8)
    )
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}
