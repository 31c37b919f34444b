// Similarity of two normalised names: tokens aligned one-to-one by Jaro-Winkler (with a phonetic
// skeleton and initials), scored as a weighted token-set overlap where generic words and particles
// weigh little, and where a distinctive token without a counterpart caps the score. Returns the
// aligned token pairs as the explanation.
import { editSimilarity, jaroWinkler } from './jaro-winkler.ts'
import type { NormalName } from './normalize.ts'
import { GENERIC_WORDS, PARTICLES, sameGivenName } from './words.ts'

export type NameKind = 'person' | 'company' | 'unknown'

export interface TokenPair {
  a: string
  b: string
  sim: number
}

export interface NameComparison {
  score: number
  pairs: TokenPair[]
  onlyA: string[]
  onlyB: string[]
}

/** Lowest Jaro-Winkler at which two tokens count as the same word. */
export const TOKEN_MIN = 0.8
/** Score ceiling when a distinctive token of the shorter name has no counterpart. */
const UNMATCHED_CAP = 0.7
/** Score ceiling when only one token pairs up but a name has more. */
const SINGLE_CAP = 0.8
/** Score ceiling when each name has a word the other lacks (a swap, not an addition). */
const SUBST_CAP = 0.8

const skeletonCache = new Map<string, string>()

/** A rough phonetic skeleton: spelling variants of one sound map to one letter. */
export function skeleton(t: string): string {
  let k = skeletonCache.get(t)
  if (k !== undefined) return k
  k = t
    // spelling families of Russian names in Latin script: -off/-ov, -eff/-ev, shch/sch,
    // tch/ch, zh/j, ks/x (kh/h, -iy/-y/-ii and ts/tz follow from the rules below)
    .replace(/([eo])(?:ff|v)$/, '$1f')
    .replace(/s?shch|sch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/zh/g, 'j')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/kh|gh/g, 'h')
    .replace(/ck|q|c(?!h)/g, 'k')
    .replace(/dh|th/g, (m) => m[0])
    .replace(/ou|oo/g, 'u')
    .replace(/[yj]/g, 'i')
    .replace(/ee|ie/g, 'i')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1')
    .replace(/h$/, '')
  if (skeletonCache.size > 200_000) skeletonCache.clear()
  skeletonCache.set(t, k)
  return k
}

/** Similarity of two tokens, 0 when they do not count as the same word. */
export function tokenSim(x: string, y: string, kind: NameKind): number {
  if (x === y) return 1
  const hasDigit = /\d/.test(x) || /\d/.test(y)
  if (hasDigit) return 0
  if (x.length === 1 || y.length === 1) {
    if (kind === 'company') return 0
    return x[0] === y[0] ? 0.75 : 0
  }
  if (kind !== 'company' && sameGivenName(x, y)) return 0.9
  if (x.length <= 2 || y.length <= 2) return 0
  const jw = jaroWinkler(x, y)
  if (jw < 0.7) return 0 // neither spelling rule below rescues a pair this far apart
  // Jaro-Winkler alone is lenient with short words ('rekdi' ~ 'dredi' 0.87): blend in edit distance
  let s = (jw + editSimilarity(x, y)) / 2
  if (s < 0.97 && skeleton(x) === skeleton(y)) s = Math.max(s, 0.95)
  return s >= TOKEN_MIN ? s : 0
}

const ROMAN = /^(?=[ivxl])(x{0,3})(ix|iv|v?i{0,3})$/

/** Numbers and roman numerals (fund series, vessel numbers): weigh half, never decisive alone. */
export function isNumberToken(t: string): boolean {
  return /\d/.test(t) || (t.length > 1 && ROMAN.test(t))
}

const weightCaches: Record<NameKind, Map<string, number>> = {
  person: new Map(),
  company: new Map(),
  unknown: new Map(),
}

/** How much a token says about identity: 1 distinctive, less for generic words and particles. */
export function tokenWeight(t: string, kind: NameKind): number {
  const cache = weightCaches[kind]
  let w = cache.get(t)
  if (w === undefined) {
    w = computeWeight(t, kind)
    if (cache.size > 200_000) cache.clear()
    cache.set(t, w)
  }
  return w
}

function computeWeight(t: string, kind: NameKind): number {
  if (isNumberToken(t)) return 0.5
  if (kind !== 'person' && GENERIC_WORDS.has(t)) return 0.3
  if (kind !== 'company' && PARTICLES.has(t)) return 0.25
  if (t.length === 1) return 0.3
  return 1
}

/** Joins two adjacent tokens of `xs` where the other side has them as one word. */
function mergeJoined(xs: string[], other: Set<string>): string[] {
  if (xs.length < 2) return xs
  const out: string[] = []
  for (let i = 0; i < xs.length; i++) {
    if (i + 1 < xs.length && other.has(xs[i] + xs[i + 1])) {
      out.push(xs[i] + xs[i + 1])
      i++
    } else out.push(xs[i])
  }
  return out
}

