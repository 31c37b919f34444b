// Incremental detection (issue 14): which accounts a seedable detector must search again after new
// transfers landed, and which of its earlier findings stand unchanged. A seedable detector's
// findings are each a function of one seed account's own transfers (the search) and of the
// per-account facts of the finding's accounts (the evidence, detect/evidence.ts): their transfers,
// counterparties and usual amounts in the window, their history before it. A finding stands when
// its seed and all its accounts are untouched by new transfers and each of its accounts is judged
// fresh or not alike at the earlier window's last transfer and at this one's (isFresh reads it,
// and it moves with every new day); every other seed is searched again over the whole window, so
// its findings come out as a full scan's.
// Detectors that read the window as a whole (value clustering, Louvain, structuring's base rate,
// global work bounds) are not seedable and always run over the whole window (detect/run.ts).
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_DAY, microsOfIso } from '../graph/index.ts'
import type { Finding } from '../schema/finding.ts'
import { accountView } from './accounts.ts'
import { isFresh, type EvidenceConfig } from './evidence.ts'

/** Seedable detectors and the account that seeded each of their findings. */
export const SEEDABLE: Record<string, (f: Finding) => string | undefined> = {
  // fan.ts searches each centre's own transfers (two pointers over them): the centre seeds it.
  fan: (f) => (f.typology === 'fan_in' || f.typology === 'fan_out' ? f.measures.center : undefined),
}

export interface SeedPlan {
  /** Per dense account id of the graph: 1 when the seedable detectors must search it again. */
  seeds: Uint8Array
  /** Earlier findings that stand, per seedable detector. */
  kept: Record<string, Finding[]>
  /** How many earlier findings stand and how many seeds are searched again. */
  counts: { kept: number; dropped: number; seeds: number }
}

/** An earlier finding of a seedable detector, with its seed account. */
export interface SeededFinding {
  detector: string
  seed: string
  finding: Finding
}

/**
 * Plans an incremental detection over `g`: `touched` (dense ids) are the accounts with transfers the
 * earlier scan did not see (account
 * text); `previous` the earlier scan's findings of the seedable detectors.
 */
export function planSeeds(
  g: PaymentGraph,
  touched: Iterable<string>,
  previous: readonly SeededFinding[],
  evidence: EvidenceConfig,
  /** The earlier scan's last transfer (epoch µs; DetectResult.dataEnd). */
  previousDataEnd: number,
): SeedPlan {
  const idOf = new Map<string, number>()
  for (let v = 0; v < g.accounts.length; v++) idOf.set(g.accounts[v], v)
  const seeds = new Uint8Array(g.nodeCount)
  const isTouched = new Uint8Array(g.nodeCount)
  for (const a of touched) {
    const v = idOf.get(a)
    if (v === undefined) continue // not in the window: nothing of it to search
    isTouched[v] = 1
    seeds[v] = 1
  }
  const view = accountView(g)
  // An earlier finding stands only when nothing it was computed from changed.
  const stands = (f: Finding, seed: number | undefined): boolean => {
    if (seed === undefined || isTouched[seed]) return false
    const t0 = microsOfIso(f.first_ts)
    // Freshness is judged only after min_history_days of data (signalsOf's `judged`).
    const judged =
      Math.max(0, (t0 - view.historyStart) / MICROS_PER_DAY) >= evidence.min_history_days
    for (const a of f.accounts) {
      const v = idOf.get(a)
      if (v === undefined || isTouched[v]) return false
      if (
        judged &&
        isFresh(view, v, t0, evidence, previousDataEnd) !== isFresh(view, v, t0, evidence)
      )
        return false
    }
    return true
  }
  const standing: SeededFinding[] = []
  let dropped = 0
  for (const p of previous) {
    const seed = idOf.get(p.seed)
    if (stands(p.finding, seed)) standing.push(p)
    else {
      dropped++
      if (seed !== undefined) seeds[seed] = 1
    }
  }
  // A seed searched again gives all its findings afresh: none of its earlier ones is kept.
  const kept: Record<string, Finding[]> = {}
  for (const d of Object.keys(SEEDABLE)) kept[d] = []
  let nKept = 0
  for (const p of standing) {
    if (seeds[idOf.get(p.seed)!]) {
      dropped++
      continue
    }
    ;(kept[p.detector] ??= []).push(p.finding)
    nKept++
  }
  let nSeeds = 0
  for (let v = 0; v < seeds.length; v++) nSeeds += seeds[v]
  return { seeds, kept, counts: { kept: nKept, dropped, seeds: nSeeds } }
}

/** The findings of seedable detectors in `byDetector` with their seeds, for the next scan. */
export function seededFindings(byDetector: Record<string, readonly Finding[]>): SeededFinding[] {
  const out: SeededFinding[] = []
  for (const [detector, fs] of Object.entries(byDetector)) {
    const seedOf = SEEDABLE[detector]
    if (!seedOf) continue
    for (const f of fs) {
      const seed = seedOf(f)
      if (seed !== undefined) out.push({ detector, seed, finding: f })
    }
  }
  return out
}
