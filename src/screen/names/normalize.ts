// Name normalisation for screening: case, diacritics, scripts (every script → Latin), punctuation,
// initialisms (L.L.C. → llc), number words, abbreviations and legal forms (typos inside them
// forgiven where a legal form stands). The result keeps the core tokens that carry the name, and the
// legal forms found, separately.
import { editDistance, fewestEdits } from './jaro-winkler.ts'
import { LEGAL_FORMS, LEGAL_WORDS, MAX_LEGAL_TOKENS } from './legal-forms.ts'
import { skeleton } from './phonetic.ts'
import { transliterate } from './translit.ts'
import { pushAll } from '../../util/array.ts'
import {
  ABBREVIATIONS,
  COUNTRY_INITIALS,
  GENERIC_WORDS,
  PARTICLE_FORMS,
  STOPWORDS,
  numberWords,
} from './words.ts'

export interface NormalName {
  /** Core tokens in name order: legal forms and connecting words removed. */
  tokens: string[]
  /** The phonetic skeleton of each core token (compare.ts). */
  skeletons: string[]
  /** Canonical legal forms found (e.g. 'llc', 'gmbh'). */
  legal: string[]
  /** The core tokens joined without spaces (catches 'Good Will' = 'Goodwill'). */
  compact: string
  /** The compact form less a legal form cut short at the end ('… Trading Com'), for a cut name. */
  cutCompact: string
  /** Tokens written with a full stop after them ('Moh.'): abbreviated by the writer. */
  abbreviated: string[]
  /**
   * For a name written 'SURNAME, Given names': the core tokens in spoken order (given names first),
   * joined, so that a payment's 'Given SURNAME' cut short still finds it. Else the compact form.
   */
  spoken: string
  /** Core tokens before the comma of 'SURNAME, Given names' (the family name), else 0. */
  family: number
  /** Letters and digits of the name as written (after folding): a cut needs 20 or more. */
  length: number
  /** The name ends with a legal form: whatever cut a field, it did not cut this name's end. */
  endsLegal: boolean
  /** Tokens written in parentheses: a qualifier ('Deutsche Bank (Schweiz) AG') that may be left out. */
  optional: string[]
  /**
   * Written in Chinese characters or Korean Hangul: each transliterated syllable stands for one
   * character, so a different syllable is a different name and words pair only when equal.
   */
  strict: boolean
  /**
   * The Hangul syllables of a name written in Hangul, in order of their code points ('' for other
   * names). Hangul spells sounds, so two names written in it are one name only with the same
   * syllables; the Latin spelling shared with the lists (정 and 종 are both 'jong') holds only
   * across scripts.
   */
  hangul: string
  /** Tokens written as initials ('A.B.C.'): an acronym pairs only with the same letters. */
  letterwise: string[]
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

const ASCII = /^[ -~]*$/
/** Folded text of lower-case Latin letters, digits and spaces only. */
const PLAIN = /^[a-z0-9 ]*$/

/** Lower-case Latin text without diacritics, other scripts transliterated. */
export function foldText(text: string): string {
  // printable ASCII has nothing to compose, transliterate or strip
  if (ASCII.test(text)) return text.toLowerCase()
  // zero-width (non-)joiners shape letters inside one word (Persian 'پزشک‌فر'): not a word break
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200c\u200d]/g, '')
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

// long words of legal-form phrases that are no one's name: a typo of one ('Cmopany', 'Libaility')
// never hides the form, wherever it stands (other forms' words are mended only beside a form:
// 'Mahmood' is one edit from the Persian 'mahdood')
// prettier-ignore
const LONG_LEGAL_WORDS = [
  'company', 'limited', 'liability', 'corporation', 'incorporated', 'establishment', 'partnership',
  'aktiengesellschaft', 'gesellschaft', 'beschrankter', 'haftung', 'obshchestvo', 'ogranichennoy',
  'otvetstvennostyu', 'aktsionernoe', 'aktsionernoye', 'tovarystvo', 'responsabilite',
  'responsabilita', 'sociedad', 'societe', 'societa', 'vennootschap', 'besloten', 'naamloze',
]
const LONG_LEGAL_SET = new Set(LONG_LEGAL_WORDS)

