// Businesses paying their suppliers: each buyer has a fixed set of suppliers (a micro firm a few,
// a large firm 40–80; a quarter to a third of them wholesalers, who thus collect from dozens of
// customers) and pays them in pay runs — monthly for most small firms, fortnightly or weekly for
// larger ones — booked as one batch, with part of a large run on the next business day. Each run
// pays the suppliers with an invoice due; amounts vary around what the relation usually costs.
// Sources: the EU Late Payment Directive 2011/7/EU (30–60 day terms, so monthly and fortnightly
// runs), the ECB's SAFE survey on trade credit, and ERP pay-run practice (SAP F110 runs).
import { describe, due, perMonth, type DayInfo, type Schedule } from './calendar.ts'
import { batchStart, BenignLog, inBatch, tx, type Program } from './flows.ts'
import { formatHs, ORDINARY_GOODS } from './goods.ts'
import { fromEur, payCurrency } from './money.ts'
import type { Party } from './parties.ts'
import { isOpen, SIZE_LARGE, SIZE_MEDIUM, SIZE_SMALL, type Pool } from './population.ts'
import { tradePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import type { PlannedBenign, PlannedTx } from './types.ts'

const SUPPLIERS: Record<number, [number, number]> = {
  0: [1, 4],
  [SIZE_SMALL]: [4, 12],
  [SIZE_MEDIUM]: [20, 40],
  [SIZE_LARGE]: [40, 80],
}
/** Median monthly spend per supplier relation in EUR, by buyer size. */
const SPEND = [700, 2_500, 8_000, 20_000]
const DUE: Record<Schedule['kind'], number> = {
  monthly: 0.85,
  semimonthly: 0.7,
  fortnightly: 0.55,
  weekly: 0.4,
  daily: 0.2,
}

interface Buyer {
  party: Party
  schedule: Schedule
  /** Relations: supplier, currency, spend per payment (EUR), goods index. */
  sup: Party[]
  cur: string[]
  eur: Float64Array
  goods: Uint8Array
}

export class SupplierPayRuns implements Program {
  readonly name = 'supplier-pay-runs'
  private buyers: Buyer[] = []
  private customers = new Map<string, number>()
  /** The part of yesterday's runs booked on the next business day. */
  private carry: Array<{ t: PlannedTx; logs: PlannedBenign[] }> = []
  readonly log = new BenignLog('BS')

  constructor(rng: Rng, pool: Pool, share: number) {
    const byCountry = new Map<string, Party[]>()
    for (const c of pool.companies) {
      const l = byCountry.get(c.country)
      if (l) l.push(c)
      else byCountry.set(c.country, [c])
    }
    const addBuyer = (party: Party, size: number, range: [number, number]) => {
      if (!rng.chance(share)) return
      const n = rng.int(range[0], range[1])
      const r = rng.next()
      const schedule: Schedule =
        size <= SIZE_SMALL && r < (size === 0 ? 1 : 0.7)
          ? {
              kind: 'monthly',
              dom: rng.weighted([
                [rng.int(25, 31), 40],
                [rng.int(10, 15), 30],
                [rng.int(1, 28), 30],
              ] as const),
              rule: 'following',
            }
          : r < 0.85
            ? { kind: 'fortnightly', dow: rng.pick([2, 3, 4, 4, 1, 5]), parity: rng.int(0, 1) }
            : { kind: 'weekly', dow: rng.pick([2, 3, 4, 1, 5]) }
      const perPay = 1 / (perMonth(schedule) * DUE[schedule.kind])
      const sup: Party[] = []
      const seen = new Set<string>([party.account])
      for (let i = 0; i < n * 2 && sup.length < n; i++) {
        const home = byCountry.get(party.country)
        const s = rng.chance(0.3)
          ? rng.pick(pool.hubs)
          : home && rng.chance(0.7)
            ? rng.pick(home)
            : rng.pick(pool.companies)
        if (seen.has(s.account)) continue
        seen.add(s.account)
        sup.push(s)
      }
      const b: Buyer = {
        party,
        schedule,
        sup,
        cur: sup.map((s) => payCurrency(rng, party.country, s.country)),
        eur: Float64Array.from(sup, () => rng.logNormal(SPEND[size], 0.9) * perPay),
        goods: Uint8Array.from(sup, () => rng.int(0, ORDINARY_GOODS.length - 1)),
      }
      for (const s of sup) this.customers.set(s.account, (this.customers.get(s.account) ?? 0) + 1)
      this.buyers.push(b)
    }
    pool.companies.forEach((c, i) => addBuyer(c, pool.sizes[i], SUPPLIERS[pool.sizes[i]]))
    for (const m of pool.merchants) addBuyer(m, SIZE_SMALL, [3, 10])
    for (const h of pool.hubs) addBuyer(h, SIZE_LARGE, [20, 60])
  }

  reset(): void {
    this.carry = []
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    if (info.business && this.carry.length) {
      const t0 = batchStart(rng, info.ms, 8, 11)
      this.carry.forEach(({ t, logs }, i) => {
        t.ts = Math.floor(inBatch(t0, i, info.ms) / 1000) * 1000
        out.push(t)
        for (const l of logs) this.log.note(l, t, false)
      })
      this.carry = []
    }
    for (const b of this.buyers) {
      if (!due(b.schedule, info) || !isOpen(b.party, info.ms)) continue
      const big = b.sup.length >= 20
      const log = big
        ? this.log.get(
            b.party.account,
            'supplier_pay_run',
            () => [b.party.account],
            () => ({
              suppliers: b.sup.length,
              schedule: describe(b.schedule),
            }),
          )
        : null
      const t0 = batchStart(rng, info.ms, 9, 16)
      const p = DUE[b.schedule.kind]
      let k = 0
      for (let i = 0; i < b.sup.length; i++) {
        const s = b.sup[i]
        if (!rng.chance(p) || !isOpen(s, info.ms)) continue
        const cross = s.country !== b.party.country
        const [hs, descs] = ORDINARY_GOODS[b.goods[i]]
        const t = tx(
          inBatch(t0, k++, info.ms),
          fromEur(b.eur[i] * rng.logNormal(1, 0.3), b.cur[i]),
          b.cur[i],
          b.party,
          s,
          tradePurpose(rng, b.party.country, rng.chance(0.5) ? rng.pick(descs) : undefined),
          cross && rng.chance(0.6) ? formatHs(rng, hs) : '',
        )
        const logs: PlannedBenign[] = log ? [log] : []
        const n = this.customers.get(s.account) ?? 0
        if (n >= 30)
          logs.push(
            this.log.get(
              s.account,
              'wholesaler_collections',
              () => [s.account],
              () => ({
                customers: n,
              }),
            ),
          )
        if (big && rng.chance(0.3)) this.carry.push({ t, logs })
        else {
          out.push(t)
          for (const l of logs) this.log.note(l, t, false)
        }
      }
    }
  }
}
