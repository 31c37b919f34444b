// Name sets for measuring the screening matcher (bench/screen.ts and test/screen-sdn-variants.test.ts):
//  - variants of the OFAC SDN names as payments carry them, by kind: cut where a fixed-width field
//    ended (at 35 characters, a SWIFT MT line, and at 20–34), a long word cut short, the legal form
//    written in another language's spelling or abbreviation (English, German, French, Spanish,
//    Italian, Dutch, Turkish, Russian/Ukrainian, Persian/Arabic transliterations, Chinese), a typo
//    inside the legal form, a given name shortened;
//  - a negative set of ordinary people's and companies' names: the generator's name pools and
//    Faker's per-locale lists of common given names, family names and company names.
// Every set is built from rules stated here, never from what the matcher finds.
import { readFileSync } from 'node:fs'
import {
  fakerAR,
  fakerDE,
  fakerEN,
  fakerES,
  fakerFA,
  fakerFR,
  fakerIT,
  fakerJA,
  fakerKO,
  fakerNL,
  fakerPL,
  fakerRU,
  fakerTR,
  fakerUK,
  fakerZH_CN,
  type Faker,
} from '@faker-js/faker'
import { compareNames, kindOfSchema, normalizeName, type IndexEntry } from '../src/screen/index.ts'
import { parseCsv } from '../src/screen/lists/index.ts'
import { GENERIC_WORDS, PARTICLES } from '../src/screen/names/words.ts'
import { LEGAL_WORDS, legalFamily } from '../src/screen/names/legal-forms.ts'
import { parseOfacSdn } from '../src/screen/lists/ofac.ts'
import { FAMILY, GIVEN } from '../src/generate/names-people.ts'
import {
  LEGAL_FORMS as GEN_LEGAL,
  PLACE_WORDS,
  TRADE_WORDS,
} from '../src/generate/names-companies.ts'
import { rng } from '../test/fixtures/synthetic-names.ts'
import { pushAll } from '../src/util/array.ts'

export type Rng = () => number
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

/** The SDN entries as the name index takes them (primary names and the weak a.k.a.s of remarks). */
export function sdnEntries(file: string): IndexEntry[] {
  return parseOfacSdn(readFileSync(file, 'utf8')).entries.map((e) => ({
    id: e.id,
    snapshotId: 'sdn',
    schema: e.schema,
    caption: e.caption,
    names: e.names,
  }))
}

export interface Variant {
  kind: string
  query: string
  /** The entry the query must find. */
  id: string
  listName: string
}

/** A word that names the party: not a legal form, generic word, particle or number. */
function distinctiveWord(w: string): boolean {
  const t = normalizeName(w).tokens
  return (
    t.length === 1 &&
    t[0].length >= 3 &&
    !GENERIC_WORDS.has(t[0]) &&
    !PARTICLES.has(t[0]) &&
    !LEGAL_WORDS.has(t[0]) &&
    !/\d/.test(t[0])
  )
}

/**
 * A cut of `name` at `len` characters, when one is worth testing: the name is longer, and the cut
 * leaves a whole distinctive word (a shorter cut names no one: the issue's "long enough to be
 * specific").
 */
function cut(name: string, len: number): string | undefined {
  if (name.length <= len) return undefined
  const head = name.slice(0, len).trimEnd()
  if (head.length < 20) return undefined // a cut on a space leaves fewer characters
  const whole = name[len] === ' ' ? head.split(/\s+/) : head.split(/\s+/).slice(0, -1)
  return whole.some(distinctiveWord) ? head : undefined
}

