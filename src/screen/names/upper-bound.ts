// A cheap ceiling on compareNames' score from set lookups alone (every similar token counted as
// identical), so that most candidates are dropped before any string comparison. Words are numbers
// of the index's vocabulary; which list words each query word expands to is a bit mask per word;
// the string comparisons left (long words two edits apart) run only where word-shape.ts cannot
// rule the pair out.
import { tokenSim, type NameKind } from './compare.ts'
import type { WordShape, WordShapes } from './word-shape.ts'

/** Query words a bound is computed for, at most (more: not worth bounding). */
const MAX_TOKENS = 8
const KIND_INDEX: Record<NameKind, number> = { person: 0, company: 1, unknown: 2 }
/** compareNames' ceiling for a company whose distinctive word pairs with nothing (UNMATCHED_CAP). */
const STRONG_CAP = 0.7

/** Per-query state of the bound, sized to the vocabulary once. */
export class BoundScratch {
  private mask: Uint32Array
  private stamp: Int32Array
  private serial = 0
  private query: WordShape[] = []
  private shapes: WordShapes
  private weights: readonly Float64Array[]
  private wordStart: Int32Array
  private words: Int32Array

  /**
   * The vocabulary's shapes and weights by kind (person, company, unknown), and the list names'
   * words: name k's are words[wordStart[k]] up to words[wordStart[k + 1]].
   */
  constructor(
    shapes: WordShapes,
    weights: readonly Float64Array[],
    wordStart: Int32Array,
    words: Int32Array,
  ) {
    this.shapes = shapes
    this.weights = weights
    this.wordStart = wordStart
    this.words = words
    this.mask = new Uint32Array(shapes.words.length)
    this.stamp = new Int32Array(shapes.words.length)
  }

  /** Starts a query: its words' shapes and the vocabulary words each expands to. */
  begin(query: ReadonlyArray<{ shape: WordShape; exp: Int32Array }>): void {
    this.serial++
    this.query = query.length > MAX_TOKENS ? [] : query.map((x) => x.shape)
    if (query.length > MAX_TOKENS) return
    for (let i = 0; i < query.length; i++)
      for (const v of query[i].exp) {
        if (this.stamp[v] !== this.serial) {
          this.stamp[v] = this.serial
          this.mask[v] = 0
        }
        this.mask[v] |= 1 << i
      }
  }

  /** Query word i pairs with list word v (long words two edits apart included), at most. */
  private queryHits(i: number, v: number, kind: NameKind): boolean {
    if (this.stamp[v] === this.serial && ((this.mask[v] >>> i) & 1) === 1) return true
    // long words may differ by two edits and still pair up: check those directly
    const a = this.query[i]
    const s = this.shapes
    const lv = s.len[v]
    if (a.len < 7 || lv < 6 || Math.abs(a.len - lv) > 3) return false
    if (a.c0 !== s.c0[v] && a.c1 !== s.c1[v]) return false
    return s.maySimilar(a, v, kind) && tokenSim(a.word, s.words[v], kind) > 0
  }

  /** List word v pairs with query word i (a long list word compared directly), at most. */
  private listHits(i: number, v: number, kind: NameKind): boolean {
    if (this.stamp[v] === this.serial && ((this.mask[v] >>> i) & 1) === 1) return true
    const a = this.query[i]
    const s = this.shapes
    if (s.len[v] < 7 || a.len < 6) return false
    return s.maySimilar(a, v, kind) && tokenSim(a.word, s.words[v], kind) > 0
  }

  /**
   * Whether the ceiling for one list name (its words as numbers, with their weights) against the
   * query begun last (its words' weights by the kind the two are compared as) reaches the
   * threshold. The answer is the ceiling's; the work stops as soon as the words seen settle it.
   */
  reaches(qWeights: readonly number[], name: number, kind: NameKind, threshold: number): boolean {
    const q = this.query
    const len = this.shapes.len
    const words = this.words
    const from = this.wordStart[name]
    const to = this.wordStart[name + 1]
    const weights = this.weights[KIND_INDEX[kind]]
    if (q.length === 0 || to - from > MAX_TOKENS) return true // joined-token cases
    for (let i = 0; i < q.length; i++) if (q[i].len === 1) return true // initials pair apart
    for (let j = from; j < to; j++) if (len[words[j]] === 1) return true
    // the most the ceiling can still be, from the weights missed so far (a margin for rounding:
    // the decision itself is taken on the sums as the ceiling adds them)
    const person = kind === 'person'
    const capped = !person && STRONG_CAP < threshold
    let totalA = 0
    let totalB = 0
    for (let i = 0; i < q.length; i++) totalA += qWeights[i]
    for (let j = from; j < to; j++) totalB += weights[words[j]]
    const below = threshold - 1e-9
    let hitsA = 0
    let missA = 0
    for (let i = 0; i < q.length; i++) {
      let hit = false
      for (let j = from; j < to && !hit; j++) hit = this.queryHits(i, words[j], kind)
      if (hit) hitsA |= 1 << i
      else {
        const w = qWeights[i]
        if (capped && w >= 1) return false
        missA += w
        if (!person && (totalA + totalB - missA) / (totalA + totalB) < below) return false
      }
    }
    let mA = 0
    let wA = 0
    for (let i = 0; i < q.length; i++) {
      wA += qWeights[i]
      if ((hitsA >>> i) & 1) mA += qWeights[i]
    }
    if (person && mA / wA >= threshold) return true
    let hitsB = 0
    let missB = 0
    for (let j = from; j < to; j++) {
      let hit = false
      for (let i = 0; i < q.length && !hit; i++) hit = this.listHits(i, words[j], kind)
      if (hit) hitsB |= 1 << (j - from)
      else {
        const w = weights[words[j]]
        if (capped && w >= 1) return false
        missB += w
        const most = person
          ? (totalB - missB) / totalB
          : (totalA + totalB - missA - missB) / (totalA + totalB)
        if (most < below) return false
      }
    }
    // the ceiling as it always was: weighted share of words that may pair, on the shorter side
    // for a person, as a Dice coefficient capped where a distinctive word pairs with nothing else
    let mB = 0
    let wB = 0
    let strongOnly = false
    for (let i = 0; i < q.length; i++)
      if (!((hitsA >>> i) & 1) && qWeights[i] >= 1) strongOnly = true
    for (let j = from; j < to; j++) {
      const w = weights[words[j]]
      wB += w
      if ((hitsB >>> (j - from)) & 1) mB += w
      else if (w >= 1) strongOnly = true
    }
    if (person) return Math.max(mA / wA, mB / wB) >= threshold
    const dice = (mA + mB) / (wA + wB)
    return (strongOnly ? Math.min(dice, STRONG_CAP) : dice) >= threshold
  }
}
