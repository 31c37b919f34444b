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
    // Korean in the spelling sanctions lists use for Korean names, a word's syllables run together
    expect(normalizeName('김정은').tokens).toEqual(['kimjongun'])
    expect(normalizeName('박봉주').tokens).toEqual(['pakpongju'])
    expect(normalizeName('리영호').tokens).toEqual(['riyongho'])
    expect(normalizeName('최룡해 동지').tokens).toEqual(['choeryonghae', 'tongji'])
    expect(foldText('בנימין').trim()).toBe('vnymyn')
    expect(foldText('नरेन्द्र मोदी')).toMatch(/modi/)
    expect(normalizeName('华为技术有限公司')).toMatchObject({ legal: ['ltd'] })
    expect(normalizeName('华为股份有限公司')).toMatchObject({ tokens: ['huawei'], legal: ['jsc'] })
    // Japanese and Korean legal forms in their own script (any-ascii reads kanji as Chinese)
    expect(normalizeName('トヨタ株式会社')).toMatchObject({ tokens: ['toyota'], legal: ['kk'] })
    expect(normalizeName('삼성 주식회사').legal).toEqual(['jsc'])
    expect(normalizeName('삼성유한회사').legal).toEqual(['doo'])
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

  it('reads each legal form the issue names, in its languages and scripts', () => {
    // [as written, canonical form]: the name's own words stay, the form goes to `legal`
    const forms: Array<[string, string]> = [
      ['Limited', 'ltd'],
      ['Co., Ltd.', 'ltd'],
      ['L.L.C.', 'llc'],
      ['PLC', 'plc'],
      ['GmbH', 'gmbh'],
      ['AG', 'ag'],
      ['S.A.R.L.', 'sarl'],
      ['Société Anonyme', 'sa'],
      ['S.L.', 'sl'],
      ['Sociedad Anónima', 'sa'],
      ['S.r.l.', 'srl'],
      ['S.p.A.', 'spa'],
      ['B.V.', 'bv'],
      ['N.V.', 'nv'],
      ['LTD. ŞTİ.', 'ltdsti'],
      ['A.Ş.', 'as'],
      ['ООО', 'ooo'],
      ['OOO', 'ooo'],
      ['АО', 'jsc'],
      ['AO', 'jsc'],
      ['ПАО', 'jsc'],
      ['PAO', 'jsc'],
      ['ТОВ', 'ooo'],
      ['TOV', 'ooo'],
      ['ПАТ', 'jsc'],
      ['Sahami Khas', 'jsc'],
      ['Ba Masouliat Mahdood', 'llc'],
      ['W.L.L.', 'llc'],
      ['Dhat Masuliya Mahduda', 'llc'],
      ['有限公司', 'ltd'],
      ['股份有限公司', 'jsc'],
      ['Youxian Gongsi', 'ltd'],
    ]
    for (const [form, canonical] of forms) {
      const n = normalizeName(`Kuzey Makina ${form}`)
      expect(n.tokens, form).toEqual(['kuzey', 'makina'])
      expect(n.legal, form).toEqual([canonical])
    }
    // Russian forms written before the name, as Russian registers write them
    for (const form of ['ООО', 'АО', 'ПАО', 'ТОВ'])
      expect(normalizeName(`${form} "Кузей Макина"`).tokens, form).toEqual(['kuzey', 'makina'])
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
    // cut inside the form's last word: the form read whole, the name still shows no end
    expect(normalizeName('SETELEM BANK LIMITED LIABILITY COMP')).toMatchObject({
      tokens: ['setelem', 'bank'],
      legal: ['llc'],
      endsLegal: false,
    })
    expect(normalizeName('MELLAT BANK CLOSED JOINT-STOCK COMP')).toMatchObject({
      tokens: ['mellat', 'bank'],
      legal: ['jsc'],
    })
    // 'Comp' after words that start no form is still 'Components'
    expect(tokens('ACME TRADING COMP')).toEqual(['acme', 'trading', 'components'])
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
