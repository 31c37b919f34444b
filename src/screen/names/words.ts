// Word lists for name normalisation: legal forms (as token phrases, after initialisms are collapsed
// and scripts transliterated), abbreviations, generic business words and person-name particles.
import { maxOf } from '../../util/array.ts'

/** Legal-form phrases → canonical form. Matched longest first on whole tokens; removed from the core. */
const LEGAL_PHRASES: Record<string, string> = {
  'limited liability company': 'llc',
  'limited liability partnership': 'llp',
  'limited liability co': 'llc',
  'additional liability company': 'odo',
  'tovarishchestvo s ogranichennoy otvetstvennostyu': 'too',
  'limited partnership': 'lp',
  'joint stock company': 'jsc',
  'open joint stock company': 'ojsc',
  'closed joint stock company': 'cjsc',
  'public joint stock company': 'pjsc',
  'public joint stock co': 'pjsc',
  'joint stock co': 'jsc',
  'private joint stock company': 'pjsc',
  'public limited company': 'plc',
  'private limited company': 'ltd',
  'private limited': 'ltd',
  'pvt ltd': 'ltd',
  'pte ltd': 'ltd',
  'pty ltd': 'ltd',
  'co ltd': 'ltd',
  'company limited': 'ltd',
  'sdn bhd': 'sdnbhd',
  'sp z oo': 'spzoo',
  'spolka z ograniczona odpowiedzialnoscia': 'spzoo',
  'obshchestvo s ogranichennoy otvetstvennostyu': 'ooo',
  'obshestvo s ogranichennoy otvetstvennostyu': 'ooo',
  'aktsionernoe obshchestvo': 'ao',
  'aktsionernoye obshchestvo': 'ao',
  'publichnoe aktsionernoe obshchestvo': 'pao',
  'zakrytoe aktsionernoe obshchestvo': 'zao',
  'otkrytoe aktsionernoe obshchestvo': 'oao',
  'tovarystvo z obmezhenoyu vidpovidalnistyu': 'tov',
  'societatea cu raspundere limitata': 'srl',
  'societa a responsabilita limitata': 'srl',
  'societe a responsabilite limitee': 'sarl',
  'societe anonyme': 'sa',
  'sociedad anonima': 'sa',
  'sociedad limitada': 'sl',
  'gesellschaft mit beschrankter haftung': 'gmbh',
  'free zone establishment': 'fze',
  'free zone company': 'fzco',
  'free zone llc': 'fzllc',
  'fz llc': 'fzllc',
  'anonim sirketi': 'as',
  'limited sirketi': 'ltd',
  'ltd sti': 'ltd',
  'limited sti': 'ltd',
  'besloten vennootschap': 'bv',
  'naamloze vennootschap': 'nv',
}

// prettier-ignore
const LEGAL_SINGLE = [
  'gmbh', 'mbh', 'llc', 'ooo', 'fze', 'fzco', 'fzllc', 'fzc', 'ltd', 'limited', 'corp',
  'corporation', 'inc', 'incorporated', 'plc', 'ag', 'aktiengesellschaft', 'as', 'ao', 'zao',
  'pao', 'oao', 'ojsc', 'jsc', 'cjsc', 'pjsc', 'sa', 'sarl', 'bv', 'nv', 'srl', 'spa', 'sas', 'kg',
  'ohg', 'ug', 'se', 'pte', 'pty', 'lp', 'llp', 'oy', 'oyj', 'ab', 'aps', 'kft', 'doo', 'sro',
  'ood', 'ead', 'tov', 'ltda', 'sl', 'wll', 'spzoo', 'sdnbhd', 'bhd', 'pvt', 'co', 'company',
  'gie', 'kk', 'cv', 'oood', 'est', 'establishment', 'sti', 'ik', 'chp', 'fop', 'pp', 'aktsionernoe',
  'jsco', 'odo', 'too',
]

export const LEGAL_FORMS: Map<string, string> = new Map([
  ...Object.entries(LEGAL_PHRASES),
  ...LEGAL_SINGLE.map((w): [string, string] => [w, w]),
])
LEGAL_FORMS.set('limited', 'ltd')
LEGAL_FORMS.set('corporation', 'corp')
LEGAL_FORMS.set('incorporated', 'inc')
LEGAL_FORMS.set('company', 'co')
LEGAL_FORMS.set('aktiengesellschaft', 'ag')
LEGAL_FORMS.set('establishment', 'est')

