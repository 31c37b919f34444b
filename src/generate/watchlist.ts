// A synthetic sanctions list in OpenSanctions targets.simple.csv shape, and the name variants under
// which listed parties show up in payments (changed legal form, abbreviation, transliteration, word
// order, typo), so that screening has to match fuzzily.
import type { Rng } from './rng.ts'
import { csvField } from './parties.ts'

export interface ListedEntity {
  id: string
  schema: 'Company' | 'Person'
  name: string
  aliases: string[]
  country: string
  birthDate: string
  program: string
  sanctions: string
}

const RU_STEMS = [
  'Tekhnopromeksport',
  'Radioelektronika',
  'Aviazapchast',
  'Mikroelektronika Plyus',
  'Spetsmashinostroenie',
  'Energokomplekt',
  'Nevskiy Pribor',
  'Uralskiy Zavod Komponentov',
  'Sibirskaya Optika',
  'Kvant Sistemy',
  'Zhelezno Tekh',
  'Avtomatika Servis',
  'Volzhskiy Podshipnik',
  'Tsentr Navigatsii',
]
const FRONT_STEMS = [
  'Golden Falcon General Trading',
  'Silk Road Electronics',
  'Pamir Logistics',
  'Bosphorus Tech Trade',
  'Sunrise International Trading',
  'Ararat Components',
  'Steppe Supply',
  'Eurasia Parts Hub',
  'Oriental Star Technology',
  'Caspian Bridge Trading',
  'Nova Horizon Industrial',
]
const IR_STEMS = [
  'Pars Electronic Industries',
  'Simorgh Aviation Parts',
  'Kavir Navigation Systems',
  'Zagros Machine Tools',
]
const RU_PERSONS = [
  ['Sergei', 'Volkov'],
  ['Aleksandr', 'Zhukov'],
  ['Dmitry', 'Kharitonov'],
  ['Yevgeny', 'Shcherbakov'],
  ['Oleg', 'Tsvetkov'],
  ['Igor', 'Kuznetsov'],
]

const FRONT_FORMS: Record<string, string[]> = {
  AE: ['FZE', 'FZCO', 'LLC'],
  TR: ['Ltd. Şti.', 'A.Ş.'],
  HK: ['Limited', 'Co., Limited'],
  CN: ['Co., Ltd.'],
  KZ: ['LLP'],
  AM: ['LLC'],
  KG: ['LLC'],
  GE: ['LLC'],
}

const PROGRAMS: Record<string, [string, string]> = {
  RU: [
    'EU-UKR;US-RUSHARMFUL',
    'EU Council Regulation 833/2014 Annex IV; OFAC SDN (RUSSIA-EO14024)',
  ],
  BY: ['EU-BLR', 'EU Council Regulation 765/2006'],
  IR: ['US-IRAN;EU-IRN', 'OFAC SDN (IRAN); EU Council Regulation 267/2012'],
  FRONT: [
    'US-RUSHARMFUL;EU-UKR',
    'OFAC SDN (RUSSIA-EO14024) - third-country supplier; EU Annex IV',
  ],
}

function entityId(rng: Rng): string {
  const abc = '0123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'
  let s = 'NK-'
  for (let i = 0; i < 22; i++) s += abc[rng.int(0, abc.length - 1)]
  return s
}

const TRANSLIT: Array<[RegExp, string]> = [
  [/kh/i, 'h'],
  [/ks/i, 'x'],
  [/ts/i, 'tz'],
  [/zh/i, 'j'],
  [/shch/i, 'sch'],
  [/iy\b/i, 'y'],
  [/ye/i, 'e'],
  [/v\b/i, 'ff'],
  [/y/i, 'i'],
]

