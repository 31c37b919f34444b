// A household's standing orders and direct debits: rent on the first days of the month (to a
// property manager or a private landlord), energy, telecom and insurance instalments of a fixed
// amount under a contract number, loan instalments, savings plans and memberships of round amounts,
// and money sent to family members each month. The same payer, payee, amount and reference recur
// every month; a closed day moves the payment to the following business day (SEPA Rulebook: a
// collection due on a closed day is settled on the next TARGET2 day). Busy payees (utilities,
// lenders, property managers) collect from thousands of customers.
import type { DayInfo } from './calendar.ts'
import { COUNTRY } from './countries.ts'
import { batchStart, BenignLog, tx, type Program } from './flows.ts'
import { fromEur, localCurrency } from './money.ts'
import type { Party } from './parties.ts'
import { isOpen, type Pool } from './population.ts'
import type { Rng } from './rng.ts'
import type { PlannedTx } from './types.ts'

type Kind = 'rent' | 'utility' | 'insurance' | 'loan' | 'savings' | 'membership' | 'family'

interface Order {
  payer: Party
  payee: Party
  amount: number
  currency: string
  purpose: string
  kind: Kind
}

const MONTH_TAGS = ['', 'monatlich', 'mensuel', 'monthly']
const RENT_WORD: Record<string, string> = {
  de: 'Miete Whg',
  fr: 'Loyer',
  nl: 'Huur',
  it: 'Affitto',
  es: 'Alquiler',
}
const UTILITY_TEXT = [
  'Abschlag Strom Vertragskonto',
  'Gas Abschlag Kd-Nr',
  'Mobile phone bill account',
  'Internet subscription customer',
  'Facture électricité contrat',
]
const INSURANCE_TEXT = [
  'Beitrag Kfz-Versicherung VS-Nr',
  'Insurance premium policy',
  'Hausratversicherung Vertrag',
  'Assurance habitation contrat',
]
const COLLECTOR_KIND: Partial<Record<Kind, string>> = {
  utility: 'utility_collections',
  insurance: 'utility_collections',
  loan: 'loan_repayments',
  savings: 'savings_plans',
  rent: 'rent_collection',
}

function round(x: number, step: number): number {
  return Math.max(step, Math.round(x / step) * step)
}

export class Household implements Program {
  readonly name = 'household'
  /** Orders by nominal day of the month (1–31). */
  private byDom: Order[][] = Array.from({ length: 32 }, () => [])
  private customers = new Map<string, number>()
  readonly log = new BenignLog('BH')

