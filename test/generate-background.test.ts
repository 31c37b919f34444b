// The background over five weeks (four of them history days before one planted week): history days
// hold no planted transfer, relations recur (standing orders with the same amount each month,
// weekly pay runs to the same suppliers), legitimate supply-chain loops close, month ends are busier
// than mid-month days, and everything is recorded in truth.json.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, type GenerateSummary } from '../src/generate/index.ts'
import { readDayCsv, type Row } from '../src/generate/verify.ts'
import { Truth } from '../src/schema/truth.ts'

let dir: string
let rows: Row[]
let truth: Truth
let summary: GenerateSummary
const DAY = 86_400_000

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-bg-'))
  summary = await generate({
    out: dir,
    seed: 4,
    days: 7,
    historyDays: 28,
    perDay: 1000,
    start: '2026-11-02',
  })
  truth = Truth.parse(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')))
  rows = readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f))
    .sort()
    .flatMap((f) => readDayCsv(join(dir, f)))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('background with history days', () => {
  it('writes the history days first, background only, and counts them apart', () => {
    expect(summary.files).toHaveLength(35)
    expect(summary.files[0].endsWith('2026-10-05.csv')).toBe(true)
    expect(summary.rows).toBe(7000)
    expect(summary.history_rows).toBe(28_000)
    expect(rows).toHaveLength(35_000)
    expect(truth.params).toMatchObject({ rows: 7000, history_rows: 28_000, history_days: 28 })
    const start = Date.parse('2026-11-02T00:00:00Z')
    const byId = new Map(rows.map((r) => [r.tx_id, r]))
    for (const p of truth.patterns)
      for (const t of p.tx_ids) expect(byId.get(t)!.ts, p.id).toBeGreaterThanOrEqual(start)
  })

  it('repeats standing orders with the same amount and reference every month', () => {
    const seen = new Map<string, number[]>()
    for (const r of rows)
      if (/^Sparplan|^Miete|^Rent flat|^Loyer/.test(r.purpose)) {
        const k = `${r.debtor}>${r.creditor} ${r.amount} ${r.purpose}`
        seen.set(k, [...(seen.get(k) ?? []), r.ts])
      }
    const monthly = [...seen.values()].filter(
      (ts) => ts.length >= 2 && ts[1] - ts[0] > 25 * DAY && ts[1] - ts[0] < 35 * DAY,
    )
    expect(monthly.length).toBeGreaterThan(50)
  })

  it('pays the same suppliers again in the next pay runs', () => {
    const runs = truth.benign.filter((b) => b.kind === 'supplier_pay_run')
    expect(runs.length).toBeGreaterThan(5)
    let recurring = 0
    for (const b of runs) {
      const pairs = new Map<string, number>()
      for (const r of rows)
        if (r.debtor === b.accounts[0]) pairs.set(r.creditor, (pairs.get(r.creditor) ?? 0) + 1)
      if ([...pairs.values()].filter((n) => n >= 2).length >= 10) recurring++
    }
    expect(recurring).toBeGreaterThan(runs.length / 2)
  })

  it('closes legitimate supply-chain loops with amounts that are not passed on', () => {
    const byId = new Map(rows.map((r) => [r.tx_id, r]))
    const loops = truth.benign.filter((b) => b.kind === 'supply_chain_loop')
    const closed = loops.filter((b) => {
      const pairs = new Set(b.tx_ids.map((t) => `${byId.get(t)!.debtor}>${byId.get(t)!.creditor}`))
      return b.accounts.every((a, i) =>
        pairs.has(`${a}>${b.accounts[(i + 1) % b.accounts.length]}`),
      )
    })
    expect(closed.length).toBeGreaterThan(0)
    // Each leg pays for its own goods: the legs' amounts are not all within 10% of each other.
    const spread = closed.map((b) => {
      const a = b.tx_ids.map((t) => byId.get(t)!.amount)
      return Math.max(...a) / Math.min(...a)
    })
    expect(Math.max(...spread)).toBeGreaterThan(1.1)
  })

  it('is busier at the month end and on the first days than mid-month', () => {
    const perDay = new Map<string, number>()
    for (const r of rows) {
      const d = new Date(r.ts).toISOString().slice(0, 10)
      perDay.set(d, (perDay.get(d) ?? 0) + 1)
    }
    // 2026-10-30 (Fri, the last business day) and 2026-11-02 (Mon, the first) against mid-month weekdays.
    const mid = ['2026-10-13', '2026-10-14', '2026-10-15'].map((d) => perDay.get(d)!)
    expect(perDay.get('2026-10-30')!).toBeGreaterThan(Math.max(...mid))
    expect(perDay.get('2026-11-02')!).toBeGreaterThan(Math.max(...mid))
  })
})
