// A generated week read back: every typology planted at least twice, every truth transfer present
// exactly once, every planted pattern within its detection rule, hard negatives outside theirs,
// valid IBANs and well-formed fields throughout.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONTROLLED_GOODS,
  CSV_HEADER,
  generate,
  isValidIban,
  PLANTED_TYPOLOGIES,
} from '../src/generate/index.ts'
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
  it('writes 7 day files with the canonical header, the requested rows in all, quieter weekends', () => {
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
    const perFile = new Map<string, number>()
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8')
      expect(text.startsWith(CSV_HEADER)).toBe(true)
      const day = readDayCsv(join(dir, f))
      perFile.set(f.slice(0, 10), day.length)
      // Each file holds its own UTC day, in time order.
      for (let i = 0; i < day.length; i++) {
        expect(new Date(day[i].ts).toISOString().slice(0, 10)).toBe(f.slice(0, 10))
        if (i) expect(day[i].ts).toBeGreaterThanOrEqual(day[i - 1].ts)
      }
    }
    expect(rows.length).toBe(7 * 1200)
    expect(truth.params.rows).toBe(7 * 1200)
    // 2026-11-07/08 are a weekend: fewer transfers than any weekday.
    const weekday = Math.min(
      ...['02', '03', '04', '05', '06'].map((d) => perFile.get(`2026-11-${d}`)!),
    )
    expect(perFile.get('2026-11-07')!).toBeLessThan(weekday / 2)
    expect(perFile.get('2026-11-08')!).toBeLessThan(weekday / 2)
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

  it("keeps every planted pattern inside its typology's public definition", () => {
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

  it('has near-threshold and round amounts in ordinary traffic too', () => {
    const planted = new Set(truth.patterns.flatMap((p) => p.tx_ids))
    const ordinary = rows.filter((r) => !planted.has(r.tx_id))
    const inBand = ordinary.filter((r) => r.amount >= 9000 && r.amount < 10_000)
    expect(inBand.length).toBeGreaterThan(5)
    const round = ordinary.filter((r) => r.amount >= 100 && r.amount % 50 === 0)
    expect(round.length).toBeGreaterThan(ordinary.length / 50)
  })

  it('records benign look-alikes of every kind, each with the shape it imitates', () => {
    const kinds = new Map<string, Truth['benign']>()
    for (const b of truth.benign) kinds.set(b.kind, [...(kinds.get(b.kind) ?? []), b])
    for (const k of [
      'refund',
      'returned_payment',
      'payroll',
      'supplier_pay_run',
      'wholesaler_collections',
      'utility_collections',
      'acquirer_settlement',
      'tax_collections',
      'cash_pool',
      'intercompany_netting',
      'supply_chain_loop',
      'hub_trade',
      'dual_use_trade',
      'recurring_under_threshold',
      'new_customer',
    ])
      expect(kinds.has(k), k).toBe(true)
    const of = (b: Truth['benign'][number]) =>
      b.tx_ids.map((t) => byId.get(t)!).sort((x, y) => x.ts - y.ts)
    for (const b of truth.benign) {
      for (const t of b.tx_ids) expect(byId.has(t), `${b.id} ${t}`).toBe(true)
      const rs = of(b)
      if (b.kind === 'refund' && rs.length === 2) {
        expect([rs[1].debtor, rs[1].creditor]).toEqual([rs[0].creditor, rs[0].debtor])
        expect(rs[1].purpose).toMatch(/refund|rückerstattung|remboursement|reembolso/i)
      }
      if (b.kind === 'returned_payment' && rs.length === 2) {
        expect([rs[1].debtor, rs[1].creditor, rs[1].amount]).toEqual([
          rs[0].creditor,
          rs[0].debtor,
          rs[0].amount,
        ])
      }
      if (b.kind === 'recurring_under_threshold')
        for (const r of rs) expect(r.amount >= 9000 && r.amount < 10_000).toBe(true)
      if (b.kind === 'intercompany_netting' && rs.length >= 2) {
        const dirs = new Set(rs.map((r) => `${r.debtor}>${r.creditor}`))
        expect(dirs.size).toBe(2)
      }
      if (b.kind === 'loan_purchase' && rs.length === 2) {
        expect(rs[0].creditor).toBe(rs[1].debtor)
        expect(rs[1].amount).toBe(rs[0].amount)
      }
      if (b.kind === 'dual_use_trade')
        for (const r of rs) {
          const code = r.hs.replace(/\./g, '').slice(0, 6)
          const good = CONTROLLED_GOODS.find(([hs]) => hs === code)
          expect(good, r.hs).toBeDefined()
          expect(
            good![2].some((d) => r.purpose.includes(d)),
            r.purpose,
          ).toBe(true)
        }
    }
    // A pay run: one buyer paying at least ten distinct suppliers within two days.
    const runs = kinds.get('supplier_pay_run')!.map((b) => {
      const buyer = b.accounts[0]
      const out = rows.filter((r) => r.debtor === buyer).sort((x, y) => x.ts - y.ts)
      let best = 0
      for (const r of out)
        best = Math.max(
          best,
          new Set(
            out.filter((x) => x.ts >= r.ts && x.ts < r.ts + 2 * 86_400_000).map((x) => x.creditor),
          ).size,
        )
      return best
    })
    expect(Math.max(...runs)).toBeGreaterThanOrEqual(10)
    // A supply-chain loop's legs run between consecutive firms of the loop.
    for (const b of kinds.get('supply_chain_loop')!)
      for (const r of of(b)) {
        const i = b.accounts.indexOf(r.debtor)
        expect(r.creditor).toBe(b.accounts[(i + 1) % b.accounts.length])
      }
    // Busy collectors: one account paid by 30+ distinct payers on one day, recorded as benign.
    const busy = new Set(
      truth.benign
        .filter((b) => /collections|settlement|payouts/.test(b.kind))
        .map((b) => b.accounts[0]),
    )
    const payersByDay = new Map<string, Set<string>>()
    for (const r of rows) {
      const k = `${r.creditor} ${new Date(r.ts).toISOString().slice(0, 10)}`
      payersByDay.set(k, (payersByDay.get(k) ?? new Set()).add(r.debtor))
    }
    const fanIns = [...payersByDay].filter(([, s]) => s.size >= 30).map(([k]) => k.split(' ')[0])
    expect(fanIns.some((a) => busy.has(a))).toBe(true)
  })

  it('has new customers: accounts first seen mid-week that take part in no planted pattern', () => {
    const planted = new Set(truth.patterns.flatMap((p) => p.accounts))
    const fresh = truth.benign.find((b) => b.kind === 'new_customer')!.accounts
    const firstSeen = new Map<string, number>()
    for (const r of rows)
      for (const a of [r.debtor, r.creditor]) if (!firstSeen.has(a)) firstSeen.set(a, r.ts)
    const start = Date.parse('2026-11-03T00:00:00Z')
    const late = fresh.filter((a) => !planted.has(a) && (firstSeen.get(a) ?? 0) >= start)
    expect(late.length).toBeGreaterThan(3)
    // Never before its opening day: none of them appears on the first day.
    for (const a of fresh)
      expect(firstSeen.get(a) ?? Infinity).toBeGreaterThan(Date.parse('2026-11-02T23:59:59Z'))
  })

  it('pays in several currencies and trades through the legitimate hubs', () => {
    const currencies = new Set(rows.map((r) => r.currency))
    for (const c of ['EUR', 'USD', 'GBP', 'CHF', 'CNY', 'AED', 'TRY'])
      expect(currencies.has(c), c).toBe(true)
    const hubs = new Set(
      truth.benign.filter((b) => b.kind === 'hub_trade').map((b) => b.params?.partner as string),
    )
    for (const c of ['AE', 'HK', 'TR']) expect(hubs.has(c), c).toBe(true)
  })
})
