// Word lists for name normalisation: abbreviations, generic business words and person-name
// particles (legal forms are in legal-forms.ts).

/** Common abbreviations in company names → full word. */
// prettier-ignore
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries({
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
  // Turkish: 'San. ve Tic.' (sanayi ve ticaret: industry and trade), 'İth. İhr.' (import, export)
  tic: 'ticaret', tica: 'ticaret', ith: 'ithalat', ihr: 'ihracat',
}))

/** Countries written as initials, in any name. */
export const COUNTRY_INITIALS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    us: 'united states',
    usa: 'united states',
    uk: 'united kingdom',
    uae: 'united arab emirates',
  }),
)

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
  // trade, industry, import and export in Turkish, Persian and German company names
  'ticaret', 'sanayi', 'sanayii', 'ithalat', 'ihracat', 'insaat', 'tejarat', 'bazargani', 'sanaye',
  'sanat', 'handel', 'handels', 'commerce', 'commercial', 'comercial', 'commerciale', 'industria',
  'industrie',
])

/** Connecting words dropped everywhere. */
export const STOPWORDS = new Set(['the', 'of', 'and', 'und', 'et', 'for', 'y', 'an', 'in'])

/** Spellings of one Arabic name particle ('ibn' = 'bin', 'el-Assad' = 'al-Assad'). */
export const PARTICLE_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ibn: 'bin',
    el: 'al',
    // 'Abdul', 'Abdel' are 'Abd al-' run together ('Abdul Aziz' = 'Abd al-Aziz')
    abdul: 'abd al',
    abdel: 'abd al',
    abdol: 'abd al',
  }),
)

/** Person-name particles and honorifics: weigh little. */
// prettier-ignore
export const PARTICLES = new Set([
  'al', 'el', 'bin', 'ibn', 'bint', 'ben', 'abu', 'abd', 'abdul', 'de', 'da', 'del', 'della',
  'der', 'den', 'van', 'von', 'la', 'le', 'di', 'du', 'dos', 'das', 'mr', 'mrs', 'ms', 'dr',
  'prof', 'sir', 'haji', 'hajji', 'haj', 'hajj', 'hadji', 'sheikh', 'shaykh', 'shaikh', 'sheik',
  'cheikh', 'mv', 'mt', 'ms',
])

// prettier-ignore
const UNITS: ReadonlyMap<string, number> = new Map(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
  sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
}))
// prettier-ignore
const TENS: ReadonlyMap<string, number> = new Map(Object.entries({
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90,
}))

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
    const tens = TENS.get(t)
    if (tens !== undefined) {
      const next = tokens[i + 1]
      const unit =
        next === undefined
          ? undefined
          : (UNITS.get(next) ?? (/^\d$/.test(next) ? +next : undefined))
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(tens + unit))
        i++
      } else out.push(String(tens))
      continue
    }
    const units = UNITS.get(t)
    out.push(units !== undefined ? String(units) : t)
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
  // one given name in the languages of Europe (John, Juan, Jean, Johann, Giovanni, Ivan …)
  ['john', 'juan', 'jean', 'johann', 'johannes', 'giovanni', 'joao', 'ivan', 'ioannis', 'jan'],
  ['peter', 'pyotr', 'petr', 'piotr', 'pierre', 'pedro', 'pietro', 'petro', 'petros'],
  ['paul', 'pavel', 'pablo', 'paolo', 'pavlo', 'pawel'],
  ['michael', 'mikhail', 'miguel', 'michel', 'michele', 'mykhailo', 'mikael', 'michal'],
  ['joseph', 'josef', 'jose', 'giuseppe', 'iosif', 'jozef', 'yosef'],
  ['nicholas', 'nikolai', 'nikolay', 'nicolas', 'nicola', 'mykola', 'niklas', 'mikolaj'],
  ['stephen', 'steven', 'stepan', 'esteban', 'stefano', 'stephane', 'stefan', 'stepan'],
  ['andrew', 'andrei', 'andrey', 'andres', 'andrea', 'andre', 'andriy', 'andrzej', 'andreas'],
  ['george', 'georgy', 'georgiy', 'jorge', 'giorgio', 'georges', 'georg', 'georgios', 'jerzy'],
]
const NICK = new Map<string, number[]>()
NICKNAME_GROUPS.forEach((g, i) => {
  for (const n of g) NICK.set(n, [...(NICK.get(n) ?? []), i])
})

/** A given name with other forms ('Ted': Theodore, Edward …). */
export function hasGivenNameForms(a: string): boolean {
  return NICK.has(a)
}

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
