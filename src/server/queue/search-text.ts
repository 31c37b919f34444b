// The queue's text search: what an alert is found by (its id, the names its parties used, the
// watch-list entries its accounts hit, its reasons' text, and its accounts) and how text is
// compared: without accents, case or extra spaces ("Ahméd  SALEH" finds "ahmed saleh"), and
// accounts without spaces or hyphens ("DE89 3704 0044" finds DE89370400440532013000). The SQL
// queue (queries/server/alerts-list.sql) folds text the same way with strip_accents and lower.

/** Text folded for comparison: no diacritics, lower case, runs of white space as one space. */
export function foldText(s: string): string {
  return (
    s
      // control characters (the search index's separator among them) fold to spaces
      .replace(/\p{Cc}/gu, ' ')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/** An account number as typed or printed, folded: no white space or hyphens, lower case. */
export function foldAccount(s: string): string {
  return s.replace(/[\s-]+/g, '').toLowerCase()
}

/** A search as the queue compares it; null when nothing of it is left to compare. */
export interface TextQuery {
  /** Folded text, compared with every field but the accounts. */
  text: string
  /** Folded as an account number, compared with the accounts. */
  account: string
}

export function textQuery(q: string | null): TextQuery | null {
  if (q === null) return null
  const text = foldText(q)
  const account = foldAccount(q)
  return text || account ? { text, account } : null
}

/** What an alert is found by. */
export interface Searchable {
  id: string
  accounts: readonly string[]
  party_names: readonly string[]
  list_entries: readonly string[]
  listed_names: readonly string[]
  reason_texts: readonly string[]
}

/**
 * An alert's search text, folded once when the queue loads: one field per line (a search never
 * runs across two fields), the accounts apart.
 */
export function searchText(a: Searchable): { text: string; accounts: string } {
  const fields: string[] = [a.id]
  for (const list of [a.party_names, a.list_entries, a.listed_names, a.reason_texts])
    for (const s of list) fields.push(s)
  return {
    text: fields.map(foldText).join('\n'),
    accounts: a.accounts.map(foldAccount).join('\n'),
  }
}

export function matchesText(t: { text: string; accounts: string }, q: TextQuery): boolean {
  return (
    (q.text !== '' && t.text.includes(q.text)) ||
    (q.account !== '' && t.accounts.includes(q.account))
  )
}

/**
 * Every alert's search text in one string (and the accounts in another), separated by a control
 * character no folded query holds: a search is one indexOf scan over each string (a few ms for
 * 100,000 alerts), not one comparison per alert; its answer (which alerts match) is kept for the
 * last searches, as search-as-you-type repeats them while paging and counting.
 */
export class SearchIndex {
  private readonly text: string
  private readonly accounts: string
  private readonly textStarts: Int32Array
  private readonly accountStarts: Int32Array
  private readonly cache = new Map<string, Uint8Array>()

  constructor(items: ReadonlyArray<{ text: string; accounts: string }>) {
    const n = items.length
    this.textStarts = new Int32Array(n + 1)
    this.accountStarts = new Int32Array(n + 1)
    const texts: string[] = new Array(n)
    const accounts: string[] = new Array(n)
    let t = 0
    let a = 0
    for (let i = 0; i < n; i++) {
      this.textStarts[i] = t
      this.accountStarts[i] = a
      texts[i] = items[i].text
      accounts[i] = items[i].accounts
      t += items[i].text.length + 1
      a += items[i].accounts.length + 1
    }
    this.textStarts[n] = t
    this.accountStarts[n] = a
    this.text = texts.join('\u0000') + '\u0000'
    this.accounts = accounts.join('\u0000') + '\u0000'
  }

  /** Which alerts (by position) the query matches: 1 for a match. */
  matches(q: TextQuery): Uint8Array {
    const key = `${q.text}\u0000${q.account}`
    let hit = this.cache.get(key)
    if (!hit) {
      hit = new Uint8Array(this.textStarts.length - 1)
      if (q.text) scan(this.text, this.textStarts, q.text, hit)
      if (q.account) scan(this.accounts, this.accountStarts, q.account, hit)
      if (this.cache.size >= 64) this.cache.delete(this.cache.keys().next().value!)
      this.cache.set(key, hit)
    }
    return hit
  }
}

function scan(hay: string, starts: Int32Array, needle: string, out: Uint8Array): void {
  let from = 0
  for (;;) {
    const at = hay.indexOf(needle, from)
    if (at < 0) return
    // the alert whose text holds position `at`: the last start at or before it
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= at) lo = mid
      else hi = mid - 1
    }
    out[lo] = 1
    from = starts[lo + 1]
  }
}
