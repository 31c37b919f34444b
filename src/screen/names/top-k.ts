// The k items of highest score, best first, ties in their given order: what a stable sort by
// descending score cut at k gives (`ids.slice().sort((a, b) => score[b] - score[a]).slice(0, k)`),
// with the numbers sorted natively instead of through a comparator called n log n times.

export function topByScore(ids: readonly number[], score: Float64Array, k: number): number[] {
  const n = ids.length
  if (k <= 0) return []
  const values = new Float64Array(n)
  for (let i = 0; i < n; i++) values[i] = score[ids[i]]
  values.sort()
  // the k highest scores, best first: the first place each score takes in the output
  const first = new Map<number, number>()
  const m = Math.min(k, n)
  for (let p = 0; p < m; p++) {
    const v = values[n - 1 - p]
    if (!first.has(v)) first.set(v, p)
  }
  const lowest = values[n - m]
  const out = new Array<number>(m)
  for (let i = 0; i < n; i++) {
    const v = score[ids[i]]
    if (v < lowest) continue
    const p = first.get(v)!
    // places of one score are filled in the given order; those of the lowest kept score run out
    if (p >= m) continue
    out[p] = ids[i]
    first.set(v, p + 1)
  }
  return out
}