/** An alternative Latin transliteration of a Russian name (one rule applied), or the name itself. */
export function transliterate(rng: Rng, name: string): string {
  const rules = TRANSLIT.filter(([re]) => re.test(name))
  if (!rules.length) return name
  const [re, to] = rng.pick(rules)
  return name.replace(re, (m) =>
    m[0] === m[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to,
  )
}

export function makeListedEntities(rng: Rng, n: number): ListedEntity[] {
  const out: ListedEntity[] = []
  const used = new Set<string>()
  for (let i = 0; out.length < n && i < n * 20; i++) {
    const r = rng.next()
    let e: Omit<ListedEntity, 'id'>
    if (r < 0.4) {
      const stem = rng.pick(RU_STEMS)
      const form = rng.pick(['OOO', 'AO', 'OOO', 'PAO'])
      e = company(
        `${form} ${stem}`,
        [`${transliterate(rng, stem)} ${form === 'AO' ? 'JSC' : 'LLC'}`],
        'RU',
      )
    } else if (r < 0.75) {
      const country = rng.pick(['AE', 'AE', 'TR', 'HK', 'CN', 'KZ', 'AM', 'KG', 'GE'])
      const stem = rng.pick(FRONT_STEMS)
      e = company(`${stem} ${rng.pick(FRONT_FORMS[country])}`, [stem.toUpperCase()], country)
    } else if (r < 0.85) {
      const stem = rng.pick(IR_STEMS)
      e = company(`${stem} Co.`, [`${stem} Company PJS`], 'IR')
    } else if (r < 0.9) {
      const stem = rng.pick(RU_STEMS)
      e = company(`OOO ${stem}`, [`ODO ${stem}`], 'BY')
    } else {
      const [given, family] = rng.pick(RU_PERSONS)
      e = {
        schema: 'Person',
        name: `${given} ${family}`,
        aliases: [`${family} ${given}`, transliterate(rng, `${given} ${family}`)],
        country: 'RU',
        birthDate: `19${rng.int(55, 85)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        program: PROGRAMS.RU[0],
        sanctions: PROGRAMS.RU[1],
      }
    }
    if (used.has(e.name)) continue
    used.add(e.name)
    out.push({ id: entityId(rng), ...e })
  }
  return out
}

function company(name: string, aliases: string[], country: string): Omit<ListedEntity, 'id'> {
  const [program, sanctions] = PROGRAMS[country] ?? PROGRAMS.FRONT
  return {
    schema: 'Company',
    name,
    aliases: aliases.filter((a) => a !== name),
    country,
    birthDate: '',
    program,
    sanctions,
  }
}

const FORM_SWAPS: Array<[RegExp, string[]]> = [
  [/^OOO (.+)$/, ['$1 LLC', 'LLC $1', 'Limited Liability Company $1', '$1 OOO', 'OOO "$1"']],
  [/^AO (.+)$/, ['$1 JSC', 'JSC $1', 'Joint Stock Company $1', 'AO "$1"']],
  [/^PAO (.+)$/, ['$1 PJSC', 'PJSC $1', 'Public Joint Stock Company $1']],
  [/^ODO (.+)$/, ['$1 LLC', 'Additional Liability Company $1']],
  [/^(.+) FZE$/, ['$1 FZCO', '$1 Free Zone Establishment', '$1 FZ-LLC']],
  [/^(.+) FZCO$/, ['$1 FZE', '$1 Free Zone Company']],
  [/^(.+) LLC$/, ['$1 L.L.C.', '$1 Limited Liability Company', '$1']],
  [/^(.+) LLP$/, ['$1 TOO', 'TOO $1', '$1 Limited Liability Partnership']],
  [/^(.+) Co\., Limited$/, ['$1 Company Limited', '$1 Co Ltd', '$1 Limited']],
  [/^(.+) Co\., Ltd\.$/, ['$1 Company Limited', '$1 Co Ltd', '$1 Co. Ltd']],
  [/^(.+) Limited$/, ['$1 Ltd', '$1 Ltd.', '$1 Co., Limited']],
  [/^(.+) Ltd\. Şti\.$/, ['$1 Ltd Sti', '$1 Limited Şirketi', '$1 LTD. STI.']],
  [/^(.+) A\.Ş\.$/, ['$1 AS', '$1 Anonim Şirketi', '$1 A.S.']],
  [/^(.+) Co\.$/, ['$1 Company', '$1 Co', '$1 PJS']],
]

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/General Trading/, 'Gen. Trdg'],
  [/Trading/, 'Trdg'],
  [/International/, 'Intl'],
  [/Electronics?/, 'Elec.'],
  [/Technology/, 'Tech'],
  [/Industrial|Industries/, 'Ind.'],
  [/Logistics/, 'Log.'],
  [/Components/, 'Comp.'],
  [/Navigation/, 'Nav.'],
  [/Company/, 'Co'],
  [/Limited Liability Company/, 'LLC'],
  [/Aviation/, 'Avn'],
]

export const VARIANT_KINDS = [
  'legal_form',
  'abbreviation',
  'transliteration',
  'word_order',
  'typo',
] as const

function typo(rng: Rng, name: string): string {
  const words = name.split(' ')
  const idx = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 6)
  if (!idx.length) return name
  const [w, i] = rng.pick(idx)
  const p = rng.int(1, w.length - 2)
  const kind = rng.int(0, 2)
  let t: string
  if (kind === 0) t = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
  else if (kind === 1) t = w.slice(0, p) + w.slice(p + 1)
  else t = w.slice(0, p) + w[p] + w.slice(p)
  words[i] = t
  return words.join(' ')
}

function wordOrder(entity: ListedEntity, name: string): string {
  const words = name.split(' ')
  if (entity.schema === 'Person') return [...words.slice(1), words[0]].join(' ')
  // Swap the first two words of the stem, keeping a leading legal form in place.
  const lead = /^(OOO|AO|PAO|ODO)$/.test(words[0]) ? 1 : 0
  if (words.length - lead < 3) return name
  ;[words[lead], words[lead + 1]] = [words[lead + 1], words[lead]]
  return words.join(' ')
}

/** The name a listed entity uses in a payment: one or two variations of its list name. */
export function nameVariant(rng: Rng, entity: ListedEntity): { name: string; variant: string } {
  const tried: string[] = []
  let name = rng.chance(0.2) && entity.aliases.length ? rng.pick(entity.aliases) : entity.name
  const kinds = rng.sample(VARIANT_KINDS, VARIANT_KINDS.length)
  const wanted = rng.chance(0.3) ? 2 : 1
  for (const kind of kinds) {
    if (tried.length >= wanted) break
    let next = name
    if (kind === 'legal_form') {
      const swap = FORM_SWAPS.find(([re]) => re.test(name))
      if (swap) next = name.replace(swap[0], rng.pick(swap[1]))
    } else if (kind === 'abbreviation') {
      const ab = ABBREVIATIONS.find(([re]) => re.test(name))
      if (ab) next = name.replace(ab[0], ab[1])
    } else if (kind === 'transliteration') {
      if (entity.country === 'RU' || entity.country === 'BY' || entity.schema === 'Person')
        next = transliterate(rng, name)
    } else if (kind === 'word_order') next = wordOrder(entity, name)
    else next = typo(rng, name)
    if (next !== name && next.trim().length > 3) {
      name = next.trim()
      tried.push(kind)
    }
  }
  // A variation can land on a listed alias (e.g. a person's name in the other order).
  if ([entity.name, ...entity.aliases].includes(name))
    return { name, variant: name === entity.name ? 'exact' : 'alias' }
  return { name, variant: tried.length ? tried.join('+') : 'exact' }
}

const HEADER =
  'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change'

/** targets.simple.csv text: one row per entity, aliases separated by ';', countries lower-case. */
export function watchlistCsv(rng: Rng, entities: ListedEntity[]): string {
  const lines = [HEADER]
  for (const e of entities) {
    const first = `20${rng.int(22, 25)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T00:00:00`
    const ident =
      e.schema === 'Company' ? `${e.country === 'RU' ? 'OGRN ' : 'REG '}${rng.digits(13)}` : ''
    lines.push(
      [
        e.id,
        e.schema,
        e.name,
        e.aliases.join(';'),
        e.birthDate,
        e.country.toLowerCase(),
        '',
        ident,
        e.sanctions,
        '',
        '',
        e.program,
        'ringwatch_synthetic',
        first,
        '2026-09-30T00:00:00',
        first,
      ]
        .map(csvField)
        .join(','),
    )
  }
  return lines.join('\n') + '\n'
}
