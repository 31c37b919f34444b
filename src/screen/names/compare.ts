// Similarity of two normalised names: tokens aligned one-to-one by Jaro-Winkler (with a phonetic
// skeleton, initials, short forms and cut words), scored as a weighted token-set overlap where
// generic words and particles weigh little, and where a distinctive token without a counterpart caps
// the score. A name cut where a payment field ended matches the name it is the start of. Returns the
// aligned token pairs and the parts of the score as the explanation.
import { editDistance, editSimilarity, fewestEdits, jaroWinkler } from './jaro-winkler.ts'
import { compareLegal, type LegalAgreement } from './legal-forms.ts'
import type { NormalName } from './normalize.ts'
import { sameUndoubled, skeleton } from './phonetic.ts'
import { GENERIC_WORDS, PARTICLES, sameGivenName } from './words.ts'

export { sameUndoubled, skeleton, undouble } from './phonetic.ts'

export type NameKind = 'person' | 'company' | 'unknown'

export interface TokenPair {
  a: string
  b: string
  sim: number
}

/** How a name score came about: which rule decided, and the measures behind it. */
export interface NameParts {
  /** Weighted share of both names' tokens that are the same word exactly. */
  token_overlap: number
  /** Weighted share of both names' tokens that pair up sounding the same (exact ones included). */
  phonetic: number
  /** Letters edited (inserted, deleted, replaced, swapped) across the paired tokens. */
  edit_distance: number
  /** How the legal forms compare (absent, same, compatible, different). */
  legal_form: LegalAgreement
  /**
   * The rule that gave the score: 'tokens' (paired words), 'compact' (the same letters, spaced
   * otherwise), 'joined' (one name run together), 'truncated' (cut where a field ended).
   */
  rule: 'tokens' | 'compact' | 'joined' | 'truncated'
}

export interface NameComparison {
  score: number
  pairs: TokenPair[]
  onlyA: string[]
  onlyB: string[]
  parts: NameParts
}

export interface CompareOptions {
  /** Weight of a token; default tokenWeight for the kind. */
  weight?: (t: string) => number
  /**
   * True for a word the list knows as a word of its own ('Ali'): such a word is no cut form of a
   * longer one ('Alireza'). Without it, only words of four or more letters pair as cut forms.
   */
  isWord?: (t: string) => boolean
  /**
   * True for a word common among the list's names ('Li', 'Ahmad'): beside only such words, a given
   * name the list also knows as a whole ('Fang', 'Tao') is no shortened form ('Fang Li' is not 'LI,
   * Fangwei'), unless written with a full stop ('Moh. ALI').
   */
  isCommon?: (t: string) => boolean
  /**
   * The score a caller keeps names at: below it, the parts of the score are not worked out (they
   * come back as zeros) and only the score counts.
   */
  threshold?: number
}

const NO_PARTS = (legal: LegalAgreement, rule: NameParts['rule']): NameParts => ({
  token_overlap: 0,
  phonetic: 0,
  edit_distance: 0,
  legal_form: legal,
  rule,
})

/** Lowest Jaro-Winkler at which two tokens count as the same word. */
export const TOKEN_MIN = 0.8
/** Score ceiling when a distinctive token of the shorter name has no counterpart. */
const UNMATCHED_CAP = 0.7
/** Score ceiling when only one token pairs up but a name has more. */
const SINGLE_CAP = 0.8
/** Score ceiling when each name has a word the other lacks (a swap, not an addition). */
const SUBST_CAP = 0.8

/**
 * Similarity of a word cut short ('Servic', 'Petrochemic', 'Ahm') to the word it is the start of,
 * or 0: four or more letters (three for a person's given name, which compareNames allows only where
 * the list name has a given name), below a whole word and more so the more is cut off.
 */