// The legal forms a payment may write, per language, with the family of legal person each names.
type Fam = 'limited' | 'joint-stock' | 'any'
// prettier-ignore
const LANG_FORMS: Record<string, Array<[form: string, family: Fam, prefix?: boolean]>> = {
  en: [['LIMITED', 'limited'], ['LTD', 'limited'], ['LTD.', 'limited'], ['CO., LTD.', 'limited'],
    ['COMPANY LIMITED', 'limited'], ['LLC', 'limited'], ['L.L.C.', 'limited'],
    ['LIMITED LIABILITY COMPANY', 'limited'], ['PLC', 'joint-stock'],
    ['PUBLIC LIMITED COMPANY', 'joint-stock'], ['JOINT STOCK COMPANY', 'joint-stock'],
    ['JSC', 'joint-stock'], ['CORPORATION', 'any'], ['CORP.', 'any'], ['INC.', 'any'],
    ['COMPANY', 'any'], ['CO.', 'any']],
  de: [['GMBH', 'limited'], ['GESELLSCHAFT MIT BESCHRÄNKTER HAFTUNG', 'limited'],
    ['G.M.B.H.', 'limited'], ['AG', 'joint-stock'], ['AKTIENGESELLSCHAFT', 'joint-stock']],
  fr: [['SARL', 'limited'], ['S.A.R.L.', 'limited'], ['SOCIÉTÉ À RESPONSABILITÉ LIMITÉE', 'limited'],
    ['SA', 'joint-stock'], ['S.A.', 'joint-stock'], ['SOCIÉTÉ ANONYME', 'joint-stock']],
  es: [['S.L.', 'limited'], ['SOCIEDAD LIMITADA', 'limited'], ['S. DE R.L.', 'limited'],
    ['SOCIEDAD DE RESPONSABILIDAD LIMITADA', 'limited'], ['S.A.', 'joint-stock'],
    ['SOCIEDAD ANÓNIMA', 'joint-stock']],
  it: [['S.R.L.', 'limited'], ['SOCIETÀ A RESPONSABILITÀ LIMITATA', 'limited'],
    ['S.P.A.', 'joint-stock'], ['SOCIETÀ PER AZIONI', 'joint-stock']],
  nl: [['B.V.', 'limited'], ['BESLOTEN VENNOOTSCHAP', 'limited'], ['N.V.', 'joint-stock'],
    ['NAAMLOZE VENNOOTSCHAP', 'joint-stock']],
  tr: [['LTD. ŞTİ.', 'limited'], ['LİMİTED ŞİRKETİ', 'limited'], ['LTD ŞTİ', 'limited'],
    ['A.Ş.', 'joint-stock'], ['ANONİM ŞİRKETİ', 'joint-stock']],
  'ru-uk': [['ООО', 'limited'], ['OOO', 'limited'],
    ['ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ', 'limited'],
    ['OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU', 'limited'], ['ТОВ', 'limited'],
    ['TOV', 'limited'], ['ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ', 'limited'],
    ['АО', 'joint-stock'], ['AO', 'joint-stock'], ['ПАО', 'joint-stock'], ['PAO', 'joint-stock'],
    ['АКЦИОНЕРНОЕ ОБЩЕСТВО', 'joint-stock'], ['ПАТ', 'joint-stock']],
  'fa-ar': [['SHERKAT', 'any', true], ['SHERKAT-E', 'any', true], ['SAHAMI KHAS', 'joint-stock'],
    ['SHERKAT-E SAHAMI KHAS', 'joint-stock', true], ['BA MASOULIAT MAHDOOD', 'limited'],
    ['SHARIKAT', 'any', true], ['W.L.L.', 'limited'], ['DHAT MASULIYA MAHDUDA', 'limited']],
  zh: [['CO., LTD.', 'limited'], ['CO. LIMITED', 'limited'], ['YOUXIAN GONGSI', 'limited'],
    ['有限公司', 'limited'], ['股份有限公司', 'joint-stock'], ['GUFEN YOUXIAN GONGSI', 'joint-stock']],
}

// a legal form written at the end of an SDN name (its own spelling), and what comes before it
const TRAILING_FORM =
  /^(.*?[^\s,])[\s,]+((?:LIMITED LIABILITY COMPANY|(?:OPEN |CLOSED |PUBLIC |PRIVATE )?JOINT[- ]STOCK COMPANY|COMPANY LIMITED|PRIVATE LIMITED|\(PVT\.?\) LTD\.?|\(PRIVATE\) LIMITED|CO\.,? LTD\.?|CO\. LIMITED|PTE\.? LTD\.?|PVT\.? LTD\.?|SDN\.? BHD\.?|LIMITED|LTD\.?|L\.L\.C\.|LLC|CORPORATION|CORP\.?|INCORPORATED|INC\.?|COMPANY|CO\.|JSC|OJSC|CJSC|PJSC|OAO|ZAO|PAO|OOO|AO|GMBH|S\.A\.|SARL|S\.R\.L\.|SRL|B\.V\.|FZE|FZCO|FZ-LLC|PLC))\.?$/

