// Planted set patterns (AMLSim's terms): scatter-gather, gather-scatter, bipartite, stack, fan-in,
// fan-out, and structuring. All fit in 7 days; pass-through accounts forward 82–98% of their inflow,
// always after they received it; fans reach ≥ 8 distinct counterparties within 72 h.
import type { Draft, DraftTx, Kit } from './kit.ts'
import { roundAmount } from './money.ts'
import type { Party } from './parties.ts'
import { maxOf, minOf } from '../util/array.ts'

const H = 3_600_000

function shares(kit: Kit, total: number, n: number): number[] {
  const w = Array.from({ length: n }, () => kit.rng.range(0.6, 1.4))
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) => roundAmount((total * x) / sum, kit.profile.currency))
}

/** One source splits money over ≥ 3 intermediaries, which pass it on to one sink. */
export function scatterGather(kit: Kit): Draft {
  const { rng } = kit
  const m = rng.int(3, 7)
  const source = kit.party('source')
  const sink = kit.party('sink')
  const mids: Party[] = Array.from({ length: m }, () => kit.party('middle'))
  const parts = shares(kit, kit.size(20_000, 700_000), m)
  const txs: DraftTx[] = []
  const spread = rng.pick([2, 12, 36])
  mids.forEach((mid, i) => {
    const t0 = Math.round(rng.next() * spread * H)
    txs.push({ at: t0, amount: parts[i], debtor: source, creditor: mid })
    const fwd = roundAmount(parts[i] * rng.range(0.82, 0.98), kit.profile.currency)
    txs.push({ at: t0 + kit.hours(10, 0.5, 70), amount: fwd, debtor: mid, creditor: sink })
  })
  return { txs, params: { intermediaries: m, spread_hours: spread } }
}

/** ≥ 3 sources pay one hub, which passes 82–97% of it to ≥ 3 destinations. */
export function gatherScatter(kit: Kit): Draft {
  const { rng } = kit
  const ns = rng.int(3, 6)
  const nd = rng.int(3, 6)
  const hub = kit.party('middle', 'company')
  const sources = Array.from({ length: ns }, () => kit.party('source'))
  const dests = Array.from({ length: nd }, (_, i) => kit.party(i === 0 ? 'sink' : 'middle'))
  const txs: DraftTx[] = []
  let total = 0
  let last = 0
  for (const s of sources) {
    const at = Math.round(rng.next() * rng.pick([6, 24, 60]) * H)
    const amount = kit.size(5_000, 150_000)
    total += amount
    last = Math.max(last, at)
    txs.push({ at, amount, debtor: s, creditor: hub })
  }
  const ratio = rng.range(0.82, 0.97)
  const parts = shares(kit, total * ratio, nd)
  const times = dests.map(() => last + kit.hours(8, 0.5, 48) + Math.round(rng.next() * 24 * H))
  dests.forEach((d, i) => txs.push({ at: times[i], amount: parts[i], debtor: hub, creditor: d }))
  return { txs, params: { sources: ns, destinations: nd, pass_ratio: Number(ratio.toFixed(3)) } }
}

/** A set of 3–5 sources each paying each of 3–5 destinations within a few days. */
export function bipartite(kit: Kit): Draft {
  const { rng } = kit
  const ns = rng.int(3, 5)
  const nd = rng.int(3, 5)
  const sources = Array.from({ length: ns }, () => kit.party('source'))
  const dests = Array.from({ length: nd }, (_, i) => kit.party(i === 0 ? 'sink' : 'middle'))
  const span = rng.pick([12, 48, 120])
  const txs: DraftTx[] = []
  const base = kit.size(3_000, 90_000)
  for (const s of sources)
    for (const d of dests)
      txs.push({
        at: Math.round(rng.next() * span * H),
        amount: roundAmount(base * rng.range(0.7, 1.3), kit.profile.currency),
        debtor: s,
        creditor: d,
      })
  return { txs, params: { sources: ns, destinations: nd, span_hours: span } }
}

