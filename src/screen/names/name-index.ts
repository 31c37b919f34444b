// Indexed candidate generation for screening names against list entries: an inverted index from
// normalised tokens to list names, widened to spelling variants through a one-deletion neighbourhood
// and a phonetic skeleton, with rare-token blocking. Never compares all pairs: each query name is
// scored only against the list names that share one of its rarest distinctive tokens (or its
// compact form), ranked by the inverse document frequency of what they share.
import {
  CUT_MIN_LENGTH,
  compareNames,
  type NameKind,
  type NameParts,
  type TokenPair,
} from './compare.ts'
import { normalizeName, type NormalName } from './normalize.ts'
import { BoundScratch } from './upper-bound.ts'
import { topByScore } from './top-k.ts'
import { Vocabulary, type WordInfo } from './vocabulary.ts'

/** Bumped whenever matching or hit content changes, so that cached name screenings are redone. */
export const MATCHER_VERSION = 'm11'

export interface IndexEntry {
  /** The entry's id within its list snapshot. */
  id: string
  snapshotId: string
  /** FollowTheMoney schema: Person, Company, Organization, LegalEntity, Vessel. */
  schema: string
  caption: string
  /** The entry's topics where the list gives them (sanction, export.control, poi …). */
  topics?: string[]
  names: Array<{ name: string; kind: string }>
}

export interface NameHit {
  entry: IndexEntry
  /** The list name or alias that matched best. */
  listName: string
  nameKind: string
  score: number
  pairs: TokenPair[]
  onlyQuery: string[]
  onlyList: string[]
  /** How the name score came about (token overlap, phonetic, edits, legal form, rule). */
  parts: NameParts
}

export interface MatchOptions {
  threshold: number
  /** What the query name is, when known. */
  kind?: NameKind
  /** List names fully compared per query, at most. */
  maxCandidates?: number
}

interface IndexedName {
  entry: number
  name: string
  kind: string
  norm: NormalName
}

const NO_NAMES: readonly number[] = []
const KINDS: readonly NameKind[] = ['person', 'company', 'unknown']
/** Flags of a list name (NameIndex.flags). */
const INITIALS = 1 // single-letter tokens, which pair up outside the token index
const OPTIONAL = 2 // a qualifier in parentheses that may be left out

/** Schema → how its names compare. */
export function kindOfSchema(schema: string): NameKind {
  if (schema === 'Person') return 'person'
  if (schema === 'Company' || schema === 'Organization' || schema === 'LegalEntity')
    return 'company'
  return 'unknown'
}

interface QueryToken {
  t: string
  /** The list words (numbers) it counts as. */
  exp: Int32Array
  /** List names carrying one of them (with repeats). */
  df: number
  w: number
  info: WordInfo
}

export class NameIndex {
  readonly entries: IndexEntry[]
  private names: IndexedName[] = []
  private vocab = new Vocabulary()
  private compact = new Map<string, number[]>()
  /** Every list name's compact and spoken forms, sorted: the names a cut name is the start of. */
  private startKeys: string[] = []
  private startIds: Int32Array
  /** A word the list knows as a word of its own (no cut form of a longer one). */
  readonly isWord = (t: string): boolean => this.vocab.id(t) !== undefined
  /** A word in one in a thousand of the list's names or more (at least five): a common name. */
  readonly isCommon = (t: string): boolean =>
    this.vocab.count(t) >= Math.max(5, this.names.length / 1000)
  /** By list name: the entry's kind (an index of KINDS), flags, first of its words in `words`. */
  private kindOf: Uint8Array
  private flags: Uint8Array
  private wordStart: Int32Array
  /** The list names' tokens as numbers of the vocabulary, name after name. */
  private words: Int32Array
  /** Per query, by list name: evidence, distinctive words shared, marks (reset after each query). */
  private acc: Float64Array
  private shared: Uint8Array
  private stamp: Int32Array
  private serial = 0
  /** Names found through their letters or as the start of a cut name: stamped with viaSerial. */
  private via: Int32Array
  private viaSerial = 0
  /** The names a query touched, and those kept as candidates. */
  private touched: Int32Array
  private cands: Int32Array
  private bounds: BoundScratch

