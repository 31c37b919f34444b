import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { normalizeName, foldText } from './normalize.ts'
import { transliterate } from './translit.ts'

const tokens = (s: string) => normalizeName(s).tokens

describe('normalizeName', () => {
  it('drops legal forms in many spellings and keeps them apart', () => {
    expect(normalizeName('Alpha Trading GmbH')).toMatchObject({
      tokens: ['alpha', 'trading'],
      legal: ['gmbh'],
    })
    expect(tokens('Alpha Trading L.L.C.')).toEqual(['alpha', 'trading'])
    expect(tokens('FABERLIC EUROPE Sp. z o.o.')).toEqual(['faberlic', 'europe'])
    expect(tokens('Nanshan Group Co., Ltd.')).toEqual(['nanshan', 'group'])
    expect(tokens('Kuzey Makina A.S.')).toEqual(['kuzey', 'makina'])
    expect(tokens('LIMITED LIABILITY COMPANY ISKUSSTVO KRASOTY')).toEqual(['iskusstvo', 'krasoty'])
    expect(tokens('Orion FZCO')).toEqual(['orion'])
    expect(normalizeName('ООО "Ромашка"').legal).toEqual(['ooo'])
    expect(tokens('PAO Severstal')).toEqual(['severstal'])
    expect(tokens('JOINT STOCK CMOPANY NEVSKY ZAVOD')).toEqual(['nevsky', 'zavod'])
  })

  it('expands common abbreviations', () => {
    expect(tokens('Delta Intl Trdg Co')).toEqual(['delta', 'international', 'trading'])
    expect(tokens('Sigma Tech Mfg Corp')).toEqual(['sigma', 'technology', 'manufacturing'])
  })

  it('keeps words that are names of JavaScript object properties as words', () => {
    // word tables are looked up as maps: 'constructor' once read Object's constructor function
    expect(tokens('Constructor Trading LLC')).toEqual(['constructor', 'trading'])
    expect(tokens('Twenty Constructor')).toEqual(['20', 'constructor'])
  })

  it('folds case, diacritics, punctuation, initialisms and number words', () => {
    expect(tokens('François  Hollande')).toEqual(['francois', 'hollande'])
    expect(tokens('A.B.C. Company')).toEqual(['abc'])
    expect(tokens('Brigade Forty-Four')).toEqual(['brigade', '44'])
    expect(tokens('1st International Bank')).toEqual(tokens('First International Bank'))
    expect(tokens('Standard & Poor’s')).toEqual(['standard', 'poors'])
    expect(tokens('Ig0r Sech1n')).toEqual(['igor', 'sechin'])
  })

  it('transliterates Cyrillic, Greek and Arabic to Latin', () => {
    expect(foldText('Мария Осетрова')).toBe('mariya osetrova')
    expect(foldText('Αλέξης Τσίπρας')).toBe('alexis tsipras')
    expect(transliterate('محمد')).toBe('mhmd')
    expect(tokens('Захарова Мария')).toEqual(['zakharova', 'mariya'])
  })
})

describe('normalizeName: every script, legal forms across languages, typos inside them', () => {
  it('transliterates Chinese, Japanese, Korean, Georgian, Armenian, Hebrew and Devanagari', () => {
    expect(foldText('Բարակ Օբամա').trim().split(/\s+/)).toEqual(['barak', 'obama'])
    expect(foldText('ბარაკ ობამა')).toMatch(/barak.*obama/)
    expect(foldText('バラク・オバマ')).toMatch(/baraku.*obama/)
    expect(normalizeName('习近平').compact).toBe(normalizeName('Xi Jinping').compact)
    expect(foldText('김정은').trim()).toBe('gimjeongeun')
    expect(foldText('בנימין').trim()).toBe('vnymyn')
    expect(foldText('नरेन्द्र मोदी')).toMatch(/modi/)
    expect(normalizeName('华为技术有限公司')).toMatchObject({ legal: ['ltd'] })
  })

  it('reads the legal forms of many languages as one family', () => {
    const core = ['kuzey', 'ticaret']
    for (const n of [
      'KUZEY TICARET LTD. ŞTİ.',
      'Kuzey Ticaret Limited Şirketi',
      'Kuzey Tic. Ltd. Şti.',
      'KUZEY TICARET GMBH',
      'Kuzey Ticaret Gesellschaft mit beschränkter Haftung',
      'KUZEY TICARET S.A.R.L.',
      'Kuzey Ticaret Sociedad Limitada',
      'Kuzey Ticaret S.r.l.',
      'Kuzey Ticaret B.V.',
      'Kuzey Ticaret Co., Ltd.',
      'Kuzey Ticaret Ba Masouliat Mahdood',
      'Sherkat-e Kuzey Ticaret',
    ])
      expect(normalizeName(n).tokens, n).toEqual(core)
    expect(normalizeName('ООО Кузей').legal).toEqual(['ooo'])
    expect(normalizeName('ТОВ Кузей').legal).toEqual(['ooo'])
    expect(normalizeName('Kuzey A.Ş.').legal).toEqual(['as'])
    expect(normalizeName('Kuzey Sahami Khas').legal).toEqual(['jsc'])
  })

  it('forgives typos inside a legal form, not in the words beside it', () => {
    expect(tokens('JOINT STOCK COANY NEVSKY ZAVOD')).toEqual(['nevsky', 'zavod'])
    expect(normalizeName('ABC PTE. TD.').legal).toEqual(['ltd'])
    expect(tokens('TACTICAL MISSILES CORPORATION JOYNT STOCK COMPANY')).toEqual([
      'tactical',
      'missiles',
    ])
    expect(tokens('Orion Trading Comapny')).toEqual(['orion', 'trading'])
    // a surname one edit from a short form stays a surname
    expect(tokens('Bassirou Diomaye Sarr')).toEqual(['bassirou', 'diomaye', 'sarr'])
    expect(tokens('MAHMOOD, Sultan')).toEqual(['mahmood', 'sultan'])
    expect(tokens('ARASH SHIPPING ENTERPRISES LIMITED')).toContain('enterprises')
  })

  it('tells a name ending with a legal form from one cut inside it', () => {
    expect(normalizeName('NORDSTRAND MARITIME AND TRADING LTD').endsLegal).toBe(true)
    const cut = normalizeName('NORDSTRAND MARITIME AND TRADING COM')
    expect(cut).toMatchObject({ endsLegal: false, cutCompact: 'nordstrandmaritimetrading' })
    expect(normalizeName('VTB REGISTRAR CLOSED JOINT STOCK CO').endsLegal).toBe(false)
    expect(normalizeName('MAHMOOD, Sultan Bashir').spoken).toBe('sultanbashirmahmood')
  })
})

describe('normalizeName: the plain path', () => {
  it('reads a name of plain letters, digits and spaces as the full path does', () => {
    // a trailing tab sends a name down the full path (folding, every rewrite) and changes nothing
    const word = fc.oneof(
      fc.stringMatching(/^[a-z0-9]{1,9}$/),
      fc.constantFrom('llc', 'ltd', 'co', 'company', 'limited', 'trading', 'joint', 'stock', 'and'),
      fc.constantFrom('ooo', 'gmbh', 'intl', 'forty', 'four', 'coany', 'limted', 'al', 'bin'),
    )
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 7 }), fc.boolean(), (ws, upper) => {
        const name = upper ? ws.join(' ').toUpperCase() : ws.join('  ')
        expect(normalizeName(name)).toEqual(normalizeName(name + '\t'))
      }),
      { numRuns: 1000 },
    )
  })
})
