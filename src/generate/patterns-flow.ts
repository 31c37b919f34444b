// Planted flows along paths: temporal cycles, layering chains and AMLSim's random walk. Each builder
// keeps inside the detection rules of ARCHITECTURE.md with margin: hops strictly later in time, hop
// amounts within [70%, 110%] of the previous (cycles) or ≥ 80% forwarded within 72 h (chains).
import type { Draft, DraftTx, Kit } from './kit.ts'
import { roundAmount } from './money.ts'
import type { Party } from './parties.ts'

const DAY = 86_400_000

/** Next hop amount: prev × ratio, rounded, kept inside [lo, hi] of prev after rounding. */
function nextAmount(kit: Kit, prev: number, lo: number, hi: number): number {
  const cur = kit.profile.currency
  for (;;) {
    const a = roundAmount(prev * kit.rng.range(lo, hi), cur)
    if (a >= prev * lo && a <= prev * hi && a > 0) return a
  }
}

/** Temporal cycle (AMLSim "cycle"): k accounts, money returns to the first. */
export function cycle(kit: Kit): Draft {
  const { rng } = kit
  const k = rng.weighted([
    [3, 3],
    [4, 3],
    [5, 2],
    [6, 1.2],
    [7, 0.6],
    [8, 0.3],
    [2, 0.6],
  ] as const)
  const accounts: Party[] = [kit.party('source')]
  for (let i = 1; i < k; i++) accounts.push(kit.party(i === Math.floor(k / 2) ? 'sink' : 'middle'))
  // Two-cycles must match within 2% (else they read as refunds or ordinary trade).
  const [lo, hi] = k === 2 ? [0.985, 1] : rng.chance(0.75) ? [0.86, 0.995] : [0.74, 1.06]
  const gapMedian = rng.pick([3, 12, 30, 72])
  const txs: DraftTx[] = []
  let t = 0
  let amount = kit.size(5_000, 750_000)
  for (let i = 0; i < k; i++) {
    if (i > 0) {
      t += kit.hours(gapMedian, 0.3, 120)
      amount = nextAmount(kit, amount, lo, hi)
    }
    txs.push({ at: t, amount, debtor: accounts[i], creditor: accounts[(i + 1) % k] })
  }
  return { txs, params: { hops: k, hop_ratio: [lo, hi], gap_median_hours: gapMedian } }
}

/** Layering chain: source → intermediaries → sink, each forwarding 80–99% within 72 h. */
export function layering(kit: Kit): Draft {
  const { rng } = kit
  const hops = rng.weighted([
    [3, 3],
    [4, 3],
    [5, 2],
    [6, 1],
  ] as const)
  const accounts: Party[] = [kit.party('source')]
  for (let i = 1; i < hops; i++) accounts.push(kit.party('middle'))
  accounts.push(kit.party('sink'))
  const dwellMedian = rng.pick([2, 8, 24, 48])
  const txs: DraftTx[] = []
  let t = 0
  let amount = kit.size(8_000, 600_000)
  for (let i = 0; i < hops; i++) {
    if (i > 0) {
      t += kit.hours(dwellMedian, 0.25, 70)
      amount = nextAmount(kit, amount, 0.82, 0.995)
    }
    txs.push({ at: t, amount, debtor: accounts[i], creditor: accounts[i + 1] })
  }
  return { txs, params: { hops, dwell_median_hours: dwellMedian } }
}

/** AMLSim "random": a random walk among a small set; its opening hops form a layering chain. */
export function randomWalk(kit: Kit): Draft {
  const { rng } = kit
  const hops = rng.int(4, 7)
  // The walk opens with a simple path over at least half its hops (and at least 3): that part is a
  // layering chain, so one layering alert can cover half of the walk. Then it wanders freely.
  const simple = Math.max(3, Math.ceil(hops / 2))
  const size = Math.max(rng.int(4, 6), simple + 1)
  const set: Party[] = [kit.party('source')]
  for (let i = 1; i < size; i++) set.push(kit.party(i === 3 ? 'sink' : 'middle'))
  const order = Array.from({ length: simple + 1 }, (_, i) => i)
  while (order.length <= hops) {
    const cur = order[order.length - 1]
    let next = rng.int(0, size - 1)
    if (next === cur) next = (next + 1) % size
    order.push(next)
  }
  const txs: DraftTx[] = []
  let t = 0
  let amount = kit.size(10_000, 400_000)
  for (let i = 0; i < hops; i++) {
    if (i > 0) {
      t += kit.hours(12, 1, 60)
      amount = nextAmount(kit, amount, 0.82, 0.97)
    }
    txs.push({ at: t, amount, debtor: set[order[i]], creditor: set[order[i + 1]] })
  }
  return { txs, params: { set_size: size, hops, simple_prefix_hops: simple, walk: order } }
}

/** Pass-through of one account: forwards ratio × inflow after a dwell; used by the set patterns. */
export function forwardTimes(kit: Kit, after: number, n: number, spreadHours: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++)
    out.push(after + kit.hours(6, 0.5, 40) + Math.round(kit.rng.next() * spreadHours * 3_600_000))
  return out.sort((a, b) => a - b)
}

export const SEVEN_DAYS_BUDGET = 6.5 * DAY
