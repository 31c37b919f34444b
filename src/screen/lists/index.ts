// lists/: readers for watch-list and goods-list files; each returns entries plus row errors.
import { readFileSync } from 'node:fs'
import { parseFtm } from './ftm.ts'
import { parseEcbHist, parsePlainRates, type FxParseOptions } from './fx.ts'
import {
  parseGoodsCategories,
  parseGoodsHs,
  parseGoodsLexicon,
  parseHsSuccessors,
} from './goods.ts'
import { parseOfacSdn } from './ofac.ts'
import { parsePlainCsv } from './plain.ts'
import { parseTargetsSimple } from './targets-simple.ts'
import type { ListFormat, ParseResult } from './types.ts'

export * from './types.ts'
export { detectListFormat } from './detect.ts'
export { parseCsv, splitMulti } from './csv.ts'
export type { FxParseOptions } from './fx.ts'

/**
 * Parses list text in a known format; altFile and addFile are OFAC's alt.csv and add.csv; fx formats
 * need `fx`.
 */
export function parseList(
  format: ListFormat,
  text: string,
  altFile?: string,
  fx: FxParseOptions = { currencies: new Set() },
  addFile?: string,
): ParseResult {
  switch (format) {
    case 'ftm':
      return parseFtm(text)
    case 'targets-simple':
      return parseTargetsSimple(text)
    case 'plain-csv':
      return parsePlainCsv(text)
    case 'ofac-sdn':
      return parseOfacSdn(
        text,
        altFile ? readFileSync(altFile, 'utf8') : undefined,
        addFile ? readFileSync(addFile, 'utf8') : undefined,
      )
    case 'goods-hs':
      return parseGoodsHs(text)
    case 'goods-lexicon':
      return parseGoodsLexicon(text)
    case 'goods-categories':
      return parseGoodsCategories(text)
    case 'hs-successors':
      return parseHsSuccessors(text)
    case 'ecb-hist':
      return parseEcbHist(text, fx)
    case 'plain-rates':
      return parsePlainRates(text, fx)
  }
}
