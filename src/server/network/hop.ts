// One hop of an ego network, answered by SQL (queries/server/network-hop.sql) or by the in-memory
// NetworkIndex; both give the same rows in the same order.
import type { Queries } from '../../store/index.ts'
import type { GraphEdge } from '../../schema/graph.ts'

export interface HopRow {
  anchor: string
  other: string
  dir: 'in' | 'out'
  /** The currency of the row's transfers (a pair's transfers in several currencies give several rows). */
  currency: string
  n: number
  amount: string
  first_ts: string
  last_ts: string
  other_name: string | null
  other_country: string | null
  degree: number
}

/**
 * The edge of a hop row: its transfers between one pair in one currency, collapsed (id
 * `source>target>currency`), context rather than pattern.
 */
export function hopEdge(r: HopRow): GraphEdge {
  const [source, target] = r.dir === 'out' ? [r.anchor, r.other] : [r.other, r.anchor]
  return {
    id: `${source}>${target}>${r.currency}`,
    source,
    target,
    count: Number(r.n),
    amount: r.amount,
    currency: r.currency,
    first_ts: r.first_ts,
    last_ts: r.last_ts,
    order: null,
    in_pattern: false,
    goods: null,
  }
}

export interface HopQuery {
  accounts: string[]
  /** Epoch microseconds, inclusive; null = open. */
  from: number | null
  to: number | null
  minAmount: number | null
  maxAmount: number | null
  limit: number
}

export interface HopSource {
  account(
    account: string,
  ): Promise<{ name: string | null; country: string | null; tx_count: number } | undefined>
  hop(
    q: HopQuery & {
      fromIso: string | null
      toIso: string | null
      minText: string | null
      maxText: string | null
    },
  ): Promise<HopRow[]>
}

export function sqlHops(reads: Queries): HopSource {
  return {
    account: (account) => reads.one('server/account-name', { account }),
    hop: (q) =>
      reads.all<HopRow>('server/network-hop', {
        accounts: JSON.stringify(q.accounts),
        from: q.fromIso,
        to: q.toIso,
        min_amount: q.minText,
        max_amount: q.maxText,
        limit: q.limit,
      }),
  }
}
