// One-off benign events where one value is passed on or many pay one (benign.ts plans them day by
// day through this kit):
//   loan_purchase / property_purchase: one value passed on within days — a bank's loan paid to a car
//     dealer, a mortgage and own funds through a notary's escrow account to the seller;
//   company_startup: founders pay in the share capital (DE GmbH: 25,000, GmbHG §5), then the new
//     company pays a burst of suppliers from a fresh account;
//   account_switch: a new customer moves savings from their old bank and pays a rent deposit (EU
//     Payment Accounts Directive 2014/92/EU account switching);
//   estate_distribution: equal round shares to heirs; membership_collection: an association
//     collecting the same annual fee from its members.
import { tx } from './flows.ts'
import { ordinaryGood } from './goods.ts'
import { fromEur, localCurrency, roundAmount } from './money.ts'
import type { Party, Registry } from './parties.ts'
import type { Pool } from './population.ts'
import { tradePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import { DAY_MS, HOUR_MS, type PlannedTx } from './types.ts'

export interface EventKit {
  rng: Rng
  reg: Registry
  pool: Pool
  /** Epoch ms of the first written day. */
  first: number
  /** A time on day d between fromH and toH o'clock. */
  at: (d: number, fromH: number, toH: number) => number
  add: (kind: string, accounts: Party[], txs: PlannedTx[], params?: Record<string, unknown>) => void
  /** Events of a day at rate × perDay. */
  count: (rate: number) => number
  person: (t: number) => Party
  company: (t: number) => Party
}

/** The pass-on and many-to-one events of day d. */
export function passedOn(ev: EventKit, d: number): void {
  const { rng, reg, pool, at, add, count, person, company } = ev
  const r = { first: ev.first }
  for (let i = count(0.0002); i > 0; i--) {
    const t1 = at(d, 8, 12)
    const buyer = person(t1)
    const lender = rng.pick(pool.lenders)
    const dealer = rng.pick(pool.merchants)
    const cur = localCurrency(buyer.country)
    const price = fromEur(Math.round(rng.logNormal(22_000, 0.4) / 500) * 500, cur)
    const contract = rng.digits(10)
    add(
      'loan_purchase',
      [lender, buyer, dealer],
      [
        tx(t1, price, cur, lender, buyer, `Darlehensauszahlung Vertrag ${contract}`),
        tx(
          t1 + rng.range(2, 40) * HOUR_MS,
          price,
          cur,
          buyer,
          dealer,
          `Kaufvertrag Fahrzeug FIN ${rng.letters(3)}${rng.digits(8)}`,
        ),
      ],
    )
  }
  for (let i = count(0.00005); i > 0; i--) {
    const t1 = at(d, 8, 12)
    const buyer = person(t1)
    const seller = person(t1)
    const lender = rng.pick(pool.lenders)
    if (buyer === seller) continue
    const country = buyer.country in { DE: 1, AT: 1 } ? buyer.country : 'DE'
    const notary = reg.company(
      country,
      `Notar ${rng.pick(['Dr. Weber', 'Schmidt', 'Dr. Hoffmann', 'Becker'])} Anderkonto`,
    )
    const cur = localCurrency(buyer.country)
    const price = fromEur(Math.round(rng.logNormal(350_000, 0.5) / 1000) * 1000, cur)
    const loan = roundAmount(price * rng.pick([0.6, 0.7, 0.8, 0.9]), cur)
    const t2 = t1 + rng.range(1, 5) * DAY_MS
    add(
      'property_purchase',
      [lender, buyer, notary, seller],
      [
        tx(t1, loan, cur, lender, buyer, `Auszahlung Baufinanzierung ${rng.digits(10)}`),
        tx(t2, price, cur, buyer, notary, `Kaufpreis Grundstück UR-Nr ${rng.digits(4)}/2026`),
        tx(
          t2 + rng.range(2, 10) * DAY_MS,
          price,
          cur,
          notary,
          seller,
          `Auszahlung Kaufpreis UR-Nr ${rng.digits(4)}/2026`,
        ),
      ],
    )
  }
  for (let i = count(0.00004); i > 0; i--) {
    const t1 = at(d, 8, 16)
    const country = rng.pick(['DE', 'DE', 'AT', 'NL', 'FR'])
    const firm = reg.company(country)
    firm.opened = r.first + d * DAY_MS
    const founders = Array.from({ length: rng.int(1, 3) }, () => person(t1))
    const capital = rng.pick([25_000, 25_000, 12_500, 50_000, 100_000])
    const txs = founders.map((f, k) =>
      tx(
        t1 + k * 600_000,
        roundAmount(capital / founders.length, 'EUR'),
        'EUR',
        f,
        firm,
        'Einzahlung Stammkapital',
      ),
    )
    for (let k = rng.int(8, 25); k > 0; k--) {
      const s = rng.chance(0.3) ? rng.pick(pool.hubs) : company(t1)
      const g = ordinaryGood(rng)
      txs.push(
        tx(
          t1 + rng.range(1, 10) * DAY_MS,
          fromEur(rng.logNormal(1_500, 1), 'EUR'),
          'EUR',
          firm,
          s,
          tradePurpose(rng, country, g.description),
        ),
      )
    }
    add('company_startup', [firm, ...founders], txs, { capital })
  }
  for (let i = count(0.0001); i > 0; i--) {
    const t1 = at(d, 8, 20)
    const p = person(t1)
    const old = reg.secondAccount(p)
    const cur = localCurrency(p.country)
    const landlord = rng.pick(pool.landlords)
    add(
      'account_switch',
      [p, old, landlord],
      [
        tx(
          t1,
          fromEur(Math.round(rng.logNormal(8_000, 0.8) / 100) * 100, cur),
          cur,
          old,
          p,
          'Kontowechsel Übertrag Guthaben',
        ),
        tx(
          t1 + rng.range(1, 4) * DAY_MS,
          fromEur(Math.round(rng.logNormal(2_400, 0.3) / 50) * 50, cur),
          cur,
          p,
          landlord,
          'Mietkaution',
        ),
      ],
    )
  }
  for (let i = count(0.00003); i > 0; i--) {
    const t1 = at(d, 9, 15)
    const country = rng.pick(['DE', 'AT', 'FR', 'NL'])
    const estate = reg.company(
      country,
      `Nachlass ${rng.pick(['Müller', 'Weber', 'Fischer', 'Dubois'])} Notaranderkonto`,
    )
    const heirs = Array.from({ length: rng.int(2, 6) }, () => person(t1))
    const share = Math.round(rng.logNormal(40_000, 0.8) / 1000) * 1000
    add(
      'estate_distribution',
      [estate, ...heirs],
      heirs.map((h, k) =>
        tx(t1 + k * 2000, share, 'EUR', estate, h, 'Erbauseinandersetzung Anteil'),
      ),
    )
  }
  for (let i = count(0.00003); i > 0; i--) {
    const t1 = at(d, 0, 6)
    const club = reg.company(
      rng.pick(['DE', 'AT', 'NL']),
      `${rng.pick(['Sportverein', 'Musikverein', 'Förderverein', 'Tennisclub'])} ${rng.letters(1)}${rng.int(1900, 2020)} e.V.`,
    )
    const fee = rng.pick([24, 36, 48, 60, 120])
    const members = Array.from({ length: rng.int(20, 60) }, () => person(t1))
    add(
      'membership_collection',
      [club, ...members],
      members.map((m) =>
        tx(
          t1 + rng.range(0, 3) * DAY_MS,
          fee,
          'EUR',
          m,
          club,
          `Jahresbeitrag ${new Date(t1).getUTCFullYear()}`,
        ),
      ),
    )
  }
}