export function cutSim(
  x: string,
  y: string,
  kind: NameKind,
  isWord?: (t: string) => boolean,
): number {
  // only the payment's word (x) is cut short, never the list's
  if (x.length >= y.length) return 0
  const short = x
  const long = y
  // a person's given name is shortened to three letters ('Ahm.', 'Moh.'); other words to four
  const min = kind === 'person' ? 3 : 4
  if (short.length < min || !long.startsWith(short) || long.length < short.length + 1) return 0
  // a word in its own right is no cut form: in a company's name a generic word ('Bank' of
  // 'Banking') or a word the list knows; in a person's a particle ('Al', 'Bin'), except the 'Abd'
  // ('servant of') and 'Abu' ('father of') that begin compound given names ('Abd.' = 'Abdullah')
  // (a word of five or more letters is taken for a cut even where the list knows it: 'Electron'
  // of 'Electronics', 'Revolution' of 'Revolutionary')
  if (kind !== 'person' && (GENERIC_WORDS.has(short) || (short.length < 5 && isWord?.(short))))
    return 0
  if (PARTICLES.has(short) && short !== 'abd' && short !== 'abu') return 0
  // a given name or family name at the start of a patronymic is the father's name ('Oleksandr',
  // 'Oleksandrovych'; 'Petrov', 'Petrovna')
  if (PATRONYMIC.test(long.slice(short.length)) || PATRONYMIC_WORD.test(long)) return 0
  return Math.min(0.95, 0.8 + (0.15 * short.length) / long.length)
}
const PATRONYMIC_WORD = /(?:[oe]vich|[oe]vych|[oe]vna|ivna|ichna|ogly|oglu|kyzy|qizi)$/
const PATRONYMIC = /^(?:[oe]?v(?:ich|ych|na)|[iy]ch|[iy]vna|ovych|oglu|ogly|kyzy|qizi)$/

/** Similarity of two tokens, 0 when they do not count as the same word. */
export function tokenSim(
  x: string,
  y: string,
  kind: NameKind,
  isWord?: (t: string) => boolean,
  allowCut = true,
): number {
  return pairSim(x, y, kind, isWord, allowCut, undefined, undefined)
}

/** A digit anywhere in the word. */
function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

/** tokenSim, given the words' skeletons where the caller has them (else looked up). */
function pairSim(
  x: string,
  y: string,
  kind: NameKind,
  isWord: ((t: string) => boolean) | undefined,
  allowCut: boolean,
  sx: string | undefined,
  sy: string | undefined,
): number {
  if (x === y) return 1
  if (hasDigit(x) || hasDigit(y)) return 0
  if (x.length === 1 || y.length === 1) {
    if (kind === 'company') return 0
    return x[0] === y[0] ? 0.75 : 0
  }
  if (kind !== 'company' && sameGivenName(x, y)) return 0.9
  // a doubled letter is a slip of the keyboard or a habit of transliteration ('Jong-uun', 'Joonng')
  if (sameUndoubled(x, y)) return 0.95
  const cut = allowCut ? cutSim(x, y, kind, isWord) : 0
  if (x.length <= 2 || y.length <= 2) return 0
  // words too far apart for the edit rule below (see fewestEdits) pair only as one sound
  const low = fewestEdits(x, y)
  if (low > 2 && low * 10 > Math.max(x.length, y.length)) {
    if ((sx ?? skeleton(x)) !== (sy ?? skeleton(y))) return cut
  }
  const jw = jaroWinkler(x, y)
  if (jw < 0.7) return cut // neither spelling rule below rescues a pair this far apart
  // Jaro-Winkler alone is lenient with short words ('rekdi' ~ 'dredi' 0.87): blend in edit distance
  let s = (jw + editSimilarity(x, y)) / 2
  if (s < 0.97 && (sx ?? skeleton(x)) === (sy ?? skeleton(y))) s = Math.max(s, 0.95)
  // spellings of one word differ by a letter or two unless they sound alike: three edits apart
  // ('Monteiro', 'Montenegro'; 'Constructors', 'Construction') is another word
  else if (s < 0.95 && editDistance(x, y) >= 3) s = 0
  s = Math.max(s, cut)
  return s >= TOKEN_MIN ? s : 0
}

const ROMAN = /^(?=[ivxl])(x{0,3})(ix|iv|v?i{0,3})$/

/** Numbers and roman numerals (fund series, vessel numbers): weigh half, never decisive alone. */
export function isNumberToken(t: string): boolean {
  return hasDigit(t) || (t.length > 1 && ROMAN.test(t))
}