  constructor(rng: Rng, pool: Pool, share: number) {
    const local = (list: Party[], p: Party) => {
      const same = list.filter((x) => x.country === p.country)
      return same.length ? same : list
    }
    const utilitiesOf = new Map<string, Party[]>()
    const landlordsOf = new Map<string, Party[]>()
    const add = (dom: number, o: Order) => {
      this.byDom[dom].push(o)
      this.customers.set(o.payee.account, (this.customers.get(o.payee.account) ?? 0) + 1)
    }
    for (const p of pool.persons) {
      if (!rng.chance(share)) continue
      const cur = localCurrency(p.country)
      const ref = () => `${rng.digits(rng.int(8, 11))}`
      const utils = utilitiesOf.get(p.country) ?? local(pool.utilities, p)
      utilitiesOf.set(p.country, utils)
      if (rng.chance(0.45)) {
        const lords = landlordsOf.get(p.country) ?? local(pool.landlords, p)
        landlordsOf.set(p.country, lords)
        const neighbours = pool.personsByCountry.get(p.country) ?? pool.persons
        let payee = rng.chance(0.6) ? rng.pick(lords) : rng.pick(neighbours)
        if (payee === p) payee = rng.pick(lords)
        const word = RENT_WORD[COUNTRY[p.country].lang] ?? 'Rent flat'
        add(
          rng.weighted([
            [1, 30],
            [2, 10],
            [3, 15],
            [4, 5],
            [5, 5],
            [15, 10],
            [28, 8],
            [30, 7],
            [rng.int(1, 28), 10],
          ] as const),
          {
            payer: p,
            payee,
            amount: round(fromEur(rng.logNormal(750, 0.4), cur), 10),
            currency: cur,
            purpose: `${word} ${rng.int(1, 40)}${rng.pick(['', 'A', 'B'])} ${rng.pick(MONTH_TAGS)}`,
            kind: 'rent',
          },
        )
      }
      for (
        let i = rng.weighted([
          [1, 55],
          [2, 35],
          [3, 10],
        ] as const);
        i > 0;
        i--
      )
        add(rng.int(1, 28), {
          payer: p,
          payee: rng.pick(utils),
          amount: rng.chance(0.5)
            ? round(fromEur(rng.logNormal(70, 0.5), cur), 1)
            : fromEur(rng.logNormal(35, 0.5), cur),
          currency: cur,
          purpose: `${rng.pick(UTILITY_TEXT)} ${ref()}`,
          kind: 'utility',
        })
      if (rng.chance(0.25))
        add(rng.chance(0.3) ? 1 : rng.int(1, 28), {
          payer: p,
          payee: rng.pick(utils),
          amount: fromEur(rng.logNormal(45, 0.6), cur),
          currency: cur,
          purpose: `${rng.pick(INSURANCE_TEXT)} ${ref()}`,
          kind: 'insurance',
        })
      if (rng.chance(0.15))
        add(rng.pick([1, 15, 30, rng.int(1, 28)]), {
          payer: p,
          payee: rng.pick(pool.lenders),
          amount: fromEur(rng.logNormal(320, 0.6), cur),
          currency: cur,
          purpose: `Darlehen ${ref()} Rate`,
          kind: 'loan',
        })
      if (rng.chance(0.2))
        add(rng.pick([1, 2, 15, 28, rng.int(1, 28)]), {
          payer: p,
          payee: rng.pick(pool.lenders),
          amount: rng.pick([25, 50, 50, 100, 100, 150, 200, 250, 500]) * (cur === 'JPY' ? 100 : 1),
          currency: cur,
          purpose: `Sparplan ${ref()}`,
          kind: 'savings',
        })
      if (rng.chance(0.25))
        add(rng.int(1, 28), {
          payer: p,
          payee: rng.pick(pool.merchants),
          amount: rng.pick([9.99, 14.99, 19.9, 24.9, 29.9, 39, 49]),
          currency: 'EUR',
          purpose: `Mitgliedsbeitrag ${ref()}`,
          kind: 'membership',
        })
      if (rng.chance(0.08)) {
        const family = pool.personsByCountry.get(p.country) ?? pool.persons
        const to = rng.pick(family)
        if (to !== p)
          add(rng.chance(0.4) ? 1 : rng.int(1, 28), {
            payer: p,
            payee: to,
            amount: rng.pick([50, 100, 150, 200, 300, 400, 500]),
            currency: cur,
            purpose: rng.pick(['Taschengeld', 'Unterhalt', 'Pocket money', 'Support']),
            kind: 'family',
          })
      }
    }
  }

  reset(): void {
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    for (let dom = 1; dom <= 31; dom++) {
      if (!info.following[dom]) continue
      for (const o of this.byDom[dom]) {
        if (!isOpen(o.payer, info.ms) || !isOpen(o.payee, info.ms)) continue
        // Standing orders run in the bank's night batch, collections in the morning.
        const t =
          o.kind === 'rent' || o.kind === 'savings' || o.kind === 'family'
            ? batchStart(rng, info.ms, 0.5, 5)
            : batchStart(rng, info.ms, 2, 8)
        const p = tx(t, o.amount, o.currency, o.payer, o.payee, o.purpose)
        out.push(p)
        const kind = COLLECTOR_KIND[o.kind]
        const n = this.customers.get(o.payee.account) ?? 0
        if (kind && n >= 20) {
          const b = this.log.get(
            o.payee.account,
            kind,
            () => [o.payee.account],
            () => ({ customers: n }),
          )
          this.log.note(b, p, false)
        }
      }
    }
  }
}
