// A cheap ceiling on compareNames' score from set lookups alone (every similar token counted as
// identical), so that most candidates are dropped before any string comparison.
import { tokenSim, type NameKind } from './compare.ts'

/** Two long words that may pair up although more than one edit apart (cheap tests first). */
function closeLong(a: string, b: string, kind: NameKind): boolean {
  if (Math.abs(a.length - b.length) > 3) return false
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(1) !== b.charCodeAt(1)) return false
  return tokenSim(a, b, kind) > 0
}

export function upperBound(
  toks: Array<{ t: string; exp: string[] }>,
  expSets: Array<Set<string>>,
  qWeights: number[],
  listTokens: string[],
  listWeights: number[],
  kind: NameKind,
): number {
  if (toks.length > 8 || listTokens.length > 8) return 1 // joined-token cases: not worth bounding
  let wA = 0
  let mA = 0
  let strongOnly = false
  for (let i = 0; i < toks.length; i++) {
    const w = qWeights[i]
    const t = toks[i].t
    if (t.length === 1) return 1 // initials pair up outside the expansion sets
    wA += w
    // long words may differ by two edits and still pair up: check those directly
    const long = t.length >= 7
    let hit = false
    for (const b of listTokens)
      if (expSets[i].has(b) || (long && b.length >= 6 && closeLong(t, b, kind))) {
        hit = true
        break
      }
    if (hit) mA += w
    else if (w >= 1) strongOnly = true
  }
  let wB = 0
  let mB = 0
  for (let j = 0; j < listTokens.length; j++) {
    const b = listTokens[j]
    const w = listWeights[j]
    if (b.length === 1) return 1
    wB += w
    const long = b.length >= 7
    let hit = false
    for (let i = 0; i < toks.length; i++)
      if (
        expSets[i].has(b) ||
        (long && toks[i].t.length >= 6 && tokenSim(toks[i].t, b, kind) > 0)
      ) {
        hit = true
        break
      }
    if (hit) mB += w
    else if (w >= 1) strongOnly = true
  }
  if (kind === 'person') return Math.max(mA / wA, mB / wB)
  const dice = (mA + mB) / (wA + wB)
  return strongOnly ? Math.min(dice, 0.7) : dice
}
