// IBAN construction and checking (ISO 13616): BBAN shapes per country from the SWIFT IBAN registry,
// check digits by mod 97. Non-IBAN countries get national account numbers of their own shape.
import type { Rng } from './rng.ts'

/** BBAN layout per country: segments of n digits, a letters, c alphanumerics; the first is the bank code. */
export const BBAN_FORMATS: Record<string, string> = {
  AE: '3n16n',
  AT: '5n11n',
  AZ: '4a20c',
  BE: '3n7n2n',
  BG: '4a4n2n8c',
  BY: '4c4n16c',
  CH: '5n12c',
  CY: '3n5n16c',
  CZ: '4n6n10n',
  DE: '8n10n',
  DK: '4n10n',
  EE: '2n2n11n1n',
  ES: '4n4n2n10n',
  FI: '3n11n',
  FR: '5n5n11c2n',
  GB: '4a6n8n',
  GE: '2a16n',
  GR: '3n4n16c',
  HU: '3n4n1n15n1n',
  IE: '4a6n8n',
  IL: '3n3n13n',
  IR: '3n19n',
  IT: '1a5n5n12c',
  KZ: '3n13c',
  LT: '5n11n',
  LU: '3n13c',
  LV: '4a13c',
  NL: '4a10n',
  PL: '8n16n',
  PT: '4n4n11n2n',
  RO: '4a16c',
  RS: '3n13n2n',
  SA: '2n18c',
  SE: '3n17n',
  TR: '5n1n16c',
  UA: '6n19c',
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

const SEGMENTS = new Map<string, Array<[number, string]>>()

function segments(fmt: string): Array<[number, string]> {
  let out = SEGMENTS.get(fmt)
  if (!out) {
    out = []
    for (const m of fmt.matchAll(/(\d+)([nac])/g)) out.push([Number(m[1]), m[2]])
    SEGMENTS.set(fmt, out)
  }
  return out
}

/** IBAN length for a country (4 + BBAN length), or undefined for non-IBAN countries. */
export function ibanLength(country: string): number | undefined {
  const f = BBAN_FORMATS[country]
  return f ? 4 + segments(f).reduce((n, [len]) => n + len, 0) : undefined
}

/** Remainder mod 97 of the numeric form of an alphanumeric string (letters A=10 … Z=35). */
export function mod97(s: string): number {
  let r = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97
    else r = (r * 100 + (c - 55)) % 97
  }
  return r
}

/** The two check digits for country + BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  const check = 98 - mod97(bban + country + '00')
  return String(check).padStart(2, '0')
}

/** True when s is a well-formed IBAN of a known country with valid check digits. */
export function isValidIban(s: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(s)) return false
  const len = ibanLength(s.slice(0, 2))
  if (len !== undefined && s.length !== len) return false
  return mod97(s.slice(4) + s.slice(0, 4)) === 1
}

function randomSegment(rng: Rng, len: number, kind: string): string {
  if (kind === 'n') return rng.digits(len)
  if (kind === 'a') return rng.letters(len)
  let s = ''
  // Mostly digits in alphanumeric account parts, as banks issue them.
  for (let i = 0; i < len; i++) s += rng.chance(0.8) ? ALNUM[rng.int(0, 9)] : ALNUM[rng.int(10, 35)]
  return s
}

/** A valid IBAN for country; bankCode (when given) fills the first BBAN segment. */
export function makeIban(rng: Rng, country: string, bankCode?: string): string {
  const fmt = BBAN_FORMATS[country]
  if (!fmt) throw new Error(`no IBAN format for ${country}`)
  let bban = ''
  segments(fmt).forEach(([len, kind], i) => {
    if (i === 0 && bankCode && bankCode.length === len) bban += bankCode
    else bban += randomSegment(rng, len, kind)
  })
  return country + ibanCheckDigits(country, bban) + bban
}

/** ABA routing number check: 3-7-1 weights, sum divisible by 10. */
export function abaCheckDigit(first8: string): string {
  const w = [3, 7, 1, 3, 7, 1, 3, 7]
  let s = 0
  for (let i = 0; i < 8; i++) s += w[i] * (first8.charCodeAt(i) - 48)
  return String((10 - (s % 10)) % 10)
}

/** National (non-IBAN) account numbers, each country in its usual shape; never IBAN-shaped. */
export function makeNationalAccount(rng: Rng, country: string, bankCode: string): string {
  switch (country) {
    case 'US': {
      const routing8 = bankCode.padEnd(8, '0').slice(0, 8)
      return `${routing8}${abaCheckDigit(routing8)}-${rng.digits(rng.int(8, 12))}`
    }
    case 'RU':
      // 20 digits: balance account 40702 (companies) / 40817 (persons), currency 810, key, branch.
      return `${rng.chance(0.7) ? '40702' : '40817'}810${rng.digits(12)}`
    case 'CN':
      return `${bankCode}${rng.digits(19 - bankCode.length)}`
    case 'HK':
      return `${bankCode}-${rng.digits(3)}-${rng.digits(6)}-${rng.digits(3)}`
    case 'JP':
      return `${bankCode}-${rng.digits(3)}-${rng.digits(7)}`
    case 'IN':
      return rng.digits(rng.int(11, 16))
    case 'SG':
      return `${rng.digits(3)}-${rng.digits(6)}-${rng.digits(1)}`
    default:
      // KG, AM, UZ, CA, …: 16 digits, starting with the bank code.
      return `${bankCode}${rng.digits(16 - bankCode.length)}`
  }
}