/**
 * How much a token says about identity: 1 distinctive, less for generic words and particles.
 * (Worked out each time: a few lookups in small sets cost less than one in a cache of every word.)
 */
export function tokenWeight(t: string, kind: NameKind): number {
  return computeWeight(t, kind)
}

function computeWeight(t: string, kind: NameKind): number {
  if (isNumberToken(t)) return 0.5
  if (kind !== 'person' && GENERIC_WORDS.has(t)) return 0.3
  if (kind !== 'company' && PARTICLES.has(t)) return 0.25
  // a patronymic ('Viktorovich', 'Ruslanovna', 'Aliyevich', 'Mammad oglu') is what lists carry and
  // payments mostly leave out: it weighs as a particle
  if (kind !== 'company' && t.length >= 7 && PATRONYMIC_WORD.test(t)) return 0.25
  if (t.length === 1) return 0.3
  return 1
}

/** Joins two adjacent tokens of `xs` where the other side has them as one word (xs itself if none). */
function mergeJoined(xs: string[], other: readonly string[]): string[] {
  if (xs.length < 2) return xs
  let out: string[] | undefined
  for (let i = 0; i < xs.length; i++) {
    if (i + 1 < xs.length && hasJoined(other, xs[i], xs[i + 1])) {
      out ??= xs.slice(0, i)
      out.push(xs[i] + xs[i + 1])
      i++
    } else out?.push(xs[i])
  }
  return out ?? xs
}

/** `words` has a + b as one word. */
function hasJoined(words: readonly string[], a: string, b: string): boolean {
  for (const w of words)
    if (w.length === a.length + b.length && w.startsWith(a) && w.endsWith(b)) return true
  return false
}

/** Weights as a side weighs its tokens: a qualifier in parentheses as a generic word at most. */
function sideWeights(tokens: string[], base: number[], optional: string[]): number[] {
  if (optional.length === 0) return base
  return tokens.map((t, k) => (optional.includes(t) ? Math.min(base[k], 0.3) : base[k]))
}

/** Token weights by the kind of name, one function each (not a closure made per comparison). */
const BASE_WEIGHT: Record<NameKind, (t: string) => number> = {
  person: (t) => tokenWeight(t, 'person'),
  company: (t) => tokenWeight(t, 'company'),
  unknown: (t) => tokenWeight(t, 'unknown'),
}

/** A name's token weights: a qualifier in parentheses weighs as a generic word. */
function sideWeight(n: NormalName, base: (t: string) => number): (t: string) => number {
  return n.optional.length === 0
    ? base
    : (t: string) => (n.optional.includes(t) ? Math.min(base(t), 0.3) : base(t))
}

function some(xs: string[], ws: number[], test: (t: string, w: number) => boolean): boolean {
  for (let k = 0; k < xs.length; k++) if (test(xs[k], ws[k])) return true
  return false
}
function swapped(t: string, w: number): boolean {
  return w >= 0.3 && !isNumberToken(t)
}
function swappedPerson(t: string, w: number): boolean {
  return w >= 0.25 && !isNumberToken(t) && t.length > 1
}
function strongSwap(t: string, w: number): boolean {
  return w >= 1 && !isNumberToken(t)
}
function initial(t: string): boolean {
  return t.length === 1 && !hasDigit(t)
}
function patronymic(t: string): boolean {
  return t.length >= 7 && PATRONYMIC_WORD.test(t)
}

/** A different legal form (an AG for a GmbH) takes this much off the score. */
const LEGAL_DIFFERENT = 0.1

/**
 * Similarity of name A (as a payment gives it) to name B (as a list gives it): 0–1 with the token
 * pairs, the tokens left over on either side and the parts of the score.
 */
