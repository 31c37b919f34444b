// generate/: synthetic payment traffic with planted laundering patterns and their answer key.
// One file per day (canonical CSV, Arrow IPC or Parquet), truth.json and a watch list beside them.
// Deterministic per seed: a seeded generator per purpose and per day, no clock, no Math.random.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { Truth } from '../schema/truth.ts'
import { BadInputError } from '../util/errors.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import { Background } from './background.ts'
import { timeOfDay } from './background.ts'
import { formatAmount } from './money.ts'
import { makePlan, patternsPerTypology, runPrograms, type Plan } from './plan.ts'
import { Rng } from './rng.ts'
import type { PlannedTx } from './types.ts'
import { openDaySink, type OutFormat } from './write.ts'
import { watchlistCsv } from './watchlist.ts'

export { isValidIban, makeIban, mod97 } from './iban.ts'
export { PLANTED_TYPOLOGIES, patternsPerTypology } from './plan.ts'
export { CSV_HEADER } from './write.ts'
export { CONTROLLED_GOODS } from './goods.ts'

export const DEFAULT_START = '2026-10-01'
/** Bumped whenever the same seed would give different data. */
export const GENERATOR_VERSION = 'ringwatch-generate/2'

export const GenerateOptions = z.object({
  out: z.string().min(1),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  days: z.number().int().min(1).max(366).default(7),
  /** Days of background only written before start, for a bank's lookback. */
  historyDays: z.number().int().min(0).max(366).default(0),
  perDay: z.number().int().min(1).max(50_000_000).default(5_000),
  accounts: z.number().int().min(100).max(20_000_000).optional(),
  format: z.enum(['csv', 'parquet', 'arrow']).default('csv'),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'start must be YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'start is not a valid date')
    .default(DEFAULT_START),
})
export type GenerateOptions = z.input<typeof GenerateOptions>

export interface GenerateSummary {
  out: string
  seed: number
  days: number
  per_day: number
  accounts: number
  format: OutFormat
  history_days: number
  /** Rows of the planted days (start … start + days), and of the history days before them. */
  rows: number
  history_rows: number
  files: string[]
  patterns: number
  benign: number
  truth: string
  watchlist: string
}

/** Default population: four accounts per daily transfer, within [1,000, 300,000]. */
export function defaultAccounts(perDay: number): number {
  return Math.min(300_000, Math.max(1_000, perDay * 4))
}

function dayPrefix(ms: number): string {
  return new Date(ms).toISOString().slice(0, 11)
}

