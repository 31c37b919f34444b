// The sample reference rates (samples/lists/fx-rates.csv, plain-rates against EUR): for every
// currency the generator pays in, each business day of 2025–2027, the generator's mid rate
// (PER_EUR) moved by a small deterministic drift of at most ±2%, so that generated amounts and the
// rates agree within 2%. Approximate and synthetic: not official rates. Regenerate with
//   node bin/run-ts src/generate/sample-rates.ts
import { writeFileSync } from 'node:fs'
import { PER_EUR, TX_CURRENCIES } from './money.ts'

export const SAMPLE_RATES_FILE = 'samples/lists/fx-rates.csv'
export const SAMPLE_RATES_FROM = '2025-01-01'
export const SAMPLE_RATES_TO = '2027-12-31'
/** Largest relative move of a sample rate away from PER_EUR. */
export const SAMPLE_DRIFT = 0.02

const DAY_MS = 86_400_000

/** Drift in [-SAMPLE_DRIFT, SAMPLE_DRIFT]: a yearly and a six-week wave, phased per currency. */
function drift(currency: string, day: string): number {
  const t = Date.parse(`${day}T00:00:00Z`) / DAY_MS
  let phase = 0
  for (let i = 0; i < currency.length; i++) phase = phase * 31 + currency.charCodeAt(i)
  const slow = Math.sin((2 * Math.PI * t) / 365.25 + (phase % 628) / 100)
  const fast = Math.sin((2 * Math.PI * t) / 43 + (phase % 314) / 50)
  return SAMPLE_DRIFT * (0.7 * slow + 0.3 * fast)
}

/** Units of `currency` per 1 EUR on `day` (YYYY-MM-DD) in the sample rates; EUR is 1. */
export function samplePerEur(currency: string, day: string): number {
  const mid = PER_EUR[currency]
  if (mid === undefined) throw new RangeError(`no sample rate for ${currency}`)
  return currency === 'EUR' ? 1 : mid * (1 + drift(currency, day))
}

/** Business days (Monday to Friday) from … to, inclusive. */
export function businessDays(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const d = new Date(t)
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10))
  }
  return out
}

/** The file's text: comment header, then `date,currency,rate_to_base` (EUR per 1 unit). */
export function sampleRatesCsv(): string {
  const currencies = TX_CURRENCIES.filter((c) => c !== 'EUR')
  const lines = [
    '# APPROXIMATE SAMPLE RATES, NOT OFFICIAL ONES: synthetic rates for ringwatch samples and tests.',
    "# Do not use them for real data: load the official reference rates instead, for example ECB's",
    '# eurofxref-hist.csv (see README, "Reference rates").',
    `# Each business day ${SAMPLE_RATES_FROM} to ${SAMPLE_RATES_TO}; 1 unit of currency = rate_to_base EUR.`,
    `# Derived from ringwatch's generator mid rates (src/generate/money.ts PER_EUR) with a`,
    `# deterministic daily drift of at most ±${SAMPLE_DRIFT * 100}%; written by src/generate/sample-rates.ts.`,
    'date,currency,rate_to_base',
  ]
  for (const day of businessDays(SAMPLE_RATES_FROM, SAMPLE_RATES_TO))
    for (const c of currencies)
      lines.push(`${day},${c},${Number((1 / samplePerEur(c, day)).toPrecision(6))}`)
  return lines.join('\n') + '\n'
}

if (process.argv[1]?.endsWith('sample-rates.ts')) writeFileSync(SAMPLE_RATES_FILE, sampleRatesCsv())
