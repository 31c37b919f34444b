// The alert queue in memory: every alert's queue columns, pre-sorted once per sort key and
// direction, so that a page is a binary search to the cursor and a filtered walk — no sort and no
// database round trip per request. It answers exactly as queries/server/alerts-list.sql and
// alerts-count.sql do (tests compare the two). It reloads when a case action goes through this
// server (changed) or when the table's fingerprint changes (checked at most every `recheckMs`),
// behind the requests (snapshot.ts); past `maxAlerts` alerts it declines and the routes use SQL.
// Each row carries its parties, countries, goods and strongest hit (queue-summary.sql, read again
// only when scans, hits or goods lists changed), and the text search runs over a folded search
// text of every alert built at load (search-text.ts).
import type { Queries } from '../../store/index.ts'
import type { Row } from '../../store/index.ts'
import type { Logger } from '../../util/progress.ts'
import { parseJson } from '../json.ts'
import { Reloading } from '../snapshot.ts'
import { SearchIndex, searchText, textQuery } from './search-text.ts'
import { queueRowParties, type QueueSummary } from './row-parties.ts'

/** Alerts made queue entries between two turns of the event loop while the queue reloads. */
const ENTRIES_PER_TURN = 2000
const nextTurn = () => new Promise<void>((r) => setImmediate(r))

export const SORT_KEYS = [
  'score',
  'first_ts',
  'last_ts',
  'total_amount',
  'created_at',
  'updated_at',
] as const
export type SortKey = (typeof SORT_KEYS)[number]

export interface QueueFilter {
  status: string | null
  typology: string | null
  score_min: number | null
  score_max: number | null
  from: string | null
  to: string | null
  assignee: string | null
  q: string | null
}

export interface QueuePage {
  total: number
  /** Each row with its sort key and its JSON text (serialised once per snapshot). */
  rows: Array<{ id: string; sk: number; json: string }>
}

interface Entry {
  row: Row & { id: string }
  json?: string
  keys: Record<SortKey, number>
  status: string
  typology: string
  score: number
  firstMs: number
  lastMs: number
  assignee: string | null
  /** Position in the queue's entries (and its search index). */
  pos: number
}

/**
 * Sort key of an alert without a value for the key (an amount without a base amount): above any
 * signed key, so such alerts come last in either direction, as alerts-list.sql orders them.
 */
export const NULLS_LAST_SK = 1e300

/** The signed sort key: dir × value, NULLS_LAST_SK for a missing value. */
function signedKey(dir: 1 | -1, v: number): number {
  return Number.isNaN(v) ? NULLS_LAST_SK : dir * v
}

function tsMs(iso: string): number {
  return Date.parse(iso)
}

/** ISO date or timestamp as DuckDB casts it to a timestamp (zone-less values are UTC). */
function boundMs(v: string): number {
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(v.slice(10))
    ? v
    : v.length === 10
      ? `${v}T00:00:00Z`
      : `${v}Z`
  return Date.parse(withZone)
}

export class AlertQueue {
  private entries: Entry[] = []
  private search = new SearchIndex([])
  private order = new Map<string, Int32Array>()
  private counts = new Map<string, number>()
  private fingerprint = ''
  /** The summaries (parties, goods, hits) by alert id, and what they were read for. */
  private summaries = new Map<string, QueueSummary>()
  private summaryPrint = ''
  private enabled = true
  private readonly reloading: Reloading

  constructor(
    private readonly reads: Queries,
    private readonly opts: {
      clock: () => number
      recheckMs?: number
      maxAlerts?: number
      logger?: Logger
    },
  ) {
    this.reloading = new Reloading((force) => this.refresh(force), {
      clock: opts.clock,
      recheckMs: opts.recheckMs ?? 2000,
      logger: opts.logger,
      what: 'alert queue',
    })
  }

  /** Whether the snapshot can answer (false: the queue is too large to hold; use SQL). */
  ready(): Promise<boolean> {
    return this.reloading.ready()
  }

  /** After a change through this server: resolves once the snapshot shows it. */
  changed(): Promise<void> {
    return this.reloading.changed()
  }

  private async refresh(force: boolean): Promise<boolean> {
    const v = await this.reads.one<{
      n: number
      last: string
      versions: number
      hits: string
      goods: string
    }>('server/queue-version')
    const dataPrint = `${v?.n}|${v?.versions}|${v?.hits}|${v?.goods}`
    const fp = `${dataPrint}|${v?.last}`
    if (fp === this.fingerprint && !force) return this.enabled
    if ((v?.n ?? 0) > (this.opts.maxAlerts ?? 250_000)) {
      this.enabled = false
      this.fingerprint = fp
      return false
    }
    // the summaries are read again only when what they read changed (not after a case action)
    const [rows, summaries] = await Promise.all([
      this.reads.all<Row & { id: string }>('server/queue-snapshot'),
      dataPrint === this.summaryPrint
        ? null
        : this.reads.all<QueueSummary>('server/queue-summary', { ids: null }),
    ])
    if (summaries) {
      this.summaries = new Map()
      for (const s of summaries) this.summaries.set(s.id, s)
      this.summaryPrint = dataPrint
    }
    const byId = this.summaries
    const texts: Array<{ text: string; accounts: string }> = []
    // built behind the requests, which the snapshot in hand answers meanwhile: the event loop is
    // given back every ENTRIES_PER_TURN alerts, so that a queue of tens of thousands of alerts
    // after a large scan does not hold the requests for its whole build
    const entries = new Array<Entry>(rows.length)
    for (let i = 0; i < rows.length; i++) {
      entries[i] = this.entry(rows[i], byId.get(rows[i].id), i, texts)
      if (i % ENTRIES_PER_TURN === ENTRIES_PER_TURN - 1) await nextTurn()
    }
    this.entries = entries
    this.search = new SearchIndex(texts)
    this.order.clear()
    this.counts.clear()
    this.fingerprint = fp
    this.enabled = true
    return true
  }

