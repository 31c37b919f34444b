// Legal forms of companies across the languages payments carry them in (English, German, French,
// Spanish, Italian, Dutch, Turkish, Russian and Ukrainian, Persian and Arabic transliterations,
// Chinese, Japanese, Korean, Nordic, Central European), as token phrases after folding and
// transliteration, each with a canonical form and the family of legal person it names. Two names
// whose forms share no family (an AG and a GmbH) name two legal persons; forms of one family (JSC and
// OAO, LLC and OOO) are one kind of company written two ways.

/** What kind of legal person a form names; 'any' forms (Company, Corp., Inc.) say nothing. */
export type LegalFamily = 'limited' | 'joint-stock' | 'partnership' | 'sole' | 'any'

// prettier-ignore
const TABLE: Array<[canonical: string, family: LegalFamily, phrases: string[]]> = [
  // private companies with limited liability
  ['ltd', 'limited', ['ltd', 'limited', 'private limited', 'private limited company', 'pvt ltd', 'pvt',
    'pte ltd', 'pte', 'pty ltd', 'pty', 'co ltd', 'co limited', 'company limited', 'limited company',
    'ltda', 'limitada', 'lda', 'hk ltd', 'youxian gongsi', 'youxiangongsi']],
  ['llc', 'limited', ['llc', 'limited liability company', 'limited liability co', 'ltd liability co',
    'ltd liability company', 'free zone llc', 'fz llc', 'fzllc', 'wll', 'with limited liability']],
  ['gmbh', 'limited', ['gmbh', 'mbh', 'gesellschaft mit beschrankter haftung', 'gesellschaft mbh', 'ug',
    'ug haftungsbeschrankt', 'unternehmergesellschaft', 'gesmbh']],
  ['ooo', 'limited', ['ooo', 'obshchestvo s ogranichennoy otvetstvennostyu',
    'obshestvo s ogranichennoy otvetstvennostyu', 'obschestvo s ogranichennoy otvetstvennostyu',
    'obshchestvo s ogranichennoi otvetstvennostiu', 'obshchestvo s ogranichennoj otvetstvennostju',
    'tov', 'tovarystvo z obmezhenoyu vidpovidalnistyu', 'tovarystvo z obmezhenoiu vidpovidalnistiu',
    'too', 'tovarishchestvo s ogranichennoy otvetstvennostyu', 'odo',
    'additional liability company', 'mchj']],
  ['sarl', 'limited', ['sarl', 'societe a responsabilite limitee', 'eurl',
    'entreprise unipersonnelle a responsabilite limitee']],
  ['srl', 'limited', ['srl', 'srls', 'societa a responsabilita limitata',
    'societatea cu raspundere limitata', 'sociedad de responsabilidad limitada', 's de rl',
    's de rl de cv', 'sociedad de responsabilidad limitada de capital variable']],
  ['sl', 'limited', ['sl', 'slu', 'sociedad limitada', 'sociedad limitada unipersonal']],
  ['bv', 'limited', ['bv', 'bvba', 'besloten vennootschap',
    'besloten vennootschap met beperkte aansprakelijkheid']],
  ['spzoo', 'limited', ['spzoo', 'sp z oo', 'spolka z oo',
    'spolka z ograniczona odpowiedzialnoscia']],
  ['sro', 'limited', ['sro', 'spol s ro', 'spolecnost s rucenim omezenym',
    'spolocnost s rucenim obmedzenym']],
  // Turkish 'Ltd. Şti.' (limited şirketi)
  ['ltdsti', 'limited', ['ltd sti', 'limited sti', 'limited sirketi', 'ltd sirketi', 'limited sirket',
    'ltd sirket', 'sti']],
  ['doo', 'limited', ['doo', 'ood', 'eood', 'oood', 'kft', 'aps', 'sdnbhd', 'sdn bhd', 'bhd', 'fze',
    'free zone establishment', 'fzco', 'free zone company', 'fzc', 'yk', 'yugen kaisha',
    'yugen gaisha', 'gk', 'godo kaisha', 'godo gaisha', 'yuhanhoesa']],
  // Persian 'ba masouliat mahdood', Arabic 'dhat mas'uliya mahduda': with limited liability
  ['llc', 'limited', ['ba masouliat mahdood', 'ba masuliat mahdud', 'ba masouliyat mahdoud',
    'dhat masuliya mahduda', 'dhat masuliyya mahduda', 'zat masouliya mahdouda',
    'youxian zeren gongsi', 'youxianzerengongsi']],
  // joint-stock companies
  ['jsc', 'joint-stock', ['jsc', 'jsco', 'joint stock company', 'joint stock co', 'ojsc',
    'open joint stock company', 'cjsc', 'closed joint stock company', 'pjsc',
    'public joint stock company', 'public joint stock co', 'private joint stock company', 'oao',
    'zao', 'pao', 'ao', 'nao', 'aktsionernoe obshchestvo', 'aktsionernoye obshchestvo',
    'aktsionernoe obshestvo', 'aktsionernoe', 'publichnoe aktsionernoe obshchestvo',
    'publichnoye aktsionernoye obshchestvo', 'zakrytoe aktsionernoe obshchestvo',
    'otkrytoe aktsionernoe obshchestvo', 'nepublichnoe aktsionernoe obshchestvo', 'pat', 'prat',
    'aktsionerne tovarystvo', 'publichne aktsionerne tovarystvo', 'pryvatne aktsionerne tovarystvo',
    'ead', 'psc', 'qsc', 'qpsc', 'bsc', 'saog', 'saoc', 'sahami khas', 'sahami am', 'sahami aam',
    'sherkat sahami khas', 'sherkat sahami am', 'musahama', 'mosahama', 'sharikat musahama',
    'musahamah', 'gufen youxian gongsi', 'gufenyouxiangongsi', 'jusikhoesa', 'jusik hoesa']],
  ['ag', 'joint-stock', ['ag', 'aktiengesellschaft', 'kgaa', 'se']],
  ['sa', 'joint-stock', ['sa', 'societe anonyme', 'sociedad anonima', 'sa de cv', 'sab de cv', 'sac',
    'sociedad anonima cerrada', 'saic', 'sau', 'sas', 'societe par actions simplifiee', 'sasu',
    'sociedade anonima']],
  ['spa', 'joint-stock', ['spa', 'societa per azioni', 'sapa']],
  ['nv', 'joint-stock', ['nv', 'naamloze vennootschap']],
  // Turkish 'A.Ş.' (anonim şirketi), Nordic AS / AB / Oy
  ['as', 'joint-stock', ['as', 'anonim sirketi', 'anonim sirket', 'asa', 'aksjeselskap',
    'aktieselskab', 'ab', 'aktiebolag', 'oy', 'oyj', 'osakeyhtio']],
  ['plc', 'joint-stock', ['plc', 'public limited company', 'public company limited', 'pcl']],
  ['kk', 'joint-stock', ['kk', 'kabushiki kaisha', 'kabushiki gaisha', 'kabushikigaisha',
    'kabushikikaisha']],
  // partnerships
  ['lp', 'partnership', ['lp', 'limited partnership']],
  ['llp', 'partnership', ['llp', 'limited liability partnership']],
  ['kg', 'partnership', ['kg', 'kommanditgesellschaft', 'ohg', 'offene handelsgesellschaft', 'gbr',
    'snc', 'societe en nom collectif', 'vof', 'cv', 'gie']],
  // sole traders and establishments
  ['est', 'sole', ['est', 'establishment', 'muassasa', 'moassesa', 'muassasat', 'chp', 'pp',
    'chastnoe predpriyatie', 'fop', 'ik', 'eirl']],
  // forms that name no family: 'company' in many languages, Corp., Inc.
  ['co', 'any', ['co', 'company', 'compagnie', 'cie', 'compania', 'compagnia', 'gongsi',
    'sherkat', 'sherkate', 'shirkat', 'sharikat', 'sharika', 'sharikah', 'shrkt', 'shrka', 'sirketi',
    'sirket', 'kaisha', 'hoesa', 'cmpy']],
  ['corp', 'any', ['corp', 'corporation', 'incorporated', 'inc']],
]

