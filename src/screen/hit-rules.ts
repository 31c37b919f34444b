// When a name match becomes a hit: the party's context (its countries, its banks' countries, dates
// of birth and identifiers its payments carry) against the list entry's, the entity types on either
// side, and the kind of list name that matched. Pure: candidate in, decision with its parts out.
import type { NameParts } from './names/index.ts'
import { looksLikeCompany, normalizeName } from './names/index.ts'

export interface HitCandidate {
  account: string
  /** The party name as the payments write it. */
  name: string
  entry_id: string
  snapshot_id: string
  list_source: string
  schema: string
  caption: string
  matched_name: string
  /** name | alias | weakAlias | previousName */
  name_kind: string
  /** Name score alone. */
  score: number
  parts: NameParts
  entry_countries: string[]
  entry_birth_dates: string[]
  /** The entry's identifiers found in the remittance text of the party's payments. */
  identifiers_found: string[]
  party_countries: string[]
  bic_countries: string[]
  party_birth_dates: string[]
  /** What the payments say the party is: 'person' (pacs.008 PrvtId), 'organisation' (OrgId). */
  party_types: string[]
}

export type Agreement = 'agree' | 'disagree' | 'unknown'

/** The parts of a hit's score: the name's, and what the context added or took off. */
export interface HitParts extends NameParts {
  /** Name score before the context. */
  name: number
  country: Agreement
  entity_type: Agreement
  birth_date: Agreement
  /** What each part added to the name score (negative: took off). */
  adjustments: { country: number; entity_type: number; birth_date: number }
}

export interface HitDecision {
  raise: boolean
  score: number
  parts: HitParts
  /** The rule that decided, e.g. 'name', 'alias', 'weak-alias+country', 'weak-alias-alone'. */
  rule: string
  /** Second signals seen: country, bic-country, birth-date, identifier. */
  signals: string[]
}

/**
 * What agreement adds or takes off. A shared country is evidence (listed parties trade from home
 * and through their own banks); a different one is weak counter-evidence (evasion runs through
 * fronts abroad: FATF, Guidance on Counter Proliferation Financing, 2018, §§ 33-36). A company
 * against a listed person, or a person against a listed company, is another kind of party. Dates of birth that disagree name two
 * people.
 */
export const ADJUST = {
  country_agree: 0.05,
  country_disagree: -0.03,
  entity_type_disagree: -0.1,
  birth_date_agree: 0.05,
  birth_date_disagree: -0.15,
} as const

const ORGANISATIONS = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody'])
const CRAFT = new Set(['Vessel', 'Airplane', 'Aircraft'])
/** A payment that names a ship: M/V, MV, M.V., MT, M/T, SS, 'vessel'. */
const VESSEL_MARKER = /(?:^|[\s,(])(?:m\/?v|m\.v\.|m\/?t|m\.t\.|s\.?s\.|vessel)(?=[\s.,)]|$)/i

function overlap(a: readonly string[], b: readonly string[]): Agreement {
  if (a.length === 0 || b.length === 0) return 'unknown'
  return a.some((x) => b.includes(x)) ? 'agree' : 'disagree'
}

/** Dates agree when one is the start of the other ('1951' and '1951-06-19'). */
function datesAgree(a: readonly string[], b: readonly string[]): Agreement {
  if (a.length === 0 || b.length === 0) return 'unknown'
  return a.some((x) => b.some((y) => x.startsWith(y) || y.startsWith(x))) ? 'agree' : 'disagree'
}

/**
 * What kind of party the payments name: an organisation when its name carries a company's marks (a
 * legal form, 'Trading', 'Bank' …); otherwise what the payments' identification says, when they all
 * say one thing (pacs.008 PrvtId: a person, OrgId: an organisation); else unknown.
 */
function partyKind(c: HitCandidate): 'person' | 'organisation' | undefined {
  if (looksLikeCompany(normalizeName(c.name))) return 'organisation'
  if (c.party_types.length !== 1) return undefined
  const t = c.party_types[0]
  return t === 'person' || t === 'organisation' ? t : undefined
}

/** A person against a person entry agrees; against an organisation's, it disagrees; and so on. */
function entityAgreement(party: 'person' | 'organisation' | undefined, schema: string): Agreement {
  if (!party) return 'unknown'
  const listed = schema === 'Person' ? 'person' : ORGANISATIONS.has(schema) ? 'organisation' : null
  if (!listed) return 'unknown'
  return party === listed ? 'agree' : 'disagree'
}

export function decideHit(c: HitCandidate, threshold: number): HitDecision {
  const partyCountries = c.party_countries
  const country = overlap([...partyCountries, ...c.bic_countries], c.entry_countries)
  const birth = datesAgree(c.party_birth_dates, c.entry_birth_dates)
  const entity = entityAgreement(partyKind(c), c.schema)
  const adjustments = {
    country:
      country === 'agree'
        ? ADJUST.country_agree
        : country === 'disagree'
          ? ADJUST.country_disagree
          : 0,
    entity_type: entity === 'disagree' ? ADJUST.entity_type_disagree : 0,
    birth_date:
      birth === 'agree'
        ? ADJUST.birth_date_agree
        : birth === 'disagree'
          ? ADJUST.birth_date_disagree
          : 0,
  }
  const score = Math.max(
    0,
    Math.min(1, c.score + adjustments.country + adjustments.entity_type + adjustments.birth_date),
  )
  const signals: string[] = []
  if (overlap(partyCountries, c.entry_countries) === 'agree') signals.push('country')
  if (overlap(c.bic_countries, c.entry_countries) === 'agree') signals.push('bic-country')
  if (birth === 'agree') signals.push('birth-date')
  if (c.identifiers_found.length > 0) signals.push('identifier')
  const parts: HitParts = {
    ...c.parts,
    name: round(c.score),
    country,
    entity_type: entity,
    birth_date: birth,
    adjustments,
  }
  const decide = (raise: boolean, rule: string): HitDecision => ({
    raise: raise && score >= threshold,
    score: round(score),
    parts,
    rule,
    signals,
  })
  // A payment's party holds an account: a person or an organisation, never a ship or an aeroplane.
  // A vessel or aircraft entry is a hit only where the payment names the craft itself.
  if (CRAFT.has(c.schema)) {
    if (c.identifiers_found.length > 0) return decide(true, 'craft+identifier')
    if (VESSEL_MARKER.test(c.name)) return decide(true, 'craft+marker')
    return decide(false, 'craft-without-marker')
  }
  // OFAC's quoted a.k.a.s and OpenSanctions' weakAlias are low quality (OFAC, FAQ 91): alone they
  // never raise a hit, only with a second signal
  if (c.name_kind === 'weakAlias') {
    if (signals.length === 0) return decide(false, 'weak-alias-alone')
    return decide(true, `weak-alias+${signals[0]}`)
  }
  return decide(true, c.name_kind === 'previousName' ? 'previous-name' : c.name_kind)
}

const round = (x: number) => Math.round(x * 10000) / 10000
