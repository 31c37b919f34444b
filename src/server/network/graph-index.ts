// The whole payment graph in memory for the ego network: a compact typed-array graph of every
// landed transfer (out-edges and in-edges sorted by time, so date filters are binary searches) plus
// each account's latest name and country (load.ts). A hop over a frontier is then a walk of the
// frontier's edges — no table scan per request. Reloads when the payments fingerprint changes
// (checked at most every `recheckMs`); past `maxEdges` transfers it declines and SQL is used.
import type { Queries, Store } from '../../store/index.ts'
import { loadNetwork, turn, type NetworkGraph } from './load.ts'
import { sqlHops, type HopRow, type HopQuery, type HopSource } from './hop.ts'
import type { AccountMatch } from '../../schema/search.ts'

export class NetworkIndex {
  private graph: NetworkGraph | null = null
  private ids = new Map<string, number>()
  private names: Array<string | null> = []
  private countries: Array<string | null> = []
  /** Accounts and names lower-cased once per load, for the search. */
  private accountsLower: string[] = []
  private namesLower: Array<string | null> = []
  private fingerprint = ''
  private checkedAt = -Infinity
  private loading: Promise<boolean> | undefined
  private enabled = true

  constructor(
    private readonly store: Store,
    private readonly reads: Queries,
    private readonly opts: { clock: () => number; recheckMs?: number; maxEdges?: number },
  ) {}

  async ready(): Promise<boolean> {
    const now = this.opts.clock()
    if (now - this.checkedAt < (this.opts.recheckMs ?? 5000)) return this.enabled
    this.loading ??= this.refresh(now).finally(() => (this.loading = undefined))
    return this.loading
  }

  private async refresh(now: number): Promise<boolean> {
    const v = await this.reads.one<{ n: number; files: number }>('server/payments-version')
    const fp = `${v?.n}|${v?.files}`
    this.checkedAt = now
    if (fp === this.fingerprint) return this.enabled
    const n = Number(v?.n ?? 0)
    this.fingerprint = fp
    this.enabled = n <= (this.opts.maxEdges ?? 20_000_000)
    if (!this.enabled) {
      this.graph = null
      return false
    }
    if (n === 0) {
      this.graph = null
      this.ids = new Map()
      return true
    }
    const graph = await loadNetwork(this.store, n)
    // per account, in slices with turns of the event loop between them
    const ids = new Map<string, number>()
    const accountsLower = new Array<string>(graph.nodeCount)
    const namesLower = new Array<string | null>(graph.nodeCount)
    for (let i = 0; i < graph.nodeCount; i++) {
      if (i % 20_000 === 0) await turn()
      ids.set(graph.accounts[i], i)
      accountsLower[i] = graph.accounts[i].toLowerCase()
      namesLower[i] = graph.names[i]?.toLowerCase() ?? null
    }
    Object.assign(this, {
      graph,
      ids,
      names: graph.names,
      countries: graph.countries,
      accountsLower,
      namesLower,
    })
    return true
  }

  /** Name, country and whether the account has transfers at all. */
  account(
    account: string,
  ): { name: string | null; country: string | null; tx_count: number } | undefined {
    const i = this.ids.get(account)
    if (i === undefined || !this.graph) return undefined
    const g = this.graph
    const n = g.outStart[i + 1] - g.outStart[i] + g.inStart[i + 1] - g.inStart[i]
    return { name: this.names[i], country: this.countries[i], tx_count: n }
  }