export function compareNames(
  na: NormalName,
  nb: NormalName,
  kind: NameKind = 'unknown',
  opts: CompareOptions = {},
): NameComparison {
  const base = opts.weight ?? BASE_WEIGHT[kind]
  const weightA = sideWeight(na, base)
  const weightB = sideWeight(nb, base)
  const A = mergeJoined(na.tokens, nb.tokens)
  const B = mergeJoined(nb.tokens, A)
  const legal = compareLegal(na.legal, nb.legal)
  // two names written in Hangul with other syllables are two names (normalize.ts: hangul)
  if (A.length === 0 || B.length === 0 || (na.hangul !== nb.hangul && na.hangul && nb.hangul))
    return {
      score: 0,
      pairs: [],
      onlyA: A,
      onlyB: B,
      parts: NO_PARTS(legal, 'tokens'),
    }
  // each token's weight (base, and as its side weighs it) and skeleton, looked up once
  const baseA = A.map(base)
  const baseB = B.map(base)
  const wA = sideWeights(A, baseA, na.optional)
  const wB = sideWeights(B, baseB, nb.optional)
  const skA = A === na.tokens ? na.skeletons : A.map(skeleton)
  const skB = B === nb.tokens ? nb.skeletons : B.map(skeleton)
  const m = pairTokens(na, nb, A, B, kind, opts, skA, skB, wA, wB)
  const left = { a: leftOver(A, wA, baseA, m.usedA), b: leftOver(B, wB, baseB, m.usedB) }
  let score = coverageScore(kind, A, B, m, left, wA, wB)
  score = Math.min(score, substitutionCap(kind, A, B, m.pairs, left))
  score = Math.min(score, cutGivenNameCap(kind, na, opts, m, wA))
  const whole = wholeNameScore(na, nb, A, B, kind, weightA, score)
  const rule = whole.rule
  score = whole.score
  // two legal forms of different kinds name two legal persons (Deutsche Bank AG, Deutsche Bank GmbH)
  if (legal === 'different') score = Math.max(0, score - LEGAL_DIFFERENT)
  const total = left.a.total + left.b.total
  return {
    score,
    pairs: m.pairs,
    onlyA: left.a.only,
    onlyB: left.b.only,
    parts:
      opts.threshold !== undefined && score < opts.threshold
        ? NO_PARTS(legal, rule)
        : partsOf(m.pairs, weightA, weightB, total, legal, rule),
  }
}

/** The token pairs of A and B, assigned greedily one-to-one, best first. */
interface Matching {
  pairs: TokenPair[]
  /** For each pair, the indices of its tokens in A and B. */
  pairAt: Array<[number, number]>
  usedA: Uint8Array
  usedB: Uint8Array
  /** The matched weight of each side: each pair's similarity times its token's weight. */
  matchedWA: number
  matchedWB: number
}

function pairTokens(
  na: NormalName,
  nb: NormalName,
  A: string[],
  B: string[],
  kind: NameKind,
  opts: CompareOptions,
  skA: string[],
  skB: string[],
  wA: number[],
  wB: number[],
): Matching {
  const cands: Array<[number, number, number]> = []
  // a person's given names are cut short ('Ahm.'), the family name is not: where B shows which
  // is which ('MIRZAEI, Haj Ahmad'), only its given names; else all but its last word
  const family = kind === 'person' && nb.family > 0 && B.length === nb.tokens.length ? nb.family : 0
  const strict = na.strict || nb.strict
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < B.length; j++) {
      const cut = kind !== 'person' || (family > 0 ? j >= family : j < B.length - 1)
      const exact = strict || na.letterwise.includes(A[i]) || nb.letterwise.includes(B[j])
      const s = exact
        ? A[i] === B[j]
          ? 1
          : 0
        : pairSim(A[i], B[j], kind, opts.isWord, cut, skA[i], skB[j])
      if (s > 0) cands.push([s, i, j])
    }
  cands.sort((p, q) => q[0] - p[0] || p[1] - q[1] - (p[2] - q[2]))
  const m: Matching = {
    pairs: [],
    pairAt: [],
    usedA: new Uint8Array(A.length),
    usedB: new Uint8Array(B.length),
    matchedWA: 0,
    matchedWB: 0,
  }
  for (const [s, i, j] of cands) {
    if (m.usedA[i] || m.usedB[j]) continue
    m.usedA[i] = 1
    m.usedB[j] = 1
    m.pairs.push({ a: A[i], b: B[j], sim: s })
    m.pairAt.push([i, j])
    m.matchedWA += s * wA[i]
    m.matchedWB += s * wB[j]
  }
  return m
}

/** The tokens of one side left out of every pair, with their base weights. */
interface LeftOver {
  only: string[]
  onlyBase: number[]
  /** The side's whole weight (as it weighs its tokens). */
  total: number
  /** Left-over tokens of weight 1 or more. */
  strong: number
}