/** Longest legal-form phrase, in tokens. */
export const MAX_LEGAL_TOKENS = maxOf(LEGAL_FORMS.keys(), (k) => k.split(' ').length)

/** Common abbreviations in company names → full word. */
// prettier-ignore
export const ABBREVIATIONS: Record<string, string> = {
  intl: 'international', int: 'international', internat: 'international', trdg: 'trading',
  trd: 'trading', tradg: 'trading', gen: 'general', genl: 'general', tech: 'technology', techn: 'technology', technol: 'technology',
  technologies: 'technology', technologie: 'technology', technik: 'technology',
  technika: 'technology', tekhnologii: 'technology', mfg: 'manufacturing', manuf: 'manufacturing',
  mfr: 'manufacturing', ind: 'industries', inds: 'industries', indus: 'industries',
  industry: 'industries', svc: 'services', svcs: 'services', serv: 'services', service: 'services',
  eng: 'engineering', engg: 'engineering', engr: 'engineering', elec: 'electronics',
  electr: 'electronics', electronic: 'electronics', elektronik: 'electronics',
  elektronika: 'electronics', mgmt: 'management', mgt: 'management', natl: 'national',
  assoc: 'association', assn: 'association', bros: 'brothers', grp: 'group', hldg: 'holding',
  hldgs: 'holding', holdings: 'holding', dev: 'development', devt: 'development',
  equip: 'equipment', eqpt: 'equipment', imp: 'import', exp: 'export', impex: 'import export',
  enterprise: 'enterprises', mach: 'machinery', chem: 'chemical', chemicals: 'chemical',
  pharm: 'pharmaceutical', pharma: 'pharmaceutical', univ: 'university', inst: 'institute',
  dept: 'department', sys: 'systems', system: 'systems', solution: 'solutions',
  logistic: 'logistics', invest: 'investment', investments: 'investment', ctr: 'center',
  centre: 'center', mfrs: 'manufacturing', prod: 'production', products: 'production',
  product: 'production', log: 'logistics', nav: 'navigation', avn: 'aviation',
  comp: 'components', st: 'saint', ste: 'saint', mt: 'mount', ft: 'fort',
}

/** Generic business words: shared ones say little, so they weigh little (but differing ones count). */
// prettier-ignore
export const GENERIC_WORDS = new Set([
  'trading', 'trade', 'traders', 'global', 'international', 'group', 'holding', 'industries',
  'industrial', 'technology', 'services', 'engineering', 'import', 'export', 'logistics', 'bank',
  'systems', 'solutions', 'enterprises', 'electronics', 'general', 'commercial', 'investment',
  'development', 'management', 'capital', 'partners', 'consulting', 'resources', 'energy',
  'national', 'united', 'production', 'supply', 'supplies', 'equipment', 'machinery',
  'manufacturing', 'construction', 'shipping', 'transport', 'marine', 'petroleum', 'oil', 'gas',
  'chemical', 'metal', 'metals', 'steel', 'plant', 'factory', 'zavod', 'fund', 'trust',
  'foundation', 'institute', 'organization', 'organisation', 'center', 'scientific', 'research',
  'firm', 'agency', 'new', 'east', 'west', 'north', 'south', 'middle', 'asia', 'europe', 'euro',
  'world', 'star', 'first', 'best', 'royal', 'city', 'overseas', 'pacific', 'atlantic', 'gulf',
  'holdings', 'ventures', 'venture', 'associates', 'brothers', 'sons', 'products', 'line', 'lines',
  'airlines', 'air', 'aviation', 'motor', 'motors', 'auto', 'media', 'finance', 'financial',
  'insurance', 'securities', 'agro', 'food', 'foods', 'textile', 'textiles', 'parts', 'components',
  'electric', 'power', 'digital', 'software', 'network', 'networks', 'telecom', 'communications',
  'project', 'projects', 'office', 'store', 'shop', 'market', 'mining', 'minerals', 'maritime',
  'navigation', 'freight', 'cargo', 'express', 'distribution', 'instruments', 'devices', 'tools',
  'precision', 'optics', 'optical', 'laser', 'semiconductor', 'semiconductors', 'micro', 'smart',
  'innovation', 'innovations', 'advanced', 'applied', 'universal', 'alliance', 'union', 'mutual',
  'co', 'company', 'corporation', 'association', 'department', 'university', 'ministry',
])

/** Connecting words dropped everywhere. */
export const STOPWORDS = new Set(['the', 'of', 'and', 'und', 'et', 'for', 'y', 'an', 'in'])

