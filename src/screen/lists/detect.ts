// Guesses a list file's format from its first line when --format is not given.
import { BadInputError } from '../../util/errors.ts'
import type { ListFormat } from './types.ts'

export function detectListFormat(text: string, file: string): ListFormat {
  const first = (
    text
      .replace(/^\ufeff/, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? ''
  ).trim()
  if (first.startsWith('{')) return 'ftm'
  const cols = first
    .toLowerCase()
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
  const has = (...ks: string[]) => ks.every((k) => cols.includes(k))
  if (has('hs_code', 'tier')) return 'goods-hs'
  if (has('term', 'category')) return 'goods-lexicon'
  if (has('id', 'schema', 'name', 'aliases')) return 'targets-simple'
  if (has('name')) return 'plain-csv'
  if (/^\d+,"/.test(first) && first.includes('-0-')) return 'ofac-sdn'
  throw new BadInputError(
    `${file}: cannot tell the list format from its first line; pass --format (targets-simple, ftm, ofac-sdn, plain-csv, goods-hs, goods-lexicon)`,
    { file, line: 1 },
  )
}
