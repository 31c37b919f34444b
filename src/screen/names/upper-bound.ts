// A cheap ceiling on compareNames' score from set lookups alone (every similar token counted as
// identical), so that most candidates are dropped before any string comparison. Words are numbers
// of the index's vocabulary; which list words each query word expands to is a bit mask per word,
// kept in a small table per query; the string comparisons left (long words two edits apart) run
// only where word-shape.ts cannot rule the pair out. Each list name's words, lengths, first letters
// and weights sit side by side in one record, so that a candidate costs a few cache lines.
import { tokenSim, type NameKind } from './compare.ts'
import type { WordShape, WordShapes } from './word-shape.ts'

/** Query words a bound is computed for, at most (more: not worth bounding). */
const MAX_TOKENS = 8
const KIND_INDEX: Record<NameKind, number> = { person: 0, company: 1, unknown: 2 }
/** compareNames' ceiling for a company whose distinctive word pairs with nothing (UNMATCHED_CAP). */
const STRONG_CAP = 0.7
/** Query words this long are compared with list words two edits apart (queryHits). */
const LONG = 7

// A name's record: open (1: more words than bounded, or a single letter), word count, the sum of
// its words' weights by kind (person, company, unknown, added in order); then for each word: its
// number, length, first and second letter, weight by kind.
const HEAD = 5
const WORD = 7

/** Slots of the per-query expansion table (a power of two); more expanded words use `marks`. */
const TABLE = 1024