function leftOver(xs: string[], w: number[], base: number[], used: Uint8Array): LeftOver {
  const out: LeftOver = { only: [], onlyBase: [], total: 0, strong: 0 }
  for (let i = 0; i < xs.length; i++) {
    out.total += w[i]
    if (!used[i]) {
      out.only.push(xs[i])
      out.onlyBase.push(base[i])
      if (w[i] >= 1) out.strong++
    }
  }
  return out
}

/** The share of both names' weight the pairs cover, capped where a distinctive word is left over. */
function coverageScore(
  kind: NameKind,
  A: string[],
  B: string[],
  m: Matching,
  left: { a: LeftOver; b: LeftOver },
  wA: number[],
  wB: number[],
): number {
  const { matchedWA, matchedWB, pairs } = m
  const totalA = left.a.total
  const totalB = left.b.total
  let score: number
  const distinctivePair = m.pairAt.some(([i, j]) => wA[i] >= 1 || wB[j] >= 1)
  if (kind === 'person') {
    // a person may be listed with more given names than a payment shows: judge on the shorter side
    const shortA = totalA <= totalB
    const covShort = shortA ? matchedWA / totalA : matchedWB / totalB
    const covLong = shortA ? matchedWB / totalB : matchedWA / totalA
    score = covShort * (0.8 + 0.2 * covLong)
    const strongShort = shortA ? left.a.strong : left.b.strong
    if (strongShort > 0) score = Math.min(score, UNMATCHED_CAP)
    if (pairs.length < 2 && Math.max(A.length, B.length) > 1) score = Math.min(score, SINGLE_CAP)
  } else {
    score = (matchedWA + matchedWB) / (totalA + totalB)
    if (left.a.strong + left.b.strong > 0) score = Math.min(score, UNMATCHED_CAP)
    // names made only of generic words ('Global Trading') must agree on every word
    if (!distinctivePair && left.a.only.length + left.b.only.length > 0)
      score = Math.min(score, UNMATCHED_CAP)
  }
  return score
}

/** SUBST_CAP where a word of one name stands in for another word of the other, else 1. */
function substitutionCap(
  kind: NameKind,
  A: string[],
  B: string[],
  pairs: TokenPair[],
  left: { a: LeftOver; b: LeftOver },
): number {
  const [onlyA, onlyBaseA, onlyB, onlyBaseB] = [
    left.a.only,
    left.a.onlyBase,
    left.b.only,
    left.b.onlyBase,
  ]
  // a word swapped for another ('Gas' for 'Oil', 'Asia' for 'London') is a different party
  // (by the words' base weights: a qualifier in parentheses counts as what it is)
  // …and for persons, a distinctive given name or surname swapped for another
  if (
    kind === 'person' &&
    some(onlyA, onlyBaseA, swappedPerson) &&
    some(onlyB, onlyBaseB, swappedPerson) &&
    (some(onlyA, onlyBaseA, strongSwap) || some(onlyB, onlyBaseB, strongSwap))
  )
    return SUBST_CAP
  if (kind !== 'person' && some(onlyA, onlyBaseA, swapped) && some(onlyB, onlyBaseB, swapped))
    return SUBST_CAP
  // …and a middle initial for another ('William G. Frost', 'William W. Frost')
  // …or a patronymic for another (two fathers, two people)
  if (
    kind === 'person' &&
    ((onlyA.some(initial) && onlyB.some(initial)) ||
      (onlyA.some(patronymic) && onlyB.some(patronymic)))
  )
    return SUBST_CAP
  // Arabic patronymic chains: 'Salman bin Muhammad' is not 'Muhammad bin Salman'
  if (kind !== 'company') {
    const ia = A.indexOf('bin')
    const ib = B.indexOf('bin')
    if (ia > 0 && ib > 0 && !pairs.some((p) => p.a === A[ia - 1] && p.b === B[ib - 1]))
      return SUBST_CAP
  }
  return 1
}

/**
 * UNMATCHED_CAP where a person's given name cut short is all that identifies them beside common
 * names (see isCommon), else 1.
 */