/** Two or three bipartite layers in a row; each middle account forwards 82–95% of what it got. */
export function stack(kit: Kit): Draft {
  const { rng } = kit
  const nLayers = rng.int(3, 4)
  const layers: Party[][] = []
  for (let l = 0; l < nLayers; l++) {
    const role = l === 0 ? 'source' : l === nLayers - 1 ? 'sink' : 'middle'
    layers.push(
      Array.from({ length: rng.int(3, 4) }, (_, i) =>
        kit.party(role === 'sink' && i > 0 ? 'middle' : role),
      ),
    )
  }
  const txs: DraftTx[] = []
  const received = new Map<Party, { sum: number; last: number }>()
  const base = kit.size(4_000, 80_000)
  let stepStart = 0
  for (let l = 0; l < nLayers - 1; l++) {
    let stepEnd = stepStart
    for (const from of layers[l]) {
      const got = received.get(from)
      const outTotal = got
        ? got.sum * rng.range(0.82, 0.95)
        : base * layers[l + 1].length * rng.range(0.8, 1.2)
      const parts = shares(kit, outTotal, layers[l + 1].length)
      layers[l + 1].forEach((to, i) => {
        const at = (got ? got.last : 0) + kit.hours(6, 0.5, 30) + Math.round(rng.next() * 6 * H)
        txs.push({ at, amount: parts[i], debtor: from, creditor: to })
        const r = received.get(to) ?? { sum: 0, last: 0 }
        r.sum += parts[i]
        r.last = Math.max(r.last, at)
        received.set(to, r)
        stepEnd = Math.max(stepEnd, at)
      })
    }
    stepStart = stepEnd
  }
  return { txs, params: { layers: nLayers, sizes: layers.map((l) => l.length) } }
}

function fan(kit: Kit, inward: boolean): Draft {
  const { rng } = kit
  const n = rng.int(8, 20)
  const center = kit.party(inward ? 'sink' : 'source')
  const span = rng.range(4, 66)
  const fresh = rng.range(0.2, 1)
  const txs: DraftTx[] = []
  const seen = new Set<string>([center.account])
  for (let i = 0; i < n; i++) {
    const kind = rng.chance(0.7) ? 'person' : 'company'
    let other = rng.chance(fresh)
      ? kit.party(inward ? 'source' : 'middle', kind)
      : kit.existing(kind)
    while (seen.has(other.account)) other = kit.party(inward ? 'source' : 'middle', kind)
    seen.add(other.account)
    let amount = kit.size(300, 8_500)
    if (amount >= 9000 && amount < 10_000) amount = roundAmount(amount * 0.8, kit.profile.currency)
    txs.push({
      at: Math.round(rng.next() * span * H),
      amount,
      debtor: inward ? other : center,
      creditor: inward ? center : other,
    })
  }
  // Mules move the money on: a fan-in is usually cashed out after it, a fan-out fed before it.
  let legs = 0
  if (rng.chance(0.85)) {
    const total = txs.reduce((x, t) => x + t.amount, 0)
    const times = txs.map((t) => t.at)
    legs = rng.int(1, 2)
    const ratio = inward ? rng.range(0.7, 0.95) : rng.range(1.03, 1.25)
    const parts = shares(kit, total * ratio, legs)
    for (let i = 0; i < legs; i++) {
      const other = kit.party(inward ? 'sink' : 'source', 'company')
      const at = inward ? maxOf(times) + kit.hours(8, 1, 30) : minOf(times) - kit.hours(8, 1, 30)
      txs.push({
        at,
        amount: parts[i],
        debtor: inward ? center : other,
        creditor: inward ? other : center,
      })
    }
    // Drafts start at 0: shift when the feeder came first.
    const first = minOf(txs, (t) => t.at)
    for (const t of txs) t.at -= first
  }
  return {
    txs,
    params: {
      counterparties: n,
      span_hours: Number(span.toFixed(1)),
      new_share: Number(fresh.toFixed(2)),
      pass_through_legs: legs,
    },
  }
}

export const fanIn = (kit: Kit): Draft => fan(kit, true)
export const fanOut = (kit: Kit): Draft => fan(kit, false)

/** 3–6 transfers into (or out of) one account within 7 days, each 90–99.9% of 10,000. */
export function structuring(kit: Kit): Draft {
  const { rng } = kit
  const c = rng.int(3, 6)
  const inward = rng.chance(0.6)
  const center = kit.party(inward ? 'sink' : 'source', 'person')
  const sameOther = rng.chance(0.4)
  const fixed = kit.party(inward ? 'source' : 'sink')
  const span = rng.range(20, 150)
  const txs: DraftTx[] = []
  for (let i = 0; i < c; i++) {
    const other = sameOther
      ? fixed
      : i === 0
        ? fixed
        : kit.party(inward ? 'source' : 'sink', 'person')
    txs.push({
      at: Math.round((i / Math.max(1, c - 1)) * span * H * rng.range(0.85, 1)) + i * 600_000,
      amount: roundAmount(rng.range(9_050, 9_990), kit.profile.currency),
      debtor: inward ? other : center,
      creditor: inward ? center : other,
    })
  }
  return {
    txs,
    params: {
      transfers: c,
      direction: inward ? 'in' : 'out',
      span_hours: Number(span.toFixed(1)),
      threshold: 10_000,
    },
  }
}
