// The k items of highest score, best first, ties in their given order: what a stable sort by
// descending score cut at k gives (`ids.slice(0, n).sort((a, b) => score[b] - score[a]).slice(0, k)`),
// with the numbers sorted natively instead of through a comparator called n log n times.

let values = new Float64Array(256)
let next = new Int32Array(256)

/** The k best of the first n ids by score (score indexed by id). */
export function topByScore(
  ids: ArrayLike<number>,
  n: number,
  score: Float64Array,
  k: number,
): number[] {
  const m = Math.max(0, Math.min(k, n))
  if (m === 0) return []
  if (values.length < n) values = new Float64Array(n * 2)
  if (next.length < m) next = new Int32Array(m * 2)
  const sorted = values.subarray(0, n)
  for (let i = 0; i < n; i++) sorted[i] = score[ids[i]]
  sorted.sort()
  // best first: place p holds the p-th highest score; next[first place of a score] is where the
  // next item of that score goes, in the given order, until the places of the score run out
  const lowest = sorted[n - m]
  for (let p = 0; p < m; p++) next[p] = p
  const out = new Array<number>(m)
  for (let i = 0; i < n; i++) {
    const v = score[ids[i]]
    if (v < lowest) continue
    // the first place of v: the count of scores above it (binary search in the ascending sort)
    let lo = n - m
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] <= v) lo = mid + 1
      else hi = mid
    }
    const first = n - lo
    const p = next[first]
    if (p >= m) continue
    out[p] = ids[i]
    next[first] = p + 1
  }
  return out
}
