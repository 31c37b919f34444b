// The one-edit neighbourhood of the list's words as a hash table over numbers: each word is filed
// under itself and, from four letters, under each of its one-letter deletions. A query word's keys
// (itself, its deletions, its adjacent swaps) are hashed from prefix and suffix hashes without
// building the strings, looked up, and each entry found is checked letter by letter, so the answer
// is what a map from key strings gives: the words filed under the key, in the order they were filed.

/** Polynomial hashes of s's prefixes (pre[i] = hash of s[0, i)) and suffixes (suf[i] = of s[i, n)). */
function prefixSuffix(s: string, pre: Int32Array, suf: Int32Array, pow: Int32Array): void {
  const n = s.length
  const base = pow[1]
  pre[0] = 0
  for (let i = 0; i < n; i++) pre[i + 1] = (Math.imul(pre[i], base) + s.charCodeAt(i)) | 0
  suf[n] = 0
  for (let i = n - 1; i >= 0; i--)
    suf[i] = (Math.imul(s.charCodeAt(i), pow[n - 1 - i]) + suf[i + 1]) | 0
}

/** Final mix (murmur3's) so that similar keys spread over the table. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

export class SpellingKeys {
  private readonly words: readonly string[]
  /** Entry → key hash, word number, deleted position (-1: the whole word). */
  private hash: Int32Array
  private word: Int32Array
  private pos: Int32Array
  /** Open addressing, linear probing: entry + 1, 0 for an empty slot. */
  private slots: Int32Array
  private mask: number
  private base: number
  private pow = new Int32Array(1)
  private pre = new Int32Array(1)
  private suf = new Int32Array(1)

  /** `base` of the polynomial hash: the default spreads keys; tests pass a poor one (collisions). */
  constructor(words: readonly string[], base = 0x01000193) {
    this.words = words
    this.base = base
    let n = 0
    let longest = 0
    for (const w of words) {
      n += 1 + (w.length >= 4 ? w.length : 0)
      longest = Math.max(longest, w.length)
    }
    this.grow(longest)
    this.hash = new Int32Array(n)
    this.word = new Int32Array(n)
    this.pos = new Int32Array(n)
    let size = 1
    while (size < n * 2) size *= 2
    this.slots = new Int32Array(size)
    this.mask = size - 1
    let e = 0
    const add = (h: number, v: number, p: number) => {
      this.hash[e] = h
      this.word[e] = v
      this.pos[e] = p
      let slot = mix(h) & this.mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask
      this.slots[slot] = e + 1
      e++
    }
    words.forEach((w, v) => {
      const len = w.length
      prefixSuffix(w, this.pre, this.suf, this.pow)
      if (len >= 4)
        for (let i = 0; i < len; i++)
          add((Math.imul(this.pre[i], this.pow[len - 1 - i]) + this.suf[i + 1]) | 0, v, i)
      add(this.pre[len], v, -1)
    })
  }

  private grow(len: number): void {
    if (this.pow.length > len + 1) return
    this.pow = new Int32Array(len + 2)
    this.pow[0] = 1
    for (let i = 1; i < this.pow.length; i++) this.pow[i] = Math.imul(this.pow[i - 1], this.base)
    this.pre = new Int32Array(len + 2)
    this.suf = new Int32Array(len + 2)
  }

  /**
   * Calls back with the words filed under each key of t in turn: t itself, its deletions when
   * `deletions`, its adjacent swaps of inner letters when `swaps` (each key's words in filing order,
   * a word once per entry).
   */
  each(t: string, deletions: boolean, swaps: boolean, found: (v: number) => void): void {
    const n = t.length
    this.grow(n)
    const { pre, suf, pow } = this
    prefixSuffix(t, pre, suf, pow)
    this.probe(pre[n], t, -1, 0, found)
    if (deletions)
      for (let i = 0; i < n; i++)
        this.probe((Math.imul(pre[i], pow[n - 1 - i]) + suf[i + 1]) | 0, t, i, 1, found)
    if (swaps)
      for (let i = 1; i + 1 < n; i++) {
        if (t.charCodeAt(i) === t.charCodeAt(i + 1)) continue
        const pair = (Math.imul(t.charCodeAt(i + 1), this.base) + t.charCodeAt(i)) | 0
        const h = (Math.imul(pre[i], pow[n - i]) + Math.imul(pair, pow[n - i - 2]) + suf[i + 2]) | 0
        this.probe(h, t, i, 2, found)
      }
  }

  /** The entries under one key of t (mode 0 itself, 1 less letter i, 2 letters i and i+1 swapped). */
  private probe(h: number, t: string, i: number, mode: number, found: (v: number) => void): void {
    const keyLen = mode === 1 ? t.length - 1 : t.length
    let slot = mix(h) & this.mask
    for (let e = this.slots[slot]; e !== 0; e = this.slots[slot]) {
      e--
      if (this.hash[e] === h) {
        const w = this.words[this.word[e]]
        const p = this.pos[e]
        if ((p < 0 ? w.length : w.length - 1) === keyLen && same(t, mode, i, w, p, keyLen))
          found(this.word[e])
      }
      slot = (slot + 1) & this.mask
    }
  }
}

/** Letter k of t as keyed (mode 0 itself, 1 less letter i, 2 letters i and i+1 swapped). */
function keyChar(t: string, mode: number, i: number, k: number): number {
  if (mode === 1) return t.charCodeAt(k < i ? k : k + 1)
  if (mode === 2 && (k === i || k === i + 1)) return t.charCodeAt(k === i ? i + 1 : i)
  return t.charCodeAt(k)
}

function same(t: string, mode: number, i: number, w: string, p: number, len: number): boolean {
  for (let k = 0; k < len; k++)
    if (keyChar(t, mode, i, k) !== w.charCodeAt(p < 0 || k < p ? k : k + 1)) return false
  return true
}
