// OpenSanctions FollowTheMoney JSON lines (entities.ftm.json): one entity per line. Keeps the
// schemata that can be a payment party (Company, Organization, LegalEntity, Person, Vessel); other
// schemata (Address, Sanction, Ownership …) are counted, not kept as entries; an Address entity's
// text is kept on the entries that name it (`addressEntity`), beside their own `address` values.
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

/** An Address entity's one-line text: its `full` value, else its parts, else its caption. */
function addressText(caption: unknown, props: Record<string, unknown>): string {
  const first = (k: string) =>
    Array.isArray(props[k]) && typeof props[k][0] === 'string' ? (props[k][0] as string) : ''
  if (first('full')) return first('full')
  const parts = ['street', 'postOfficeBox', 'city', 'postalCode', 'region', 'country']
    .map(first)
    .filter(Boolean)
  if (parts.length) return parts.join(', ')
  return typeof caption === 'string' ? caption : ''
}

export function parseFtm(text: string): ParseResult {
  const out = emptyResult()
  const lines = text.split('\n')
  // Address entities by their id and the ids merged into it (`referents`), read in any order
  const addressById = new Map<string, string>()
  const addressRefs: Array<{ entry: ParseResult['entries'][number]; ids: string[] }> = []
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
    const props = (e.properties ?? {}) as Record<string, unknown>
    if (!PARTY_SCHEMATA.has(e.schema)) {
      out.skipped[e.schema] = (out.skipped[e.schema] ?? 0) + 1
      if (e.schema === 'Address') {
        const full = addressText(e.caption, props)
        const referents = (e as { referents?: unknown }).referents
        if (full)
          for (const id of [e.id, ...(Array.isArray(referents) ? referents : [])])
            if (typeof id === 'string') addressById.set(id, full)
      }
      return
    }
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
    const entry: ParseResult['entries'][number] = {
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
      addresses: values('address'),
      line,
    }
    out.entries.push(entry)
    const refs = values('addressEntity')
    if (refs.length) addressRefs.push({ entry, ids: refs })
  })
  for (const { entry, ids } of addressRefs) {
    const known = new Set(entry.addresses!.map((a) => a.toLowerCase()))
    for (const id of ids) {
      const full = addressById.get(id)
      if (!full || known.has(full.toLowerCase())) continue
      known.add(full.toLowerCase())
      entry.addresses!.push(full)
    }
  }
  return out
}
