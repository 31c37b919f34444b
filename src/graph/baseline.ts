// The accounts' own history before the scan window (the lookback, config detect.baseline): per
// account its transfers and distinct counterparties and when it was first seen, per window pair how
// often it was paid before. Detectors judge what is new or unusual *for that account* against it;
// the window's own earlier transfers add to it (see detect/accounts.ts). Loaded by SQL as columns
// aligned with the window graph's dense account ids; emptyBaseline() for windows without one.
import { readColumns, type Store } from '../store/index.ts'
import { MICROS_PER_DAY, microsOfIso } from './time.ts'
import type { PaymentGraph } from './types.ts'
import { pairIndex } from './views.ts'

export interface Baseline {
  /** Start of the lookback (epoch µs); equals the window start when there is none. */
  from: number
  /** Earliest transfer in the database (epoch µs; the window's first when none is older). */
  dataStart: number
  /** Per window account: transfers paid and received in the lookback. */
  outCount: Int32Array
  inCount: Int32Array
  /** Per window account: distinct counterparties paid / paid by in the lookback. */
  outParties: Int32Array
  inParties: Int32Array
  /** Per window account: first transfer before the window (epoch µs), NaN when none. */
  firstSeen: Float64Array
  /** Per window pair (pair id of the graph): transfers of that pair in the lookback. */
  pairPrior: Int32Array
}

/** No history before the window: everything is judged on the window alone. */
export function emptyBaseline(g: PaymentGraph): Baseline {
  let first = Infinity
  for (let e = 0; e < g.edgeCount; e++) if (g.ts[e] < first) first = g.ts[e]
  const from = microsOfIso(g.window.from)
  return {
    from,
    dataStart: Number.isFinite(first) ? first : from,
    outCount: new Int32Array(g.nodeCount),
    inCount: new Int32Array(g.nodeCount),
    outParties: new Int32Array(g.nodeCount),
    inParties: new Int32Array(g.nodeCount),
    firstSeen: new Float64Array(g.nodeCount).fill(NaN),
    pairPrior: new Int32Array(g.pairDst.length),
  }
}

/** The lookback of `days` days before the graph's window, read from the payments table. */
export async function loadBaseline(store: Store, g: PaymentGraph, days: number): Promise<Baseline> {
  const out = emptyBaseline(g)
  const fromUs = microsOfIso(g.window.from)
  out.from = fromUs - days * MICROS_PER_DAY
  const params = {
    from: duck(g.window.from),
    to: duck(g.window.to),
    lookback_from: duck(new Date(out.from / 1000).toISOString()),
  }
  const start = await store.one<{ first_ts: number | null }>('graph/data-start')
  if (start?.first_ts !== null && start?.first_ts !== undefined)
    out.dataStart = Math.min(out.dataStart, Number(start.first_ts))
  if (days <= 0 || out.dataStart >= fromUs) return out
  const acc = await readColumns(store, 'graph/baseline-accounts', params, {
    id: 'i32',
    out_count: 'i32',
    in_count: 'i32',
    out_parties: 'i32',
    in_parties: 'i32',
    first_ts: 'f64',
  })
  for (let i = 0; i < acc.id.length; i++) {
    const v = acc.id[i]
    out.outCount[v] = acc.out_count[i]
    out.inCount[v] = acc.in_count[i]
    out.outParties[v] = acc.out_parties[i]
    out.inParties[v] = acc.in_parties[i]
    out.firstSeen[v] = acc.first_ts[i]
  }
  const pairs = await readColumns(store, 'graph/baseline-pairs', params, {
    src: 'i32',
    dst: 'i32',
    n: 'i32',
  })
  for (let i = 0; i < pairs.src.length; i++) {
    const p = pairIndex(g, pairs.src[i], pairs.dst[i])
    if (p >= 0) out.pairPrior[p] = pairs.n[i]
  }
  return out
}

function duck(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '')
}
