// buildGraph: edge columns in any order → PaymentGraph (CSR out-edges, in-edge index, collapsed
// pairs). Pure. Input already in graph order (as loadWindow reads it) is checked and kept, so the
// 10 M-edge path does no sorting in JS.
import type { EdgeColumns, PaymentGraph } from './types.ts'

export function buildGraph(cols: EdgeColumns): PaymentGraph {
  const m = cols.src.length
  for (const [k, a] of Object.entries({
    dst: cols.dst,
    ts: cols.ts,
    amount: cols.amount,
    currency: cols.currency,
    flags: cols.flags,
    txIds: cols.txIds,
  }))
    if (a.length !== m) throw new RangeError(`edge column ${k} has ${a.length} rows, src has ${m}`)
  const n = cols.accounts.length
  let { src, dst, accounts } = cols
  let inRank = cols.inRank

  // Accounts in byte order, so dense ids order like the account text (label-stable canonical forms).
  if (!isSortedStrings(accounts)) {
    const order = accounts.map((_, i) => i).sort((a, b) => cmp(accounts[a], accounts[b]))
    const newId = new Int32Array(n)
    order.forEach((old, i) => (newId[old] = i))
    accounts = order.map((i) => accounts[i])
    src = src.map((v) => newId[v])
    dst = dst.map((v) => newId[v])
    inRank = undefined
  }

  let { ts, amount, currency, flags, txIds } = cols
  if (!isEdgeSorted(src, ts, txIds)) {
    const perm = Array.from({ length: m }, (_, i) => i).sort(
      (a, b) => src[a] - src[b] || ts[a] - ts[b] || cmp(txIds[a], txIds[b]),
    )
    src = Int32Array.from(perm, (i) => src[i])
    dst = Int32Array.from(perm, (i) => dst[i])
    ts = Float64Array.from(perm, (i) => ts[i])
    amount = Float64Array.from(perm, (i) => amount[i])
    currency = Uint16Array.from(perm, (i) => currency[i])
    flags = Uint8Array.from(perm, (i) => flags[i])
    txIds = perm.map((i) => txIds[i])
    inRank = undefined
  }

  const outStart = offsets(src, n)
  const inStart = offsets(dst, n)
  const inEdges = new Int32Array(m)
  if (inRank && inRank.length === m) {
    for (let e = 0; e < m; e++) inEdges[inRank[e]] = e
  } else {
    const fill = inStart.slice(0, n)
    for (let e = 0; e < m; e++) inEdges[fill[dst[e]]++] = e
    for (let v = 0; v < n; v++) {
      const a = inStart[v]
      const b = inStart[v + 1]
      if (b - a > 1) inEdges.subarray(a, b).sort((x, y) => ts[x] - ts[y] || cmp(txIds[x], txIds[y]))
    }
  }

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
    currency,
    flags,
    txIds,
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

function isEdgeSorted(src: Int32Array, ts: Float64Array, txIds: string[]): boolean {
  for (let e = 1; e < src.length; e++) {
    const d = src[e] - src[e - 1] || ts[e] - ts[e - 1]
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