/** Family of a legal form as written. */
function familyOf(form: string): Fam {
  const n = normalizeName('X ' + form).legal
  const f = n.length ? legalFamily(n[n.length - 1]) : 'any'
  return f === 'limited' || f === 'joint-stock' ? f : 'any'
}

/** A legal form of this language that names the same kind of legal person (or says nothing). */
function formFor(r: Rng, lang: string, fam: Fam): [string, boolean] | undefined {
  const ok = LANG_FORMS[lang].filter(([, f]) => f === fam || f === 'any' || fam === 'any')
  if (!ok.length) return undefined
  const [form, , prefix] = pick(r, ok)
  return [form, !!prefix]
}

/** A typo inside a legal-form word: a letter dropped, swapped, replaced, or a syllable dropped. */
function legalTypo(r: Rng, word: string): string {
  const i = 1 + Math.floor(r() * (word.length - 2))
  switch (Math.floor(r() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1)
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    case 2: {
      const letters = 'ABCDEFGHIKLMNOPRSTUVY'.replace(word[i], '')
      return word.slice(0, i) + pick(r, [...letters]) + word.slice(i + 1)
    }
    default:
      return word.slice(0, i) + word.slice(i + 2)
  }
}

/** Variants of the SDN names, by kind (at most `perKind` of each, drawn with a fixed seed). */
export function sdnVariants(
  entries: readonly IndexEntry[],
  perKind = Infinity,
  seed = 7,
): Variant[] {
  const r = rng(seed)
  const byKind = new Map<string, Variant[]>()
  const add = (kind: string, query: string, e: IndexEntry) => {
    let list = byKind.get(kind)
    if (!list) byKind.set(kind, (list = []))
    list.push({ kind, query, id: e.id, listName: e.names[0].name })
  }
  for (const e of entries) {
    const name = e.names[0].name
    const person = e.schema === 'Person'
    // 1. cut where a fixed-width field ended: a SWIFT MT line (35), and anywhere from 20 to 34;
    // a person as a payment writes them, given names first
    const written = person && name.includes(',') ? spoken(name) : name
    const c35 = cut(written, 35)
    if (c35) add('cut-35', c35, e)
    const len = 20 + Math.floor(r() * 15)
    const cx = cut(written, len)
    if (cx) add('cut-20-34', cx, e)
    if (!person && e.schema !== 'Vessel') {
      // 2. a long word cut short ('PETROCHEMIC' for 'PETROCHEMICAL')
      const words = name.split(' ')
      const longest = words.reduce((b, w, i) => (w.length > words[b].length ? i : b), 0)
      const w = words[longest]
      if (w.length >= 8 && /^[A-Z]+$/.test(w) && !LEGAL_WORDS.has(w.toLowerCase())) {
        const keep = Math.ceil(w.length * (0.6 + 0.3 * r()))
        if (keep < w.length)
          add('word-cut', words.map((x, i) => (i === longest ? x.slice(0, keep) : x)).join(' '), e)
      }
      // 3. the legal form in each language's spellings; 4. a typo inside the legal form
      const m = TRAILING_FORM.exec(name)
      if (m && normalizeName(m[1]).tokens.length > 0) {
        const [, stem, form] = m
        const fam = familyOf(form)
        for (const lang of Object.keys(LANG_FORMS)) {
          const f = formFor(r, lang, fam)
          if (!f) continue
          add(`legal-${lang}`, f[1] ? `${f[0]} ${stem}` : `${stem} ${f[0]}`, e)
        }
        const words = form.replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean)
        const long = words.filter((x) => x.length >= 5)
        if (long.length) {
          const target = pick(r, long)
          add('legal-typo', `${stem} ${form.replace(target, legalTypo(r, target))}`, e)
        } else if (words.length >= 2 && words[words.length - 1].length === 3) {
          // a three-letter form beside another loses its first letter ('PTE. TD.')
          const last = words[words.length - 1]
          add('legal-typo', `${stem} ${form.replace(new RegExp(`${last}\\.?$`), last.slice(1))}`, e)
        }
      }
    }
    // 5. a given name shortened: cut to three or four letters, with or without a full stop
    if (person && name.includes(',')) {
      const [family, given] = name.split(',').map((s) => s.trim())
      const gs = given.split(/\s+/)
      if (gs[0] && gs[0].length >= 6 && /^[A-Za-z]+$/.test(gs[0]) && distinctiveWord(family)) {
        const short = gs[0].slice(0, 3 + Math.floor(r() * 2)) + (r() < 0.5 ? '.' : '')
        add('given-short', [short, ...gs.slice(1), family].join(' '), e)
      }
    }
  }
  const out: Variant[] = []
  for (const [, list] of [...byKind].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (list.length <= perKind) pushAll(out, list)
    else {
      const rr = rng(seed + list.length)
      const idx = list.map((_, i) => i).sort(() => rr() - 0.5)
      for (const i of idx.slice(0, perKind)) out.push(list[i])
    }
  }
  return out
}

