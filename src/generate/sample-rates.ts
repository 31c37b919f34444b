// The sample reference rates (samples/lists/fx-rates.csv, plain-rates against EUR), each business
// day of 2025–2027: for every currency the generator pays in, the generator's mid rate (PER_EUR),
// so that generated amounts and the rates agree within 2%; and for the other currencies a bank's
// payments commonly carry (ECB's reference list and the Gulf, CIS, Asian, African and Latin American
// currencies of trade), an approximate mid rate of 2025 (WORLD_PER_EUR), so that transfer data
// written by others converts too (a currency without a rate is compared only within itself, and
// a ring through it would be cut). Each moved by a small deterministic drift of at most ±2%.
// Approximate and synthetic: not official rates. Regenerate with
//   node bin/run-ts src/generate/sample-rates.ts
import { writeFileSync } from 'node:fs'
import { PER_EUR, TX_CURRENCIES } from './money.ts'

export const SAMPLE_RATES_FILE = 'samples/lists/fx-rates.csv'
export const SAMPLE_RATES_FROM = '2025-01-01'
export const SAMPLE_RATES_TO = '2027-12-31'
/**
 * Approximate units per 1 EUR in 2025 of the currencies the generator does not pay in (rounded;
 * currencies pegged to the dollar at their peg times the generator's USD rate, so that cross rates
 * agree). Volatile or managed currencies whose market rate is far from the official one (ARS, IRR,
 * VES, KPW, SYP) and crypto-assets are left out: an approximate rate for them would mislead.
 */
export const WORLD_PER_EUR: Record<string, number> = {
  // ECB reference currencies
  BGN: 1.95583,
  CZK: 24.9,
  DKK: 7.46,
  HUF: 400,
  ISK: 148,
  NOK: 11.6,
  PLN: 4.27,
  RON: 5.0,
  SEK: 11.2,
  AUD: 1.7,
  BRL: 6.2,
  CAD: 1.55,
  HKD: 8.42,
  IDR: 17_800,
  ILS: 4.0,
  INR: 93,
  KRW: 1_520,
  MXN: 21,
  MYR: 4.9,
  NZD: 1.85,
  PHP: 63,
  SGD: 1.46,
  THB: 38,
  ZAR: 20.5,
  // Gulf and Middle East (dollar pegs × the USD rate)
  SAR: 4.05,
  QAR: 3.93,
  KWD: 0.332,
  BHD: 0.406,
  OMR: 0.415,
  JOD: 0.766,
  EGP: 54,
  // Europe outside the ECB list, the CIS and the Caucasus
  RSD: 117,
  MKD: 61.5,
  ALL: 98,
  BAM: 1.95583,
  MDL: 19.5,
  UAH: 45,
  BYN: 3.55,
  RUB: 95,
  KZT: 560,
  UZS: 14_000,
  KGS: 94,
  TJS: 11.8,
  TMT: 3.78,
  GEL: 3.0,
  AMD: 420,
  AZN: 1.84,
  // Asia
  TWD: 35,
  VND: 28_000,
  PKR: 305,
  BDT: 130,
  LKR: 330,
  MNT: 3_750,
  // Africa and Latin America
  MAD: 10.7,
  TND: 3.35,
  NGN: 1_700,
  KES: 140,
  GHS: 16,
  CLP: 1_030,
  COP: 4_500,
  PEN: 4.05,
}

/** Units per 1 EUR of every currency in the sample rates (the generator's first). */
export const SAMPLE_PER_EUR: Record<string, number> = { ...WORLD_PER_EUR, ...PER_EUR }

/** Largest relative move of a sample rate away from its mid rate. */
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
  const mid = SAMPLE_PER_EUR[currency]
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
  const daily = TX_CURRENCIES.filter((c) => c !== 'EUR')
  const world = Object.keys(WORLD_PER_EUR).sort()
  const lines = [
    '# APPROXIMATE SAMPLE RATES, NOT OFFICIAL ONES: synthetic rates for ringwatch samples and tests.',
    "# Do not use them for real data: load the official reference rates instead, for example ECB's",
    '# eurofxref-hist.csv (see README, "Reference rates").',
    `# Each business day ${SAMPLE_RATES_FROM} to ${SAMPLE_RATES_TO} (other currencies than the generator's:`,
    '# each Monday); 1 unit of currency = rate_to_base EUR.',
    `# Derived from ringwatch's generator mid rates (src/generate/money.ts PER_EUR) and approximate`,
    `# 2025 mid rates of other currencies (src/generate/sample-rates.ts WORLD_PER_EUR) with a`,
    `# deterministic daily drift of at most ±${SAMPLE_DRIFT * 100}%; written by src/generate/sample-rates.ts.`,
    'date,currency,rate_to_base',
  ]
  // The generator's currencies every business day; the others every Monday (an approximate rate
  // gains nothing from daily rows: a transfer takes its nearest earlier rate).
  for (const day of businessDays(SAMPLE_RATES_FROM, SAMPLE_RATES_TO)) {
    const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1
    for (const c of monday ? [...daily, ...world] : daily)
      lines.push(`${day},${c},${Number((1 / samplePerEur(c, day)).toPrecision(6))}`)
  }
  return lines.join('\n') + '\n'
}

if (process.argv[1]?.endsWith('sample-rates.ts')) writeFileSync(SAMPLE_RATES_FILE, sampleRatesCsv())
