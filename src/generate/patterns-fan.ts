// Planted fans and structuring:
//   fan_in / fan_out — one account and 4–16 counterparties ("max 16-degree" in AMLworld's pattern
//     files; AMLSim's FanIn/FanOutTypology), spread over hours to days; mules usually move the money
//     on (cash-out after a fan-in, a feeder before a fan-out);
//   structuring — several transfers just under a reporting threshold (10,000 in the currency: EU
//     AMLD cash threshold, 31 U.S.C. 5313/5324) into or out of one account within days, by one
//     counterparty or by several (smurfing; FATF red-flag indicators).
import type { Draft, DraftTx, Kit } from './kit.ts'
import { degree, shiftToZero, split } from './patterns-set.ts'

const H = 3_600_000

function fan(kit: Kit, inward: boolean): Draft {
  const { rng } = kit
  const n = degree(kit, 4, 16)
  const center = kit.party(inward ? 'sink' : 'source')
  const span = Math.min(
    kit.profile.maxSpan,
    kit.profile.speed === 'hours' ? rng.range(2, 24) * H : rng.range(24, 120) * H,
  )
  const amounts = rng.weighted([
    ['similar', 4],
    ['random', 4],
    ['under_threshold', 2],
  ] as const)
  const base = amounts === 'under_threshold' ? 0 : kit.value(300, 25_000)
  const fresh = rng.chance(0.6)
  const txs: DraftTx[] = []
  const seen = new Set<string>([center.account])
  for (let i = 0; i < n; i++) {
    const kind = rng.chance(0.7) ? 'person' : 'company'
    let other = fresh ? kit.party(inward ? 'source' : 'middle', kind) : kit.existing(kind)
    while (seen.has(other.account)) other = kit.party(inward ? 'source' : 'middle', kind)
    seen.add(other.account)
    const eur =
      amounts === 'similar'
        ? base * rng.range(0.95, 1.05)
        : amounts === 'random'
          ? kit.value(300, 25_000)
          : rng.range(7_000, 9_900)
    const [d, c] = inward ? [other, center] : [center, other]
    txs.push({
      at: Math.round(rng.next() * span),
      eur,
      currency: kit.currency(d, c),
      debtor: d,
      creditor: c,
    })
  }
  // Mules move the money on: a fan-in is usually cashed out after it, a fan-out fed before it.
  let legs = 0
  if (rng.chance(0.75)) {
    legs = rng.int(1, 2)
    const total =
      txs.reduce((x, t) => x + t.eur, 0) * (inward ? rng.range(0.85, 0.98) : rng.range(1.02, 1.15))
    const times = txs.map((t) => t.at)
    const edge = inward
      ? times.reduce((a, b) => Math.max(a, b), 0)
      : times.reduce((a, b) => Math.min(a, b), Infinity)
    for (const part of split(kit, total, legs)) {
      const other = kit.party(inward ? 'sink' : 'source', 'company')
      const at = inward ? edge + kit.gap() : edge - kit.gap()
      const [d, c] = inward ? [center, other] : [other, center]
      txs.push({ at, eur: part, currency: kit.currency(d, c), debtor: d, creditor: c })
    }
    shiftToZero(txs)
  }
  return {
    txs,
    params: {
      counterparties: n,
      span_hours: Number((span / H).toFixed(1)),
      amounts,
      new_counterparties: fresh,
      pass_through_legs: legs,
    },
  }
}

export const fanIn = (kit: Kit): Draft => fan(kit, true)
export const fanOut = (kit: Kit): Draft => fan(kit, false)

/** 3–8 transfers of 85–99.9% of 10,000 (in the pattern's currency) into or out of one account. */
export function structuring(kit: Kit): Draft {
  const { rng } = kit
  const c = rng.int(3, 8)
  const inward = rng.chance(0.6)
  const center = kit.party(inward ? 'sink' : 'source', 'person')
  const smurfs = rng.chance(0.5)
  const fixed = kit.party(inward ? 'source' : 'sink')
  const cur = kit.profile.currencies[0]
  const span = Math.min(kit.profile.maxSpan, rng.range(6, 240) * H)
  const txs: DraftTx[] = []
  for (let i = 0; i < c; i++) {
    const other = smurfs && i > 0 ? kit.party(inward ? 'source' : 'sink', 'person') : fixed
    const [d, cr] = inward ? [other, center] : [center, other]
    txs.push({
      at: Math.round((i / (c - 1)) * span * rng.range(0.8, 1)) + i * 600_000,
      eur: rng.range(8_500, 9_990),
      currency: cur,
      native: true,
      debtor: d,
      creditor: cr,
    })
  }
  return {
    txs,
    params: {
      transfers: c,
      direction: inward ? 'in' : 'out',
      span_hours: Number((span / H).toFixed(1)),
      threshold: 10_000,
      counterparties: smurfs ? 'many' : 'one',
      amounts_in_currency: true,
    },
  }
}