/** Per-query state of the bound, sized to the vocabulary once. */
export class BoundScratch {
  private serial = 0
  private query: WordShape[] = []
  /** The query has more words than bounded or a single letter: every name may reach. */
  private queryOpen = false
  /**
   * By kind: the query has a distinctive word (weight 1 in that kind) that pairs with no list
   * word: no expansion, and too short for the long-word comparison.
   */
  private unpaired = [false, false, false]
  /** Expanded word → which query words expand to it: a small open-addressing table … */
  private keys = new Int32Array(TABLE).fill(-1)
  private bits = new Int32Array(TABLE)
  private used: number[] = []
  /** … or, for a query with many, by word: the serial of the query that marked it, and the bits. */
  private marks: Int32Array
  private big = false
  private shapes: WordShapes
  private recStart: Int32Array
  private rec: Float64Array
  /** By name: the record's open flag, in a small array of its own (read before the record). */
  private open: Uint8Array
  /**
   * By name: the first letters (low 16 bits, char code mod 16) and second letters (high 16 bits)
   * of its words of six letters or more: a long query word pairs two edits apart only with a
   * word that shares its first or its second letter (queryHits).
   */
  private sig: Int32Array
  /** By kind: the signature bits of each distinctive query word with no expansion (long ones). */
  private lonely: number[][] = [[], [], []]

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
    this.marks = new Int32Array(shapes.words.length * 2)
    const names = wordStart.length - 1
    this.recStart = new Int32Array(names)
    this.open = new Uint8Array(names)
    this.sig = new Int32Array(names)
    this.rec = new Float64Array(names * HEAD + words.length * WORD)
    let at = 0
    for (let m = 0; m < names; m++) {
      const from = wordStart[m]
      const to = wordStart[m + 1]
      this.recStart[m] = at
      let open = to - from > MAX_TOKENS
      for (let j = from; j < to; j++) if (shapes.len[words[j]] === 1) open = true
      this.rec[at] = open ? 1 : 0
      this.open[m] = open ? 1 : 0
      for (let j = from; j < to; j++)
        if (shapes.len[words[j]] >= 6)
          this.sig[m] |= sigBits(shapes.c0[words[j]], shapes.c1[words[j]])
      this.rec[at + 1] = to - from
      for (let k = 0; k < 3; k++) {
        let total = 0
        for (let j = from; j < to; j++) total += weights[k][words[j]]
        this.rec[at + 2 + k] = total
      }
      at += HEAD
      for (let j = from; j < to; j++, at += WORD) {
        const v = words[j]
        this.rec[at] = v
        this.rec[at + 1] = shapes.len[v]
        this.rec[at + 2] = shapes.c0[v]
        this.rec[at + 3] = shapes.c1[v]
        for (let k = 0; k < 3; k++) this.rec[at + 4 + k] = weights[k][v]
      }
    }
  }

  /** Starts a query: its words' shapes and weights and the vocabulary words each expands to. */
  begin(
    query: ReadonlyArray<{ shape: WordShape; exp: Int32Array; weights: readonly number[] }>,
  ): void {
    const serial = ++this.serial
    this.queryOpen = query.length > MAX_TOKENS || query.some((x) => x.shape.len === 1)
    this.query = this.queryOpen ? [] : query.map((x) => x.shape)
    if (this.queryOpen) return
    for (let k = 0; k < 3; k++) {
      this.unpaired[k] = query.some(
        (x) => x.exp.length === 0 && x.shape.len < LONG && x.weights[k] >= 1,
      )
      this.lonely[k] = query
        .filter((x) => x.exp.length === 0 && x.shape.len >= LONG && x.weights[k] >= 1)
        .map((x) => sigBits(x.shape.c0, x.shape.c1))
    }
    for (const slot of this.used) this.keys[slot] = -1
    this.used.length = 0
    let expanded = 0
    for (const x of query) expanded += x.exp.length
    this.big = expanded * 2 > TABLE
    for (let i = 0; i < query.length; i++) {
      const exp = query[i].exp
      for (let k = 0; k < exp.length; k++) {
        const v = exp[k]
        if (this.big) {
          if (this.marks[v * 2] !== serial) {
            this.marks[v * 2] = serial
            this.marks[v * 2 + 1] = 0
          }
          this.marks[v * 2 + 1] |= 1 << i
          continue
        }
        let slot = slotOf(v)
        while (this.keys[slot] !== -1 && this.keys[slot] !== v) slot = (slot + 1) & (TABLE - 1)
        if (this.keys[slot] === -1) {
          this.keys[slot] = v
          this.bits[slot] = 0
          this.used.push(slot)
        }
        this.bits[slot] |= 1 << i
      }
    }
  }

  /** Which query words expand to word v (a bit each). */
  private expansions(v: number): number {
    if (this.big) return this.marks[v * 2] === this.serial ? this.marks[v * 2 + 1] : 0
    for (let slot = slotOf(v); ; slot = (slot + 1) & (TABLE - 1)) {
      const key = this.keys[slot]
      if (key === v) return this.bits[slot]
      if (key === -1) return 0
    }
  }

  /** Query word i pairs with the list word at record offset w (long words two edits apart), at most. */
  private queryHits(i: number, w: number, kind: NameKind): boolean {
    const rec = this.rec
    if ((this.expansions(rec[w]) >>> i) & 1) return true
    // long words may differ by two edits and still pair up: check those directly
    const a = this.query[i]
    const lv = rec[w + 1]
    if (a.len < LONG || lv < 6 || Math.abs(a.len - lv) > 3) return false
    if (a.c0 !== rec[w + 2] && a.c1 !== rec[w + 3]) return false
    const v = rec[w]
    return this.shapes.maySimilar(a, v, kind) && tokenSim(a.word, this.shapes.words[v], kind) > 0
  }

  /** The list word at record offset w pairs with query word i (a long list word compared directly). */
  private listHits(i: number, w: number, kind: NameKind): boolean {
    const rec = this.rec
    if ((this.expansions(rec[w]) >>> i) & 1) return true
    const a = this.query[i]
    if (rec[w + 1] < 7 || a.len < 6) return false
    const v = rec[w]
    return this.shapes.maySimilar(a, v, kind) && tokenSim(a.word, this.shapes.words[v], kind) > 0
  }

  /**
   * Whether the ceiling for one list name against the query begun last reaches the threshold,
   * given the query words' weights by the kind the two are compared as (qWeights) and their sum
   * added in order (wA). The answer is the ceiling's; the work stops as soon as the words seen
   * settle it.
   */
  reaches(
    qWeights: readonly number[],
    wA: number,
    name: number,
    kind: NameKind,
    threshold: number,
    k: number = KIND_INDEX[kind],
  ): boolean {
    if (this.queryOpen || this.open[name] === 1) return true // joined tokens, initials
    const person = k === 0
    const capped = !person && STRONG_CAP < threshold
    if (capped) {
      // a distinctive query word that pairs with nothing caps a company's ceiling: one with no
      // expansion pairs only as a long word with a long word sharing a first or second letter
      if (this.unpaired[k]) return false
      const lonely = this.lonely[k]
      for (let i = 0; i < lonely.length; i++) if ((this.sig[name] & lonely[i]) === 0) return false
    }
    const rec = this.rec
    const at = this.recStart[name]
    const q = this.query
    const n = rec[at + 1]
    const wB = rec[at + 2 + k]
    const first = at + HEAD
    const end = first + n * WORD
    // the most the ceiling can still be, from the weights missed so far (a margin for rounding:
    // the decision itself is taken on the sums as the ceiling adds them)
    const below = threshold - 1e-9
    let hitsA = 0
    let missA = 0
    // (a person's query side out of reach: the list side alone decides)
    let queryOut = false
    for (let i = 0; i < q.length; i++) {
      let hit = false
      for (let w = first; w < end && !hit; w += WORD) hit = this.queryHits(i, w, kind)
      if (hit) hitsA |= 1 << i
      else {
        const wi = qWeights[i]
        if (capped && wi >= 1) return false
        missA += wi
        if (!person && (wA + wB - missA) / (wA + wB) < below) return false
        if (person && (wA - missA) / wA < below) {
          queryOut = true
          break
        }
      }
    }
    let mA = 0
    for (let i = 0; i < q.length; i++) if ((hitsA >>> i) & 1) mA += qWeights[i]
    if (person && !queryOut && mA / wA >= threshold) return true
    let hitsB = 0
    let missB = 0
    for (let w = first, j = 0; w < end; w += WORD, j++) {
      let hit = false
      for (let i = 0; i < q.length && !hit; i++) hit = this.listHits(i, w, kind)
      if (hit) hitsB |= 1 << j
      else {
        const wj = rec[w + 4 + k]
        if (capped && wj >= 1) return false
        missB += wj
        const most = person ? (wB - missB) / wB : (wA + wB - missA - missB) / (wA + wB)
        if (most < below) return false
      }
    }
    // the ceiling as it always was: weighted share of words that may pair, on the shorter side
    // for a person, as a Dice coefficient capped where a distinctive word pairs with nothing else
    let mB = 0
    let strongOnly = false
    for (let i = 0; i < q.length; i++)
      if (!((hitsA >>> i) & 1) && qWeights[i] >= 1) strongOnly = true
    for (let w = first, j = 0; w < end; w += WORD, j++) {
      const wj = rec[w + 4 + k]
      if ((hitsB >>> j) & 1) mB += wj
      else if (wj >= 1) strongOnly = true
    }
    if (person) return (queryOut ? mB / wB : Math.max(mA / wA, mB / wB)) >= threshold
    const dice = (mA + mB) / (wA + wB)
    return (strongOnly ? Math.min(dice, STRONG_CAP) : dice) >= threshold
  }
}

/** A word's home slot in the expansion table (Fibonacci hashing). */
function slotOf(v: number): number {
  return Math.imul(v, 0x9e3779b1) >>> 22
}

/** A word's first letter as a bit of the low half, its second letter as a bit of the high half. */
function sigBits(c0: number, c1: number): number {
  return (1 << (c0 & 15)) | (1 << (16 + (c1 & 15)))
}
