// The plan of a generation run: the background population, every planted pattern and every benign
// look-alike, placed in time and bucketed by day. Only the random background stream is left for
// the writer, so memory stays proportional to the planted part, not to the row count.
import { TYPOLOGIES } from '../schema/finding.ts'
import { CONTROLLED_GOODS, CONTROLLED_HS } from './goods.ts'
import { Kit, type Draft, type Profile, type RouteKind, type GoodsKind } from './kit.ts'
import { Registry } from './parties.ts'
import {
  bipartite,
  fanIn,
  fanOut,
  gatherScatter,
  scatterGather,
  stack,
  structuring,
} from './patterns-set.ts'
import { cycle, layering, randomWalk } from './patterns-flow.ts'
import { goodsMismatch, sanctions } from './patterns-screen.ts'
import { buildPool, type Pool } from './pool.ts'
import { Rng } from './rng.ts'
import { maxOf, minOf, pushAll } from '../util/array.ts'
import { planBenign } from './benign.ts'
import { CrossBorderTrade } from './bg-crossborder.ts'
import { GroupTreasury } from './bg-groups.ts'
import { Household } from './bg-household.ts'
import { TradeLoops } from './bg-loops.ts'
import { Payroll } from './bg-payroll.ts'
import { Settlements } from './bg-cards.ts'
import { VatPayments } from './bg-tax.ts'
import { SupplierPayRuns } from './bg-trade.ts'
import { dayInfo, dayTargets, type DayInfo } from './calendar.ts'
import type { Program } from './flows.ts'
import { fromEur, payCurrency } from './money.ts'
import { billPurpose, p2pPurpose } from './purposes.ts'
import {
  DAY_MS,
  HOUR_MS,
  type PlannedBenign,
  type PlannedPattern,
  type PlannedTx,
} from './types.ts'
import { makeListedEntities, type ListedEntity } from './watchlist.ts'

export interface PlanInput {
  seed: number
  /** Epoch ms of the first day with planted patterns, 00:00 UTC. */
  start: number
  days: number
  perDay: number
  accounts: number
  /** Days of background only before start (a bank's lookback). */
  historyDays?: number
}

export interface Plan {
  pool: Pool
  reg: Registry
  patterns: PlannedPattern[]
  /** One-off benign events and the planted accounts' cover history (with their transfers). */
  benign: PlannedBenign[]
  /** Planned transfers of each written day, history days first (unsorted). */
  byDay: PlannedTx[][]
  entities: ListedEntity[]
  /** The recurring background flows, run day by day while writing. */
  programs: Program[]
  /** Their benign structures (complete once every day is written). */
  programBenign: () => PlannedBenign[]
  /** Calendar and row target of each written day. */
  days: DayInfo[]
  targets: number[]
  /** Epoch ms of the first written day (start − history days). */
  first: number
  /** Share of the population taking part in the recurring flows. */
  share: number
  /** The scheduled transfers of each day when the counting pass kept them (small data), else
   *  null: the writer runs the programs again, day by day. */
  scheduled: PlannedTx[][] | null
}

/** Scheduled transfers the counting pass keeps for the writer (about 150 bytes each) rather than
 *  running every program a second time. */
const KEEP_SCHEDULED = 3_000_000

/** Every alert typology, plus AMLSim's random walk (which no detector targets by name). */
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

/** Longest span a typology may take (the detection rule's bound, with margin). */
const MAX_SPAN: Partial<Record<PlantedTypology, number>> = {
  cycle: 29 * DAY_MS,
  layering: 25 * DAY_MS,
  random: 25 * DAY_MS,
}
const SET_SPAN = 6.5 * DAY_MS

/** How many patterns of each typology a run plants. */
export function patternsPerTypology(days: number): number {
  return Math.max(2, Math.ceil(days / 2))
}

function chooseProfile(rng: Rng, typology: PlantedTypology): Profile {
  let route: RouteKind = rng.weighted([
    ['plain', 40],
    ['hub', 25],
    ['sanctioned', 15],
    ['listed', 20],
  ] as const)
  let goods: GoodsKind = rng.chance(0.35) ? rng.pick(['hs', 'desc', 'both'] as const) : 'none'
  if (typology === 'sanctions') route = 'listed'
  if (typology === 'goods_mismatch') [route, goods] = ['hub', 'hs']
  if (typology === 'structuring' || typology === 'fan_in') goods = 'none'
  const currency =
    typology === 'structuring'
      ? rng.weighted([
          ['EUR', 70],
          ['USD', 15],
          ['GBP', 10],
          ['CHF', 5],
        ] as const)
      : route === 'plain'
        ? rng.weighted([
            ['EUR', 75],
            ['USD', 10],
            ['GBP', 7],
            ['CHF', 8],
          ] as const)
        : rng.weighted([
            ['USD', 50],
            ['EUR', 40],
            ['AED', 5],
            ['CNY', 5],
          ] as const)
  return { route, goods, currency }
}

