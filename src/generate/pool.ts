// The background population: persons, companies, a few merchants and supplier hubs, and companies
// with a separate payroll account. Drawn uniformly so that no ordinary account becomes busy by chance.
import { Registry, type Party } from './parties.ts'
import type { Rng } from './rng.ts'

export interface Pool {
  persons: Party[]
  companies: Party[]
  /** Persons by country, for domestic person-to-person payments. */
  personsByCountry: Map<string, Party[]>
  /** Shops receiving many small card/online payments (benign fan-in). */
  merchants: Party[]
  /** Large suppliers with thousands of counterparties (benign busy hubs). */
  hubs: Party[]
}

const MERCHANT_NAMES = [
  'Stadtwerke',
  'Online Shop',
  'Supermarché',
  'Elektronikmarkt',
  'Buchhandlung',
  'Pharmacie',
  'Tankstelle',
  'Mode Boutique',
  'Sportshop',
  'Möbelhaus',
]
const MERCHANT_COUNTRIES = ['DE', 'DE', 'DE', 'FR', 'NL', 'AT', 'IT', 'ES', 'BE']

export function buildPool(rng: Rng, reg: Registry, accounts: number): Pool {
  const persons: Party[] = []
  const companies: Party[] = []
  const personsByCountry = new Map<string, Party[]>()
  const nPersons = Math.round(accounts * 0.7)
  for (let i = 0; i < accounts; i++) {
    if (i < nPersons) {
      const p = reg.person()
      persons.push(p)
      const list = personsByCountry.get(p.country)
      if (list) list.push(p)
      else personsByCountry.set(p.country, [p])
    } else companies.push(reg.company())
  }
  const merchants: Party[] = []
  const nMerchants = Math.max(5, Math.round(accounts / 2000))
  for (let i = 0; i < nMerchants; i++) {
    const country = rng.pick(MERCHANT_COUNTRIES)
    const base = reg.company(country)
    merchants.push(reg.company(country, `${rng.pick(MERCHANT_NAMES)} ${base.name}`))
  }
  const hubs = [
    reg.company('DE', 'Rheinland Industriebedarf Großhandel GmbH'),
    reg.company('NL', 'Europort Wholesale Supply B.V.'),
  ]
  return { persons, companies, personsByCountry, merchants, hubs }
}
