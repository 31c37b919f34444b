// Jaro-Winkler string similarity (Winkler 1990): Jaro's matching-characters measure with a bonus for
// a common prefix of up to four characters. Allocation-light: one reusable flag buffer.

let flagsA = new Uint8Array(64)
let flagsB = new Uint8Array(64)

export function jaro(a: string, b: string): number {
  if (a === b) return 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2)
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2)
  flagsA.fill(0, 0, la)
  flagsB.fill(0, 0, lb)
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range)
    const hi = Math.min(lb - 1, i + range)
    const c = a.charCodeAt(i)
    for (let j = lo; j <= hi; j++) {
      if (!flagsB[j] && b.charCodeAt(j) === c) {
        flagsA[i] = 1
        flagsB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let t = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (!flagsA[i]) continue
    while (!flagsB[k]) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++
    k++
  }
  return (matches / la + matches / lb + (matches - t / 2) / matches) / 3
}

export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b)
  if (j === 0 || j === 1) return j
  let l = 0
  const max = Math.min(4, a.length, b.length)
  while (l < max && a.charCodeAt(l) === b.charCodeAt(l)) l++
  return j + l * prefixScale * (1 - j)
}

let row0 = new Int32Array(64)
let row1 = new Int32Array(64)
let row2 = new Int32Array(64)

/** Optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const la = a.length
  const lb = b.length
  if (la === 0) return lb
  if (lb === 0) return la
  if (row0.length <= lb) {
    row0 = new Int32Array(lb * 2 + 2)
    row1 = new Int32Array(lb * 2 + 2)
    row2 = new Int32Array(lb * 2 + 2)
  }
  let prev2 = row0
  let prev = row1
  let cur = row2
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1))
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2] + 1)
      cur[j] = v
    }
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[lb]
}

/** 1 − edit distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  const m = Math.max(a.length, b.length)
  return m === 0 ? 1 : 1 - editDistance(a, b) / m
}

/**
 * At least as many edits as turn x into y: each edit changes the length by one at most and brings
 * in or takes out one letter at most, so the length difference and the letters (char code mod 32)
 * that one word has and the other lacks bound the edit distance from below. Past two edits and a
 * tenth of the longer word, tokenSim's blend of Jaro-Winkler and edit similarity stays below 0.95
 * and the edit rule gives 0: no string comparison needed.
 */
export function fewestEdits(x: string, y: string): number {
  let bx = 0
  let by = 0
  for (let i = 0; i < x.length; i++) bx |= 1 << (x.charCodeAt(i) & 31)
  for (let i = 0; i < y.length; i++) by |= 1 << (y.charCodeAt(i) & 31)
  return Math.max(Math.abs(x.length - y.length), popcount(bx & ~by), popcount(by & ~bx))
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