  constructor(entries: IndexEntry[]) {
    this.entries = entries
    const seen = new Set<string>()
    const kindOf: number[] = []
    const flags: number[] = []
    const starts: number[] = [0]
    const startPairs: Array<[string, number]> = []
    const words: number[] = []
    entries.forEach((e, ei) => {
      seen.clear()
      for (const n of e.names) {
        const norm = normalizeName(n.name)
        const key = norm.tokens.join(' ')
        if (norm.tokens.length === 0 || seen.has(key)) continue
        seen.add(key)
        const id = this.names.length
        const initials = norm.tokens.some((t) => t.length === 1)
        kindOf.push(KINDS.indexOf(kindOfSchema(e.schema)))
        flags.push((initials ? INITIALS : 0) | (norm.optional.length > 0 ? OPTIONAL : 0))
        for (const v of this.vocab.add(norm.tokens, id)) words.push(v)
        starts.push(words.length)
        this.names.push({ entry: ei, name: n.name, kind: n.kind, norm })
        push(this.compact, norm.compact, id)
        startPairs.push([norm.compact, id])
        if (norm.spoken !== norm.compact) startPairs.push([norm.spoken, id])
      }
    })
    this.vocab.seal()
    this.kindOf = Uint8Array.from(kindOf)
    this.flags = Uint8Array.from(flags)
    this.wordStart = Int32Array.from(starts)
    this.words = Int32Array.from(words)
    const size = this.names.length
    this.acc = new Float64Array(size)
    this.shared = new Uint8Array(size)
    this.stamp = new Int32Array(size)
    this.via = new Int32Array(size)
    this.touched = new Int32Array(size)
    this.cands = new Int32Array(size)
    startPairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]))
    this.startKeys = startPairs.map((p) => p[0])
    this.startIds = Int32Array.from(startPairs, (p) => p[1])
    this.bounds = new BoundScratch(
      this.vocab.shapes,
      this.vocab.weights,
      this.wordStart,
      this.words,
    )
  }

  get size(): number {
    return this.names.length
  }

  /** The list names whose compact or spoken form starts with `prefix` (at most 1000). */
  private startingWith(prefix: string): number[] {
    const keys = this.startKeys
    let lo = 0
    let hi = keys.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (keys[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    const out: number[] = []
    for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) {
      out.push(this.startIds[i])
      if (out.length >= 1000) break // a prefix this common names no one
    }
    return out
  }

  /** Hits for one name, best first, one per list entry, at or above the threshold. */
  match(query: string, opts: MatchOptions): NameHit[] {
    const q = normalizeName(query)
    if (q.tokens.length === 0) return []
    const qKind = opts.kind ?? (q.legal.length > 0 ? 'company' : 'unknown')
    const total = this.names.length || 1
    const postings = this.vocab.postings
    // rank query tokens: distinctive before generic, rare before common
    const wk = qKind === 'person' ? 0 : 1
    const toks: QueryToken[] = [...new Set(q.tokens)].map((t) => {
      const info = this.vocab.lookup(t)
      return { t, exp: info.exp, df: info.df, w: info.weights[wk], info }
    })
    const usable = toks.filter((x) => x.df > 0)
    const strong = usable.filter((x) => x.w >= 1 && x.t.length > 1).sort((a, b) => a.df - b.df)
    const blocking =
      strong.length > 0 ? strong.slice(0, 2) : usable.sort((a, b) => a.df - b.df).slice(0, 3)
    // accumulate the idf of shared tokens per list name (typed arrays, reset through `touched`)
    const acc = this.acc
    const touched = this.touched
    let nt = 0
    for (let b = 0; b < blocking.length; b++) {
      const x = blocking[b]
      const idf = Math.log(1 + total / x.df)
      for (let k = 0; k < x.exp.length; k++) {
        const p = postings[x.exp[k]]
        for (let m = 0; m < p.length; m++) {
          const id = p[m]
          if (acc[id] === 0) touched[nt++] = id
          acc[id] += idf
        }
      }
    }
    // names with the same letters, and (for a name cut where a payment field ended) the list
    // names it is the start of: compared whatever the ceiling says
    const via = this.via
    const serialVia = ++this.viaSerial
    const sameLetters = this.compact.get(q.compact) ?? NO_NAMES
    for (let k = 0; k < sameLetters.length; k++) {
      const id = sameLetters[k]
      if (acc[id] === 0) touched[nt++] = id
      acc[id] += 100
      via[id] = serialVia
    }
    if (q.length >= CUT_MIN_LENGTH && !q.endsLegal && q.cutCompact.length >= 5) {
      const cut = this.startingWith(q.cutCompact)
      for (let k = 0; k < cut.length; k++) {
        const id = cut[k]
        if (acc[id] === 0) touched[nt++] = id
        acc[id] += 100
        via[id] = serialVia
      }
    }
    // A hit must pair up every distinctive query word (or be the shorter name, and pair two words):
    // with two or more distinctive words, a candidate sharing fewer than two of them cannot score.
    // A word no list word is found for (two edits off, 'Tsvetkff') may still pair up in the full
    // comparison, so it does not count here.
    const distinctive = toks.filter((x) => x.df > 0 && x.info.distinctive)
    const needTwo = distinctive.length >= 2 && !q.tokens.some((t) => t.length === 1)
    if (needTwo) {
      this.serial++
      for (let d = 0; d < distinctive.length; d++) {
        const exp = distinctive[d].exp
        const serial = ++this.serial
        for (let k = 0; k < exp.length; k++) {
          const p = postings[exp[k]]
          for (let m = 0; m < p.length; m++) {
            const id = p[m]
            if (acc[id] !== 0 && this.stamp[id] !== serial) {
              this.stamp[id] = serial
              this.shared[id]++
            }
          }
        }
      }
    }
    const max = opts.maxCandidates ?? 200
    if (nt > max)
      // add the evidence of the other tokens, then keep the best-supported candidates
      for (let u = 0; u < usable.length; u++) {
        const x = usable[u]
        if (blocking.includes(x) || x.df >= 20_000) continue
        const idf = Math.log(1 + total / x.df)
        for (let k = 0; k < x.exp.length; k++) {
          const p = postings[x.exp[k]]
          for (let m = 0; m < p.length; m++) if (acc[p[m]] !== 0) acc[p[m]] += idf
        }
      }
    const cands = this.cands
    let nc = 0
    for (let k = 0; k < nt; k++) {
      const id = touched[k]
      if (!needTwo || this.shared[id] >= 2 || (this.flags[id] & INITIALS) !== 0 || acc[id] >= 100)
        cands[nc++] = id
      this.shared[id] = 0
    }
    const chosen = nc > max ? topByScore(cands, nc, acc, max) : cands.subarray(0, nc)
    for (let k = 0; k < nt; k++) acc[touched[k]] = 0
    const best = new Map<number, NameHit>()
    this.bounds.begin(toks.map((x) => x.info))
    // query word weights and their sums, by kind (person, company, unknown)
    const qWeights = [0, 1, 2].map((k) => toks.map((x) => x.info.weights[k]))
    const qTotal = qWeights.map(sum)
    const unknownAs = KINDS.indexOf(qKind)
    const qOptional = q.optional.length > 0
    for (let at = 0; at < chosen.length; at++) {
      const id = chosen[at]
      const k = this.kindOf[id] === 2 ? unknownAs : this.kindOf[id]
      const kind = KINDS[k]
      if (
        !qOptional &&
        (this.flags[id] & OPTIONAL) === 0 &&
        via[id] !== serialVia &&
        !this.bounds.reaches(qWeights[k], qTotal[k], id, kind, opts.threshold, k)
      )
        continue
      const n = this.names[id]
      const entry = this.entries[n.entry]
      const c = compareNames(q, n.norm, kind, {
        isWord: this.isWord,
        isCommon: this.isCommon,
        threshold: opts.threshold,
      })
      if (c.score < opts.threshold) continue
      const prev = best.get(n.entry)
      if (!prev || c.score > prev.score)
        best.set(n.entry, {
          entry,
          listName: n.name,
          nameKind: n.kind,
          score: c.score,
          pairs: c.pairs,
          onlyQuery: c.onlyA,
          onlyList: c.onlyB,
          parts: c.parts,
        })
    }
    return [...best.values()].sort((a, b) => b.score - a.score)
  }
}

/** The numbers added in order. */
function sum(xs: readonly number[]): number {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]
  return s
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k)
  if (a) a.push(v)
  else m.set(k, [v])
}