  /** Accounts whose number starts with, or whose name contains, q (as search-accounts.sql). */
  searchAccounts(q: string, limit: number): AccountMatch[] {
    const g = this.graph
    if (!g) return []
    const ql = q.toLowerCase()
    const degree = (i: number) =>
      g.outStart[i + 1] - g.outStart[i] + g.inStart[i + 1] - g.inStart[i]
    // the `limit` first hits by (degree descending, id), kept in order as they are found: a short
    // search text matches a good part of all accounts, which need no sorting
    const ahead = (a: number, b: number) =>
      degree(a) > degree(b) || (degree(a) === degree(b) && a < b)
    const best: number[] = []
    for (let i = 0; i < g.nodeCount && limit > 0; i++) {
      if (!this.accountsLower[i].startsWith(ql) && !this.namesLower[i]?.includes(ql)) continue
      if (best.length === limit && !ahead(i, best[limit - 1])) continue
      let lo = 0
      let hi = best.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (ahead(best[mid], i)) lo = mid + 1
        else hi = mid
      }
      best.splice(lo, 0, i)
      if (best.length > limit) best.pop()
    }
    return best.map((i) => ({
      account: g.accounts[i],
      name: this.names[i],
      country: this.countries[i],
      tx_count: degree(i),
    }))
  }

  /** One hop: the same rows, in the same order, as queries/server/network-hop.sql. */
  hop(q: HopQuery): HopRow[] {
    const g = this.graph
    if (!g) return []
    const from = q.from === null ? -Infinity : q.from
    const to = q.to === null ? Infinity : q.to
    const anchors = [...new Set(q.accounts)]
      .map((a) => this.ids.get(a))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b)
    const out: HopRow[] = []
    for (const v of anchors) {
      type Agg = { n: number; sum: number; first: number; last: number }
      // per counterparty: its sums per direction and currency (key dir + currency id), and in total
      const per = new Map<number, { by: Map<number, Agg>; total: number }>()
      const add = (other: number, dir: 0 | 1, e: number) => {
        const amt = g.amount[e]
        if (
          (q.minAmount !== null && amt < q.minAmount) ||
          (q.maxAmount !== null && amt > q.maxAmount)
        )
          return
        let p = per.get(other)
        if (!p) per.set(other, (p = { by: new Map(), total: 0 }))
        const key = dir * 65536 + g.cur[e]
        let a = p.by.get(key)
        if (!a) p.by.set(key, (a = { n: 0, sum: 0, first: Infinity, last: -Infinity }))
        a.n++
        a.sum += amt
        if (g.ts[e] < a.first) a.first = g.ts[e]
        if (g.ts[e] > a.last) a.last = g.ts[e]
        p.total += amt
      }
      // Out-edges of v are sorted by ts: binary search the window.
      for (
        let e = lowerBound(g.outStart[v], g.outStart[v + 1], (k) => g.ts[k] < from);
        e < g.outStart[v + 1] && g.ts[e] <= to;
        e++
      )
        add(g.dst[e], 1, e)
      const inTs = (k: number) => g.ts[g.inEdges[k]]
      for (
        let k = lowerBound(g.inStart[v], g.inStart[v + 1], (k) => inTs(k) < from);
        k < g.inStart[v + 1] && inTs(k) <= to;
        k++
      )
        add(g.src[g.inEdges[k]], 0, g.inEdges[k])
      const ranked = [...per.entries()].sort((a, b) => b[1].total - a[1].total || a[0] - b[0])
      const degree = ranked.length
      for (const [other, p] of ranked.slice(0, q.limit))
        // 'in' before 'out', each in currency code order: as the SQL orders them
        for (const [key, a] of [...p.by.entries()].sort((x, y) => x[0] - y[0]))
          out.push({
            anchor: g.accounts[v],
            other: g.accounts[other],
            dir: key >= 65536 ? 'out' : 'in',
            currency: g.currencies[key % 65536],
            n: a.n,
            amount: a.sum.toFixed(2),
            first_ts: isoOfUs(a.first),
            last_ts: isoOfUs(a.last),
            other_name: this.names[other],
            other_country: this.countries[other],
            degree,
          })
    }
    return out
  }
}

function lowerBound(lo: number, hi: number, before: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Epoch µs as the store prints timestamps: 'YYYY-MM-DDTHH:MM:SS[.ffffff]Z'. */
export function isoOfUs(us: number): string {
  const ms = Math.floor(us / 1000)
  const micros = Math.round(us - Math.floor(us / 1e6) * 1e6)
  const base = new Date(ms).toISOString().slice(0, 19)
  return micros ? `${base}.${String(micros).padStart(6, '0').replace(/0+$/, '')}Z` : `${base}Z`
}

/** The index as a hop source. */
export function memoryHops(index: NetworkIndex): HopSource {
  return {
    account: async (account) => index.account(account),
    hop: async (q) => index.hop(q),
  }
}

/** Hops from the in-memory payment graph when it is loaded, otherwise from SQL. */
export async function hopSource(
  index: NetworkIndex | undefined,
  reads: Queries,
): Promise<HopSource> {
  return index && (await index.ready()) ? memoryHops(index) : sqlHops(reads)
}