const CONTROLLED_WORDS = CONTROLLED_GOODS.flatMap(([, , d]) => d)

export function isControlled(purpose: string, hs: string): boolean {
  const code = hs.replace(/\./g, '').slice(0, 6)
  return CONTROLLED_HS.has(code) || CONTROLLED_WORDS.some((w) => purpose.includes(w))
}

/** 1–3 small ordinary payments of each dedicated pattern account, days before the pattern starts. */
function coverHistory(rng: Rng, kit: Kit, txs: PlannedTx[], start: number): PlannedTx[] {
  const first = minOf(txs, (t) => t.ts)
  if (first - start < 2 * DAY_MS) return []
  const own = new Set<string>()
  const parties = txs
    .flatMap((t) => [t.debtor, t.creditor])
    .filter((p) => {
      if (kit.borrowed.has(p.account) || own.has(p.account)) return false
      own.add(p.account)
      return true
    })
  const out: PlannedTx[] = []
  for (const p of parties)
    for (let i = rng.int(1, 3); i > 0; i--) {
      const other = kit.existing(rng.chance(0.5) ? 'person' : 'company')
      const ts = Math.floor((start + rng.next() * (first - DAY_MS - start)) / 1000) * 1000
      const currency = payCurrency(rng, p.country, other.country)
      const amount = fromEur(rng.logNormal(120, 0.7), currency)
      const outgoing = rng.chance(0.6)
      out.push({
        ts,
        amount,
        currency,
        debtor: outgoing ? p : other,
        creditor: outgoing ? other : p,
        purpose: outgoing ? billPurpose(rng) : p2pPurpose(rng),
        hs: '',
      })
    }
  return out
}

/** Places a draft inside [start, end): scaled down when longer than allowed, order kept. */
function place(rng: Rng, draft: Draft, start: number, end: number, maxSpan: number): number[] {
  const dur = maxOf(draft.txs, (t) => t.at)
  const avail = end - start - 2 * HOUR_MS
  let s = dur > maxSpan ? maxSpan / dur : 1
  if (dur * s > avail) s = (avail * 0.98) / dur
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

export function makePlan(input: PlanInput): Plan {
  const { seed, start, days, perDay, accounts } = input
  const historyDays = input.historyDays ?? 0
  const first = start - historyDays * DAY_MS
  const end = start + days * DAY_MS
  const total = historyDays + days
  const reg = new Registry(new Rng(seed, 'accounts'))
  const pool = buildPool(new Rng(seed, 'pool'), reg, accounts, first, end)
  const rng = new Rng(seed, 'plan')
  const entities = makeListedEntities(new Rng(seed, 'watchlist'), 40)
  const byDay: PlannedTx[][] = Array.from({ length: total }, () => [])
  const add = (tx: PlannedTx) => byDay[Math.floor((tx.ts - first) / DAY_MS)].push(tx)

  const patterns: PlannedPattern[] = []
  const covers: PlannedTx[] = []
  const per = patternsPerTypology(days)
  let n = 0
  for (let round = 0; round < per; round++)
    for (const typology of PLANTED_TYPOLOGIES) {
      const profile = chooseProfile(rng, typology)
      const kit = new Kit(rng, reg, pool, profile, entities)
      const draft = BUILDERS[typology](kit)
      const ts = place(rng, draft, start, end, MAX_SPAN[typology] ?? SET_SPAN)
      const txs: PlannedTx[] = draft.txs.map((d, i) => {
        const w =
          d.purpose !== undefined ? { purpose: d.purpose, hs: d.hs ?? '' } : kit.wording(d.debtor)
        return {
          ts: ts[i],
          amount: d.amount,
          currency: profile.currency,
          debtor: d.debtor,
          creditor: d.creditor,
          ...w,
        }
      })
      txs.forEach(add)
      // Some rings use accounts with a little ordinary history before the ring, so that being
      // freshly seen is a hint, not a giveaway.
      const aged = rng.chance(0.4)
      if (aged) pushAll(covers, coverHistory(rng, kit, txs, first))
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
          currency: profile.currency,
          aged_accounts: aged,
        },
      })
    }

  const infos = Array.from({ length: total }, (_, d) => dayInfo(d, first + d * DAY_MS))
  const benign = planBenign(new Rng(seed, 'benign'), reg, pool, { first, end, perDay })
  if (covers.length)
    benign.push({
      id: 'B99999-cover_history',
      kind: 'cover_history',
      accounts: [...new Set(covers.flatMap((t) => [t.debtor.account, t.creditor.account]))],
      txs: covers,
    })
  for (const b of benign) b.txs.forEach(add)
  // New customers: accounts opened during the data, ordinary from their first day.
  const fresh = [...pool.persons, ...pool.companies].filter((p) => p.opened !== undefined)
  if (fresh.length)
    benign.push({
      id: 'B99998-new_customer',
      kind: 'new_customer',
      accounts: fresh.map((p) => p.account),
      txs: [],
      params: { accounts: fresh.length },
    })

  // Recurring flows. Every account takes part at the default density of four accounts per daily
  // transfer (a sparser population proportionally less); when they would fill more than 85% of
  // the rows, fewer accounts take part. A counting pass runs every day once to size the filler.
  let share = Math.min(1, (4 * perDay) / accounts)
  let programs = buildPrograms(seed, reg, pool, share)
  let run = countDays(programs, infos, seed)
  for (let round = 0; round < 3; round++) {
    const fixed = run.counts.reduce((a, n, d) => a + n + byDay[d].length, 0)
    if (fixed <= 0.85 * total * perDay) break
    share *= (0.8 * total * perDay) / fixed
    programs = buildPrograms(seed, reg, pool, share)
    run = countDays(programs, infos, seed)
  }
  const fixed = run.counts.map((n, d) => n + byDay[d].length)
  const targets = [
    ...fillerTargets(infos.slice(0, historyDays), fixed.slice(0, historyDays), perDay),
    ...fillerTargets(infos.slice(historyDays), fixed.slice(historyDays), perDay),
  ]
  return {
    pool,
    reg,
    patterns,
    benign,
    byDay,
    entities,
    programs,
    programBenign: () => programs.flatMap((p) => p.log.list()),
    days: infos,
    targets,
    first,
    share,
    scheduled: run.kept,
  }
}