function hms(msOfDay: number): string {
  const s = Math.floor(msOfDay / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}Z`
}

export async function generate(
  options: GenerateOptions,
  progress: Progress = quietProgress,
): Promise<GenerateSummary> {
  const parsed = GenerateOptions.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BadInputError(`generate: ${issue.path.join('.')}: ${issue.message}`, {
      field: issue.path.join('.'),
    })
  }
  const o = parsed.data
  const accounts = o.accounts ?? defaultAccounts(o.perDay)
  const start = Date.parse(`${o.start}T00:00:00Z`)
  mkdirSync(o.out, { recursive: true })

  progress.start('planning')
  const plan = makePlan({
    seed: o.seed,
    start,
    days: o.days,
    perDay: o.perDay,
    accounts,
    historyDays: o.historyDays,
  })
  progress.done(`${plan.patterns.length} patterns, ${plan.benign.length} benign events`)

  const files: string[] = []
  let rows = 0
  let historyRows = 0
  const totalDays = o.historyDays + o.days
  progress.start('generating rows', totalDays * o.perDay)
  for (let d = 0; d < totalDays; d++) {
    const info = plan.days[d]
    const dayStart = info.ms
    const prefix = dayPrefix(dayStart)
    const file = join(o.out, `${prefix.slice(0, 10)}.${o.format}`)
    const sink = openDaySink(o.format, file)
    const ids = new Rng(o.seed, `ids:${d}`)
    const bg = new Background(new Rng(o.seed, `day:${d}`), plan.pool, dayStart, info.business)
    const quantiles = new Rng(o.seed, `times:${d}`)
    // Planted patterns, benign events and the day's scheduled flows, in time order.
    const planned = plan.byDay[d]
    const scheduled = plan.scheduled?.[d]
    if (scheduled) for (const t of scheduled) planned.push(t)
    else runPrograms(plan.programs, info, o.seed, planned)
    if (plan.scheduled) plan.scheduled[d] = []
    planned.sort((a, b) => a.ts - b.ts)
    const nBg = Math.max(0, plan.targets[d] - planned.length)
    let j = 0
    const emitPlanned = (t: PlannedTx) => {
      if (t.txId) throw new Error('a planned transfer was scheduled twice')
      t.txId = ids.uuid()
      sink.add(
        t.txId,
        prefix + hms(t.ts - dayStart),
        formatAmount(t.amount, t.currency),
        t.currency,
        t.debtor,
        t.creditor,
        t.purpose,
        t.hs,
      )
    }
    for (let i = 0; i < nBg; i++) {
      const tod = timeOfDay((i + quantiles.next()) / nBg)
      while (j < planned.length && planned[j].ts - dayStart <= tod) emitPlanned(planned[j++])
      const r = bg.next()
      sink.add(
        ids.uuid(),
        prefix + hms(tod),
        formatAmount(r.amount, r.currency),
        r.currency,
        r.debtor,
        r.creditor,
        r.purpose,
        r.hs,
      )
      if ((i & 0x3fff) === 0) progress.update(rows + historyRows + i, prefix.slice(0, 10))
    }
    while (j < planned.length) emitPlanned(planned[j++])
    // Transfers of benign events and patterns keep their objects (truth needs their ids); the
    // day's scheduled flows are dropped with the day.
    plan.byDay[d] = []
    await sink.close()
    if (d < o.historyDays) historyRows += nBg + planned.length
    else rows += nBg + planned.length
    files.push(file)
    progress.update(rows + historyRows, prefix.slice(0, 10))
    // Let timers and I/O run between days (the day loop itself is synchronous).
    await new Promise((resolve) => setImmediate(resolve))
  }
  progress.done(`${(rows + historyRows).toLocaleString('en')} rows in ${files.length} files`)

  const truthPath = join(o.out, 'truth.json')
  const truth = buildTruth(plan, o.seed, {
    start: o.start,
    days: o.days,
    per_day: o.perDay,
    history_days: o.historyDays,
    first_day: new Date(plan.first).toISOString().slice(0, 10),
    rows,
    history_rows: historyRows,
    accounts,
    format: o.format,
    generator: GENERATOR_VERSION,
    patterns_per_typology: patternsPerTypology(o.days),
    refund_wording: ['Refund', 'Rückerstattung', 'Remboursement', 'Reembolso'],
    structuring_threshold: 10_000,
  })
  writeFileSync(truthPath, JSON.stringify(truth, null, 1) + '\n')
  const watchlist = join(o.out, 'watchlist.csv')
  writeFileSync(watchlist, watchlistCsv(new Rng(o.seed, 'watchlist-csv'), plan.entities))
  return {
    out: o.out,
    seed: o.seed,
    days: o.days,
    per_day: o.perDay,
    accounts,
    format: o.format,
    history_days: o.historyDays,
    rows,
    history_rows: historyRows,
    files,
    patterns: plan.patterns.length,
    benign: truth.benign.length,
    truth: truthPath,
    watchlist,
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z'
}

function idsOf(txs: PlannedTx[]): string[] {
  return txs.map((t) => {
    if (!t.txId) throw new Error('planned transfer was not written')
    return t.txId
  })
}

function uniqueInOrder(xs: string[]): string[] {
  return [...new Set(xs)]
}

export function buildTruth(plan: Plan, seed: number, params: Record<string, unknown>): Truth {
  return Truth.parse({
    seed,
    params,
    patterns: plan.patterns.map((p) => {
      const byTime = [...p.txs].sort((a, b) => a.ts - b.ts)
      return {
        id: p.id,
        typology: p.typology,
        tx_ids: idsOf(p.txs),
        accounts: uniqueInOrder(p.txs.flatMap((t) => [t.debtor.account, t.creditor.account])),
        flags: {
          controlled_goods: p.controlledGoods,
          listed_party: p.listedParty,
          route: uniqueInOrder(byTime.flatMap((t) => [t.debtor.country, t.creditor.country])),
        },
        first_ts: iso(byTime[0].ts),
        last_ts: iso(byTime[byTime.length - 1].ts),
        params: p.params,
        listed: p.listed,
      }
    }),
    benign: [...plan.benign, ...plan.programBenign()].map((b) => ({
      id: b.id,
      kind: b.kind,
      accounts: b.accounts,
      tx_ids: idsOf(b.txs),
      ...(b.params ? { params: b.params } : {}),
    })),
  })
}
