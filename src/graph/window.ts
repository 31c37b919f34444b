// The window a scan (and every reader of the window's graph) covers: [from, to] in UTC, both
// inclusive. Dates given as YYYY-MM-DD cover whole days; by default the window ends with the day
// of the latest payment and spans 30 days. `to` is written out as the last microsecond it covers
// ('…T23:59:59.999999Z'), so that the queries' `ts <= $to` reads exactly the window.
import type { Queries } from '../store/index.ts'
import { BadInputError } from '../util/errors.ts'

/**
 * A window of payments: ISO UTC bounds, both inclusive (dates as YYYY-MM-DD cover whole days:
 * windowBounds). The one window type: scans, the graph and screening read it. A type
 * alias, not an interface: it passes as query parameters.
 */
export type ScanWindow = {
  from: string
  to: string
}

const DAY = 86_400_000
export const DEFAULT_WINDOW_DAYS = 30

function parseBound(v: string, name: string, endOfDay: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v)
  const t = Date.parse(dateOnly ? `${v}T00:00:00Z` : v)
  if (Number.isNaN(t))
    throw new BadInputError(`--${name} ${v}: not a date (YYYY-MM-DD or ISO 8601)`, { field: name })
  return dateOnly && endOfDay ? t + DAY : t
}

const iso = (t: number) => new Date(t).toISOString()
/** Exclusive end in ms → the inclusive last microsecond before it, as ISO text. */
const lastMicroBefore = (t: number) => new Date(t - 1).toISOString().replace(/Z$/, '999Z')

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A window given by dates or ISO timestamps (both ends inclusive), written as resolveWindow writes
 * it, for queries that read `ts >= $from::timestamp and ts <= $to::timestamp`: a date-only `from`
 * starts at its midnight, a date-only `to` ends at its last microsecond; timestamps stay as given.
 */
export function windowBounds(w: ScanWindow): ScanWindow {
  return {
    from: DATE_ONLY.test(w.from) ? `${w.from}T00:00:00.000Z` : w.from,
    to: DATE_ONLY.test(w.to) ? `${w.to}T23:59:59.999999Z` : w.to,
  }
}

export async function resolveWindow(
  q: Queries,
  opts: { from?: string; to?: string },
  days = DEFAULT_WINDOW_DAYS,
): Promise<ScanWindow | null> {
  let to: number
  // `to` is held exclusive here and written out inclusive at the end.
  if (opts.to) to = parseBound(opts.to, 'to', true) + (/^\d{4}-\d{2}-\d{2}$/.test(opts.to) ? 0 : 1)
  else {
    const row = await q.one<{ last_ts: string | null }>('graph/window-latest')
    if (!row?.last_ts) return null
    const last = Date.parse(row.last_ts)
    to = Math.floor(last / DAY) * DAY + DAY
  }
  const from = opts.from ? parseBound(opts.from, 'from', false) : to - days * DAY
  if (from >= to)
    throw new BadInputError(`scan window is empty: from ${iso(from)} is not before to ${iso(to)}`)
  return { from: iso(from), to: lastMicroBefore(to) }
}