/** The legal-form word a long token misspells by one edit, or the token itself. */
function fixLegalTypo(t: string): string {
  // a legal-form word is never a typo of another one ('anonim' is not 'anonima')
  if (t.length < 6 || LEGAL_FORMS.has(t) || LEGAL_WORDS.has(t) || GENERIC_WORDS.has(t)) return t
  // (no cache: the first-letter and length tests rule out nearly every word at once)
  for (const w of LONG_LEGAL_WORDS)
    if (Math.abs(w.length - t.length) <= 1 && w[0] === t[0] && editDistance(w, t) === 1) return w
  return t
}

const ALL_LEGAL_WORDS = [...LEGAL_WORDS].filter((w) => w.length >= 3)
// words of legal-form phrases that are ordinary words too: they anchor no typo beside them
const PLAIN_WORDS = new Set(['with', 'public', 'private', 'open', 'closed', 'free', 'zone', 'am'])
/** A token that marks where a legal form stands: a form, or a long word of one. */
const anchors = (t: string) => t.length >= 3 && LEGAL_WORDS.has(t) && !PLAIN_WORDS.has(t)

/**
 * The legal-form word a token beside a legal form (or ending the name) misspells, or undefined.
 * Where a legal form stands, a typo is read as one: a dropped syllable or two edits in a word of
 * seven or more letters ('Coany', 'Corporaton'), one edit in shorter ones ('Joynt', 'Limted'), a
 * lost first letter of a three-letter form ('Pte. Td.'). Two-letter forms are never guessed.
 */
function legalTypoInPlace(t: string, besideLegal: boolean): string | undefined {
  // a business word is no typo of a form ('Enterprises' is not 'entreprise')
  if (t.length < 2 || LEGAL_WORDS.has(t) || GENERIC_WORDS.has(t) || /\d/.test(t)) return undefined
  const cache = besideLegal ? typoBeside : typoEnding
  const cached = cache.get(t)
  if (cached !== undefined) return cached || undefined
  const found = findLegalTypo(t, besideLegal)
  if (cache.size > 100_000) cache.clear()
  cache.set(t, found ?? '')
  return found
}
const typoBeside = new Map<string, string>()
const typoEnding = new Map<string, string>()

/** The words of legal forms within two letters of a length, in their order (findLegalTypo). */
function legalWordsNear(len: number): readonly string[] {
  let out = legalByLength.get(len)
  if (!out) {
    out = ALL_LEGAL_WORDS.filter((w) => Math.abs(w.length - len) <= 2)
    legalByLength.set(len, out)
  }
  return out
}
const legalByLength = new Map<number, string[]>()

function findLegalTypo(t: string, besideLegal: boolean): string | undefined {
  let best: string | undefined
  let bestD = 3
  for (const w of legalWordsNear(t.length)) {
    // ending a name, only a long word that is a legal form by itself and no one's name ('Coany' →
    // company; a short form is too near to ordinary words: 'Sarr' is one edit from 'SARL', and
    // 'Sharikh' a surname one edit from the Arabic 'sharikah')
    if (!besideLegal && (!LEGAL_FORMS.has(w) || !LONG_LEGAL_SET.has(w))) continue
    // two edits only in the long words that are forms by themselves ('Coany' → company); one in
    // the other words of forms ('Joynt'), so that a name beside a form stays a name ('Anmima' is
    // no 'anonima')
    const budget = LONG_LEGAL_SET.has(w) ? 2 : w.length >= 4 ? 1 : besideLegal ? 1 : 0
    if (budget === 0) continue
    // two edits only keep the first letter; a three-letter form loses at most its first letter
    if (w.length === 3 && !(t.length === 2 && w.endsWith(t))) continue
    // at least this many edits apart (lengths and letters): too far for the budget
    const low = fewestEdits(w, t)
    if (low > budget || low >= bestD) continue
    const d = editDistance(w, t)
    if (d > budget || d >= bestD) continue
    if (d === 2 && w[0] !== t[0]) continue
    best = w
    bestD = d
  }
  return best
}

