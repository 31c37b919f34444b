// One-off benign events that look like laundering shapes, each recorded with its transfers:
//   refund / returned_payment / chargeback: money back to the payer (a 2-cycle), with the wording
//     the SEPA rulebooks and card schemes use (R-transaction reason codes AC01, AC04, MD07 …);
//   purchases, startups, account switches, estates and memberships: benign-passon.ts;
//   recurring_under_threshold: leases and loan instalments just under 10,000, monthly;
//   dual_use_trade: controlled goods between low-risk partners, described as what they are.
import { COUNTRY, LOW_RISK_TRADE } from './countries.ts'
import { tx } from './flows.ts'
import { controlledGood, formatHs } from './goods.ts'
import { fromEur, localCurrency, payCurrency, roundAmount } from './money.ts'
import type { Party, Registry } from './parties.ts'
import type { Pool } from './population.ts'
import { merchantPurpose, refundPurpose, tradePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import { passedOn, type EventKit } from './benign-passon.ts'
import { DAY_MS, HOUR_MS, type PlannedBenign, type PlannedTx } from './types.ts'

interface Range {
  /** First and end (exclusive) epoch ms of all written days. */
  first: number
  end: number
  perDay: number
}

const RETURN_REASON = [
  'Return AC04 account closed',
  'Rücküberweisung AC01 IBAN fehlerhaft',
  'Retour MD07 titulaire décédé',
  'Return AM04 insufficient funds',
  'R-transaction MS03 reason not specified',
]

export function planBenign(rng: Rng, reg: Registry, pool: Pool, r: Range): PlannedBenign[] {
  const out: PlannedBenign[] = []
  let n = 0
  const days = Math.round((r.end - r.first) / DAY_MS)
  const inRange = (t: number) => t >= r.first && t < r.end
  const at = (d: number, fromH: number, toH: number) =>
    r.first + d * DAY_MS + rng.range(fromH, toH) * HOUR_MS
  const add = (
    kind: string,
    accounts: Party[],
    txs: PlannedTx[],
    params?: Record<string, unknown>,
  ) => {
    const kept = txs.filter((t) => inRange(t.ts))
    if (!kept.length) return
    out.push({
      id: `B${String(++n).padStart(5, '0')}-${kind}`,
      kind,
      accounts: [...new Set(accounts.map((a) => a.account))],
      txs: kept,
      params,
    })
  }
  /** Events per day at rate × perDay, at least one now and then for small data. */
  const count = (rate: number) => Math.floor(rate * r.perDay + rng.next())
  const open = (p: Party, t: number) => p.opened === undefined || p.opened <= t
  const person = (t: number) => {
    for (;;) {
      const p = rng.pick(pool.persons)
      if (open(p, t)) return p
    }
  }
  const company = (t: number) => {
    for (;;) {
      const c = rng.pick(pool.companies)
      if (open(c, t)) return c
    }
  }

  const ev: EventKit = { rng, reg, pool, first: r.first, at, add, count, person, company }
  for (let d = 0; d < days; d++) {
    for (let i = count(0.002); i > 0; i--) {
      const t1 = at(d, 6, 22)
      const business = rng.chance(0.3)
      const buyer = business ? company(t1) : person(t1)
      const seller = business ? company(t1) : rng.pick(pool.merchants)
      if (buyer === seller) continue
      const cur = payCurrency(rng, buyer.country, seller.country)
      const amount = fromEur(business ? rng.logNormal(3000, 1) : rng.logNormal(120, 0.8), cur)
      const ref = rng.digits(9)
      const back = rng.chance(0.7) ? amount : roundAmount(amount * rng.range(0.2, 0.9), cur)
      add(
        'refund',
        [buyer, seller],
        [
          tx(
            t1,
            amount,
            cur,
            buyer,
            seller,
            business ? tradePurpose(rng, buyer.country) : `${merchantPurpose(rng)} ${ref}`,
          ),
          tx(
            t1 + rng.range(1, 6) * DAY_MS,
            back,
            cur,
            seller,
            buyer,
            refundPurpose(rng, seller.country, ref),
          ),
        ],
      )
    }
    for (let i = count(0.0005); i > 0; i--) {
      const t1 = at(d, 7, 18)
      const a = rng.chance(0.5) ? person(t1) : company(t1)
      const b = rng.chance(0.5) ? person(t1) : company(t1)
      if (a === b) continue
      const cur = payCurrency(rng, a.country, b.country)
      const amount = fromEur(rng.logNormal(400, 1.2), cur)
      add(
        'returned_payment',
        [a, b],
        [
          tx(t1, amount, cur, a, b, rng.chance(0.5) ? tradePurpose(rng, a.country) : 'Payment'),
          tx(t1 + rng.range(1, 3) * DAY_MS, amount, cur, b, a, rng.pick(RETURN_REASON)),
        ],
      )
    }
    for (let i = count(0.0002); i > 0; i--) {
      const t1 = at(d, 8, 22)
      const buyer = person(t1)
      const shop = rng.pick(pool.merchants)
      const cur = localCurrency(buyer.country)
      const amount = fromEur(rng.logNormal(250, 0.9), cur)
      const ref = rng.digits(8)
      add(
        'chargeback',
        [buyer, shop],
        [
          tx(t1, amount, cur, buyer, shop, `${merchantPurpose(rng)} ${ref}`),
          tx(t1 + rng.range(14, 50) * DAY_MS, amount, cur, shop, buyer, `Chargeback case ${ref}`),
        ],
      )
    }
    passedOn(ev, d)
    for (let i = count(0.0005); i > 0; i--) {
      const t1 = at(d, 7, 17)
      const buyer = reg.company(rng.pick(['DE', 'FR', 'NL', 'IT', 'AT', 'BE']))
      const seller = reg.company(rng.pick(LOW_RISK_TRADE.filter((c) => c !== buyer.country)))
      const g = controlledGood(rng)
      const cur = payCurrency(rng, buyer.country, seller.country)
      add(
        'dual_use_trade',
        [buyer, seller],
        [
          tx(
            t1,
            fromEur(rng.logNormal(40_000, 1), cur),
            cur,
            buyer,
            seller,
            tradePurpose(rng, buyer.country, g.description),
            formatHs(rng, g.hs),
          ),
        ],
      )
    }
  }

  // Leases and instalments just under 10,000, monthly or weekly (a contract's amount, not a split).
  const streams = Math.max(5, Math.round(r.perDay * 0.002))
  for (let s = 0; s < streams; s++) {
    const payer = rng.chance(0.6) ? rng.pick(pool.companies) : rng.pick(pool.persons)
    const payee = rng.chance(0.5) ? rng.pick(pool.lenders) : rng.pick(pool.landlords)
    const cur = payCurrency(rng, payer.country, payee.country)
    const amount = roundAmount(rng.range(9_200, 9_950), cur)
    const ref = `${rng.letters(2)}-${rng.digits(6)}`
    const txs: PlannedTx[] = []
    const word = COUNTRY[payer.country].lang === 'de' ? 'Leasingrate' : 'Lease instalment'
    const every = rng.chance(0.3) ? 7 : 30.4
    for (let t = r.first + rng.range(0, every) * DAY_MS; t < r.end; t += every * DAY_MS)
      txs.push(tx(t + rng.range(-2, 2) * HOUR_MS, amount, cur, payer, payee, `${word} ${ref}`))
    add('recurring_under_threshold', [payer, payee], txs)
  }
  return out
}