/** Legal-form phrase → canonical form. */
export const LEGAL_FORMS = new Map<string, string>()
/** Canonical form → family. */
const FAMILY = new Map<string, LegalFamily>()
for (const [canonical, family, phrases] of TABLE) {
  FAMILY.set(canonical, family)
  for (const p of phrases) if (!LEGAL_FORMS.has(p)) LEGAL_FORMS.set(p, canonical)
}

/** Longest legal-form phrase, in tokens. */
export const MAX_LEGAL_TOKENS = [...LEGAL_FORMS.keys()].reduce(
  (m, k) => Math.max(m, k.split(' ').length),
  1,
)

/** Every word of a legal-form phrase. */
export const LEGAL_WORDS = new Set([...LEGAL_FORMS.keys()].flatMap((k) => k.split(' ')))

export function legalFamily(canonical: string): LegalFamily {
  return FAMILY.get(canonical) ?? 'any'
}

/**
 * How two names' legal forms compare: 'absent' when either has none, 'same' when they share a
 * canonical form, 'compatible' when they share a family or one says nothing ('Company', 'Corp.'),
 * 'different' when each names another kind of legal person (AG and GmbH, LLC and LP).
 */
export function compareLegal(a: readonly string[], b: readonly string[]): LegalAgreement {
  if (a.length === 0 || b.length === 0) return 'absent'
  if (a.some((x) => b.includes(x))) return 'same'
  const fa = new Set(a.map(legalFamily))
  const fb = new Set(b.map(legalFamily))
  if (fa.has('any') || fb.has('any')) return 'compatible'
  for (const f of fa) if (fb.has(f)) return 'compatible'
  return 'different'
}
export type LegalAgreement = 'absent' | 'same' | 'compatible' | 'different'
