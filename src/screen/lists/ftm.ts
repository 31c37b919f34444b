// OpenSanctions FollowTheMoney JSON lines (entities.ftm.json): one entity per line. Keeps the
// schemata that can be a payment party (Company, Organization, LegalEntity, Person, Vessel); other
// schemata (Address, Sanction, Ownership …) are counted, not kept.
import { identifierKey } from './remarks.ts'
import { emptyResult, type ParseResult } from './types.ts'

export const PARTY_SCHEMATA = new Set([
  'Company',
  'Organization',
  'LegalEntity',
  'Person',
  'Vessel',
  'PublicBody',
])
const NAME_PROPS = ['name', 'alias', 'weakAlias', 'previousName'] as const
const COUNTRY_PROPS = [
  'country',
  'jurisdiction',
  'nationality',
  'citizenship',
  'flag',
  'mainCountry',
]
const DATE_PROPS = ['birthDate', 'incorporationDate']
const ID_PROPS = [
  'idNumber',
  'passportNumber',
  'registrationNumber',
  'taxNumber',
  'imoNumber',
  'mmsi',
  'swiftBic',
  'innCode',
  'ogrnCode',
  'leiCode',
  'vatCode',
  'callSign',
]

export function parseFtm(text: string): ParseResult {
  const out = emptyResult()
  const lines = text.split('\n')
  lines.forEach((raw, i) => {
    const line = i + 1
    const s = raw.trim()
    if (!s) return
    let e: {
      id?: unknown
      schema?: unknown
      caption?: unknown
      properties?: Record<string, unknown>
    }
    try {
      e = JSON.parse(s)
    } catch (err) {
      out.errors.push({ line, message: `not valid JSON: ${(err as Error).message}` })
      return
    }
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof e.id !== 'string' ||
      typeof e.schema !== 'string'
    ) {
      out.errors.push({ line, message: 'entity without string id and schema' })
      return
    }
    if (!PARTY_SCHEMATA.has(e.schema)) {
      out.skipped[e.schema] = (out.skipped[e.schema] ?? 0) + 1
      return
    }
    const props = (e.properties ?? {}) as Record<string, unknown>
    const values = (k: string): string[] =>
      Array.isArray(props[k])
        ? (props[k] as unknown[]).filter((v): v is string => typeof v === 'string')
        : []
    const names: Array<{ name: string; kind: string }> = []
    for (const k of NAME_PROPS) for (const v of values(k)) names.push({ name: v, kind: k })
    const caption = typeof e.caption === 'string' ? e.caption : (names[0]?.name ?? '')
    if (caption && !names.some((n) => n.name === caption))
      names.unshift({ name: caption, kind: 'name' })
    if (names.length === 0) {
      out.errors.push({ line, message: `entity ${e.id} has no name` })
      return
    }
    const countries = new Set<string>()
    for (const k of COUNTRY_PROPS) for (const v of values(k)) countries.add(v.toUpperCase())
    out.entries.push({
      id: e.id,
      schema: e.schema,
      caption,
      names,
      countries: [...countries],
      topics: values('topics'),
      programs: values('programId'),
      birthDates: DATE_PROPS.flatMap(values),
      identifiers: [...new Set(ID_PROPS.flatMap(values).map(identifierKey))].filter(
        (x) => x.length >= 5,
      ),
      line,
    })
  })
  return out
}
