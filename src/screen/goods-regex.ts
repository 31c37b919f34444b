// Lexicon matching of purpose text, split for speed: terms of 7 or more characters (and every
// multi-word or CJK term) are found as plain substrings by one literal alternation (RE2 runs it as a DFA;
// German compounds such as 'Rillenkugellager' match too); shorter terms are joined to the words of
// the text in SQL: up to 4 characters as the whole word or its plural, 5–6 characters as the start
// of a word (inflections: 'drones', 'товаров').

/** Shortest term found as a substring by the regular expression. */
export const LONG_TERM = 7

/**
 * Chinese, Japanese and Korean terms are found as substrings whatever their length: those scripts
 * write no spaces between words ('采购家具': purchase of furniture) and two characters make a word.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Two regular expressions (RE2, group 1 is what they find): `long`, one literal alternation of the
 * long terms, longest first; `short`, every word that starts with a short term (one shared word
 * boundary in front: per-term boundary groups make RE2 twenty times slower).
 */
export function lexiconRegex(terms: string[]): { long: string; short: string } {
  const uniq = [...new Set(terms)].filter(Boolean)
  const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1)
  const isLong = (t: string) => t.length >= LONG_TERM || t.includes(' ') || CJK.test(t)
  const long = uniq.filter(isLong).sort(byLength)
  const short = uniq.filter((t) => !isLong(t)).sort(byLength)
  const never = '(a^)'
  return {
    long: long.length ? `(${long.map(escape).join('|')})` : never,
    short: short.length
      ? `(?:^|[^\\p{L}\\p{N}])((?:${short.map(escape).join('|')})[\\p{L}\\p{N}]*)`
      : never,
  }
}

/** Text folded as the SQL folds purposes: lower case, no accents, ’ as ', spaces collapsed. */
export function foldPurpose(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}
