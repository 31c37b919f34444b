// Planted flows along paths, as their public definitions describe them:
//   cycle — money leaves an account and comes back to it through 1–11 others (AMLworld's CYCLE,
//     "max 2 … 12 hops"; AMLSim's CycleTypology passes one amount round the members, its steps in
//     any order when scheduled "unordered"); here the value is the same each hop or decays a few
//     per cent, the hops are time-ordered or not, hours, days or weeks apart;
//   layering — a chain of pass-through accounts moving the money on soon after it arrives (FATF,
//     "rapid movement of funds through accounts"; the layering stage of the three-stage model);
//   random — AMLworld's RANDOM: a walk through a small set of fresh accounts, an account possibly
//     visited twice.
// Values are in EUR; each hop's currency comes from the profile (kit.currency), and a currency change
// costs a spread (kit.passOn).
import type { Draft, DraftTx, Kit } from './kit.ts'
import type { Party } from './parties.ts'

const round3 = (x: number) => Number(x.toFixed(3))

/** Hop values along a path: the same value, or decaying 0.5–5% a hop, less spreads. */
function pathValues(
  kit: Kit,
  accounts: Party[],
  hops: number,
  next: (i: number) => number,
  same: boolean,
): { eur: number[]; cur: string[]; decay: number } {
  // At most 5% a hop, and at most about 30% over the whole path (long rings lose less per hop).
  const decay = same ? 0 : round3(kit.rng.range(0.005, Math.min(0.05, 0.3 / hops)))
  const eur: number[] = []
  const cur: string[] = []
  let v = kit.value(3_000, 900_000)
  for (let i = 0; i < hops; i++) {
    const c = kit.currency(accounts[i], accounts[next(i)])
    if (i > 0) v = kit.passOn(v, cur[i - 1], c, decay)
    eur.push(v)
    cur.push(c)
  }
  return { eur, cur, decay }
}

/** Cycle: k accounts, the money returns to the first. */
export function cycle(kit: Kit): Draft {
  const { rng } = kit
  const k = kit.sized([
    [2, 0.5],
    [3, 2],
    [4, 2],
    [5, 2],
    [6, 1.5],
    [7, 1.2],
    [8, 1],
    [9, 0.8],
    [10, 0.7],
    [11, 0.5],
    [12, 0.5],
  ] as const)
  const accounts: Party[] = [kit.party('source')]
  for (let i = 1; i < k; i++) accounts.push(kit.party(i === Math.floor(k / 2) ? 'sink' : 'middle'))
  const same = rng.chance(0.4)
  const ordered = rng.chance(0.7)
  const { eur, cur, decay } = pathValues(kit, accounts, k, (i) => (i + 1) % k, same)
  const times: number[] = []
  if (ordered) {
    let t = 0
    for (let i = 0; i < k; i++) {
      if (i) t += kit.gap()
      times.push(t)
    }
  } else {
    // AMLSim "unordered": each member pays at a step of its own within the span.
    const span = kit.span(k)
    for (let i = 0; i < k; i++) times.push(Math.round(rng.next() * span))
  }
  const txs: DraftTx[] = accounts.map((a, i) => ({
    at: times[i],
    eur: eur[i],
    currency: cur[i],
    debtor: a,
    creditor: accounts[(i + 1) % k],
  }))
  return {
    txs,
    unordered: !ordered,
    params: {
      hops: k,
      order: ordered ? 'time_ordered' : 'unordered',
      amounts: same ? 'same_value' : 'decaying',
      decay_per_hop: decay,
    },
  }
}

/** Layering chain: source → 2–7 pass-through accounts → sink, each moving the money on. */
export function layering(kit: Kit): Draft {
  const { rng } = kit
  const hops = kit.sized([
    [3, 3],
    [4, 3],
    [5, 2],
    [6, 1.5],
    [7, 1],
    [8, 0.5],
  ] as const)
  const accounts: Party[] = [kit.party('source')]
  for (let i = 1; i < hops; i++) accounts.push(kit.party('middle'))
  accounts.push(kit.party('sink'))
  const same = rng.chance(0.2)
  const { eur, cur, decay } = pathValues(kit, accounts, hops, (i) => i + 1, same)
  const txs: DraftTx[] = []
  let t = 0
  for (let i = 0; i < hops; i++) {
    if (i) t += kit.gap()
    txs.push({
      at: t,
      eur: eur[i],
      currency: cur[i],
      debtor: accounts[i],
      creditor: accounts[i + 1],
    })
  }
  return {
    txs,
    params: { hops, amounts: same ? 'same_value' : 'decaying', decay_per_hop: decay },
  }
}

/** AMLworld RANDOM: a walk of 4–10 hops through a set of 4–7 accounts, revisits allowed. */
export function randomWalk(kit: Kit): Draft {
  const { rng } = kit
  const hops = kit.sized([4, 5, 6, 7, 8, 9, 10].map((h) => [h, 1] as const))
  const size = rng.int(4, 7)
  const set: Party[] = [kit.party('source')]
  for (let i = 1; i < size; i++) set.push(kit.party(i === size - 1 ? 'sink' : 'middle'))
  // Each step goes to another member, never straight back to the one it came from.
  const walk = [0]
  while (walk.length <= hops) {
    const cur = walk[walk.length - 1]
    const prev = walk.length > 1 ? walk[walk.length - 2] : -1
    let next = rng.int(0, size - 1)
    while (next === cur || next === prev) next = rng.int(0, size - 1)
    walk.push(next)
  }
  const path = walk.map((i) => set[i])
  const { eur, cur, decay } = pathValues(kit, path, hops, (i) => i + 1, false)
  const txs: DraftTx[] = []
  let t = 0
  for (let i = 0; i < hops; i++) {
    if (i) t += kit.gap()
    txs.push({ at: t, eur: eur[i], currency: cur[i], debtor: path[i], creditor: path[i + 1] })
  }
  return { txs, params: { set_size: size, hops, walk, decay_per_hop: decay } }
}
