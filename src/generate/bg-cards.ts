// Card acquirers and marketplaces paying out: each merchant's card takings are settled by its
// acquirer the next business day net of the merchant service charge (weekend takings on Monday),
// in one settlement file a night; marketplaces pay their sellers once a week. Both are busy
// accounts paying hundreds of counterparties a day, every day, the same ones. Sources: EU
// Interchange Fee Regulation 2015/751 (settlement and fee practice), acquirers' published T+1
// settlement terms, marketplace seller payout schedules (weekly / bi-weekly).
import { due, isBusinessDay, type DayInfo, type Schedule } from './calendar.ts'
import { batchStart, BenignLog, inBatch, tx, type Program } from './flows.ts'
import { fromEur, localCurrency } from './money.ts'
import type { Party } from './parties.ts'
import { isOpen, type Pool } from './population.ts'
import type { Rng } from './rng.ts'
import { DAY_MS, type PlannedTx } from './types.ts'

interface Payee {
  payer: Party
  payee: Party
  /** Typical amount per day of takings (cards) or per payout (marketplaces), EUR. */
  eur: number
  mid: string
}

export class Settlements implements Program {
  readonly name = 'settlements'
  private cards: Payee[] = []
  private sellers: Payee[] = []
  private payoutDay: Schedule = { kind: 'weekly', dow: 3 }
  readonly log = new BenignLog('BC')

  constructor(rng: Rng, pool: Pool, share: number) {
    for (const m of pool.merchants)
      this.cards.push({
        payer: rng.pick(pool.acquirers),
        payee: m,
        eur: rng.logNormal(900, 1),
        mid: rng.digits(9),
      })
    for (const p of pool.persons)
      if (rng.chance(0.005 * share))
        this.sellers.push({
          payer: rng.pick(pool.marketplaces),
          payee: p,
          eur: rng.logNormal(250, 1),
          mid: rng.digits(7),
        })
    pool.companies.forEach((c, i) => {
      if (pool.sizes[i] <= 1 && rng.chance(0.02 * share))
        this.sellers.push({
          payer: rng.pick(pool.marketplaces),
          payee: c,
          eur: rng.logNormal(1500, 1),
          mid: rng.digits(7),
        })
    })
  }

  reset(): void {
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    if (!info.business) return
    // Takings of every day since the previous business day's settlement.
    let days = 1
    for (let t = info.ms - DAY_MS; days < 5 && !isBusinessDay(t); t -= DAY_MS) days++
    const date = new Date(info.ms - DAY_MS).toISOString().slice(0, 10)
    const t0 = batchStart(rng, info.ms, 2, 5)
    let k = 0
    for (const c of this.cards) {
      if (!isOpen(c.payee, info.ms)) continue
      const cur = localCurrency(c.payee.country)
      const gross = c.eur * days * rng.logNormal(1, 0.35)
      const t = tx(
        inBatch(t0, k++, info.ms),
        fromEur(gross * 0.985, cur),
        cur,
        c.payer,
        c.payee,
        `Settlement ${date} MID ${c.mid} net of fees`,
      )
      out.push(t)
      const b = this.log.get(
        c.payer.account,
        'acquirer_settlement',
        () => [c.payer.account],
        () => ({
          merchants: this.cards.filter((x) => x.payer === c.payer).length,
        }),
      )
      this.log.note(b, t, false)
    }
    if (!due(this.payoutDay, info)) return
    const t1 = batchStart(rng, info.ms, 6, 9)
    k = 0
    for (const s of this.sellers) {
      if (!isOpen(s.payee, info.ms) || !rng.chance(0.8)) continue
      const cur = localCurrency(s.payee.country)
      const t = tx(
        inBatch(t1, k++, info.ms),
        fromEur(s.eur * rng.logNormal(1, 0.5), cur),
        cur,
        s.payer,
        s.payee,
        `Payout seller ${s.mid} period ending ${date}`,
      )
      out.push(t)
      const b = this.log.get(
        s.payer.account,
        'marketplace_payouts',
        () => [s.payer.account],
        () => ({
          sellers: this.sellers.filter((x) => x.payer === s.payer).length,
        }),
      )
      this.log.note(b, t, false)
    }
  }
}
