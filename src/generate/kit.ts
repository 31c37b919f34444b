// The toolkit pattern builders draw from: a risk profile (route, listed party, controlled goods), new
// dedicated accounts per role, amounts in the pattern's currency, and hop wording.
import { HUB_COUNTRIES, SANCTIONED_COUNTRIES } from './countries.ts'
import { controlledGood, formatHs, ordinaryGood, VAGUE_DESCRIPTIONS } from './goods.ts'
import { fromEur } from './money.ts'
import { party, type Party, type Registry } from './parties.ts'
import type { Pool } from './pool.ts'
import { tradePurpose, vaguePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import { nameVariant, type ListedEntity } from './watchlist.ts'

export const EU_LOW = [
  'DE',
  'DE',
  'DE',
  'FR',
  'NL',
  'IT',
  'ES',
  'AT',
  'BE',
  'PL',
  'CZ',
  'CY',
  'LV',
  'LT',
  'EE',
  'GB',
  'CH',
] as const

export type RouteKind = 'plain' | 'hub' | 'sanctioned' | 'listed'
/** hs: controlled HS code only; desc: dual-use wording only; both: matching code and wording. */
export type GoodsKind = 'none' | 'hs' | 'desc' | 'both'

export interface Profile {
  route: RouteKind
  goods: GoodsKind
  currency: string
}

/** role of an account in a pattern: where the money starts, passes, or ends up. */
export type Role = 'source' | 'middle' | 'sink'

export interface DraftTx {
  /** Milliseconds after the pattern's start. */
  at: number
  amount: number
  debtor: Party
  creditor: Party
  purpose?: string
  hs?: string
}

export interface Draft {
  txs: DraftTx[]
  params: Record<string, unknown>
}

export interface Listing {
  account: string
  entry_id: string
  name_in_payment: string
  variant: string
}

export class Kit {
  readonly listed: Listing[] = []
  private listedDone = false
  constructor(
    readonly rng: Rng,
    readonly reg: Registry,
    readonly pool: Pool,
    readonly profile: Profile,
    private entities: ListedEntity[],
  ) {}

  /** A country for an account in this role under the profile. */
  country(role: Role): string {
    const { rng, profile } = this
    if (role === 'source') return rng.pick(EU_LOW)
    if (profile.route === 'plain') return rng.pick(EU_LOW)
    if (role === 'middle')
      return rng.chance(profile.route === 'hub' ? 0.6 : 0.35)
        ? rng.pick(HUB_COUNTRIES)
        : rng.pick(EU_LOW)
    if (profile.route === 'sanctioned') return rng.pick(SANCTIONED_COUNTRIES)
    return rng.pick(HUB_COUNTRIES)
  }

  /** A new dedicated account for role; under a 'listed' profile the first sink is a listed party. */
  party(role: Role, kind: 'person' | 'company' | 'any' = 'any'): Party {
    if (role === 'sink' && this.profile.route === 'listed' && !this.listedDone)
      return this.listedParty()
    const country = this.country(role)
    const k = kind === 'any' ? (this.rng.chance(0.65) ? 'company' : 'person') : kind
    return k === 'company' ? this.reg.company(country) : this.reg.person(country)
  }

  /** A listed entity's account, named with a variant of its list name. */
  listedParty(): Party {
    this.listedDone = true
    const entity = this.rng.pick(this.entities)
    const { name, variant } = nameVariant(this.rng, entity)
    const fixed =
      entity.schema === 'Person'
        ? renamed(this.reg.person(entity.country), name)
        : this.reg.company(entity.country, name)
    this.listed.push({
      account: fixed.account,
      entry_id: entity.id,
      name_in_payment: name,
      variant,
    })
    return fixed
  }

  /** An existing background person or company (for counterparties of fans). */
  existing(kind: 'person' | 'company'): Party {
    let p = this.rng.pick(kind === 'person' ? this.pool.persons : this.pool.companies)
    // Accounts opened during the data are new customers, not long-standing ones.
    while (p.opened !== undefined)
      p = this.rng.pick(kind === 'person' ? this.pool.persons : this.pool.companies)
    this.borrowed.add(p.account)
    return p
  }

  /** Accounts taken from the background population (they have a history of their own). */
  readonly borrowed = new Set<string>()

  /** An EUR amount in the pattern's currency, rounded to its minor unit. */
  eur(x: number): number {
    return fromEur(x, this.profile.currency)
  }

  /** Log-uniform EUR amount between lo and hi, in the pattern's currency. */
  size(lo: number, hi: number): number {
    return this.eur(Math.exp(this.rng.range(Math.log(lo), Math.log(hi))))
  }

  /** Remittance text and HS code of one hop under the profile's goods setting. */
  wording(debtor: Party): { purpose: string; hs: string } {
    const { rng, profile } = this
    const g = profile.goods
    if (g === 'none' || rng.chance(0.25)) {
      if (rng.chance(0.5)) return { purpose: vaguePurpose(rng, debtor.country), hs: '' }
      const o = ordinaryGood(rng)
      return {
        purpose: tradePurpose(rng, debtor.country, o.description),
        hs: rng.chance(0.5) ? formatHs(rng, o.hs) : '',
      }
    }
    const c = controlledGood(rng)
    if (g === 'hs')
      return {
        purpose: tradePurpose(
          rng,
          debtor.country,
          rng.chance(0.5) ? rng.pick(VAGUE_DESCRIPTIONS) : undefined,
        ),
        hs: formatHs(rng, c.hs),
      }
    if (g === 'desc') return { purpose: tradePurpose(rng, debtor.country, c.description), hs: '' }
    return { purpose: tradePurpose(rng, debtor.country, c.description), hs: formatHs(rng, c.hs) }
  }

  /** A dwell or gap: log-normal around median hours, clamped to [lo, hi] hours, in ms. */
  hours(median: number, lo: number, hi: number): number {
    const h = Math.min(hi, Math.max(lo, this.rng.logNormal(median, 0.8)))
    return Math.round(h * 3_600_000)
  }
}

function renamed(p: Party, name: string): Party {
  return party(p.account, name, p.country, p.bank, p.kind)
}
