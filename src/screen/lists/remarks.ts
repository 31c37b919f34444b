// What OFAC's remarks field says beyond names: dates of birth, the countries a party is tied to
// (nationality, citizenship, place of birth, registration, flag) and identifiers (passport, national
// ID, registration, tax, IMO and other numbers), for the second signals a weak alias needs.
import { countryCode } from './countries.ts'

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
}

/** 'DOB 10 Dec 1948', 'DOB Dec 1948', 'DOB 1946', 'DOB circa 1960', 'DOB 1960 to 1962' → ISO dates. */
export function birthDates(remarks: string): string[] {
  const out = new Set<string>()
  for (const m of remarks.matchAll(/\bDOB\s+(?:circa\s+)?([^;]+)/gi)) {
    const d = m[1].trim()
    const full = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})/.exec(d)
    const month = /^([A-Za-z]{3}) (\d{4})/.exec(d)
    const range = /^(\d{4}) to (\d{4})/.exec(d)
    const year = /^(\d{4})/.exec(d)
    if (full && MONTHS[full[2].toLowerCase()])
      out.add(`${full[3]}-${MONTHS[full[2].toLowerCase()]}-${full[1].padStart(2, '0')}`)
    else if (month && MONTHS[month[1].toLowerCase()])
      out.add(`${month[2]}-${MONTHS[month[1].toLowerCase()]}`)
    else if (range)
      for (let y = +range[1]; y <= +range[2] && y - +range[1] < 20; y++) out.add(`${y}`)
    else if (year) out.add(year[1])
  }
  return [...out]
}

/** Countries of nationality, citizenship, birth, registration and flag named in the remarks. */
export function remarkCountries(remarks: string): string[] {
  const out = new Set<string>()
  const pattern =
    /\b(?:nationality|citizen|Nationality of Registration|Flag|POB)\s+(?:[^;,]*,\s*)*([A-Z][A-Za-z' .-]+?)(?:\s*\(|;|\.$|$)/g
  for (const m of remarks.matchAll(pattern)) {
    const code = countryCode(m[1])
    if (code) out.add(code)
  }
  return [...out]
}

const ID_KINDS =
  /\b(?:Passport|National ID No\.|Identification Number|Registration (?:Number|ID|No\.)|Tax ID No\.|IMO|MMSI|SWIFT\/BIC|Cedula No\.|D\.N\.I\.|RFC|C\.U\.R\.P\.|Company Number|Business Number|Registration Certificate Number|Commercial Registry Number|Government Gazette Number|Legal Entity Number|Vessel Registration Identification IMO|Aircraft Manufacturer's Serial Number \(MSN\)|Serial No\.)\s*:?\s*([A-Z0-9][A-Z0-9\-/.]{3,})/gi

/** Identifier numbers in the remarks, upper-case letters and digits only (five or more). */
export function identifiers(remarks: string): string[] {
  const out = new Set<string>()
  for (const m of remarks.matchAll(ID_KINDS)) {
    const id = identifierKey(m[1])
    if (id.length >= 5 && /\d/.test(id)) out.add(id)
  }
  return [...out]
}

/** An identifier as compared: upper-case letters and digits only ('A-123.45' → 'A12345'). */
export function identifierKey(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, '')
}
