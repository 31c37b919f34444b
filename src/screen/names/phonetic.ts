// The phonetic skeleton of a word (spelling variants of one sound written one way) and the word
// without doubled letters: what tokenSim, the index's expansions and the score's parts compare.

const skeletonCache = new Map<string, string>()

/** A rough phonetic skeleton: spelling variants of one sound map to one letter. */
export function skeleton(t: string): string {
  let k = skeletonCache.get(t)
  if (k !== undefined) return k
  k = t
  // each rewrite runs only where its letters occur (the same result, less work on new words)
  // spelling families of Russian names in Latin script: -off/-ov, -eff/-ev, shch/sch,
  // tch/ch, zh/j, ks/x (kh/h, -iy/-y/-ii and ts/tz follow from the rules below)
  if (k.endsWith('ff') || k.endsWith('v')) k = k.replace(/([eo])(?:ff|v)$/, '$1f')
  if (k.includes('sch') || k.includes('shch')) k = k.replace(/s?shch|sch/g, 'sh')
  if (k.includes('tch')) k = k.replace(/tch/g, 'ch')
  if (k.includes('zh')) k = k.replace(/zh/g, 'j')
  if (k.includes('x')) k = k.replace(/x/g, 'ks')
  if (k.includes('ph')) k = k.replace(/ph/g, 'f')
  if (k.includes('kh') || k.includes('gh')) k = k.replace(/kh|gh/g, 'h')
  if (k.includes('c') || k.includes('q')) k = k.replace(/ck|q|c(?!h)/g, 'k')
  if (k.includes('dh') || k.includes('th')) k = k.replace(/dh|th/g, (m) => m[0])
  if (k.includes('ou') || k.includes('oo')) k = k.replace(/ou|oo/g, 'u')
  if (k.includes('y') || k.includes('j')) k = k.replace(/[yj]/g, 'i')
  if (k.includes('ee') || k.includes('ie')) k = k.replace(/ee|ie/g, 'i')
  if (k.includes('w')) k = k.replace(/w/g, 'v')
  if (k.includes('z')) k = k.replace(/z/g, 's')
  k = undouble(k)
  if (k.endsWith('h')) k = k.slice(0, -1)
  if (skeletonCache.size > 200_000) skeletonCache.clear()
  skeletonCache.set(t, k)
  return k
}

/** The word with each run of one letter written once ('joonng' → 'jong'). */
export function undouble(t: string): string {
  let i = 1
  while (i < t.length && t.charCodeAt(i) !== t.charCodeAt(i - 1)) i++
  if (i >= t.length) return t
  let out = t.slice(0, i)
  for (; i < t.length; i++) if (t.charCodeAt(i) !== t.charCodeAt(i - 1)) out += t[i]
  return out
}

/** undouble(x) === undouble(y), letter by letter without building either. */
export function sameUndoubled(x: string, y: string): boolean {
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    const c = x.charCodeAt(i)
    if (c !== y.charCodeAt(j)) return false
    while (i < x.length && x.charCodeAt(i) === c) i++
    while (j < y.length && y.charCodeAt(j) === c) j++
  }
  return i === x.length && j === y.length
}