function buildPrograms(seed: number, reg: Registry, pool: Pool, share: number): Program[] {
  return [
    new Payroll(new Rng(seed, 'bg:payroll'), reg, pool, share),
    new Household(new Rng(seed, 'bg:household'), pool, share),
    new SupplierPayRuns(new Rng(seed, 'bg:trade'), pool, share),
    new Settlements(new Rng(seed, 'bg:cards'), pool, share),
    new VatPayments(new Rng(seed, 'bg:vat'), pool, share),
    new GroupTreasury(new Rng(seed, 'bg:groups'), reg, pool, share),
    new CrossBorderTrade(new Rng(seed, 'bg:cross-border'), pool, share),
    new TradeLoops(new Rng(seed, 'bg:loops'), pool, share),
  ]
}

/** Appends day d's scheduled transfers of every program to out. */
export function runPrograms(programs: Program[], info: DayInfo, seed: number, out: PlannedTx[]) {
  for (const p of programs) p.day(info, new Rng(seed, `flow:${p.name}:${info.index}`), out)
}

/**
 * Scheduled transfers per day: every day run once. The transfers are kept while they fit
 * KEEP_SCHEDULED (the programs have then run: the writer uses them); past it they are dropped and
 * the programs start afresh, to run again while writing.
 */
function countDays(
  programs: Program[],
  infos: DayInfo[],
  seed: number,
): { counts: number[]; kept: PlannedTx[][] | null } {
  let kept: PlannedTx[][] | null = []
  let n = 0
  const counts = infos.map((info) => {
    const out: PlannedTx[] = []
    runPrograms(programs, info, seed, out)
    n += out.length
    if (kept && n <= KEEP_SCHEDULED) kept.push(out)
    else kept = null
    return out.length
  })
  if (!kept) for (const p of programs) p.reset()
  return { counts, kept }
}

/**
 * Rows of each day: its scheduled and planned transfers plus unscheduled ones, which fill the
 * segment up to perDay × days and are shared by the day's weight (quiet weekends); a day never has
 * fewer rows than it has scheduled.
 */
function fillerTargets(infos: DayInfo[], fixed: number[], perDay: number): number[] {
  if (!infos.length) return []
  const total = perDay * infos.length
  const filler = Math.max(0, total - fixed.reduce((a, b) => a + b, 0))
  const shares = dayTargets(infos, filler / Math.max(1, infos.length))
  const out = fixed.map((f, d) => f + shares[d])
  return out
}
