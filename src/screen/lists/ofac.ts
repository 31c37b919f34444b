// OFAC SDN list in its own CSV layout: sdn.csv without header (ent_num, name, type, program, title,
// call_sign, vess_type, tonnage, grt, vess_flag, vess_owner, remarks; '-0-' for empty) and the alias
// file alt.csv (ent_num, alt_num, alt_type, alt_name, alt_remarks) and the address file add.csv
// (ent_num, add_num, address, city_state_province_postal_code, country, add_remarks). Aliases quoted in the remarks
// ("a.k.a. 'BNC'") are kept as weak aliases; the program gives the country where it names one, and
// the remarks give more (nationality, place of birth, flag), dates of birth and identifier numbers.
import { countryCode } from './countries.ts'
import { parseCsv } from './csv.ts'
import { birthDates, identifiers, remarkCountries } from './remarks.ts'
import { emptyResult, type ParseResult } from './types.ts'
import { pushAll } from '../../util/array.ts'

const PROGRAM_COUNTRY: Record<string, string> = {
  CUBA: 'CU',
  IRAN: 'IR',
  IRGC: 'IR',
  'IRAN-EO13846': 'IR',
  'IRAN-EO13902': 'IR',
  'IRAN-HR': 'IR',
  'IRAN-TRA': 'IR',
  ISA: 'IR',
  IFSR: 'IR',
  NPWMD: '',
  DPRK: 'KP',
  DPRK2: 'KP',
  DPRK3: 'KP',
  DPRK4: 'KP',
  'DPRK-NKSPEA': 'KP',
  SYRIA: 'SY',
  'SYRIA-EO13894': 'SY',
  'RUSSIA-EO14024': 'RU',
  UKRAINE: 'UA',
  'UKRAINE-EO13660': 'UA',
  'UKRAINE-EO13661': 'RU',
  'UKRAINE-EO13662': 'RU',
  'UKRAINE-EO13685': 'UA',
  BELARUS: 'BY',
  'BELARUS-EO14038': 'BY',
  VENEZUELA: 'VE',
  'VENEZUELA-EO13850': 'VE',
  'VENEZUELA-EO13884': 'VE',
  BURMA: 'MM',
  'BURMA-EO14014': 'MM',
  LIBYA2: 'LY',
  LIBYA3: 'LY',
  SOMALIA: 'SO',
  SUDAN: 'SD',
  'SOUTH SUDAN': 'SS',
  YEMEN: 'YE',
  IRAQ2: 'IQ',
  IRAQ3: 'IQ',
  LEBANON: 'LB',
  ZIMBABWE: 'ZW',
  NICARAGUA: 'NI',
  MALI: 'ML',
  CAR: 'CF',
  DRC: 'CD',
  'HK-EO13936': 'HK',
  BALKANS: '',
  'BALKANS-EO14033': '',
}

const empty = (v: string | undefined) => (v === undefined || v.trim() === '-0-' ? '' : v.trim())

function schemaOf(type: string): string | undefined {
  switch (type.toLowerCase()) {
    case 'individual':
      return 'Person'
    case 'vessel':
      return 'Vessel'
    case 'aircraft':
      return undefined
    default:
      return 'Company'
  }
}

export function parseOfacSdn(text: string, altText?: string, addText?: string): ParseResult {
  const out = emptyResult()
  const { records, errors } = parseCsv(text)
  pushAll(out.errors, errors)
  const byNum = new Map<string, ParseResult['entries'][number]>()
  for (const r of records) {
    const f = r.fields
    if (f.length === 1 && [...f[0]].every((c) => c.charCodeAt(0) <= 32)) continue // DOS end-of-file mark
    if (f.length !== 12) {
      out.errors.push({ line: r.line, message: `expected 12 fields, found ${f.length}` })
      continue
    }
    const num = empty(f[0])
    const name = empty(f[1])
    if (!/^\d+$/.test(num) || !name) {
      out.errors.push({
        line: r.line,
        message: !name ? 'field name is empty' : `field ent_num '${num}' is not a number`,
      })
      continue
    }
    const schema = schemaOf(empty(f[2]))
    if (!schema) {
      out.skipped[empty(f[2])] = (out.skipped[empty(f[2])] ?? 0) + 1
      continue
    }
    const programs = empty(f[3])
      .split(/\]\s*\[|[[\]]|;/)
      .map((p) => p.trim())
      .filter(Boolean)
    const countries = new Set(
      programs.map((p) => PROGRAM_COUNTRY[p]).filter((c): c is string => !!c),
    )
    const flag = empty(f[9])
    const remarks = empty(f[11])
    const names = [{ name, kind: 'name' }]
    for (const m of remarks.matchAll(/a\.k\.a\.,?\s+'([^']+)'/gi))
      names.push({ name: m[1], kind: 'weakAlias' })
    for (const c of remarkCountries(remarks)) countries.add(c)
    const flagCode = flag ? countryCode(flag) : undefined
    if (flagCode) countries.add(flagCode)
    const entry = {
      id: num,
      schema,
      caption: name,
      names,
      countries: [...countries],
      topics: ['sanction'],
      programs,
      birthDates: birthDates(remarks),
      identifiers: identifiers(remarks),
      line: r.line,
    }
    byNum.set(num, entry)
    out.entries.push(entry)
  }
  if (altText !== undefined) {
    const alt = parseCsv(altText)
    for (const e of alt.errors) out.errors.push({ line: e.line, message: `alt.csv: ${e.message}` })
    for (const r of alt.records) {
      const [num, , type, altName] = r.fields.map((v) => empty(v))
      const entry = byNum.get(num)
      if (r.fields.length < 4 || !altName) {
        out.errors.push({
          line: r.line,
          message: 'alt.csv: expected ent_num,alt_num,alt_type,alt_name',
        })
        continue
      }
      if (!entry) {
        out.skipped['alt.csv without sdn entry'] =
          (out.skipped['alt.csv without sdn entry'] ?? 0) + 1
        continue
      }
      entry.names.push({
        name: altName,
        kind: type.toLowerCase() === 'fka' ? 'previousName' : 'alias',
      })
    }
  }
  if (addText !== undefined) readAddresses(out, byNum, addText)
  return out
}

/** add.csv: each row one address of an entry, its parts joined on one line ('-0-' parts left out). */
function readAddresses(
  out: ParseResult,
  byNum: Map<string, ParseResult['entries'][number]>,
  addText: string,
) {
  const add = parseCsv(addText)
  for (const e of add.errors) out.errors.push({ line: e.line, message: `add.csv: ${e.message}` })
  for (const r of add.records) {
    const f = r.fields
    if (f.length === 1 && [...f[0]].every((c) => c.charCodeAt(0) <= 32)) continue // DOS end-of-file mark
    if (f.length < 5 || !/^\d+$/.test(empty(f[0]))) {
      out.errors.push({
        line: r.line,
        message:
          'add.csv: expected ent_num,add_num,address,city_state_province_postal_code,country',
      })
      continue
    }
    const entry = byNum.get(empty(f[0]))
    if (!entry) {
      out.skipped['add.csv without sdn entry'] = (out.skipped['add.csv without sdn entry'] ?? 0) + 1
      continue
    }
    const text = [f[2], f[3], f[4]].map(empty).filter(Boolean).join(', ')
    if (!text) continue
    ;(entry.addresses ??= []).push(text)
  }
}
