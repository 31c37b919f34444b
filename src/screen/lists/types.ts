// What every list reader returns: entries (sanctions) or goods rows, plus row errors and the counts of
// records deliberately skipped (e.g. FtM Address or Sanction entities).

export interface ParsedEntry {
  id: string
  schema: string
  caption: string
  names: Array<{ name: string; kind: string }>
  countries: string[]
  topics: string[]
  programs: string[]
  /** Dates of birth or incorporation where the list gives them (YYYY, YYYY-MM or YYYY-MM-DD). */
  birthDates?: string[]
  /** Identifier numbers (passport, registration, tax, IMO …), upper-case letters and digits. */
  identifiers?: string[]
  /** Addresses where the list gives them, each as one line of text. */
  addresses?: string[]
  line: number
}

export interface GoodsCode {
  prefix: string
  tier: string
  category: string
  description: string
  line: number
}

export interface GoodsTerm {
  term: string
  lang: string
  category: string
  tier: string
  /**
   * Names ordinary goods, not controlled ones: consumer or industrial goods ('kitchen appliances')
   * or a generic description ('spare parts'); used to compare a description with its HS code.
   */
  generic: boolean
  line: number
}

/** The kind of goods a description category names. */
export const CATEGORY_KINDS = ['controlled', 'consumer', 'industrial', 'generic'] as const
export type CategoryKind = (typeof CATEGORY_KINDS)[number]

/**
 * A goods category of the lexicon with the HS 2022 chapters, headings or subheadings its goods are
 * classified under (empty for a generic description, which fits no code in particular).
 */
export interface GoodsCategory {
  category: string
  kind: CategoryKind
  label: string
  prefixes: string[]
  line: number
}

/** An HS 2017 subheading that HS 2022 split or renumbered, and one of its HS 2022 successors. */
export interface HsSuccessor {
  hs2017: string
  hs2022: string
  line: number
}

/** One reference rate: units of `currency` per 1 unit of the file's reference currency on `day`. */
export interface FxRate {
  day: string
  currency: string
  per_ref: number
  line: number
}

export interface RowError {
  line: number
  /** The column at fault, where one is. */
  field?: string
  message: string
}

export interface ParseResult {
  entries: ParsedEntry[]
  codes: GoodsCode[]
  terms: GoodsTerm[]
  categories: GoodsCategory[]
  successors: HsSuccessor[]
  rates: FxRate[]
  /** fx lists: the currency the rates are quoted against. */
  reference?: string
  errors: RowError[]
  skipped: Record<string, number>
}

export function emptyResult(): ParseResult {
  return {
    entries: [],
    codes: [],
    terms: [],
    categories: [],
    successors: [],
    rates: [],
    errors: [],
    skipped: {},
  }
}

export const SANCTIONS_FORMATS = ['targets-simple', 'ftm', 'ofac-sdn', 'plain-csv'] as const
export const GOODS_FORMATS = [
  'goods-hs',
  'goods-lexicon',
  'goods-categories',
  'hs-successors',
] as const
export const FX_FORMATS = ['ecb-hist', 'plain-rates'] as const
export const LIST_FORMATS = [...SANCTIONS_FORMATS, ...GOODS_FORMATS, ...FX_FORMATS] as const
export type ListFormat = (typeof LIST_FORMATS)[number]
export const LIST_KINDS = ['sanctions', 'goods', 'fx'] as const
export type ListKind = (typeof LIST_KINDS)[number]

/** The kind of list a format holds. */
export function kindOfFormat(format: ListFormat): ListKind {
  if ((GOODS_FORMATS as readonly string[]).includes(format)) return 'goods'
  if ((FX_FORMATS as readonly string[]).includes(format)) return 'fx'
  return 'sanctions'
}
