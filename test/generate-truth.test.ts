// A generated week read back: every typology planted at least twice, every truth transfer present
// exactly once, every planted pattern within its detection rule, hard negatives outside theirs,
// valid IBANs and well-formed fields throughout.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSV_HEADER, generate, isValidIban, PLANTED_TYPOLOGIES } from '../src/generate/index.ts'
import { checkPattern, parseCsv, readDayCsv, type Row } from '../src/generate/verify.ts'
import { Truth } from '../src/schema/truth.ts'

let dir: string
let rows: Row[]
let byId: Map<string, Row>
let truth: Truth

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-gen-'))
  await generate({ out: dir, seed: 11, days: 7, perDay: 1200, start: '2026-11-02' })
  truth = Truth.parse(JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')))
  rows = readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.csv$/.test(f))
    .sort()
    .flatMap((f) => readDayCsv(join(dir, f)))
  byId = new Map(rows.map((r) => [r.tx_id, r]))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('generated week', () => {
  it('writes 7 day files with the canonical header and the requested row count', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.csv') && f !== 'watchlist.csv')
      .sort()
    expect(files).toEqual(
      [
        '2026-11-02',
        '2026-11-03',
        '2026-11-04',
        '2026-11-05',
        '2026-11-06',
        '2026-11-07',
        '2026-11-08',
      ].map((d) => `${d}.csv`),
    )
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8')
      expect(text.startsWith(CSV_HEADER)).toBe(true)
      const day = readDayCsv(join(dir, f))
      expect(day.length).toBe(1200)
      // Each file holds its own UTC day, in time order.
      for (let i = 0; i < day.length; i++) {
        expect(new Date(day[i].ts).toISOString().slice(0, 10)).toBe(f.slice(0, 10))
        if (i) expect(day[i].ts).toBeGreaterThanOrEqual(day[i - 1].ts)
      }
    }
  })

  it('has unique tx ids and every truth transfer exactly once', () => {
    expect(byId.size).toBe(rows.length)
    const seen = new Set<string>()
    for (const p of truth.patterns)
      for (const t of p.tx_ids) {
        expect(byId.has(t), `${p.id} ${t}`).toBe(true)
        expect(seen.has(t), `${t} in two patterns`).toBe(false)
        seen.add(t)
      }
    for (const b of truth.benign) for (const t of b.tx_ids) expect(byId.has(t)).toBe(true)
  })

  it('plants every typology at least twice, with accounts and routes matching the rows', () => {
    for (const t of PLANTED_TYPOLOGIES)
      expect(truth.patterns.filter((p) => p.typology === t).length, t).toBeGreaterThanOrEqual(2)
    for (const p of truth.patterns) {
      const rs = p.tx_ids.map((t) => byId.get(t)!)
      expect(new Set(p.accounts)).toEqual(new Set(rs.flatMap((r) => [r.debtor, r.creditor])))
      expect(new Set(p.flags.route)).toEqual(
        new Set(rs.flatMap((r) => [r.debtor_country, r.creditor_country])),
      )
    }
    expect(truth.patterns.some((p) => p.flags.controlled_goods)).toBe(true)
    expect(truth.patterns.some((p) => p.flags.listed_party)).toBe(true)
    expect(
      truth.patterns.some((p) => p.flags.route.some((c) => ['RU', 'BY', 'IR'].includes(c))),
    ).toBe(true)
    expect(
      truth.patterns.some((p) =>
        p.flags.route.some((c) =>
          ['AE', 'TR', 'KZ', 'HK', 'CN', 'AM', 'GE', 'KG', 'RS'].includes(c),
        ),
      ),
    ).toBe(true)
  })

  it('keeps every planted pattern inside its detection rule', () => {
    const problems = truth.patterns.flatMap((p) =>
      checkPattern(
        p,
        p.tx_ids.map((t) => byId.get(t)!),
      ).map((x) => `${p.id}: ${x}`),
    )
    expect(problems).toEqual([])
  })

  it('names listed parties in payments with a variant of a watch-list name', () => {
    const [header, ...entries] = parseCsv(readFileSync(join(dir, 'watchlist.csv'), 'utf8'))
    expect(header).toEqual(
      'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change'.split(
        ',',
      ),
    )
    const names = new Map(entries.map((e) => [e[0], [e[2], ...e[3].split(';')]]))
    const listed = truth.patterns.flatMap((p) => p.listed)
    expect(listed.length).toBeGreaterThanOrEqual(4)
    for (const l of listed) {
      expect(names.has(l.entry_id)).toBe(true)
      const inRows = rows.filter((r) => r.creditor === l.account || r.debtor === l.account)
      expect(inRows.length).toBeGreaterThan(0)
      for (const r of inRows) expect([r.creditor_name, r.debtor_name]).toContain(l.name_in_payment)
      if (l.variant !== 'exact' && l.variant !== 'alias')
        expect(names.get(l.entry_id)).not.toContain(l.name_in_payment)
    }
  })

  it('uses valid IBANs, known currencies and JPY without decimals', () => {
    for (const r of rows) {
      for (const a of [r.debtor, r.creditor])
        if (/^[A-Z]{2}[0-9]{2}/.test(a)) expect(isValidIban(a), a).toBe(true)
      expect(['EUR', 'USD', 'GBP', 'CHF', 'CNY', 'AED', 'TRY', 'JPY']).toContain(r.currency)
      expect(r.amount).toBeGreaterThan(0)
      expect(r.debtor).not.toBe(r.creditor)
    }
    const text = readFileSync(join(dir, '2026-11-02.csv'), 'utf8')
    for (const line of text.split('\n').filter((l) => l.includes(',JPY,')))
      expect(line.split(',')[2]).toMatch(/^\d+$/)
    expect(rows.filter((r) => /^[A-Z]{2}[0-9]{2}/.test(r.debtor)).length).toBeGreaterThan(
      rows.length / 2,
    )
  })

  it('keeps background amounts out of the structuring band', () => {
    const allowed = new Set([
      ...truth.patterns.flatMap((p) => p.tx_ids),
      ...truth.benign
        .filter((b) => b.kind === 'recurring_under_threshold')
        .flatMap((b) => b.tx_ids),
    ])
    const inBand = rows.filter(
      (r) => r.amount >= 9000 && r.amount < 10_000 && !allowed.has(r.tx_id),
    )
    expect(inBand.map((r) => r.tx_id)).toEqual([])
  })

  it('keeps the hard negatives outside the rules they imitate', () => {
    const kinds = new Set(truth.benign.map((b) => b.kind))
    for (const k of [
      'refund',
      'payroll',
      'netting',
      'recurring_under_threshold',
      'dual_use_trade',
      'merchant',
      'supplier_hub',
    ])
      expect(kinds.has(k), k).toBe(true)
    for (const b of truth.benign) {
      const rs = b.tx_ids.map((t) => byId.get(t)!).sort((x, y) => x.ts - y.ts)
      if (b.kind === 'refund' && rs.length === 2)
        expect(rs[1].purpose).toMatch(/refund|rückerstattung|remboursement|reembolso/i)
      if (b.kind === 'payroll') {
        expect(new Set(rs.map((r) => r.debtor)).size).toBe(1)
        expect(rs.length).toBeGreaterThanOrEqual(8)
      }
      if (b.kind === 'recurring_under_threshold')
        for (let i = 2; i < rs.length; i++)
          expect(rs[i].ts - rs[i - 2].ts).toBeGreaterThan(7 * 86_400_000)
      if (b.kind === 'netting')
        for (const x of rs)
          for (const y of rs)
            if (x.creditor === y.debtor && y.ts > x.ts) {
              const r = y.amount / x.amount
              expect(r < 0.7 || r > 1.1, `netting hop ratio ${r}`).toBe(true)
            }
    }
  })
})
