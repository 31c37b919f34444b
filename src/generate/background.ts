// The ordinary traffic of one day, generated in time order without holding it in memory: person
// payments, card and online shopping at merchants, bills, business trade with invoices and HS codes,
// fees, and customers of the big supplier hubs. Amounts stay out of the structuring band.
import { formatHs, ordinaryGood } from './goods.ts'
import { fromEur, outOfBand, payCurrency } from './money.ts'
import type { Party } from './parties.ts'
import type { Pool } from './pool.ts'
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
  constructor(
    private rng: Rng,
    private pool: Pool,
  ) {
    const p = pool.persons[0] ?? pool.companies[0]
    this.row = { amount: 0, currency: 'EUR', debtor: p, creditor: p, purpose: '', hs: '' }
  }

  private otherPerson(debtor: Party): Party {
    const { rng, pool } = this
    const local = pool.personsByCountry.get(debtor.country)
    for (;;) {
      const p =
        local && local.length > 1 && rng.chance(0.85) ? rng.pick(local) : rng.pick(pool.persons)
      if (p !== debtor) return p
    }
  }

  /** The k-th regular counterparty of list index i in list: a fixed relation, same every day. */
  private regular(list: Party[], i: number, k: number, not: Party): Party {
    const j = (Math.imul(i + 1, 0x9e3779b1) + Math.imul(k + 1, 0x85ebca6b)) >>> 0
    const p = list[j % list.length]
    return p === not ? list[(j + 1) % list.length] : p
  }

  private otherCompany(debtor: Party): Party {
    for (;;) {
      const c = this.rng.pick(this.pool.companies)
      if (c !== debtor) return c
    }
  }

  /** The next ordinary payment (the returned object is reused: copy what you keep). */
  next(): BgRow {
    const { rng, pool, row } = this
    const r = rng.next()
    let eur: number
    if (r < 0.3) {
      const i = rng.int(0, pool.persons.length - 1)
      row.debtor = pool.persons[i]
      // Half of person payments go to one of their five regular contacts.
      row.creditor = rng.chance(0.5)
        ? this.regular(pool.persons, i, rng.int(0, 4), row.debtor)
        : this.otherPerson(row.debtor)
      eur = Math.min(15_000, rng.logNormal(90, 1.1))
      row.purpose = p2pPurpose(rng)
      row.hs = ''
    } else if (r < 0.52) {
      row.debtor = rng.pick(pool.persons)
      row.creditor = rng.pick(pool.merchants)
      eur = Math.min(2_500, rng.logNormal(35, 0.9))
      row.purpose = merchantPurpose(rng)
      row.hs = ''
    } else if (r < 0.62) {
      const i = rng.int(0, pool.persons.length - 1)
      row.debtor = pool.persons[i]
      // Bills go to the person's own three providers (utility, insurer, landlord).
      row.creditor = this.regular(pool.companies, i, rng.int(0, 2), row.debtor)
      eur = rng.logNormal(80, 0.7)
      row.purpose = billPurpose(rng)
      row.hs = ''
    } else if (r < 0.87) {
      const i = rng.int(0, pool.companies.length - 1)
      row.debtor = pool.companies[i]
      // Most business payments go to the company's eight regular suppliers.
      row.creditor = rng.chance(0.8)
        ? this.regular(pool.companies, i, rng.int(0, 7), row.debtor)
        : this.otherCompany(row.debtor)
      eur = Math.min(3_000_000, rng.logNormal(6_000, 1.4))
      this.trade(row)
    } else if (r < 0.92) {
      row.debtor = rng.pick(pool.companies)
      row.creditor = rng.pick(pool.persons)
      eur = rng.logNormal(900, 0.8)
      row.purpose = feePurpose(rng, row.debtor.country)
      row.hs = ''
    } else {
      const hub = rng.pick(pool.hubs)
      const other = rng.pick(pool.companies)
      const inward = rng.chance(0.85)
      row.debtor = inward ? other : hub
      row.creditor = inward ? hub : other
      eur = Math.min(500_000, rng.logNormal(3_000, 1.1))
      this.trade(row)
    }
    row.currency = payCurrency(rng, row.debtor.country, row.creditor.country)
    row.amount = outOfBand(fromEur(Math.max(1, eur), row.currency), row.currency)
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