export function compareNames(
  na: NormalName,
  nb: NormalName,
  kind: NameKind = 'unknown',
  weight: (t: string) => number = (t) => tokenWeight(t, kind),
): NameComparison {
  const A = mergeJoined(na.tokens, new Set(nb.tokens))
  const B = mergeJoined(nb.tokens, new Set(A))
  if (A.length === 0 || B.length === 0) return { score: 0, pairs: [], onlyA: A, onlyB: B }
  // candidate pairs, best first, assigned greedily one-to-one
  const cands: Array<[number, number, number]> = []
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < B.length; j++) {
      const s = tokenSim(A[i], B[j], kind)
      if (s > 0) cands.push([s, i, j])
    }
  cands.sort((p, q) => q[0] - p[0] || p[1] - q[1] - (p[2] - q[2]))
  const usedA = new Uint8Array(A.length)
  const usedB = new Uint8Array(B.length)
  const pairs: TokenPair[] = []
  let matchedWA = 0
  let matchedWB = 0
  for (const [s, i, j] of cands) {
    if (usedA[i] || usedB[j]) continue
    usedA[i] = 1
    usedB[j] = 1
    pairs.push({ a: A[i], b: B[j], sim: s })
    matchedWA += s * weight(A[i])
    matchedWB += s * weight(B[j])
  }
  let totalA = 0
  let totalB = 0
  const onlyA: string[] = []
  const onlyB: string[] = []
  let strongOnlyA = 0
  let strongOnlyB = 0
  A.forEach((t, i) => {
    const w = weight(t)
    totalA += w
    if (!usedA[i]) {
      onlyA.push(t)
      if (w >= 1) strongOnlyA++
    }
  })
  B.forEach((t, j) => {
    const w = weight(t)
    totalB += w
    if (!usedB[j]) {
      onlyB.push(t)
      if (w >= 1) strongOnlyB++
    }
  })
  let score: number
  const distinctivePair = pairs.some((p) => weight(p.a) >= 1 || weight(p.b) >= 1)
  if (kind === 'person') {
    // a person may be listed with more given names than a payment shows: judge on the shorter side
    const shortA = totalA <= totalB
    const covShort = shortA ? matchedWA / totalA : matchedWB / totalB
    const covLong = shortA ? matchedWB / totalB : matchedWA / totalA
    score = covShort * (0.8 + 0.2 * covLong)
    const strongShort = shortA ? strongOnlyA : strongOnlyB
    if (strongShort > 0) score = Math.min(score, UNMATCHED_CAP)
    if (pairs.length < 2 && Math.max(A.length, B.length) > 1) score = Math.min(score, SINGLE_CAP)
  } else {
    score = (matchedWA + matchedWB) / (totalA + totalB)
    if (strongOnlyA + strongOnlyB > 0) score = Math.min(score, UNMATCHED_CAP)
    // names made only of generic words ('Global Trading') must agree on every word
    if (!distinctivePair && onlyA.length + onlyB.length > 0) score = Math.min(score, UNMATCHED_CAP)
  }
  // a word swapped for another ('Gas' for 'Oil', 'Asia' for 'London') is a different party
  const swapped = (t: string) => weight(t) >= 0.3 && !isNumberToken(t)
  const swappedPerson = (t: string) => weight(t) >= 0.25 && !isNumberToken(t) && t.length > 1
  const strongSwap = (xs: string[]) => xs.some((t) => weight(t) >= 1 && !isNumberToken(t))
  // …and for persons, a distinctive given name or surname swapped for another
  if (
    kind === 'person' &&
    onlyA.some(swappedPerson) &&
    onlyB.some(swappedPerson) &&
    (strongSwap(onlyA) || strongSwap(onlyB))
  )
    score = Math.min(score, SUBST_CAP)
  if (kind !== 'person' && onlyA.some(swapped) && onlyB.some(swapped))
    score = Math.min(score, SUBST_CAP)
  // Arabic patronymic chains: 'Salman bin Muhammad' is not 'Muhammad bin Salman'
  if (kind !== 'company') {
    const ia = A.indexOf('bin')
    const ib = B.indexOf('bin')
    if (ia > 0 && ib > 0 && !pairs.some((p) => p.a === A[ia - 1] && p.b === B[ib - 1]))
      score = Math.min(score, SUBST_CAP)
  }
  if (na.compact === nb.compact) score = 1
  else if (
    (A.length === 1) !== (B.length === 1) &&
    Math.min(na.compact.length, nb.compact.length) >= 8
  ) {
    // one name written as one word ('FridrichBuchenberg'): compare the words run together
    const s = tokenSim(na.compact, nb.compact, kind)
    if (s >= 0.9) score = Math.max(score, s)
  }
  return { score, pairs, onlyA, onlyB }
}
