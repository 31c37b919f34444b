// Indexed candidate generation for screening names against list entries: an inverted index from
// normalised tokens to list names, widened to spelling variants through a one-deletion neighbourhood
// and a phonetic skeleton, with rare-token blocking. Never compares all pairs: each query name is
// scored only against the list names that share one of its rarest distinctive tokens (or its
// compact form), ranked by the inverse document frequency of what they share.
import {
  CUT_MIN_LENGTH,
  compareNames,
  cutSim,
  skeleton,
  tokenSim,
  tokenWeight,
  type NameKind,
  type NameParts,
  type TokenPair,
} from './compare.ts'
import { normalizeName, type NormalName } from './normalize.ts'
import { upperBound } from './upper-bound.ts'
import { givenNameForms } from './words.ts'

/** Bumped whenever matching or hit content changes, so that cached name screenings are redone. */
export const MATCHER_VERSION = 'm8'

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
  /** Has single-letter tokens (initials), which pair up outside the token index. */
  initials: boolean
  /** Token weights by the kind the name is compared as. */
  weights: Record<NameKind, number[]>
}

function weightsOf(tokens: string[]): Record<NameKind, number[]> {
  return {
    person: tokens.map((t) => tokenWeight(t, 'person')),
    company: tokens.map((t) => tokenWeight(t, 'company')),
    unknown: tokens.map((t) => tokenWeight(t, 'unknown')),
  }
}

/** Neither generic nor a particle nor a number nor an initial, whatever the name's kind. */
function isDistinctive(t: string): boolean {
  return t.length > 1 && tokenWeight(t, 'company') >= 1 && tokenWeight(t, 'person') >= 1
}

/** Schema → how its names compare. */
export function kindOfSchema(schema: string): NameKind {
  if (schema === 'Person') return 'person'
  if (schema === 'Company' || schema === 'Organization' || schema === 'LegalEntity')
    return 'company'
  return 'unknown'
}

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

export class NameIndex {
  readonly entries: IndexEntry[]
  private names: IndexedName[] = []
  private postings = new Map<string, number[]>()
  private variants = new Map<string, string[]>()
  private compact = new Map<string, number[]>()
  /** Every list name's compact and spoken forms, sorted: the names a cut name is the start of. */
  private starts: Array<[string, number]> = []
  /** The vocabulary sorted: the words a cut word is the start of. */
  private vocab: string[] = []
  /** A word the list knows as a word of its own (no cut form of a longer one). */
  readonly isWord = (t: string): boolean => this.postings.has(t)
  /** A word in one in a thousand of the list's names or more (at least five): a common name. */
  readonly isCommon = (t: string): boolean =>
    (this.postings.get(t)?.length ?? 0) >= Math.max(5, this.names.length / 1000)
  private expandCache = new Map<string, string[]>()
  private acc: Float64Array = new Float64Array(0)
  private shared: Uint8Array = new Uint8Array(0)
  private stamp: Int32Array = new Int32Array(0)
  private serial = 0

