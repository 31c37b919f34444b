// Currencies and amounts: which currency a payment between two countries uses, rough EUR rates, minor
// units (JPY has none) and the structuring band that background traffic keeps out of.
import { COUNTRY } from './countries.ts'
import type { Rng } from './rng.ts'

export const TX_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CNY', 'AED', 'TRY', 'JPY'] as const

/** Units of the currency per 1 EUR (rough, fixed: the data is synthetic). */
export const PER_EUR: Record<string, number> = {
  EUR: 1,
  USD: 1.08,
  GBP: 0.85,
  CHF: 0.95,
  CNY: 7.8,
  AED: 3.97,
  TRY: 37,
  JPY: 165,
}

const DOLLAR_WORLD = new Set([
  'US',
  'CN',
  'HK',
  'SG',
  'AE',
  'TR',
  'KZ',
  'KG',
  'AM',
  'GE',
  'RU',
  'BY',
  'IR',
  'JP',
  'RS',
])

/** The currency of a payment from debtor country to creditor country. */
export function payCurrency(rng: Rng, from: string, to: string): string {
  const a = COUNTRY[from].currency
  const b = COUNTRY[to].currency
  if (from === to) return a in PER_EUR ? a : 'EUR'
  if (DOLLAR_WORLD.has(from) || DOLLAR_WORLD.has(to)) {
    const r = rng.next()
    if (r < 0.55) return 'USD'
    if (r < 0.85) return 'EUR'
    const local = b in PER_EUR && b !== 'EUR' ? b : a
    return local in PER_EUR ? local : 'USD'
  }
  if (a === 'GBP' && b === 'GBP') return 'GBP'
  return rng.chance(0.9) ? 'EUR' : 'USD'
}

/** Rounds to the currency's minor unit (JPY: whole yen). */
export function roundAmount(x: number, currency: string): number {
  return currency === 'JPY' ? Math.max(1, Math.round(x)) : Math.max(0.01, Math.round(x * 100) / 100)
}

export function formatAmount(x: number, currency: string): string {
  return currency === 'JPY' ? String(Math.round(x)) : x.toFixed(2)
}

/** An EUR amount converted to currency and rounded. */
export function fromEur(eur: number, currency: string): number {
  return roundAmount(eur * PER_EUR[currency], currency)
}

/** Background amounts stay out of [9,000, 10,000): only planted structuring and the deliberate
 *  recurring near-threshold payments live there. */
export function outOfBand(x: number, currency: string): number {
  return x >= 9000 && x < 10000 ? roundAmount(x * 1.12, currency) : x
}

/** The currency a party pays in at home: its own when ringwatch's samples carry it, else EUR. */
export function localCurrency(country: string): string {
  const c = COUNTRY[country]?.currency
  return c && c in PER_EUR ? c : 'EUR'
}
