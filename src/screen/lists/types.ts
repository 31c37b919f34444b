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
  /** A generic declared description ('spare parts'), used to spot mismatches, not a control. */
  generic: boolean
  line: number
}

export interface RowError {
  line: number
  message: string
}

export interface ParseResult {
  entries: ParsedEntry[]
  codes: GoodsCode[]
  terms: GoodsTerm[]
  errors: RowError[]
  skipped: Record<string, number>
}

export function emptyResult(): ParseResult {
  return { entries: [], codes: [], terms: [], errors: [], skipped: {} }
}

export const SANCTIONS_FORMATS = ['targets-simple', 'ftm', 'ofac-sdn', 'plain-csv'] as const
export const GOODS_FORMATS = ['goods-hs', 'goods-lexicon'] as const
export const LIST_FORMATS = [...SANCTIONS_FORMATS, ...GOODS_FORMATS] as const
export type ListFormat = (typeof LIST_FORMATS)[number]
export type ListKind = 'sanctions' | 'goods'
