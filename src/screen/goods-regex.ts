// Builds the one regular expression (RE2 syntax, for DuckDB) that finds lexicon terms in purpose
// text: group 1 is the term with its boundary characters, which the SQL trims. Long terms (≥ 7
// characters) match inside words too (German compounds: 'Rillenkugellager'); shorter ones must start
// a word, and the shortest ('FPGA', 'UAV') must also end one (an optional plural 's' allowed).

const B = '[^\\p{L}\\p{N}]'

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')
}

export function lexiconRegex(terms: string[]): string {
  const uniq = [...new Set(terms.filter(Boolean))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : 1),
  )
  if (uniq.length === 0) return '(a^)'
  const alts = uniq.map((t) => {
    const e = escape(t)
    if (t.length >= 7) return e
    if (t.length >= 5) return `(?:^|${B})${e}`
    return `(?:^|${B})${e}s?(?:${B}|$)`
  })
  return `(${alts.join('|')})`
}

/** Purpose text folded as the SQL folds it: lower case, accents stripped, spaces collapsed. */
export function foldPurpose(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}
