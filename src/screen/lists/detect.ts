// Guesses a list file's format from its first line when --format is not given.
import { BadInputError } from '../../util/errors.ts'
import type { ListFormat } from './types.ts'

export function detectListFormat(text: string, file: string): ListFormat {
  const first = (
    text
      .replace(/^\ufeff/, '')
      .split('\n')
      .find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? ''
  ).trim()
  if (first.startsWith('{')) return 'ftm'
  const cols = first
    .toLowerCase()
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
  const has = (...ks: string[]) => ks.every((k) => cols.includes(k))
  if (has('date', 'currency', 'rate_to_base')) return 'plain-rates'
  // ECB's eurofxref-hist.csv: Date, then currency codes (and an empty column after a trailing comma)
  if (cols[0] === 'date' && cols.length > 1 && cols.slice(1).every((c) => /^([a-z]{3})?$/.test(c)))
    return 'ecb-hist'
  if (has('hs_code', 'tier')) return 'goods-hs'
  if (has('category', 'kind', 'hs')) return 'goods-categories'
  if (has('hs2017', 'hs2022')) return 'hs-successors'
  if (has('term', 'category')) return 'goods-lexicon'
  if (has('id', 'schema', 'name', 'aliases')) return 'targets-simple'
  if (has('name')) return 'plain-csv'
  if (/^\d+,"/.test(first) && first.includes('-0-')) return 'ofac-sdn'
  throw new BadInputError(
    `${file}: cannot tell the list format from its first line; pass --format (targets-simple, ftm, ofac-sdn, plain-csv, goods-hs, goods-lexicon, goods-categories, hs-successors, ecb-hist, plain-rates)`,
    { file, line: 1 },
  )
}
