// Plants the laundering patterns of a run: for each typology, several patterns, each with a profile
// drawn at random (risk context, currencies, speed, accounts — see kit.ts), built by its typology's
// builder, placed at a random time inside the planted days and priced in each hop's currency at the
// day's sample rate. Aged accounts get a little ordinary history before the pattern. Nothing here
// knows how ringwatch detects: the patterns follow their public definitions only.
import { TYPOLOGIES } from '../schema/finding.ts'
import { perEurOn } from './fx.ts'
import { CONTROLLED_GOODS, CONTROLLED_HS } from './goods.ts'
import {
  Kit,
  type AccountsKind,
  type Draft,
  type GoodsKind,
  type Profile,
  type RouteKind,
  type Speed,
} from './kit.ts'
import { fromEur, payCurrency, roundAmount } from './money.ts'
import type { Registry } from './parties.ts'
import { cycle, layering, randomWalk } from './patterns-flow.ts'
import { goodsMismatch, sanctions } from './patterns-screen.ts'
import { fanIn, fanOut, structuring } from './patterns-fan.ts'
import { bipartite, gatherScatter, scatterGather, stack } from './patterns-set.ts'
import type { Pool } from './population.ts'
import { billPurpose, p2pPurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import { DAY_MS, HOUR_MS, type PlannedPattern, type PlannedTx } from './types.ts'
import type { ListedEntity } from './watchlist.ts'

/** Every alert typology, plus AMLworld's / AMLSim's random walk. */
export const PLANTED_TYPOLOGIES = [...TYPOLOGIES, 'random'] as const
export type PlantedTypology = (typeof PLANTED_TYPOLOGIES)[number]

const BUILDERS: Record<PlantedTypology, (kit: Kit) => Draft> = {
  cycle,
  layering,
  scatter_gather: scatterGather,
  gather_scatter: gatherScatter,
  bipartite,
  stack,
  fan_in: fanIn,
  fan_out: fanOut,
  structuring,
  sanctions,
  goods_mismatch: goodsMismatch,
  random: randomWalk,
}

/** How many patterns of each typology a run plants. */
export function patternsPerTypology(days: number): number {
  return Math.max(2, Math.ceil(days / 2))
}

const EXTRA_CURRENCIES = ['GBP', 'CHF', 'AED', 'CNY', 'TRY', 'JPY'] as const

function chooseProfile(rng: Rng, typology: PlantedTypology, maxSpan: number): Profile {
  let route: RouteKind = rng.weighted([
    ['plain', 40],
    ['hub', 25],
    ['sanctioned', 15],
    ['listed', 20],
  ] as const)
  let goods: GoodsKind = rng.chance(0.35) ? rng.pick(['hs', 'desc', 'both'] as const) : 'none'
  if (typology === 'sanctions') route = 'listed'
  if (typology === 'structuring' || typology === 'fan_in') goods = 'none'
  let currencies: string[]
  if (typology === 'structuring')
    currencies = [
      rng.weighted([
        ['EUR', 60],
        ['USD', 20],
        ['GBP', 12],
        ['CHF', 8],
      ] as const),
    ]
  else if (rng.chance(0.6))
    currencies = [
      rng.weighted([
        ['EUR', 55],
        ['USD', 25],
        ['GBP', 5],
        ['CHF', 5],
        ['AED', 4],
        ['CNY', 3],
        ['TRY', 2],
        ['JPY', 1],
      ] as const),
    ]
  else currencies = ['EUR', 'USD', ...rng.sample(EXTRA_CURRENCIES, rng.int(0, 2))]
  let speed: Speed = rng.weighted([
    ['hours', 40],
    ['days', 40],
    ['slow', 20],
  ] as const)
  if (speed === 'slow' && maxSpan < 10 * DAY_MS) speed = 'days'
  const accounts: AccountsKind =
    typology === 'random'
      ? rng.chance(0.6)
        ? 'fresh'
        : 'aged'
      : rng.weighted([
          ['fresh', 40],
          ['aged', 30],
          ['borrowed', 10],
          ['mixed', 20],
        ] as const)
  return { route, goods, currencies, speed, accounts, maxSpan }
}

const CONTROLLED_WORDS = CONTROLLED_GOODS.flatMap(([, , d]) => d)

/** Controlled goods on a transfer: a controlled HS code (or its HS 2017 predecessor) or wording. */
export function isControlled(purpose: string, hs: string): boolean {
  const code = hs.replace(/\./g, '').slice(0, 6)
  return CONTROLLED_HS.has(code) || CONTROLLED_WORDS.some((w) => purpose.includes(w))
}

/** 1–3 small ordinary payments of each new pattern account, between first and a day before it. */
function coverHistory(rng: Rng, kit: Kit, txs: PlannedTx[], first: number): PlannedTx[] {
  const begin = txs.reduce((m, t) => Math.min(m, t.ts), Infinity)
  if (begin - first < 2 * DAY_MS) return []
  const own = new Set<string>()
  const out: PlannedTx[] = []
  for (const t of txs)
    for (const p of [t.debtor, t.creditor]) {
      if (kit.borrowed.has(p.account) || own.has(p.account)) continue
      if (kit.listed.some((l) => l.account === p.account)) continue
      own.add(p.account)
      for (let i = rng.int(1, 3); i > 0; i--) {
        const other = kit.existing(rng.chance(0.5) ? 'person' : 'company')
        const ts = Math.floor((first + rng.next() * (begin - DAY_MS - first)) / 1000) * 1000
        const currency = payCurrency(rng, p.country, other.country)
        const outgoing = rng.chance(0.6)
        out.push({
          ts,
          amount: fromEur(rng.logNormal(120, 0.7), currency),
          currency,
          debtor: outgoing ? p : other,
          creditor: outgoing ? other : p,
          purpose: outgoing ? billPurpose(rng) : p2pPurpose(rng),
          hs: '',
        })
      }
    }
  return out
}

/** Places a draft inside [start, end): shrunk only when longer than the run; order kept. */
function place(rng: Rng, draft: Draft, start: number, end: number): number[] {
  const dur = draft.txs.reduce((m, t) => Math.max(m, t.at), 0)
  const avail = end - start - 2 * HOUR_MS
  const s = dur > avail ? (avail * 0.98) / dur : 1
  const t0 = start + HOUR_MS + rng.next() * (avail - dur * s)
  const ts = draft.txs.map((t) => Math.floor((t0 + t.at * s) / 1000) * 1000)
  // Keep strict order where the draft had it (rounding to seconds must not create ties).
  const idx = draft.txs.map((_, i) => i).sort((a, b) => draft.txs[a].at - draft.txs[b].at)
  for (let k = 1; k < idx.length; k++) {
    const [p, q] = [idx[k - 1], idx[k]]
    if (draft.txs[q].at > draft.txs[p].at && ts[q] <= ts[p]) ts[q] = ts[p] + 1000
  }
  return ts
}

export interface Planted {
  patterns: PlannedPattern[]
  /** Cover history of aged pattern accounts. */
  covers: PlannedTx[]
}

export function plantPatterns(
  rng: Rng,
  reg: Registry,
  pool: Pool,
  entities: ListedEntity[],
  r: { first: number; start: number; end: number; days: number },
): Planted {
  const patterns: PlannedPattern[] = []
  const covers: PlannedTx[] = []
  const maxSpan = r.end - r.start - 2 * HOUR_MS
  let n = 0
  const rounds = patternsPerTypology(r.days)
  // Each round's sizes are drawn from its own slice of each typology's distribution (Kit.sized);
  // the slices are dealt to the rounds in a shuffled order, so size does not grow with the id.
  const order = new Map(
    PLANTED_TYPOLOGIES.map((t) => [t, rng.sample([...Array(rounds).keys()], rounds)]),
  )
  for (let round = 0; round < rounds; round++)
    for (const typology of PLANTED_TYPOLOGIES) {
      const profile = chooseProfile(rng, typology, maxSpan)
      const kit = new Kit(rng, reg, pool, profile, entities, order.get(typology)![round], rounds)
      const draft = BUILDERS[typology](kit)
      const ts = place(rng, draft, r.start, r.end)
      const txs: PlannedTx[] = draft.txs.map((d, i) => {
        const w =
          d.purpose !== undefined ? { purpose: d.purpose, hs: d.hs ?? '' } : kit.wording(d.debtor)
        return {
          ts: ts[i],
          amount: roundAmount(d.native ? d.eur : d.eur * perEurOn(d.currency, ts[i]), d.currency),
          currency: d.currency,
          debtor: d.debtor,
          creditor: d.creditor,
          ...w,
        }
      })
      const cover = profile.accounts === 'aged' ? coverHistory(rng, kit, txs, r.first) : []
      for (const t of cover) covers.push(t)
      const first = txs.reduce((m, t) => Math.min(m, t.ts), Infinity)
      const last = txs.reduce((m, t) => Math.max(m, t.ts), 0)
      const used = [...new Set(txs.map((t) => t.currency))]
      patterns.push({
        id: `P${String(++n).padStart(4, '0')}-${typology}`,
        typology,
        txs,
        controlledGoods: txs.some((t) => isControlled(t.purpose, t.hs)),
        listedParty: kit.listed.length > 0,
        listed: kit.listed,
        params: {
          ...draft.params,
          route_kind: profile.route,
          goods_kind: profile.goods,
          currency_mode: used.length > 1 ? 'multi' : 'single',
          currencies: used,
          fx_spreads: kit.spreads,
          speed: profile.speed,
          span_hours: Number(((last - first) / HOUR_MS).toFixed(1)),
          accounts: profile.accounts,
          cover_transfers: cover.length,
        },
      })
    }
  return { patterns, covers }
}