interface Item {
  t: string
  legal?: string
}

/**
 * Legal-form phrases found on whole tokens, the rest kept as core tokens: of all ways to read the
 * tokens, the one that leaves the fewest core tokens, then the fewest forms ('Co. Limited Liability
 * Company' is 'Co.' and 'Limited Liability Company', not 'Co. Limited' and a word 'Liability').
 */
function splitLegal(tokens: string[]): Item[] {
  const n = tokens.length
  // best[i]: [core tokens, items] of the best reading of tokens[i..]; step[i]: tokens taken at i
  const core = new Array<number>(n + 1).fill(0)
  const items = new Array<number>(n + 1).fill(0)
  const step = new Array<number>(n).fill(1)
  const form = new Array<string | undefined>(n)
  for (let i = n - 1; i >= 0; i--) {
    core[i] = core[i + 1] + 1
    items[i] = items[i + 1] + 1
    step[i] = 1
    form[i] = undefined
    // phrases grow a word at a time while they are the start of some form
    let phrase = ''
    for (let k = 1; k <= Math.min(MAX_LEGAL_TOKENS, n - i); k++) {
      phrase = k === 1 ? tokens[i] : phrase + ' ' + tokens[i + k - 1]
      if (!LEGAL_PREFIXES.has(phrase)) break
      const f = LEGAL_FORMS.get(phrase)
      if (f === undefined) continue
      const c = core[i + k]
      const m = items[i + k] + 1
      if (c < core[i] || (c === core[i] && m < items[i])) {
        core[i] = c
        items[i] = m
        step[i] = k
        form[i] = f
      }
    }
  }
  const out: Item[] = []
  for (let i = 0; i < n; i += step[i])
    out.push(
      form[i] === undefined
        ? { t: tokens[i] }
        : { t: tokens.slice(i, i + step[i]).join(' '), legal: form[i] },
    )
  return out
}

/**
 * Mends typos in the words of a legal form: a token read as a legal-form word when it stands beside
 * a legal form or a legal-form word, or ends a name of two or more words. Returns the tokens (the
 * same array when nothing changed) and their legal-form reading.
 */
function mendLegalTypos(tokens: string[]): { mended: string[]; items: Item[] } {
  const items = splitLegal(tokens)
  // positions (in tokens) that are legal forms or legal-form words
  const legalAt: boolean[] = []
  for (const it of items) {
    const legal = it.legal !== undefined || anchors(it.t)
    legalAt.push(legal)
    for (let c = it.t.indexOf(' '); c >= 0; c = it.t.indexOf(' ', c + 1)) legalAt.push(legal)
  }
  let out: string[] | undefined
  for (let i = 0; i < tokens.length; i++) {
    if (legalAt[i]) continue
    const beside = (i > 0 && legalAt[i - 1]) || (i + 1 < tokens.length && legalAt[i + 1])
    const last = i === tokens.length - 1 && tokens.length >= 2 && tokens[i].length >= 5
    if (!beside && !last) continue
    const w = legalTypoInPlace(tokens[i], beside)
    if (w === undefined) continue
    out ??= tokens.slice()
    out[i] = w
    legalAt[i] = true
  }
  // (the tokens split again only where a typo was mended)
  return out ? { mended: out, items: splitLegal(out) } : { mended: tokens, items }
}

