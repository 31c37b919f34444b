import { describe, it, expect } from 'vitest'
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
