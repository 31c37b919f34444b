// What tokenSim needs to rule a pair of words out without comparing them letter by letter, computed
// once per word of the index's vocabulary (typed arrays by word number) and once per query word:
// length, first letters, the letters as a bit set, the phonetic skeleton and the undoubled word as
// numbers. maySimilar is false only where tokenSim is 0, so a test through it never changes a
// result; it spares the Jaro-Winkler and edit-distance work on words that share too little.
import { skeleton, undouble, type NameKind } from './compare.ts'
import { popcount } from './jaro-winkler.ts'
import { hasGivenNameForms, sameGivenName } from './words.ts'

/** One query word's shape. */
export interface WordShape {
  word: string
  /** The word's number in the vocabulary, -1 when the list lacks it. */
  id: number
  len: number
  c0: number
  c1: number
  letters: number
  skeleton: number
  undoubled: number
  givenForms: boolean
}

function letterBits(word: string): number {
  let bits = 0
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) & 31)
  return bits
}

export class WordShapes {
  readonly words: readonly string[]
  readonly len: Int32Array
  readonly c0: Int32Array
  readonly c1: Int32Array
  /** One bit per letter (char code mod 32): letters one word has and another lacks. */
  readonly letters: Int32Array
  readonly skeleton: Int32Array
  readonly undoubled: Int32Array
  readonly givenForms: Uint8Array
  private ids: ReadonlyMap<string, number>
  /** Skeletons, and undoubled spellings, as numbers. */
  private sounds = new Map<string, number>()
  private spellings = new Map<string, number>()

  constructor(words: readonly string[], ids: ReadonlyMap<string, number>) {
    const n = words.length
    this.words = words
    this.ids = ids
    this.len = new Int32Array(n)
    this.c0 = new Int32Array(n)
    this.c1 = new Int32Array(n)
    this.letters = new Int32Array(n)
    this.skeleton = new Int32Array(n)
    this.undoubled = new Int32Array(n)
    this.givenForms = new Uint8Array(n)
    words.forEach((w, v) => {
      this.len[v] = w.length
      this.c0[v] = w.charCodeAt(0)
      this.c1[v] = w.length > 1 ? w.charCodeAt(1) : -1
      this.letters[v] = letterBits(w)
      this.skeleton[v] = form(this.sounds, skeleton(w), true)
      this.undoubled[v] = form(this.spellings, undouble(w), true)
      this.givenForms[v] = hasGivenNameForms(w) ? 1 : 0
    })
  }

  shape(word: string): WordShape {
    return {
      word,
      id: this.ids.get(word) ?? -1,
      len: word.length,
      c0: word.charCodeAt(0),
      c1: word.length > 1 ? word.charCodeAt(1) : -1,
      letters: letterBits(word),
      skeleton: form(this.sounds, skeleton(word), false),
      undoubled: form(this.spellings, undouble(word), false),
      givenForms: hasGivenNameForms(word),
    }
  }

  /**
   * False only when tokenSim(a, word v, kind) is 0, whatever isWord says. Apart from equal words,
   * one given name, one word written with doubled letters, a cut word (v starts with a) and one
   * sound, tokenSim pairs words at most two edits apart, or with a blended similarity of 0.95 and
   * so at most a tenth of the longer word edited; each edit changes the length by one at most and
   * brings in or takes out one letter at most, so the length difference and the letters one word
   * lacks bound the edits from below.
   */
  maySimilar(a: WordShape, v: number, kind: NameKind): boolean {
    if (a.id === v) return true
    const lv = this.len[v]
    const m = a.len > lv ? a.len : lv
    const lb = this.letters[v]
    let low = a.len > lv ? a.len - lv : lv - a.len
    const missB = popcount(a.letters & ~lb)
    const missA = popcount(lb & ~a.letters)
    if (missB > low) low = missB
    if (missA > low) low = missA
    if (low <= 2 || low * 10 <= m) return true
    if (a.skeleton === this.skeleton[v] || a.undoubled === this.undoubled[v]) return true
    if (
      kind !== 'company' &&
      a.givenForms &&
      this.givenForms[v] === 1 &&
      sameGivenName(a.word, this.words[v])
    )
      return true
    return lv > a.len && this.c0[v] === a.c0 && this.words[v].startsWith(a.word)
  }
}

/** A form's number in `forms` (-1 for one no list word has, when not adding). */
function form(forms: Map<string, number>, f: string, add: boolean): number {
  let k = forms.get(f)
  if (k === undefined) {
    if (!add) return -1
    k = forms.size
    forms.set(f, k)
  }
  return k
}
