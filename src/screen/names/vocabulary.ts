// The words of a list's names, each interned once as a number: which names carry it (postings), and
// the list words a payment's word counts as the same word as (expand: one deletion or adjacent swap,
// the phonetic skeleton, short forms of given names, the words a cut word is the start of).
// Built once with the name index; lookups by number and typed arrays keep the query path cheap.
import { cutSim, skeleton, tokenSim, tokenWeight } from './compare.ts'
import { WordShapes } from './word-shape.ts'
import { givenNameForms } from './words.ts'

const NONE = new Int32Array(0)

function deletions(t: string): string[] {
  const out: string[] = []
  for (let i = 0; i < t.length; i++) out.push(t.slice(0, i) + t.slice(i + 1))
  return out
}

/** The word with two adjacent inner letters swapped, at each position ('elecrtonic' → 'electronic'). */
function transpositions(t: string): string[] {
  const out: string[] = []
  for (let i = 1; i + 1 < t.length; i++)
    if (t[i] !== t[i + 1]) out.push(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2))
  return out
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
  /** Spelling keys (deletions, '~' + skeleton, the word) → the words (numbers) they stand for. */
  private variants = new Map<string, number[]>()
  /** The words sorted: the words a cut word is the start of. */
  private sorted: string[] = []
  private expandCache = new Map<string, Int32Array>()

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
    this.words.forEach((t, id) => {
      push(this.variants, '~' + skeleton(t), id)
      if (t.length >= 4) for (const d of deletions(t)) push(this.variants, d, id)
      push(this.variants, t, id)
    })
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

  /** The list words (numbers) that count as the same word as t, t itself first when listed. */
  expand(t: string): Int32Array {
    let out = this.expandCache.get(t)
    if (out) return out
    const found = new Set<number>()
    const own = this.ids.get(t)
    if (own !== undefined) found.add(own)
    if (t.length >= 3) {
      const keys = [
        '~' + skeleton(t),
        t,
        ...(t.length >= 4 ? deletions(t) : []),
        ...(t.length >= 5 ? transpositions(t) : []),
      ]
      for (const k of keys)
        for (const v of this.variants.get(k) ?? [])
          if (!found.has(v) && tokenSim(t, this.words[v], 'unknown') > 0) found.add(v)
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
    out = found.size === 0 ? NONE : Int32Array.from(found)
    if (this.expandCache.size > 500_000) this.expandCache.clear()
    this.expandCache.set(t, out)
    return out
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k)
  if (a) a.push(v)
  else m.set(k, [v])
}
