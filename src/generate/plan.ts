// The plan of a generation run: the background population, the planted patterns (plant.ts), the
// benign events, the recurring flows (bg-*.ts programs) and each day's row target. The unscheduled
// background stream and, for large runs, the scheduled flows are generated day by day while
// writing, so memory stays proportional to the planted part and one day, not to the row count.
import { planBenign } from './benign.ts'
import { Settlements } from './bg-cards.ts'
import { CrossBorderTrade } from './bg-crossborder.ts'
import { GroupTreasury } from './bg-groups.ts'
import { Household } from './bg-household.ts'
import { TradeLoops } from './bg-loops.ts'
import { Payroll } from './bg-payroll.ts'
import { VatPayments } from './bg-tax.ts'
import { SupplierPayRuns } from './bg-trade.ts'
import { dayInfo, dayTargets, type DayInfo } from './calendar.ts'
import type { Program } from './flows.ts'
import { Registry } from './parties.ts'
import { plantPatterns } from './plant.ts'
import { buildPool, type Pool } from './population.ts'
import { Rng } from './rng.ts'
import { DAY_MS, type PlannedBenign, type PlannedPattern, type PlannedTx } from './types.ts'
import { makeListedEntities, type ListedEntity } from './watchlist.ts'

export { PLANTED_TYPOLOGIES, patternsPerTypology, isControlled } from './plant.ts'
export type { PlantedTypology } from './plant.ts'

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

  const { patterns, covers } = plantPatterns(rng, reg, pool, entities, { first, start, end, days })
  for (const p of patterns) p.txs.forEach(add)

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