  private entry(
    r: Row & { id: string },
    summary: QueueSummary | undefined,
    pos: number,
    texts: Array<{ text: string; accounts: string }>,
  ): Entry {
    const keys = {
      score: Number(r.score),
      first_ts: Number(r.k_first_ts),
      last_ts: Number(r.k_last_ts),
      // the amount in the base currency; NaN (sorted last) where the alert has none
      total_amount: r.k_total_amount === null ? NaN : Number(r.k_total_amount),
      created_at: Number(r.k_created_at),
      updated_at: Number(r.k_updated_at),
    }
    const reasons = parseJson(r.reasons) as Array<{ text?: unknown }> | null
    const row: Row & { id: string } = { ...r, reasons, ...queueRowParties(summary) }
    for (const k of Object.keys(row)) if (k.startsWith('k_')) delete row[k]
    // the folded search text, kept in the queue's search index (search-text.ts)
    texts.push(
      searchText({
        id: r.id,
        accounts: (r.accounts as string[]) ?? [],
        party_names: summary?.party_names ?? [],
        list_entries: summary?.list_entries ?? [],
        listed_names: summary?.listed_names ?? [],
        reason_texts: (reasons ?? []).map((x) => String(x.text ?? '')),
      }),
    )
    return {
      row,
      keys,
      status: String(r.status),
      typology: String(r.typology),
      score: keys.score,
      firstMs: tsMs(String(r.first_ts)),
      lastMs: tsMs(String(r.last_ts)),
      assignee: (r.assignee as string | null) ?? null,
      pos,
    }
  }

  /** Entry positions ordered by (dir × key, id), built on first use. */
  private sorted(sort: SortKey, dir: 1 | -1): Int32Array {
    const name = `${sort}:${dir}`
    let idx = this.order.get(name)
    if (!idx) {
      const e = this.entries
      idx = Int32Array.from(e.keys(), (i) => i)
      idx.sort((a, b) => {
        const d = signedKey(dir, e[a].keys[sort]) - signedKey(dir, e[b].keys[sort])
        return d !== 0 ? d : e[a].row.id < e[b].row.id ? -1 : e[a].row.id > e[b].row.id ? 1 : 0
      })
      this.order.set(name, idx)
    }
    return idx
  }

  private matcher(f: QueueFilter): (e: Entry) => boolean {
    const statuses = f.status ? new Set(f.status.split(',')) : null
    const typologies = f.typology ? new Set(f.typology.split(',')) : null
    const from = f.from ? boundMs(f.from) : null
    const to = f.to ? boundMs(f.to) : null
    const q = textQuery(f.q)
    const found = q ? this.search.matches(q) : null
    return (e) =>
      (!statuses || statuses.has(e.status)) &&
      (!typologies || typologies.has(e.typology)) &&
      (f.score_min === null || e.score >= f.score_min) &&
      (f.score_max === null || e.score <= f.score_max) &&
      (from === null || e.lastMs >= from) &&
      (to === null || e.firstMs <= to) &&
      (f.assignee === null ||
        (f.assignee === '-' ? e.assignee === null : e.assignee === f.assignee)) &&
      (!found || found[e.pos] === 1)
  }

  page(
    f: QueueFilter,
    sort: SortKey,
    dir: 1 | -1,
    limit: number,
    after?: { sk: number; id: string },
  ): QueuePage {
    const e = this.entries
    const idx = this.sorted(sort, dir)
    const match = this.matcher(f)
    const skOf = (i: number) => signedKey(dir, e[i].keys[sort])
    let start = 0
    if (after) {
      // First position strictly after (sk, id).
      let lo = 0
      let hi = idx.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        const s = skOf(idx[mid])
        const before = s < after.sk || (s === after.sk && e[idx[mid]].row.id <= after.id)
        if (before) lo = mid + 1
        else hi = mid
      }
      start = lo
    }
    const rows: QueuePage['rows'] = []
    for (let p = start; p < idx.length && rows.length < limit; p++) {
      const en = e[idx[p]]
      if (match(en))
        rows.push({ id: en.row.id, sk: skOf(idx[p]), json: (en.json ??= JSON.stringify(en.row)) })
    }
    const key = JSON.stringify(f)
    let total = this.counts.get(key)
    if (total === undefined) {
      total = 0
      for (const en of e) if (match(en)) total++
      if (this.counts.size > 1000) this.counts.clear()
      this.counts.set(key, total)
    }
    return { total, rows }
  }
}
