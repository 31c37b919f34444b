// The background population and its roles: persons, businesses by size class (micro, small, medium,
// large: the EU's SME size classes, Commission Recommendation 2003/361/EC, in the proportions Eurostat's
// structural business statistics show, tilted towards larger firms because they hold more accounts),
// wholesalers that many businesses buy from, merchants, utilities, landlords, lenders, card acquirers,
// tax offices and trading companies in the trade hubs. A few accounts of each kind are opened during
// the data (new customers): they must not pay or be paid before that day.
import { COUNTRY } from './countries.ts'
import { companyName, Registry, type Party } from './parties.ts'
import type { Rng } from './rng.ts'
import { DAY_MS } from './types.ts'

export const SIZE_MICRO = 0
export const SIZE_SMALL = 1
export const SIZE_MEDIUM = 2
export const SIZE_LARGE = 3

export interface Pool {
  persons: Party[]
  /** Ordinary businesses (buyers and suppliers of each other); sizes[i] is companies[i]'s class. */
  companies: Party[]
  sizes: Uint8Array
  personsByCountry: Map<string, Party[]>
  /** Shops and online merchants: consumers pay them, acquirers settle with them. */
  merchants: Party[]
  /** Wholesalers and distributors: dozens of businesses buy from each. */
  hubs: Party[]
  /** Energy, telecom and insurance companies: thousands of customers each. */
  utilities: Party[]
  /** Property managers collecting rent. */
  landlords: Party[]
  /** Banks' loan and savings accounts. */
  lenders: Party[]
  /** Card acquirers and marketplaces paying merchants and sellers out. */
  acquirers: Party[]
  marketplaces: Party[]
  /** One tax office account per country that has one here. */
  taxOffices: Map<string, Party>
  /** Trading companies in the hubs and the big trading nations (legitimate cross-border trade). */
  traders: Party[]
  /** First day of the data (epoch ms) and the end of it, for accounts opened within. */
  first: number
  end: number
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
  'Bäckerei',
  'Restaurant',
  'Autohaus',
  'Baumarkt',
]
const UTILITY_KINDS = ['Energie', 'Energy', 'Telecom', 'Mobilfunk', 'Versicherung', 'Assurances']
const TAX_OFFICES: Record<string, string> = {
  DE: 'Finanzamt Köln-Mitte',
  AT: 'Finanzamt Österreich',
  FR: 'DGFiP Service des Impôts des Entreprises',
  NL: 'Belastingdienst',
  IT: 'Agenzia delle Entrate',
  ES: 'Agencia Tributaria',
  BE: 'SPF Finances',
  GB: 'HM Revenue & Customs',
  PL: 'Urząd Skarbowy',
  CH: 'Eidgenössische Steuerverwaltung',
  IE: 'Revenue Commissioners',
  PT: 'Autoridade Tributária',
}
const LENDER_NAMES = [
  ['DE', 'Sparkasse Rheinland Darlehenskonto'],
  ['DE', 'Volksbank Mitte Kreditservice'],
  ['DE', 'Bausparkasse Süd Sparkonto'],
  ['FR', 'Crédit Régional Prêts Immobiliers'],
  ['NL', 'Hypotheekbank Nederland'],
  ['IT', 'Banca Popolare Mutui'],
  ['ES', 'Caja Levante Préstamos'],
  ['AT', 'Landesbank Österreich Kredite'],
  ['GB', 'Albion Building Society'],
  ['BE', 'Banque Wallonne Crédits'],
] as const
const ACQUIRERS = [
  ['NL', 'Paylane Merchant Services B.V.'],
  ['BE', 'Eurocard Acquiring SA/NV'],
  ['IT', 'Tirrenia Pagamenti S.p.A.'],
  ['IE', 'Harbour Payments Europe Ltd'],
  ['DE', 'Kartenzahlung Abwicklung GmbH'],
] as const
const TRADER_COUNTRIES = [
  'AE',
  'AE',
  'HK',
  'HK',
  'TR',
  'TR',
  'SG',
  'CN',
  'CN',
  'US',
  'JP',
  'CH',
  'GB',
]

/** Marks an account as opened on a day inside the data (new customer). */
function openDuring(rng: Rng, p: Party, first: number, end: number): void {
  const days = Math.max(1, Math.round((end - first) / DAY_MS))
  if (days < 3) return
  p.opened = first + rng.int(1, days - 1) * DAY_MS
}

