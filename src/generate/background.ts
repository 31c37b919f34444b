// The unscheduled part of a day's traffic, generated in time order without holding it in memory:
// payments between persons (half of them to people they pay regularly), online shopping paid by
// transfer, one-off bills and craftsmen's invoices, ad-hoc business purchases and fees. The scheduled
// part (salaries, rent, pay runs, settlements, group treasury …) comes from the bg-*.ts programs.
// Weekends carry mostly person-to-person and shopping payments (ECB, SEPA instant payment statistics).
import { formatHs, ordinaryGood } from './goods.ts'
import { fromEur, payCurrency } from './money.ts'
import type { Party } from './parties.ts'
import { isOpen, type Pool } from './population.ts'
import { billPurpose, feePurpose, merchantPurpose, p2pPurpose, tradePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import { HOUR_MS } from './types.ts'

export interface BgRow {
  amount: number
  currency: string
  debtor: Party
  creditor: Party
  purpose: string
  hs: string
}

/** Relative payment intensity per UTC hour: quiet nights, busy European business hours. */
const HOURLY = [
  0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.8, 2.4, 2.6, 2.6, 2.5, 2.3, 2.4, 2.5, 2.3, 2, 1.6, 1.2, 1,
  0.8, 0.6, 0.4, 0.25,
]
const CUM: number[] = []
{
  let t = 0
  const total = HOURLY.reduce((a, b) => a + b, 0)
  for (const h of HOURLY) CUM.push((t += h / total))
}

/** Time of day (ms after midnight) at quantile q ∈ [0, 1): increasing in q. */
export function timeOfDay(q: number): number {
  let h = 0
  while (h < 23 && CUM[h] <= q) h++
  const lo = h === 0 ? 0 : CUM[h - 1]
  const frac = (q - lo) / (CUM[h] - lo)
  return Math.min(
    24 * HOUR_MS - 1000,
    Math.floor((h + Math.min(0.9999, Math.max(0, frac))) * HOUR_MS),
  )
}

export class Background {
  private row: BgRow
  /** Cumulative shares of p2p, shopping, bills, business, fees (the rest: wholesaler trade). */
  private mix: number[]
  constructor(
    private rng: Rng,
    private pool: Pool,
    private dayMs: number,
    business: boolean,
  ) {
    const p = pool.persons[0] ?? pool.companies[0]
    this.row = { amount: 0, currency: 'EUR', debtor: p, creditor: p, purpose: '', hs: '' }
    this.mix = business ? [0.34, 0.6, 0.7, 0.88, 0.95] : [0.5, 0.9, 0.97, 0.99, 1]
  }

  /** A random account of list that is open on this day. */
  private open(list: Party[]): Party {
    for (;;) {
      const p = this.rng.pick(list)
      if (isOpen(p, this.dayMs)) return p
    }
  }

  private otherPerson(debtor: Party): Party {
    const { rng, pool } = this
    const local = pool.personsByCountry.get(debtor.country)
    for (;;) {
      const p =
        local && local.length > 1 && rng.chance(0.85) ? rng.pick(local) : rng.pick(pool.persons)
      if (p !== debtor && isOpen(p, this.dayMs)) return p
    }
  }

  /** The k-th regular counterparty of list index i in list: a fixed relation, same every day. */
  private regular(list: Party[], i: number, k: number, not: Party): Party {
    const j = (Math.imul(i + 1, 0x9e3779b1) + Math.imul(k + 1, 0x85ebca6b)) >>> 0
    const p = list[j % list.length]
    const q = p === not ? list[(j + 1) % list.length] : p
    return isOpen(q, this.dayMs) ? q : this.open(list)
  }

  private otherCompany(debtor: Party): Party {
    for (;;) {
      const c = this.open(this.pool.companies)
      if (c !== debtor) return c
    }
  }

  /** The next ordinary payment (the returned object is reused: copy what you keep). */
  next(): BgRow {
    const { rng, pool, row, mix } = this
    const r = rng.next()
    let eur: number
    if (r < mix[0]) {
      const i = rng.int(0, pool.persons.length - 1)
      row.debtor = isOpen(pool.persons[i], this.dayMs) ? pool.persons[i] : this.open(pool.persons)
      // Half of person payments go to one of their five regular contacts.
      row.creditor = rng.chance(0.5)
        ? this.regular(pool.persons, i, rng.int(0, 4), row.debtor)
        : this.otherPerson(row.debtor)
      eur = Math.min(15_000, rng.logNormal(90, 1.1))
      // People send round sums to each other more often than not.
      if (rng.chance(0.4)) eur = Math.max(5, Math.round(eur / 10) * 10)
      row.purpose = p2pPurpose(rng)
      row.hs = ''
    } else if (r < mix[1]) {
      const i = rng.int(0, pool.persons.length - 1)
      row.debtor = isOpen(pool.persons[i], this.dayMs) ? pool.persons[i] : this.open(pool.persons)
      // Most online shopping goes to a handful of shops a person uses again and again.
      row.creditor = rng.chance(0.6)
        ? this.regular(pool.merchants, i, rng.int(0, 3), row.debtor)
        : this.open(pool.merchants)
      eur = Math.min(2_500, rng.logNormal(35, 0.9))
      row.purpose = merchantPurpose(rng)
      row.hs = ''
    } else if (r < mix[2]) {
      row.debtor = this.open(pool.persons)
      // One-off bills: craftsmen, doctors, repairs — to any business.
      row.creditor = this.otherCompany(row.debtor)
      eur = rng.logNormal(180, 0.9)
      row.purpose = billPurpose(rng)
      row.hs = ''
    } else if (r < mix[3]) {
      const i = rng.int(0, pool.companies.length - 1)
      row.debtor = isOpen(pool.companies[i], this.dayMs)
        ? pool.companies[i]
        : this.open(pool.companies)
      // Ad-hoc purchases, mostly from the firm's own usual counterparties.
      row.creditor = rng.chance(0.6)
        ? this.regular(pool.companies, i, rng.int(0, 7), row.debtor)
        : this.otherCompany(row.debtor)
      eur = Math.min(3_000_000, rng.logNormal(2_500, 1.3))
      this.trade(row)
    } else if (r < mix[4]) {
      row.debtor = this.open(pool.companies)
      row.creditor = this.open(pool.persons)
      eur = rng.logNormal(600, 0.9)
      row.purpose = feePurpose(rng, row.debtor.country)
      row.hs = ''
    } else {
      const hub = rng.pick(pool.hubs)
      const other = this.open(pool.companies)
      const inward = rng.chance(0.85)
      row.debtor = inward ? other : hub
      row.creditor = inward ? hub : other
      eur = Math.min(500_000, rng.logNormal(3_000, 1.1))
      this.trade(row)
    }
    row.currency = payCurrency(rng, row.debtor.country, row.creditor.country)
    row.amount = fromEur(Math.max(1, eur), row.currency)
    return row
  }

  private trade(row: BgRow): void {
    const { rng } = this
    const cross = row.debtor.country !== row.creditor.country
    if (rng.chance(cross ? 0.6 : 0.25)) {
      const g = ordinaryGood(rng)
      row.purpose = tradePurpose(rng, row.debtor.country, g.description)
      row.hs = cross && rng.chance(0.7) ? formatHs(rng, g.hs) : ''
    } else {
      row.purpose = tradePurpose(rng, row.debtor.country)
      row.hs = ''
    }
  }
}