function cutGivenNameCap(
  kind: NameKind,
  na: NormalName,
  opts: CompareOptions,
  m: Matching,
  wA: number[],
): number {
  if (kind !== 'person' || !opts.isWord || !opts.isCommon) return 1
  const { pairs, pairAt } = m
  const cutPairs = pairs.filter(
    (p) => p.a !== p.b && p.b.startsWith(p.a) && p.sim < 1 && !na.abbreviated.includes(p.a),
  )
  if (
    cutPairs.some((p) => opts.isWord!(p.a)) &&
    pairs.every((p, k) => cutPairs.includes(p) || wA[pairAt[k][0]] < 1 || opts.isCommon!(p.b))
  )
    return UNMATCHED_CAP
  return 1
}

/**
 * The score of the names taken whole: 1 when they are the same run together; a name written as
 * one word against the other's words; a name cut where a payment field ended. The best of these
 * and the token score, with the rule that gave it.
 */
function wholeNameScore(
  na: NormalName,
  nb: NormalName,
  A: string[],
  B: string[],
  kind: NameKind,
  weightA: (t: string) => number,
  tokens: number,
): { score: number; rule: NameParts['rule'] } {
  let score = tokens
  let rule: NameParts['rule'] = 'tokens'
  if (na.compact === nb.compact) {
    score = 1
    rule = 'compact'
  } else if (
    (A.length === 1) !== (B.length === 1) &&
    Math.min(na.compact.length, nb.compact.length) >= 8
  ) {
    // one name written as one word ('FridrichBuchenberg'): compare the words run together
    const s = tokenSim(na.compact, nb.compact, kind)
    if (s >= 0.9 && s > score) {
      score = s
      rule = 'joined'
    }
  }
  const cut = truncatedScore(na, nb, weightA)
  if (cut > score) {
    score = cut
    rule = 'truncated'
  }
  return { score, rule }
}

/** Letters or digits left of a name cut where a field ended, at the least. */
export const CUT_MIN_LENGTH = 20

/**
 * Score of A as B cut where a payment field ended (SWIFT MT lines hold 35 characters, many systems
 * fewer), or 0. A is taken for a cut when it has 20 or more letters and does not end with a legal
 * form (a cut takes the end of a name, where the form stands), its letters are the start of B's (in
 * B's written or spoken order) and what is left names B: a whole distinctive word of B. The score
 * is below a whole match, the lower the more of B is cut off (0.85 to 0.95).
 */
function truncatedScore(na: NormalName, nb: NormalName, weight: (t: string) => number): number {
  const c = na.cutCompact
  // (the same letters when only a legal form was cut: 'Nordstrand Maritime and Trading Com')
  if (na.length < CUT_MIN_LENGTH || na.endsLegal || c.length > nb.compact.length) return 0
  if (!nb.compact.startsWith(c) && !nb.spoken.startsWith(c)) return 0
  // the words before the last one were not cut; the last one may have been
  const whole = na.tokens.slice(0, -1)
  if (nb.tokens.includes(na.tokens[na.tokens.length - 1]))
    whole.push(na.tokens[na.tokens.length - 1])
  if (!whole.some((t) => weight(t) >= 1 && t.length >= 3 && !isNumberToken(t))) return 0
  return 0.85 + (0.1 * c.length) / nb.compact.length
}

function partsOf(
  pairs: readonly TokenPair[],
  weightA: (t: string) => number,
  weightB: (t: string) => number,
  total: number,
  legal: LegalAgreement,
  rule: NameParts['rule'],
): NameParts {
  let exact = 0
  let phonetic = 0
  let edits = 0
  for (const p of pairs) {
    const w = weightA(p.a) + weightB(p.b)
    if (p.a === p.b) exact += w
    if (p.a === p.b || skeleton(p.a) === skeleton(p.b)) phonetic += w
    if (p.a !== p.b) edits += editDistance(p.a, p.b)
  }
  const r = (x: number) => Math.round(x * 1000) / 1000
  return {
    token_overlap: total > 0 ? r(exact / total) : 0,
    phonetic: total > 0 ? r(phonetic / total) : 0,
    edit_distance: edits,
    legal_form: legal,
    rule,
  }
}
