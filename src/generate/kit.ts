// The toolkit pattern builders draw from. A profile varies what others vary in their laundering
// typologies (IBM AMLSim alertPatterns parameters; Altman et al., "Realistic Synthetic Financial
// Transactions for Anti-Money Laundering Models", NeurIPS 2023 — AMLworld's patterns cross currencies
// and run from hours to weeks): the risk context (route, listed party, controlled goods), the
// currencies (one, or several the hops switch between, each switch costing an FX spread), the speed
// (hours, days, or slow: hops weeks apart), and the accounts (fresh dedicated mules, aged ones with a
// little cover history, or borrowed existing accounts). Builders work in EUR values; amounts in each
// hop's currency are fixed once the hop's day is known (fx.ts).
import { HUB_COUNTRIES, SANCTIONED_COUNTRIES } from './countries.ts'
import { controlledGood, formatHs, ordinaryGood, VAGUE_DESCRIPTIONS } from './goods.ts'
import { localCurrency } from './money.ts'
import { party, type Party, type Registry } from './parties.ts'
import type { Pool } from './population.ts'
import { tradePurpose, vaguePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import { DAY_MS, HOUR_MS } from './types.ts'
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
export type Speed = 'hours' | 'days' | 'slow'
export type AccountsKind = 'fresh' | 'aged' | 'borrowed' | 'mixed'

export interface Profile {
  route: RouteKind
  goods: GoodsKind
  /** One currency, or the several the hops switch between. */
  currencies: string[]
  speed: Speed
  accounts: AccountsKind
  /** The longest span the run allows, in ms. */
  maxSpan: number
}

/** role of an account in a pattern: where the money starts, passes, or ends up. */
export type Role = 'source' | 'middle' | 'sink'

export interface DraftTx {
  /** Milliseconds after the pattern's start. */
  at: number
  /** The value the hop carries, in EUR (in the hop's currency when native). */
  eur: number
  currency: string
  /** The amount is already in the hop's currency (thresholds in the currency itself). */
  native?: boolean
  debtor: Party
  creditor: Party
  purpose?: string
  hs?: string
}

export interface Draft {
  txs: DraftTx[]
  params: Record<string, unknown>
  /** Transfers need not be in the order of the flow (unordered rings, early pay-outs). */
  unordered?: boolean
}

export interface Listing {
  account: string
  entry_id: string
  name_in_payment: string
  variant: string
}

export class Kit {
  readonly listed: Listing[] = []
  /** Accounts taken from the background population (they have a history of their own). */
  readonly borrowed = new Set<string>()
  /** FX spreads charged where a hop changes currency, in order. */
  readonly spreads: number[] = []
  private listedDone = false
  /**
   * A point in [0, 1) that spreads this pattern's size over its typology's range: the r-th of n
   * patterns of a typology draws from the r-th n-th of the distribution (stratified sampling), so
   * that every run has short and long rings, narrow and wide fans.
   */
  readonly stratum: number
  constructor(
    readonly rng: Rng,
    readonly reg: Registry,
    readonly pool: Pool,
    readonly profile: Profile,
    private entities: ListedEntity[],
    round = 0,
    rounds = 1,
  ) {
    this.stratum = (round + rng.next()) / rounds
  }

  /** Picks by weight at the pattern's stratum. */
  sized<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of items) total += w
    let r = this.stratum * total
    for (const [v, w] of items) {
      r -= w
      if (r < 0) return v
    }
    return items[items.length - 1][0]
  }

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

  /**
   * An account for role: under a 'listed' profile the first sink is a listed party; otherwise a new
   * dedicated account, or (borrowed, half of mixed) an existing one with a history of its own.
   */
  party(role: Role, kind: 'person' | 'company' | 'any' = 'any'): Party {
    if (role === 'sink' && this.profile.route === 'listed' && !this.listedDone)
      return this.listedParty()
    const k = kind === 'any' ? (this.rng.chance(0.65) ? 'company' : 'person') : kind
    const a = this.profile.accounts
    if (a === 'borrowed' || (a === 'mixed' && this.rng.chance(0.5))) return this.existing(k)
    const country = this.country(role)
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

  /** An existing background person or company, open since before the data. */
  existing(kind: 'person' | 'company'): Party {
    const list = kind === 'person' ? this.pool.persons : this.pool.companies
    // Opened during the data: a new customer, not an existing account; and once per pattern.
    let p = this.rng.pick(list)
    while (p.opened !== undefined || this.borrowed.has(p.account)) p = this.rng.pick(list)
    this.borrowed.add(p.account)
    return p
  }

  /** Log-uniform EUR value between lo and hi. */
  value(lo: number, hi: number): number {
    return Math.exp(this.rng.range(Math.log(lo), Math.log(hi)))
  }

  /** The currency of a hop: the profile's one, or (several) often a side's own currency. */
  currency(debtor: Party, creditor: Party): string {
    const c = this.profile.currencies
    if (c.length === 1) return c[0]
    const local = [localCurrency(debtor.country), localCurrency(creditor.country)].filter((x) =>
      c.includes(x),
    )
    return local.length && this.rng.chance(0.6) ? this.rng.pick(local) : this.rng.pick(c)
  }

  /** What is left of a value passed on from a hop in `from` to one in `to`: less a few per cent
   *  kept (decay) and, when the currency changes, an FX spread of 0.1–1.5%. */
  passOn(eur: number, from: string, to: string, decay: number): number {
    let v = eur * (1 - decay)
    if (from !== to) {
      const s = Number(this.rng.range(0.001, 0.015).toFixed(4))
      this.spreads.push(s)
      v *= 1 - s
    }
    return v
  }

  /** The gap between two hops under the profile's speed, in ms. */
  gap(): number {
    const { rng, profile } = this
    if (profile.speed === 'hours') return Math.round(rng.range(0.2, 12) * HOUR_MS)
    if (profile.speed === 'days') return Math.round(rng.range(12, 120) * HOUR_MS)
    return Math.round(rng.range(5, 20) * DAY_MS)
  }

  /** A span for n steps under the profile's speed, kept inside the run. */
  span(n: number): number {
    let s = 0
    for (let i = 0; i < n; i++) s += this.gap()
    return Math.min(s, this.profile.maxSpan)
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
}

function renamed(p: Party, name: string): Party {
  return party(p.account, name, p.country, p.bank, p.kind)
}
