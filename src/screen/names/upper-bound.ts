// A cheap ceiling on compareNames' score from set lookups alone (every similar token counted as
// identical), so that most candidates are dropped before any string comparison. Words are numbers
// of the index's vocabulary; which list words each query word expands to is a bit mask per word;
// the string comparisons left (long words two edits apart) run only where word-shape.ts cannot
// rule the pair out.
import { tokenSim, type NameKind } from './compare.ts'
import type { WordShape, WordShapes } from './word-shape.ts'

/** Query words a bound is computed for, at most (more: not worth bounding). */
const MAX_TOKENS = 8

/** Per-query state of the bound, sized to the vocabulary once. */
export class BoundScratch {
  private mask: Uint32Array
  private stamp: Int32Array
  private serial = 0
  private query: WordShape[] = []
  private shapes: WordShapes

  constructor(shapes: WordShapes) {
    this.shapes = shapes
    this.mask = new Uint32Array(shapes.words.length)
    this.stamp = new Int32Array(shapes.words.length)
  }

  /** Starts a query: its words and, for each, the vocabulary words it expands to. */
  begin(query: readonly string[], expansions: readonly Int32Array[]): void {
    this.serial++
    this.query = query.length > MAX_TOKENS ? [] : query.map((t) => this.shapes.shape(t))
    if (query.length > MAX_TOKENS) return
    for (let i = 0; i < expansions.length; i++)
      for (const v of expansions[i]) {
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
   * The ceiling for one list name (its words as numbers, with their weights) against the query
   * begun last (its words' weights by the kind the two are compared as).
   */
  bound(
    qWeights: readonly number[],
    ids: Int32Array,
    listWeights: readonly number[],
    kind: NameKind,
  ): number {
    const q = this.query
    const len = this.shapes.len
    if (q.length === 0 || ids.length > MAX_TOKENS) return 1 // joined-token cases
    for (let i = 0; i < q.length; i++) if (q[i].len === 1) return 1 // initials pair apart
    for (let j = 0; j < ids.length; j++) if (len[ids[j]] === 1) return 1
    let wA = 0
    let mA = 0
    let strongOnly = false
    for (let i = 0; i < q.length; i++) {
      const w = qWeights[i]
      wA += w
      let hit = false
      for (let j = 0; j < ids.length && !hit; j++) hit = this.queryHits(i, ids[j], kind)
      if (hit) mA += w
      else if (w >= 1) strongOnly = true
    }
    let wB = 0
    let mB = 0
    for (let j = 0; j < ids.length; j++) {
      const w = listWeights[j]
      wB += w
      let hit = false
      for (let i = 0; i < q.length && !hit; i++) hit = this.listHits(i, ids[j], kind)
      if (hit) mB += w
      else if (w >= 1) strongOnly = true
    }
    if (kind === 'person') return Math.max(mA / wA, mB / wB)
    const dice = (mA + mB) / (wA + wB)
    return strongOnly ? Math.min(dice, 0.7) : dice
  }
}
