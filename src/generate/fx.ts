// Planted amounts in several currencies go through the sample reference rates
// (samples/lists/fx-rates.csv, sample-rates.ts): the rate of the transfer's day, or of the nearest
// earlier business day (the file has business days only, as the ECB's has), so that a value moved
// through EUR, USD and other currencies is the same value in the base currency up to the spreads.
import { samplePerEur } from './sample-rates.ts'
import { roundAmount } from './money.ts'
import { DAY_MS } from './types.ts'

/** Units of currency per 1 EUR on the day of ms (nearest earlier Monday–Friday). */
export function perEurOn(currency: string, ms: number): number {
  let t = Math.floor(ms / DAY_MS) * DAY_MS
  for (let dow = new Date(t).getUTCDay(); dow === 0 || dow === 6; dow = new Date(t).getUTCDay())
    t -= DAY_MS
  return samplePerEur(currency, new Date(t).toISOString().slice(0, 10))
}

/** A value in EUR as an amount in currency on the day of ms, rounded to its minor unit. */
export function eurTo(eur: number, currency: string, ms: number): number {
  return roundAmount(eur * perEurOn(currency, ms), currency)
}

/** An amount in currency on the day of ms, in EUR. */
export function toEur(amount: number, currency: string, ms: number): number {
  return amount / perEurOn(currency, ms)
}
