// Benign traffic that looks suspicious (the hard negatives): refunds that form 2-cycles but say so,
// payroll fan-outs from a company's known payroll account, intercompany netting whose legs break the
// hop-amount ratio, recurring payments just under 10,000 never three within 7 days, and legitimate
// dual-use trade between low-risk partners. Merchants and supplier hubs live in the background stream.
import { LOW_RISK_TRADE } from './countries.ts'
import { controlledGood, formatHs } from './goods.ts'
import { fromEur, outOfBand, payCurrency, roundAmount } from './money.ts'
import { party, type Party, type Registry } from './parties.ts'
import type { Pool } from './pool.ts'
import { merchantPurpose, refundPurpose, salaryPurpose, tradePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import { DAY_MS, HOUR_MS, type PlannedBenign, type PlannedTx } from './types.ts'

interface Range {
  start: number
  days: number
  perDay: number
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

function tx(
  ts: number,
  amount: number,
  currency: string,
  debtor: Party,
  creditor: Party,
  purpose: string,
  hs = '',
): PlannedTx {
  return { ts: Math.floor(ts / 1000) * 1000, amount, currency, debtor, creditor, purpose, hs }
}

export function planBenign(rng: Rng, reg: Registry, pool: Pool, r: Range): PlannedBenign[] {
  const out: PlannedBenign[] = []
  const end = r.start + r.days * DAY_MS
  let n = 0
  const id = (kind: string) => `B${String(++n).padStart(5, '0')}-${kind}`
  const inRange = (t: number) => t >= r.start && t < end
  const dayTime = (d: number, fromH: number, toH: number) =>
    r.start + d * DAY_MS + rng.range(fromH, toH) * HOUR_MS

  // Refunds: a purchase and its refund days later, same amount (or part of it), refund wording.
  const refundsPerDay = Math.max(2, Math.round(r.perDay * 0.002))
  for (let d = 0; d < r.days; d++)
    for (let i = 0; i < refundsPerDay; i++) {
      const business = rng.chance(0.3)
      const buyer = business ? rng.pick(pool.companies) : rng.pick(pool.persons)
      const seller = business ? rng.pick(pool.companies) : rng.pick(pool.merchants)
      if (buyer.account === seller.account) continue
      const cur = payCurrency(rng, buyer.country, seller.country)
      const amount = outOfBand(
        fromEur(business ? rng.logNormal(3000, 1) : rng.logNormal(120, 0.8), cur),
        cur,
      )
      const ref = `${rng.digits(9)}`
      const t1 = dayTime(d, 6, 22)
      const t2 = t1 + rng.range(1, 6) * DAY_MS
      const txs = [
        tx(
          t1,
          amount,
          cur,
          buyer,
          seller,
          business ? tradePurpose(rng, buyer.country) : `${merchantPurpose(rng)} ${ref}`,
        ),
      ]
      const back = rng.chance(0.7) ? amount : roundAmount(amount * rng.range(0.2, 0.9), cur)
      if (inRange(t2))
        txs.push(tx(t2, back, cur, seller, buyer, refundPurpose(rng, seller.country, ref)))
      out.push({ id: id('refund'), kind: 'refund', accounts: [buyer.account, seller.account], txs })
    }

  // Payroll: weekly wages from each company's payroll account on its pay day.
  const payrollCos = Math.max(2, Math.round(r.perDay * 0.0015))
  for (let c = 0; c < payrollCos; c++) {
    const company = rng.pick(pool.companies)
    const acc = reg.account(company.country)
    const payroll = party(acc.account, company.name, company.country, acc.bank, 'company')
    // Staff mostly live where the company is.
    const local = pool.personsByCountry.get(company.country) ?? []
    const crowd = local.length >= 30 ? local : pool.persons
    const staff = rng.sample(crowd, Math.min(crowd.length, rng.int(12, 150)))
    const salary = staff.map(() => rng.logNormal(800, 0.35))
    const weekday = rng.int(0, 6)
    const cur = payCurrency(rng, company.country, company.country)
    for (let d = 0; d < r.days; d++) {
      if ((Math.floor((r.start + d * DAY_MS) / DAY_MS) + 4) % 7 !== weekday) continue
      const month = MONTHS[new Date(r.start + d * DAY_MS).getUTCMonth()]
      const t0 = dayTime(d, 6, 9)
      const txs = staff.map((p, i) =>
        tx(
          t0 + i * 1000,
          fromEur(salary[i] * rng.range(0.98, 1.02), cur),
          cur,
          payroll,
          p,
          salaryPurpose(rng, company.country, month),
        ),
      )
      out.push({ id: id('payroll'), kind: 'payroll', accounts: [payroll.account], txs })
    }
  }

  // Intercompany netting: A→B, B→C, C→A every 9–14 days; leg sizes X, 0.45X, 2.2X keep every
  // consecutive hop ratio far outside [0.7, 1.1], so no rotation is a temporal cycle.
  const groups = Math.max(1, Math.min(50, Math.round(r.perDay / 4000)))
  for (let g = 0; g < groups; g++) {
    const stem = `${rng.pick(['Vanterra', 'Korvex', 'Almeda', 'Brightwater', 'Sorensen', 'Helix'])} Group`
    const members = [
      reg.company('DE', `${stem} Deutschland GmbH`),
      reg.company('NL', `${stem} Holding B.V.`),
      reg.company(rng.pick(['FR', 'IT', 'AT', 'PL']), `${stem} Europe SARL`),
    ]
    const x = rng.logNormal(250_000, 0.6)
    const legs: Array<[number, number, number]> = [
      [0, 1, 1],
      [1, 2, 0.45],
      [2, 0, 2.2],
    ]
    const txs: PlannedTx[] = []
    for (const [a, b, mult] of legs) {
      for (let t = r.start + rng.range(0, 9) * DAY_MS; t < end; t += rng.range(9, 14) * DAY_MS) {
        const amount = roundAmount(x * mult * rng.range(0.9, 1.1), 'EUR')
        txs.push(
          tx(
            t,
            amount,
            'EUR',
            members[a],
            members[b],
            `Intercompany netting settlement IC-${rng.digits(6)}`,
          ),
        )
      }
    }
    out.push({ id: id('netting'), kind: 'netting', accounts: members.map((m) => m.account), txs })
  }

  // Recurring payments just under 10,000: monthly-ish, or every 4 days (never 3 within 7 days).
  const streams = Math.max(3, Math.round(r.perDay * 0.001))
  const payers = new Set<string>()
  for (let s = 0; s < streams; s++) {
    const payer = rng.chance(0.6) ? rng.pick(pool.companies) : rng.pick(pool.persons)
    // One stream per payer: two streams on one account could make three payments in 7 days.
    if (payers.has(payer.account)) continue
    payers.add(payer.account)
    const payee = reg.company(
      payer.country === 'GB' || payer.country === 'CH' ? payer.country : 'DE',
    )
    const cur = payCurrency(rng, payer.country, payee.country)
    const amount = roundAmount(rng.range(9_200, 9_950), cur)
    const every = rng.chance(0.5) ? 4 : rng.range(8, 31)
    const ref = `${rng.letters(2)}-${rng.digits(6)}`
    const txs: PlannedTx[] = []
    for (
      let t = r.start + rng.range(0, Math.min(every, r.days)) * DAY_MS;
      t < end;
      t += every * DAY_MS
    ) {
      const at = t + rng.range(-2, 2) * HOUR_MS
      if (inRange(at))
        txs.push(
          tx(
            at,
            amount,
            cur,
            payer,
            payee,
            `${rng.pick(['Lease instalment', 'Miete Gewerbeobjekt', 'Service contract fee', 'Loan instalment'])} ${ref}`,
          ),
        )
    }
    if (txs.length)
      out.push({
        id: id('recurring_under_threshold'),
        kind: 'recurring_under_threshold',
        accounts: [payer.account, payee.account],
        txs,
      })
  }

  // Legitimate dual-use trade: controlled goods, matching description, low-risk partners.
  const trades = Math.max(1, Math.round(r.perDay * 0.001))
  for (let d = 0; d < r.days; d++)
    for (let i = 0; i < trades; i++) {
      const buyer = reg.company(rng.pick(['DE', 'FR', 'NL', 'IT', 'AT', 'BE']))
      const seller = reg.company(rng.pick(LOW_RISK_TRADE.filter((c) => c !== buyer.country)))
      const g = controlledGood(rng)
      const cur = payCurrency(rng, buyer.country, seller.country)
      const t = tx(
        dayTime(d, 7, 17),
        outOfBand(fromEur(rng.logNormal(40_000, 1), cur), cur),
        cur,
        buyer,
        seller,
        tradePurpose(rng, buyer.country, g.description),
        formatHs(rng, g.hs),
      )
      out.push({
        id: id('dual_use_trade'),
        kind: 'dual_use_trade',
        accounts: [buyer.account, seller.account],
        txs: [t],
      })
    }

  out.push({
    id: id('merchant'),
    kind: 'merchant',
    accounts: pool.merchants.map((m) => m.account),
    txs: [],
  })
  out.push({
    id: id('supplier_hub'),
    kind: 'supplier_hub',
    accounts: pool.hubs.map((h) => h.account),
    txs: [],
  })
  return out
}