/** Normalised form of one name. */
export function normalizeName(name: string): NormalName {
  let s = foldText(name)
  // 'M/V', 'M/T' (motor vessel, motor tanker) are one word; '&' is 'and'; apostrophes join; the Persian ezafe ('Sherkat-e', 'Bank-e', 'Khane-ye') links words
  // (a name of plain letters, digits and spaces, as most are, has nothing for the rewrites below)
  const plain = PLAIN.test(s)
  if (!plain)
    s = s
      .replace(/(?<![\p{L}\p{N}])m\/([vt])(?![\p{L}\p{N}])/gu, 'm$1')
      .replace(/&/g, ' and ')
      .replace(/['’‘`ʼʻ´]/g, '')
      .replace(/(\p{L})-y?e(?![\p{L}\p{N}])/gu, '$1')
  // initialisms: a.b.c. → abc, l.l.c. → llc, o.o.o. → ooo, s.a → sa (not 'J. Smith')
  const initialisms: string[] = []
  if (!plain)
    s = s.replace(/(?<![\p{L}\p{N}])((?:\p{L}\.){2,}\p{L}?|\p{L}\.\p{L})(?![\p{L}])/gu, (m) => {
      const t = m.replace(/\./g, '')
      initialisms.push(t)
      return t
    })
  // words written with a full stop after them: abbreviated ('Moh.', 'Ahm.')
  const dotted = plain ? [] : [...s.matchAll(/(\p{L}+)\./gu)].map((m) => m[1])
  const letters = name.trim().replace(/\s+/g, ' ').length
  const raw = (plain ? s.split(' ') : s.split(/[^\p{L}\p{N}]+/u)).filter(Boolean).map(unLeet)
  const expanded: string[] = []
  const numbered = numberWords(raw)
  const completed = completeCutForm(numbered)
  const words = (completed ?? numbered).map(fixLegalTypo)
  // short business abbreviations ('Intl', 'Trdg', 'Gen.') are read as such only in a business's name
  // (one with a legal form or a generic business word): in 'Gen. PLAKSIN' or 'Nav QAMAR' they are
  // given names cut short; word forms of five or more letters ('Industry', 'Enterprise') always
  const business = words.some(
    (t) =>
      LEGAL_FORMS.has(t) || GENERIC_WORDS.has(t) || GENERIC_WORDS.has(ABBREVIATIONS.get(t) ?? ''),
  )
  for (const t of words) {
    const a =
      (business || t.length >= 5 ? ABBREVIATIONS.get(t) : undefined) ??
      PARTICLE_FORMS.get(t) ??
      COUNTRY_INITIALS.get(t)
    if (a) pushAll(expanded, a.split(' '))
    else expanded.push(t)
  }
  const { mended, items } = mendLegalTypos(expanded)
  const tokens: string[] = []
  const legal: string[] = []
  for (const it of items)
    if (it.legal !== undefined) legal.push(it.legal)
    // a connecting word written with a full stop is a word cut short ('And.' for 'Andrey')
    else if (!STOPWORDS.has(it.t) || dotted.includes(it.t)) tokens.push(it.t)
  // a two-letter form ending a long name may be a cut word ('… FRONT - AB' of 'Abu'): only a longer
  // form, or one written with full stops, shows the name's end
  const lastItem = items[items.length - 1]
  // …and words that are only the start of a longer form ('Closed Joint Stock Co', 'S. de R.L.' of
  // 'S. de R.L. de C.V.') show no end either
  const endsLegal =
    lastItem !== undefined &&
    lastItem.legal !== undefined &&
    (lastItem.t.length >= 3 || initialisms.includes(lastItem.t)) &&
    !(
      letters >= 20 &&
      (completed !== undefined || startsLongerForm(mended) || cutShort(raw[raw.length - 1]))
    )
  // a name that is nothing but legal forms (e.g. 'Company') keeps them as its core
  if (tokens.length === 0 && legal.length > 0) pushAll(tokens, legal.splice(0))
  const compact = tokens.join('')
  const { spoken, family } = spokenOrder(s, compact)
  const optional: string[] = []
  if (!plain)
    for (const m of s.matchAll(/\(([^()]*)\)/g))
      for (const t of m[1].split(/[^\p{L}\p{N}]+/u)) if (t && tokens.includes(t)) optional.push(t)
  const strict = /[\p{Script=Han}\p{Script=Hangul}]/u.test(name)
  const hangul = strict ? hangulSyllables(name) : ''
  const letterwise = initialisms.filter((t) => tokens.includes(t))
  return {
    tokens,
    skeletons: tokens.map((t) => skeleton(t)),
    legal,
    compact,
    cutCompact: letters >= 20 && !endsLegal ? withoutCutForm(mended, compact, tokens) : compact,
    abbreviated: dotted.filter((t) => tokens.includes(t)),
    spoken,
    family,
    length: letters,
    endsLegal,
    optional,
    strict,
    hangul,
    letterwise,
  }
}

/** The Hangul syllables of a name, sorted (the order of its words aside). */
function hangulSyllables(name: string): string {
  const out: string[] = []
  for (const ch of name) if (ch >= '\uac00' && ch <= '\ud7a3') out.push(ch)
  return out.sort().join('')
}

/** Every start of a legal form's text, by letters ('co', 'com', 'joint st', …), forms included. */
const LEGAL_PREFIXES = new Set<string>()
for (const key of LEGAL_FORMS.keys())
  for (let i = 1; i <= key.length; i++) LEGAL_PREFIXES.add(key.slice(0, i))
/** The start of a longer legal form's text ('compan', 'closed joint stock co'). */
const startsForm = (text: string) => LEGAL_PREFIXES.has(text) && !LEGAL_FORMS.has(text)

/** A word as written that is no legal form but the start of one ('Compan', 'Li'): cut short. */
function cutShort(t: string | undefined): boolean {
  return t !== undefined && startsForm(t)
}

/**
 * A name cut inside its legal form ('… Limited Liability Comp', '… Closed Joint-Stock Comp'): its
 * last two or more words, as written, are the start of a legal form whose completions all name one
 * form; they are written out whole (the shortest completion), so that the form is read as one, not
 * its cut word as an abbreviation ('Comp' for 'Components') or a typo ('Corp'). The name still shows
 * no end (endsLegal: its last word as written is cut short), so a cut of a longer name stays one.
 */
function completeCutForm(words: string[]): string[] | undefined {
  for (let k = Math.min(MAX_LEGAL_TOKENS, words.length - 1); k >= 2; k--) {
    const tail = words.slice(-k).join(' ')
    if (!startsForm(tail)) continue
    let best: string | undefined
    let canonical: string | undefined
    for (const [form, c] of LEGAL_FORMS) {
      if (!form.startsWith(tail)) continue
      if (canonical !== undefined && c !== canonical) return undefined
      canonical = c
      if (best === undefined || form.length < best.length) best = form
    }
    if (best === undefined) return undefined
    return [...words.slice(0, -k), ...best.split(' ')]
  }
  return undefined
}

/** The last two or more words are the start of a longer legal form. */
function startsLongerForm(mended: string[]): boolean {
  for (let k = Math.min(MAX_LEGAL_TOKENS, mended.length - 1); k >= 2; k--)
    if (
      LEGAL_PREFIXES.has(mended.slice(-k).join(' ')) &&
      !LEGAL_FORMS.has(mended.slice(-k).join(' '))
    )
      return true
  return false
}

/**
 * The compact form of a name cut inside its legal form ('… Trading Com', '… S.A. de C'): without the
 * last words when they are the start of a legal form.
 */
function withoutCutForm(mended: string[], compact: string, tokens: string[]): string {
  for (let k = Math.min(MAX_LEGAL_TOKENS, mended.length - 1); k >= 1; k--) {
    const tail = mended.slice(-k).join(' ')
    if (!startsForm(tail)) continue
    // the core tokens among the tail come last in `tokens`
    const tailCore = mended.slice(-k).filter((t) => tokens.includes(t)).length
    return tokens.slice(0, tokens.length - tailCore).join('') || compact
  }
  return compact
}

/**
 * 'SURNAME, Given names': the core tokens of 'Given names SURNAME' joined, and how many tokens the
 * family name has; else the compact form and 0.
 */
function spokenOrder(folded: string, compact: string): { spoken: string; family: number } {
  const comma = folded.indexOf(',')
  if (comma < 0 || folded.indexOf(',', comma + 1) >= 0) return { spoken: compact, family: 0 }
  const before = normalizeName(folded.slice(0, comma))
  const after = compact.slice(before.compact.length)
  return before.compact && after && compact.startsWith(before.compact)
    ? { spoken: after + before.compact, family: before.tokens.length }
    : { spoken: compact, family: 0 }
}

/** True when the name looks like an organisation (a legal form is present). */
export function looksLikeCompany(n: NormalName): boolean {
  return n.legal.length > 0
}
