// Name normalisation for screening: case, diacritics, scripts (Cyrillic, Greek, Arabic → Latin),
// punctuation, initialisms (L.L.C. → llc), number words, abbreviations and legal forms. The result
// keeps the core tokens that carry the name, and the legal forms found, separately.
import { editDistance } from './jaro-winkler.ts'
import { transliterate } from './translit.ts'
import { pushAll } from '../../util/array.ts'
import {
  ABBREVIATIONS,
  LEGAL_FORMS,
  MAX_LEGAL_TOKENS,
  PARTICLE_FORMS,
  STOPWORDS,
  numberWords,
} from './words.ts'

export interface NormalName {
  /** Core tokens in name order: legal forms and connecting words removed. */
  tokens: string[]
  /** Canonical legal forms found (e.g. 'llc', 'gmbh'). */
  legal: string[]
  /** The core tokens joined without spaces (catches 'Good Will' = 'Goodwill'). */
  compact: string
}

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
}

/** Lower-case Latin text without diacritics, other scripts transliterated. */
export function foldText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase()
  s = transliterate(s)
  s = s.normalize('NFD').replace(/\p{M}+/gu, '')
  s = transliterate(s) // Greek letters that carried accents
  return s.replace(/[ßæœøłđðþıħŀ]/g, (c) => SPECIAL[c] ?? c)
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '9': 'g' }

/** 'Ig0r Sech1n' → 'igor sechin': digits standing between letters read as the letters they mimic. */
function unLeet(t: string): string {
  if (/^\d+(st|nd|rd|th)$/.test(t) || !/\p{L}[0134592]+\p{L}|^[0134592]\p{L}{2}/u.test(t)) return t
  return t.replace(/[0134592]/g, (d) => LEET[d])
}

// words of legal-form phrases, so that a typo ('Cmopany', 'Libaility') does not hide the form
const LEGAL_WORDS = [...new Set([...LEGAL_FORMS.keys()].flatMap((k) => k.split(' ')))].filter(
  (w) => w.length >= 6,
)
const LEGAL_WORD_SET = new Set(LEGAL_WORDS)
const legalFix = new Map<string, string>()

/** The legal-form word a long token misspells by one edit, or the token itself. */
function fixLegalTypo(t: string): string {
  // a legal-form word is never a typo of another one ('anonim' is not 'anonima')
  if (t.length < 6 || LEGAL_FORMS.has(t) || LEGAL_WORD_SET.has(t)) return t
  let out = legalFix.get(t)
  if (out !== undefined) return out
  out = t
  for (const w of LEGAL_WORDS)
    if (Math.abs(w.length - t.length) <= 1 && w[0] === t[0] && editDistance(w, t) === 1) {
      out = w
      break
    }
  if (legalFix.size > 100_000) legalFix.clear()
  legalFix.set(t, out)
  return out
}

/** Normalised form of one name. */
export function normalizeName(name: string): NormalName {
  let s = foldText(name)
  s = s.replace(/&/g, ' and ').replace(/['’‘`ʼʻ´]/g, '')
  // initialisms: a.b.c. → abc, l.l.c. → llc, o.o.o. → ooo (not 'J. Smith')
  s = s.replace(/(?<![\p{L}\p{N}])((?:\p{L}\.){2,}\p{L}?)(?![\p{L}])/gu, (m) =>
    m.replace(/\./g, ''),
  )
  const raw = s
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(unLeet)
  const expanded: string[] = []
  for (const t of numberWords(raw).map(fixLegalTypo)) {
    const a = ABBREVIATIONS[t] ?? PARTICLE_FORMS[t]
    if (a) pushAll(expanded, a.split(' '))
    else expanded.push(t)
  }
  const tokens: string[] = []
  const legal: string[] = []
  for (let i = 0; i < expanded.length;) {
    let hit = 0
    for (let n = Math.min(MAX_LEGAL_TOKENS, expanded.length - i); n >= 1; n--) {
      const form = LEGAL_FORMS.get(n === 1 ? expanded[i] : expanded.slice(i, i + n).join(' '))
      if (form !== undefined) {
        legal.push(form)
        hit = n
        break
      }
    }
    if (hit) {
      i += hit
      continue
    }
    if (!STOPWORDS.has(expanded[i])) tokens.push(expanded[i])
    i++
  }
  // a name that is nothing but legal forms (e.g. 'Company') keeps them as its core
  if (tokens.length === 0 && legal.length > 0) pushAll(tokens, legal.splice(0))
  return { tokens, legal, compact: tokens.join('') }
}

/** True when the name looks like an organisation (a legal form is present). */
export function looksLikeCompany(n: NormalName): boolean {
  return n.legal.length > 0
}