/** 'SURNAME, Given names' → 'Given names SURNAME'. */
function spoken(name: string): string {
  const [family, given] = name.split(',').map((s) => s.trim())
  return given ? `${given} ${family}` : family
}

const FAKERS: Faker[] = [
  fakerEN,
  fakerDE,
  fakerFR,
  fakerES,
  fakerIT,
  fakerNL,
  fakerPL,
  fakerTR,
  fakerRU,
  fakerUK,
  fakerFA,
  fakerAR,
  fakerZH_CN,
  fakerKO,
  fakerJA,
]

export interface Negative {
  name: string
  source: 'generator' | 'faker'
}

/**
 * Ordinary names, none of them listed: persons and companies from the generator's pools (given and
 * family names of 17 languages, place and trade words with each country's legal forms) and from
 * Faker's common given names, family names and company names of 15 locales (native scripts too).
 */
export function negativeNames(n: number, seed = 11): Negative[] {
  const r = rng(seed)
  const out = new Map<string, Negative>()
  const langs = Object.keys(GIVEN) as Array<keyof typeof GIVEN>
  const forms = Object.values(GEN_LEGAL).flat()
  for (const f of FAKERS) f.seed(seed)
  let guard = 0
  while (out.size < n && guard++ < n * 20) {
    let name: string
    let source: Negative['source']
    if (r() < 0.5) {
      source = 'generator'
      const lang = pick(r, langs)
      name =
        r() < 0.6
          ? `${pick(r, GIVEN[lang])} ${pick(r, FAMILY[lang])}`
          : `${pick(r, PLACE_WORDS[lang])} ${pick(r, TRADE_WORDS)} ${pick(r, forms)}`
    } else {
      source = 'faker'
      const f = pick(r, FAKERS)
      name = r() < 0.7 ? `${f.person.firstName()} ${f.person.lastName()}` : f.company.name().trim()
    }
    if (!out.has(name)) out.set(name, { name, source })
  }
  return [...out.values()]
}

export interface Confusion {
  pairs: number
  tp: number
  fp: number
  fn: number
  tn: number
  precision: number
  recall: number
  f1: number
}

/** The matcher on OpenSanctions' labelled name-bench pairs at a threshold. */
export function nameBench(file: string, threshold: number): Confusion {
  const { records } = parseCsv(readFileSync(file, 'utf8'))
  const [head, ...rows] = records
  const col = (k: string) => head.fields.indexOf(k)
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  for (const r of rows) {
    const f = r.fields
    const s = compareNames(
      normalizeName(f[col('name1')]),
      normalizeName(f[col('name2')]),
      kindOfSchema(f[col('schema')]),
    ).score
    const predicted = s >= threshold
    const actual = f[col('is_match')] === 'true'
    if (predicted && actual) tp++
    else if (predicted) fp++
    else if (actual) fn++
    else tn++
  }
  const precision = tp / (tp + fp)
  const recall = tp / (tp + fn)
  return {
    pairs: rows.length,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
  }
}
