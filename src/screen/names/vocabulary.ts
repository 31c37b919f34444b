// The words of a list's names, each interned once as a number: which names carry it (postings), and
// the list words a payment's word counts as the same word as (expand: one deletion or adjacent swap,
// the phonetic skeleton, short forms of given names, the words a cut word is the start of).
// Built once with the name index; lookups by number and typed arrays keep the query path cheap.
import { cutSim, skeleton, tokenSim, tokenWeight } from './compare.ts'
import { SpellingKeys } from './spelling-keys.ts'
import { WordShapes, type WordShape } from './word-shape.ts'
import { givenNameForms } from './words.ts'

const NONE = new Int32Array(0)

/** What a query needs of one of its words, worked out once per word (Vocabulary.lookup). */
export interface WordInfo {
  word: string
  /** The list words (numbers) it counts as the same word as. */
  exp: Int32Array
  /** List names carrying one of them (a name counted once per such word). */
  df: number
  /** tokenWeight by kind: person, company, unknown. */
  weights: readonly [number, number, number]
  /** Neither generic nor a particle nor a number nor an initial, whatever the name's kind. */
  distinctive: boolean
  shape: WordShape
}

export class Vocabulary {
  /** Word → number, in the order words were first seen. */
  private ids = new Map<string, number>()
  /** Number → word. */
  readonly words: string[] = []
  /** The words' lengths, letters, sounds and undoubled forms (word-shape.ts), after seal(). */
  shapes!: WordShapes
  /** By kind (person, company, unknown): number → the word's weight (tokenWeight), after seal(). */
  weights: Float64Array[] = []
  /** Number → the names (ids) that carry the word, ascending. */
  postings: Int32Array[] = []
  private building: number[][] = []
  /** Phonetic skeleton → the words (numbers) that sound so. */
  private sounds = new Map<string, number[]>()
  /** The words under themselves and their one-letter deletions (spelling-keys.ts). */
  private spellings!: SpellingKeys
  /** The words sorted: the words a cut word is the start of. */
  private sorted: string[] = []
  private infoCache = new Map<string, WordInfo>()

  /** Adds a name's distinct words to the postings (names are added in ascending id order). */
  add(tokens: readonly string[], name: number): Int32Array {
    const out = new Int32Array(tokens.length)
    tokens.forEach((t, k) => {
      let id = this.ids.get(t)
      if (id === undefined) {
        id = this.words.length
        this.ids.set(t, id)
        this.words.push(t)
        this.building.push([])
      }
      const p = this.building[id]
      if (p[p.length - 1] !== name) p.push(name)
      out[k] = id
    })
    return out
  }

  /** Ends the build: postings as typed arrays, spelling keys, the sorted word list. */
  seal(): void {
    this.postings = this.building.map((p) => Int32Array.from(p))
    this.building = []
    this.sorted = this.words.slice().sort()
    this.shapes = new WordShapes(this.words, this.ids)
    this.weights = (['person', 'company', 'unknown'] as const).map((kind) =>
      Float64Array.from(this.words, (t) => tokenWeight(t, kind)),
    )
    this.words.forEach((t, id) => push(this.sounds, skeleton(t), id))
    this.spellings = new SpellingKeys(this.words)
  }

  get size(): number {
    return this.words.length
  }

  id(t: string): number | undefined {
    return this.ids.get(t)
  }

  /** How many names carry the word. */
  count(t: string): number {
    const id = this.ids.get(t)
    return id === undefined ? 0 : this.postings[id].length
  }

  /** The words of the list that start with `prefix`, at most 1000 (a prefix this common names no one). */
  private startingWith(prefix: string): string[] {
    const sorted = this.sorted
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) {
      out.push(sorted[i])
      if (out.length >= 1000) break
    }
    return out
  }

  /** A query word's expansion, weights and shape (kept for the next query that has the word). */
  lookup(t: string): WordInfo {
    let info = this.infoCache.get(t)
    if (info) return info
    const exp = this.expand(t)
    let df = 0
    for (const v of exp) df += this.postings[v].length
    const weights = [
      tokenWeight(t, 'person'),
      tokenWeight(t, 'company'),
      tokenWeight(t, 'unknown'),
    ] as const
    const distinctive = t.length > 1 && weights[1] >= 1 && weights[0] >= 1
    info = { word: t, exp, df, weights, distinctive, shape: this.shapes.shape(t) }
    if (this.infoCache.size > 200_000) this.infoCache.clear()
    this.infoCache.set(t, info)
    return info
  }

  /** The list words (numbers) that count as the same word as t, t itself first when listed. */
  private expand(t: string): Int32Array {
    const found = new Set<number>()
    const own = this.ids.get(t)
    if (own !== undefined) found.add(own)
    if (t.length >= 3) {
      const add = (v: number) => {
        if (!found.has(v) && tokenSim(t, this.words[v], 'unknown') > 0) found.add(v)
      }
      for (const v of this.sounds.get(skeleton(t)) ?? []) add(v)
      this.spellings.each(t, t.length >= 4, t.length >= 5, add)
    }
    for (const v of givenNameForms(t)) {
      const id = this.ids.get(v)
      if (id !== undefined) found.add(id)
    }
    // the words a word cut short is the start of ('servic' → services, 'ahm' → ahmad)
    // (as for a person's given name: the loosest reading; compareNames applies the kind's rules)
    if (t.length >= 3)
      for (const v of this.startingWith(t)) {
        const id = this.ids.get(v)!
        if (!found.has(id) && cutSim(t, v, 'person') > 0) found.add(id)
      }
    return found.size === 0 ? NONE : Int32Array.from(found)
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k)
  if (a) a.push(v)
  else m.set(k, [v])
}