/** Spellings of one Arabic name particle ('ibn' = 'bin', 'el-Assad' = 'al-Assad'). */
export const PARTICLE_FORMS: Record<string, string> = { ibn: 'bin', el: 'al' }

/** Person-name particles and honorifics: weigh little. */
// prettier-ignore
export const PARTICLES = new Set([
  'al', 'el', 'bin', 'ibn', 'bint', 'ben', 'abu', 'abd', 'abdul', 'de', 'da', 'del', 'della',
  'der', 'den', 'van', 'von', 'la', 'le', 'di', 'du', 'dos', 'das', 'mr', 'mrs', 'ms', 'dr',
  'prof', 'sir', 'haji', 'hajji', 'sheikh', 'shaykh', 'mv', 'mt', 'ms',
])

// prettier-ignore
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
  sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
}
// prettier-ignore
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90,
}

/** Number words and ordinals ('forty four', '1st') as digit tokens. */
export function numberWords(tokens: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    const ord = /^(\d+)(st|nd|rd|th)$/.exec(t)
    if (ord) {
      out.push(ord[1])
      continue
    }
    if (TENS[t] !== undefined) {
      const next = tokens[i + 1]
      const unit =
        next === undefined ? undefined : (UNITS[next] ?? (/^\d$/.test(next) ? +next : undefined))
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(TENS[t] + unit))
        i++
      } else out.push(String(TENS[t]))
      continue
    }
    out.push(UNITS[t] !== undefined ? String(UNITS[t]) : t)
  }
  return out
}

// Short forms of given names (English, Russian, German, Arabic): each group is one name.
// prettier-ignore
const NICKNAME_GROUPS = [
  ['william', 'bill', 'billy', 'will', 'willy'], ['robert', 'bob', 'bobby', 'rob'],
  ['richard', 'dick', 'rick', 'rich'], ['james', 'jim', 'jimmy'], ['michael', 'mike', 'mick'],
  ['theodore', 'ted', 'teddy', 'theo'], ['benjamin', 'ben', 'benny', 'bibi'],
  ['edward', 'ed', 'eddie', 'ted'], ['thomas', 'tom', 'tommy'], ['joseph', 'joe', 'jos'],
  ['charles', 'charlie', 'chuck'], ['elizabeth', 'liz', 'beth', 'betty', 'eliza'],
  ['margaret', 'maggie', 'meg', 'peggy'], ['katherine', 'kate', 'kathy', 'katie', 'catherine'],
  ['alexander', 'alex', 'sasha', 'aleksandr', 'alexandr', 'oleksandr'],
  ['aleksey', 'alexey', 'alexei', 'aleksei', 'alyosha', 'lyosha'],
  ['dmitry', 'dmitri', 'dmitriy', 'dima'], ['vladimir', 'volodya', 'vova', 'volodymyr'],
  ['mikhail', 'misha', 'mykhailo'], ['nikolai', 'nikolay', 'kolya', 'mykola'],
  ['sergey', 'sergei', 'serhiy', 'seryozha'], ['yevgeny', 'evgeny', 'evgeniy', 'zhenya'],
  ['ivan', 'vanya'], ['pavel', 'pasha'], ['konstantin', 'kostya'], ['yekaterina', 'katya'],
  ['anatoly', 'tolya'], ['grigory', 'grisha'], ['johann', 'hans'], ['friedrich', 'fritz'],
  ['wolfgang', 'wolf'], ['mohammed', 'muhammad', 'mohammad', 'mohamed', 'muhammed'],
  ['osama', 'usama'], ['yusuf', 'yousef', 'youssef', 'joseph'], ['ibrahim', 'ebrahim'],
]
const NICK = new Map<string, number[]>()
NICKNAME_GROUPS.forEach((g, i) => {
  for (const n of g) NICK.set(n, [...(NICK.get(n) ?? []), i])
})

/** Two forms of one given name ('Ted' and 'Theodore', 'Sasha' and 'Aleksandr'). */
export function sameGivenName(a: string, b: string): boolean {
  const ga = NICK.get(a)
  if (!ga) return false
  const gb = NICK.get(b)
  return !!gb && ga.some((g) => gb.includes(g))
}

/** Every other form of a given name ('ted' → theodore, teddy, theo, edward, …). */
export function givenNameForms(a: string): string[] {
  const out = new Set<string>()
  for (const g of NICK.get(a) ?? []) for (const n of NICKNAME_GROUPS[g]) if (n !== a) out.add(n)
  return [...out]
}
