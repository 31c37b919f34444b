// The payment graph of the in-memory network index: every landed transfer as typed-array edges
// (out-edges by account, each account's in the order (ts, tx id), and an in-edge index in the same
// order) and every account with its latest name and country. Read in one snapshot as numbers and
// account strings only, and indexed with two counting sorts: the server's thread does a few
// linear passes, not the scan's graph build (no transfer ids, no pair graph), and gives the event
// loop back between them, so that the API answers while it loads.
import { readColumns, type Store } from '../../store/index.ts'

export interface NetworkGraph {
  /** Dense id → account, in the database's account order. */
  accounts: string[]
  names: Array<string | null>
  countries: Array<string | null>
  /** Dense id → ISO 4217 code, in code order. */
  currencies: string[]
  nodeCount: number
  edgeCount: number
  /** Edge arrays by edge id; the out-edges of account v are outStart[v] … outStart[v + 1] - 1. */
  src: Int32Array
  dst: Int32Array
  /** Epoch microseconds. */
  ts: Float64Array
  /** Major units of the transfer's own currency. */
  amount: Float64Array
  /** The transfer's currency (dense id into `currencies`). */
  cur: Uint16Array
  outStart: Int32Array
  /** In-edges of account v are inEdges[inStart[v] … inStart[v + 1] - 1], in (ts, tx id) order. */
  inStart: Int32Array
  inEdges: Int32Array
}

/** Reads every transfer and account of the database (`transfers`: the count, to size the arrays). */
export async function loadNetwork(store: Store, transfers: number): Promise<NetworkGraph> {
  const { acc, cur, e } = await store.transaction(async (tx) => ({
    cur: await readColumns(tx, 'server/network-currencies', {}, { currency: 'str' }),
    acc: await readColumns(
      tx,
      'server/network-accounts',
      {},
      { account: 'str', name: 'str', country: 'str' },
    ),
    e: await readColumns(
      tx,
      'server/network-edges',
      {},
      { src: 'i32', dst: 'i32', ts: 'f64', amount: 'f64', cur: 'u16' },
      transfers,
    ),
  }))
  // text columns read null as '', which no stored name or country is (ingest stores null)
  const orNull = (xs: string[]) => xs.map((x) => (x === '' ? null : x))
  return indexEdges(acc.account, orNull(acc.name), orNull(acc.country), cur.currency, e)
}

/** A turn of the event loop for whatever waits (the API's requests). */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The CSR indexes of edges given in (ts, tx id) order: stable counting sorts by source and target. */
export async function indexEdges(
  accounts: string[],
  names: Array<string | null>,
  countries: Array<string | null>,
  currencies: string[],
  e: { src: Int32Array; dst: Int32Array; ts: Float64Array; amount: Float64Array; cur: Uint16Array },
): Promise<NetworkGraph> {
  const n = accounts.length
  const m = e.src.length
  const outStart = offsets(e.src, n)
  const inStart = offsets(e.dst, n)
  await turn()
  const fill = outStart.slice(0, n)
  const outPos = new Int32Array(m) // input row → edge id
  for (let i = 0; i < m; i++) outPos[i] = fill[e.src[i]]++
  await turn()
  const inEdges = new Int32Array(m)
  fill.set(inStart.subarray(0, n))
  for (let i = 0; i < m; i++) inEdges[fill[e.dst[i]]++] = outPos[i]
  const place = async <A extends Int32Array | Float64Array | Uint16Array>(a: A): Promise<A> => {
    await turn()
    const b = new (a.constructor as new (n: number) => A)(m)
    for (let i = 0; i < m; i++) b[outPos[i]] = a[i]
    return b
  }
  return {
    accounts,
    names,
    countries,
    currencies,
    nodeCount: n,
    edgeCount: m,
    src: await place(e.src),
    dst: await place(e.dst),
    ts: await place(e.ts),
    amount: await place(e.amount),
    cur: await place(e.cur),
    outStart,
    inStart,
    inEdges,
  }
}

function offsets(key: Int32Array, n: number): Int32Array {
  const start = new Int32Array(n + 1)
  for (let i = 0; i < key.length; i++) start[key[i] + 1]++
  for (let v = 0; v < n; v++) start[v + 1] += start[v]
  return start
}