export function isOpen(p: Party, dayMs: number): boolean {
  return p.opened === undefined || p.opened <= dayMs
}

export function buildPool(
  rng: Rng,
  reg: Registry,
  accounts: number,
  first: number,
  end: number,
): Pool {
  const persons: Party[] = []
  const companies: Party[] = []
  const sizeList: number[] = []
  const personsByCountry = new Map<string, Party[]>()
  const nPersons = Math.round(accounts * 0.7)
  for (let i = 0; i < accounts; i++) {
    if (i < nPersons) {
      const p = reg.person()
      persons.push(p)
      const list = personsByCountry.get(p.country)
      if (list) list.push(p)
      else personsByCountry.set(p.country, [p])
    } else {
      companies.push(reg.company())
      const r = rng.next()
      sizeList.push(
        r < 0.7 ? SIZE_MICRO : r < 0.9 ? SIZE_SMALL : r < 0.98 ? SIZE_MEDIUM : SIZE_LARGE,
      )
    }
  }
  const nCompanies = companies.length
  const special = (share: number, min: number) => Math.max(min, Math.round(nCompanies * share))
  const named = (country: string, name: string) => reg.company(country, name)
  const merchants: Party[] = []
  for (let i = special(0.04, 8); i > 0; i--) {
    const country = rng.pick(['DE', 'DE', 'DE', 'FR', 'NL', 'AT', 'IT', 'ES', 'BE', 'GB'])
    merchants.push(named(country, `${rng.pick(MERCHANT_NAMES)} ${companyName(rng, country)}`))
  }
  const hubs: Party[] = [
    named('DE', 'Rheinland Industriebedarf Großhandel GmbH'),
    named('NL', 'Europort Wholesale Supply B.V.'),
  ]
  for (let i = special(0.01, 4); i > 0; i--) {
    const country = rng.pick(['DE', 'DE', 'FR', 'NL', 'IT', 'ES', 'AT', 'PL', 'BE', 'GB'])
    const word = COUNTRY[country].lang === 'de' ? 'Großhandel' : 'Wholesale'
    hubs.push(named(country, `${companyName(rng, country)} ${word}`))
  }
  const utilities: Party[] = []
  for (let i = special(0.002, 4); i > 0; i--) {
    const country = rng.pick(['DE', 'DE', 'FR', 'NL', 'IT', 'ES', 'AT', 'GB', 'BE', 'PL'])
    utilities.push(named(country, `${rng.pick(UTILITY_KINDS)} ${companyName(rng, country)}`))
  }
  const landlords: Party[] = []
  for (let i = special(0.004, 4); i > 0; i--) {
    const country = rng.pick(['DE', 'DE', 'FR', 'NL', 'IT', 'ES', 'AT', 'GB', 'BE'])
    const word = COUNTRY[country].lang === 'de' ? 'Hausverwaltung' : 'Property Management'
    landlords.push(named(country, `${word} ${companyName(rng, country)}`))
  }
  const lenders = LENDER_NAMES.map(([c, n]) => named(c, n))
  const acquirers = ACQUIRERS.map(([c, n]) => named(c, n))
  const marketplaces = [
    named('LU', 'Marktplatz Europe S.à r.l.'),
    named('IE', 'Sellers Hub Europe DAC'),
  ]
  const taxOffices = new Map<string, Party>()
  for (const [c, n] of Object.entries(TAX_OFFICES)) taxOffices.set(c, named(c, n))
  const traders: Party[] = []
  for (let i = special(0.01, 10); i > 0; i--) traders.push(reg.company(rng.pick(TRADER_COUNTRIES)))

  // New customers: about 2% of persons and businesses open their account during the data.
  for (const p of persons) if (rng.chance(0.02)) openDuring(rng, p, first, end)
  for (const c of companies) if (rng.chance(0.02)) openDuring(rng, c, first, end)
  return {
    persons,
    companies,
    sizes: Uint8Array.from(sizeList),
    personsByCountry,
    merchants,
    hubs,
    utilities,
    landlords,
    lenders,
    acquirers,
    marketplaces,
    taxOffices,
    traders,
    first,
    end,
  }
}
