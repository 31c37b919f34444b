// buildGraph: edge columns in any order → PaymentGraph (CSR out-edges, in-edge index, collapsed
// pairs). Pure. Input already in (ts, tx id) order, as loadWindow reads it, needs no comparison
// sort in JS: two counting sorts give both indexes.
import type { EdgeColumns, PaymentGraph } from './types.ts'

export function buildGraph(cols: EdgeColumns): PaymentGraph {
  const m = cols.src.length
  for (const [k, a] of Object.entries({
    dst: cols.dst,
    ts: cols.ts,
    amount: cols.amount,
    ...(cols.amountBase ? { amountBase: cols.amountBase } : {}),
    currency: cols.currency,
    flags: cols.flags,
    txIds: cols.txIds,
  }))
    if (a.length !== m) throw new RangeError(`edge column ${k} has ${a.length} rows, src has ${m}`)
  const n = cols.accounts.length
  let { src, dst, accounts } = cols

  // Accounts in byte order, so dense ids order like the account text (label-stable canonical forms).
  if (!isSortedStrings(accounts)) {
    const order = accounts.map((_, i) => i).sort((a, b) => cmp(accounts[a], accounts[b]))
    const newId = new Int32Array(n)
    order.forEach((old, i) => (newId[old] = i))
    accounts = order.map((i) => accounts[i])
    src = src.map((v) => newId[v])
    dst = dst.map((v) => newId[v])
  }

  // Time order first (loadWindow's SQL delivers it; tests may not), then two stable counting sorts:
  // by source for the out-edge order and by target for the in-edge index, both (…, ts, tx id).
  const { ts: ts0, txIds: tx0 } = cols
  let byTime: Int32Array | undefined
  if (!isTimeSorted(ts0, tx0))
    byTime = Int32Array.from(
      Array.from({ length: m }, (_, i) => i).sort((a, b) => ts0[a] - ts0[b] || cmp(tx0[a], tx0[b])),
    )
  const at = (k: number) => (byTime ? byTime[k] : k)
  const outStart = offsets(src, n)
  const inStart = offsets(dst, n)
  const fill = outStart.slice(0, n)
  const outPos = new Int32Array(m) // input row → edge id
  for (let k = 0; k < m; k++) {
    const i = at(k)
    outPos[i] = fill[src[i]]++
  }
  const inEdges = new Int32Array(m)
  fill.set(inStart.subarray(0, n))
  for (let k = 0; k < m; k++) {
    const i = at(k)
    inEdges[fill[dst[i]]++] = outPos[i]
  }
  const place = <A extends Int32Array | Float64Array | Uint16Array | Uint8Array>(a: A): A => {
    const b = new (a.constructor as new (n: number) => A)(m)
    for (let i = 0; i < m; i++) b[outPos[i]] = a[i]
    return b
  }
  const txIds: string[] = new Array(m)
  for (let i = 0; i < m; i++) txIds[outPos[i]] = tx0[i]
  const ts = place(ts0)
  const amount = place(cols.amount)
  const currency = place(cols.currency)
  // Without base amounts, transfers in the base currency are already in it; others have no rate and
  // are compared only within their own currency (a hand-built graph in one base currency shares one
  // array).
  const baseCurrency = cols.baseCurrency ?? 'EUR'
  const baseId = cols.currencies.indexOf(baseCurrency)
  let amountBase = amount
  if (cols.amountBase) amountBase = place(cols.amountBase)
  else if (cols.currencies.some((c) => c !== baseCurrency)) {
    amountBase = new Float64Array(m)
    for (let e = 0; e < m; e++) amountBase[e] = currency[e] === baseId ? amount[e] : NaN
  }
  const flags = place(cols.flags)
  src = place(src)
  dst = place(dst)

  const pairs = collapsePairs(n, outStart, dst, amount)
  const more = pairIndexes(n, pairs.pairStart, pairs.pairDst, pairs.pairCount, pairs.edgePair)
  return {
    window: cols.window,
    accounts,
    currencies: cols.currencies,
    nodeCount: n,
    edgeCount: m,
    src,
    dst,
    ts,
    amount,
    amountBase,
    currency,
    flags,
    txIds,
    baseCurrency,
    fxMissing: cols.fxMissing ?? [],
    fxSnapshot: cols.fxSnapshot ?? null,
    outStart,
    inStart,
    inEdges,
    ...pairs,
    ...more,
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function isSortedStrings(a: string[]): boolean {
  for (let i = 1; i < a.length; i++) if (!(a[i - 1] < a[i])) return false
  return true
}

function isTimeSorted(ts: Float64Array, txIds: string[]): boolean {
  for (let e = 1; e < ts.length; e++) {
    const d = ts[e] - ts[e - 1]
    if (d < 0 || (d === 0 && !(txIds[e - 1] < txIds[e]))) return false
  }
  return true
}

function offsets(key: Int32Array, n: number): Int32Array {
  const start = new Int32Array(n + 1)
  for (let e = 0; e < key.length; e++) start[key[e] + 1]++
  for (let v = 0; v < n; v++) start[v + 1] += start[v]
  return start
}

function collapsePairs(n: number, outStart: Int32Array, dst: Int32Array, amount: Float64Array) {
  const slot = new Int32Array(n).fill(-1)
  let pDst = new Int32Array(Math.max(16, dst.length >> 1))
  let pAmt = new Float64Array(pDst.length)
  let pCnt = new Int32Array(pDst.length)
  const pairStart = new Int32Array(n + 1)
  const seg: number[] = []
  const edgePair = new Int32Array(dst.length)
  let p = 0
  for (let v = 0; v < n; v++) {
    pairStart[v] = p
    seg.length = 0
    for (let e = outStart[v]; e < outStart[v + 1]; e++) {
      const w = dst[e]
      if (slot[w] !== v) {
        slot[w] = v
        seg.push(w)
      }
    }
    if (p + seg.length > pDst.length) {
      const cap = Math.max(pDst.length * 2, p + seg.length)
      pDst = grow(pDst, cap)
      pAmt = grow(pAmt, cap)
      pCnt = grow(pCnt, cap)
    }
    seg.sort((a, b) => a - b)
    for (let i = 0; i < seg.length; i++) {
      pDst[p + i] = seg[i]
      slot[seg[i]] = -(p + i) - 2 // remember the pair index for the amounts pass
    }
    for (let e = outStart[v]; e < outStart[v + 1]; e++) {
      const q = -slot[dst[e]] - 2
      edgePair[e] = q
      pAmt[q] += amount[e]
      pCnt[q]++
    }
    for (let i = 0; i < seg.length; i++) slot[seg[i]] = v
    p += seg.length
  }
  pairStart[n] = p
  return {
    pairStart,
    pairDst: pDst.slice(0, p),
    pairAmount: pAmt.slice(0, p),
    pairCount: pCnt.slice(0, p),
    edgePair,
  }
}

function pairIndexes(
  n: number,
  pairStart: Int32Array,
  pairDst: Int32Array,
  pairCount: Int32Array,
  edgePair: Int32Array,
) {
  const np = pairDst.length
  const pairSrc = new Int32Array(np)
  for (let v = 0; v < n; v++) pairSrc.fill(v, pairStart[v], pairStart[v + 1])
  const pairEdgeStart = new Int32Array(np + 1)
  for (let p = 0; p < np; p++) pairEdgeStart[p + 1] = pairEdgeStart[p] + pairCount[p]
  const pairEdges = new Int32Array(edgePair.length)
  const fill = pairEdgeStart.slice(0, np)
  // Edges are in (src, ts) order, so each pair's edges land in ts order.
  for (let e = 0; e < edgePair.length; e++) pairEdges[fill[edgePair[e]]++] = e
  const inPairStart = offsets(pairDst, n)
  const inPairs = new Int32Array(np)
  const at = inPairStart.slice(0, n)
  // Pairs are in source order, so each target's in-pairs land in ascending source order.
  for (let p = 0; p < np; p++) inPairs[at[pairDst[p]]++] = p
  return { pairSrc, pairEdgeStart, pairEdges, inPairStart, inPairs }
}

function grow<T extends Int32Array | Float64Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap)
  b.set(a)
  return b
}
