// Parties (account holders): persons and companies with a country-typical name, bank (BIC) and a
// unique account (IBAN where the country uses one). Each party keeps its CSV fields pre-rendered.
import { COUNTRIES, COUNTRY, type CountryInfo } from './countries.ts'
import { makeIban, makeNationalAccount, BBAN_FORMATS } from './iban.ts'
import { FAMILY, GIVEN } from './names-people.ts'
import { LEGAL_FORMS, PLACE_WORDS, PREFIX_FORMS, TRADE_WORDS } from './names-companies.ts'
import type { Rng } from './rng.ts'
import { csvField } from '../util/csv.ts'

export type PartyKind = 'person' | 'company'

export interface Party {
  account: string
  name: string
  country: string
  bank: string
  kind: PartyKind
  /** `account,name,country,bank` as CSV, written as debtor or creditor. */
  csv: string
  /** Epoch ms of the day the account was opened, when that is inside the data (a new customer). */
  opened?: number
}

export { csvField }

/** Pre-rendered party; the account must be unique (see Registry). */
export function party(
  account: string,
  name: string,
  country: string,
  bank: string,
  kind: PartyKind,
): Party {
  return {
    account,
    name,
    country,
    bank,
    kind,
    csv: `${account},${csvField(name)},${country},${bank}`,
  }
}

const CUMULATIVE: number[] = []
{
  let t = 0
  for (const c of COUNTRIES) CUMULATIVE.push((t += c.weight))
}

/** A country drawn by background frequency. */
export function randomCountry(rng: Rng): string {
  const r = rng.next() * CUMULATIVE[CUMULATIVE.length - 1]
  let lo = 0
  let hi = CUMULATIVE.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (CUMULATIVE[mid] > r) hi = mid
    else lo = mid + 1
  }
  return COUNTRIES[lo].code
}

export function personName(rng: Rng, country: string): string {
  const lang = COUNTRY[country].lang
  const given = rng.pick(GIVEN[lang])
  const family = rng.pick(FAMILY[lang])
  if (lang === 'zh' || lang === 'ja') return `${family} ${given}`
  return rng.chance(0.1) ? `${given} ${rng.pick(GIVEN[lang])} ${family}` : `${given} ${family}`
}

/** The bare company name without legal form, e.g. "Rhein Components" or "Weber Logistik". */
export function companyStem(rng: Rng, country: string): string {
  const lang = COUNTRY[country].lang
  const place = rng.pick(PLACE_WORDS[lang])
  const word = rng.pick(TRADE_WORDS)
  switch (rng.int(0, 3)) {
    case 0:
      return `${place} ${word}`
    case 1:
      return `${rng.pick(FAMILY[lang])} ${word}`
    case 2:
      return `${place}${rng.pick(['tech', 'trade', 'pro', 'log', 'com', 'line'])} ${word}`
    default:
      return `${rng.pick(FAMILY[lang])} & ${rng.pick(FAMILY[lang])}`
  }
}

export function withLegalForm(stem: string, form: string): string {
  return PREFIX_FORMS.has(form) ? `${form} ${stem}` : `${stem} ${form}`
}

export function companyName(rng: Rng, country: string): string {
  return withLegalForm(companyStem(rng, country), rng.pick(LEGAL_FORMS[country] ?? ['Ltd']))
}

/** Hands out unique accounts; every party of one generation run goes through one registry. */
export class Registry {
  private used = new Set<string>()
  constructor(private rng: Rng) {}

  account(country: string): { account: string; bank: string } {
    const info: CountryInfo = COUNTRY[country]
    if (!info) throw new Error(`unknown country ${country}`)
    for (;;) {
      const [bic8, code] = this.rng.pick(info.banks)
      const account = BBAN_FORMATS[country]
        ? makeIban(this.rng, country, code)
        : makeNationalAccount(this.rng, country, code)
      if (this.used.has(account)) continue
      this.used.add(account)
      const bank = this.rng.chance(0.3) ? bic8 + 'XXX' : bic8
      return { account, bank }
    }
  }

  person(country = randomCountry(this.rng)): Party {
    const { account, bank } = this.account(country)
    return party(account, personName(this.rng, country), country, bank, 'person')
  }

  company(country = randomCountry(this.rng), name?: string): Party {
    const { account, bank } = this.account(country)
    return party(account, name ?? companyName(this.rng, country), country, bank, 'company')
  }

  /** A second account of an existing holder (e.g. a company's payroll account). */
  secondAccount(p: Party): Party {
    const { account, bank } = this.account(p.country)
    return party(account, p.name, p.country, bank, p.kind)
  }
}