  constructor(entries: IndexEntry[]) {
    this.entries = entries
    const seen = new Set<string>()
    entries.forEach((e, ei) => {
      seen.clear()
      for (const n of e.names) {
        const norm = normalizeName(n.name)
        if (norm.tokens.length === 0 || seen.has(norm.tokens.join(' '))) continue
        seen.add(norm.tokens.join(' '))
        const id = this.names.length
        const initials = norm.tokens.some((t) => t.length === 1)
        const weights = weightsOf(norm.tokens)
        this.names.push({ entry: ei, name: n.name, kind: n.kind, norm, initials, weights })
        for (const t of new Set(norm.tokens)) push(this.postings, t, id)
        push(this.compact, norm.compact, id)
        this.starts.push([norm.compact, id])
        if (norm.spoken !== norm.compact) this.starts.push([norm.spoken, id])
      }
    })
    this.acc = new Float64Array(this.names.length)
    this.shared = new Uint8Array(this.names.length)
    this.stamp = new Int32Array(this.names.length)
    this.starts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]))
    this.vocab = [...this.postings.keys()].sort()
    for (const t of this.postings.keys()) {
      push(this.variants, '~' + skeleton(t), t)
      if (t.length >= 4) for (const d of deletions(t)) push(this.variants, d, t)
      push(this.variants, t, t)
    }
  }

  get size(): number {
    return this.names.length
  }

  /** The items of a sorted array whose key starts with `prefix` (binary search, then a scan). */
  private startingWith<T>(sorted: readonly T[], prefix: string, key: (x: T) => string): T[] {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (key(sorted[mid]) < prefix) lo = mid + 1
      else hi = mid
    }
    const out: T[] = []
    for (let i = lo; i < sorted.length && key(sorted[i]).startsWith(prefix); i++) {
      out.push(sorted[i])
      if (out.length >= 1000) break // a prefix this common names no one
    }
    return out
  }

  /** Vocabulary tokens that count as the same word as t. */
  private expand(t: string): string[] {
    let out = this.expandCache.get(t)
    if (out) return out
    const found = new Set<string>()
    if (this.postings.has(t)) found.add(t)
    if (t.length >= 3) {
      const keys = [
        '~' + skeleton(t),
        t,
        ...(t.length >= 4 ? deletions(t) : []),
        ...(t.length >= 5 ? transpositions(t) : []),
      ]
      for (const k of keys)
        for (const v of this.variants.get(k) ?? [])
          if (!found.has(v) && tokenSim(t, v, 'unknown') > 0) found.add(v)
    }
    for (const v of givenNameForms(t)) if (this.postings.has(v)) found.add(v)
    // the words a word cut short is the start of ('servic' → services, 'ahm' → ahmad)
    // (as for a person's given name: the loosest reading; compareNames applies the kind's rules)
    if (t.length >= 3)
      for (const v of this.startingWith(this.vocab, t, (x) => x))
        if (!found.has(v) && cutSim(t, v, 'person') > 0) found.add(v)
    out = [...found]
    if (this.expandCache.size > 500_000) this.expandCache.clear()
    this.expandCache.set(t, out)
    return out
  }

  /** Hits for one name, best first, one per list entry, at or above the threshold. */
  match(query: string, opts: MatchOptions): NameHit[] {
    const q = normalizeName(query)
    if (q.tokens.length === 0) return []
    const qKind = opts.kind ?? (q.legal.length > 0 ? 'company' : 'unknown')
    const total = this.names.length || 1
    // rank query tokens: distinctive before generic, rare before common
    const toks = [...new Set(q.tokens)].map((t) => {
      const exp = this.expand(t)
      let df = 0
      for (const v of exp) df += this.postings.get(v)!.length
      return { t, exp, df, w: tokenWeight(t, qKind === 'person' ? 'person' : 'company') }
    })
    const usable = toks.filter((x) => x.df > 0)
    const strong = usable.filter((x) => x.w >= 1 && x.t.length > 1).sort((a, b) => a.df - b.df)
    const blocking =
      strong.length > 0 ? strong.slice(0, 2) : usable.sort((a, b) => a.df - b.df).slice(0, 3)
    // accumulate the idf of shared tokens per list name (typed arrays, reset through `touched`)
    const acc = this.acc
    const touched: number[] = []
    const add = (id: number, v: number, onlyKnown: boolean) => {
      if (acc[id] === 0) {
        if (onlyKnown) return
        touched.push(id)
      }
      acc[id] += v
    }
    for (const x of blocking) {
      const idf = Math.log(1 + total / x.df)
      for (const v of x.exp) for (const id of this.postings.get(v)!) add(id, idf, false)
    }
    for (const id of this.compact.get(q.compact) ?? []) add(id, 100, false)
    // a name cut where a payment field ended: the list names it is the start of
    const cutCands = new Set<number>()
    if (q.length >= CUT_MIN_LENGTH && !q.endsLegal && q.cutCompact.length >= 5)
      for (const [, id] of this.startingWith(this.starts, q.cutCompact, (x) => x[0])) {
        cutCands.add(id)
        add(id, 100, false)
      }
    // A hit must pair up every distinctive query word (or be the shorter name, and pair two words):
    // with two or more distinctive words, a candidate sharing fewer than two of them cannot score.
    // A word no list word is found for (two edits off, 'Tsvetkff') may still pair up in the full
    // comparison, so it does not count here.
    const distinctive = toks.filter((x) => x.df > 0 && isDistinctive(x.t))
    const needTwo = distinctive.length >= 2 && !q.tokens.some((t) => t.length === 1)
    if (needTwo) {
      this.serial++
      for (const x of distinctive) {
        this.serial++
        for (const v of x.exp)
          for (const id of this.postings.get(v)!)
            if (acc[id] !== 0 && this.stamp[id] !== this.serial) {
              this.stamp[id] = this.serial
              this.shared[id]++
            }
      }
    }
    const max = opts.maxCandidates ?? 200
    if (touched.length > max)
      // add the evidence of the other tokens, then keep the best-supported candidates
      for (const x of usable)
        if (!blocking.includes(x) && x.df < 20_000) {
          const idf = Math.log(1 + total / x.df)
          for (const v of x.exp) for (const id of this.postings.get(v)!) add(id, idf, true)
        }
    let cands = touched
    if (needTwo) {
      cands = touched.filter(
        (id) => this.shared[id] >= 2 || this.names[id].initials || acc[id] >= 100,
      )
      for (const id of touched) this.shared[id] = 0
    }
    if (cands.length > max)
      cands = cands
        .slice()
        .sort((a, b) => acc[b] - acc[a])
        .slice(0, max)
    for (const id of touched) acc[id] = 0
    const best = new Map<number, NameHit>()
    const expSets = toks.map((x) => new Set(x.exp))
    const qWeights = weightsOf(toks.map((x) => x.t))
    const viaCompact = new Set(this.compact.get(q.compact) ?? [])
    for (const id of cutCands) viaCompact.add(id)
    for (const id of cands) {
      const n = this.names[id]
      const entry = this.entries[n.entry]
      const eKind = kindOfSchema(entry.schema)
      const kind: NameKind = eKind !== 'unknown' ? eKind : qKind
      if (
        !viaCompact.has(id) &&
        q.optional.length === 0 &&
        n.norm.optional.length === 0 &&
        upperBound(toks, expSets, qWeights[kind], n.norm.tokens, n.weights[kind], kind) <
          opts.threshold
      )
        continue
      const c = compareNames(q, n.norm, kind, { isWord: this.isWord, isCommon: this.isCommon })
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

/**
 * A cheap ceiling on compareNames' score from set lookups alone (every similar token counted as
 * identical), so that most candidates are dropped before any string comparison.
 */
function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k)
  if (a) a.push(v)
  else m.set(k, [v])
}
