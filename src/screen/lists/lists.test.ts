import { describe, it, expect } from 'vitest'
import { parseCsv } from './csv.ts'
import { detectListFormat } from './detect.ts'
import { parseFtm } from './ftm.ts'
import { parseGoodsHs, parseGoodsLexicon } from './goods.ts'
import { parseOfacSdn } from './ofac.ts'
import { parsePlainCsv } from './plain.ts'
import { parseTargetsSimple } from './targets-simple.ts'
import { BadInputError } from '../../util/errors.ts'

describe('csv reader', () => {
  it('keeps the start line of records with quoted newlines and reports an open quote', () => {
    const r = parseCsv('a,b\n"x\ny",2\n3,"4""5"\n"open,6\n')
    expect(r.records.map((x) => [x.line, x.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '2']],
      [4, ['3', '4"5']],
    ])
    expect(r.errors).toEqual([{ line: 5, message: 'unterminated quoted field' }])
  })
})

describe('lists with a header row', () => {
  it('refuse rows wider than the header (targets.simple: any other width), by line, and keep the rest', () => {
    const plain = parsePlainCsv('NAME,country\nAcme Ltd,DE\nToo Wide,DE,extra\n')
    expect(plain.entries.map((e) => e.names[0].name)).toEqual(['Acme Ltd'])
    expect(plain.errors).toEqual([{ line: 3, message: 'expected 2 fields, found 3' }])
    const targets = parseTargetsSimple('id,schema,name\n1,Company,Acme Ltd\n2,Company\n')
    expect(targets.entries.map((e) => e.id)).toEqual(['1'])
    expect(targets.errors).toEqual([{ line: 3, message: 'expected 3 fields, found 2' }])
    // a header without a name column is refused as a whole
    expect(parsePlainCsv('title,country\nAcme Ltd,DE\n').errors).toEqual([
      { line: 1, message: 'header has no name column' },
    ])
  })
})

describe('list readers', () => {
  it('OFAC sdn.csv: -0- is empty, types map to schemata, remarks and alt.csv give aliases', () => {
    const sdn = [
      '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'BNC\'."',
      '7,"DOE, John",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
      'bad row',
      '9,"EP-ABC",aircraft,"IFSR",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    ].join('\n')
    const alt = '306,1,"aka","NATIONAL BANK OF CUBA",-0- \n999,2,"aka","NOBODY",-0- '
    const r = parseOfacSdn(sdn, alt)
    expect(r.entries.map((e) => [e.id, e.schema, e.countries])).toEqual([
      ['306', 'Company', ['CU']],
      ['7', 'Person', []],
    ])
    expect(r.entries[0].names).toEqual([
      { name: 'BANCO NACIONAL DE CUBA', kind: 'name' },
      { name: 'BNC', kind: 'weakAlias' },
      { name: 'NATIONAL BANK OF CUBA', kind: 'alias' },
    ])
    expect(r.errors).toEqual([{ line: 3, message: 'expected 12 fields, found 1' }])
    expect(r.skipped).toEqual({ aircraft: 1, 'alt.csv without sdn entry': 1 })
  })

  it('FtM: keeps party schemata with every name property, counts the rest, reports bad JSON by line', () => {
    const text = [
      JSON.stringify({
        id: 'c1',
        schema: 'Company',
        caption: 'Acme',
        properties: {
          name: ['Acme'],
          alias: ['ACME Ltd'],
          weakAlias: ['AC'],
          previousName: ['Old Acme'],
          jurisdiction: ['ru'],
          topics: ['sanction', 'export.control'],
        },
      }),
      JSON.stringify({ id: 's1', schema: 'Sanction', properties: {} }),
      '{not json',
      JSON.stringify({
        id: 'v1',
        schema: 'Vessel',
        properties: { name: ['Sea Star'], flag: ['ir'] },
      }),
    ].join('\n')
    const r = parseFtm(text)
    expect(r.entries.map((e) => [e.id, e.schema, e.countries, e.topics])).toEqual([
      ['c1', 'Company', ['RU'], ['sanction', 'export.control']],
      ['v1', 'Vessel', ['IR'], []],
    ])
    expect(r.entries[0].names.map((n) => n.kind)).toEqual([
      'name',
      'alias',
      'weakAlias',
      'previousName',
    ])
    expect(r.skipped).toEqual({ Sanction: 1 })
    expect(r.errors.map((e) => e.line)).toEqual([3])
  })

  it('targets.simple.csv and plain CSV: aliases split, malformed rows reported by line', () => {
    const ts =
      'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change\n' +
      'NK-1,Company,Orion LLC,Orion Avia;ORION AVIATION,,ru;ae,,,OFAC,,,,us_ofac_sdn,,,\n' +
      'NK-2,Person,,,,,,,,,,,,,,\n' +
      'short,row\n'
    const r = parseTargetsSimple(ts)
    expect(r.entries).toHaveLength(1)
    expect(r.entries[0]).toMatchObject({
      id: 'NK-1',
      countries: ['RU', 'AE'],
      topics: ['sanction'],
    })
    expect(r.entries[0].names.map((n) => n.name)).toEqual([
      'Orion LLC',
      'Orion Avia',
      'ORION AVIATION',
    ])
    expect(r.errors.map((e) => e.line)).toEqual([3, 4])
    const p = parsePlainCsv(
      'name,aliases,country,list\nKorvet GmbH,Korvet|Korvett Handels GmbH,DE,EU\n,,,\n',
    )
    expect(p.entries[0].names.map((n) => n.name)).toEqual([
      'Korvet GmbH',
      'Korvet',
      'Korvett Handels GmbH',
    ])
    expect(p.entries[0].programs).toEqual(['EU'])
    expect(p.errors).toEqual([{ line: 3, message: 'field name is empty' }])
  })

  it('goods lists: HS prefixes digits only, lexicon terms folded, bad rows by line', () => {
    const hs = parseGoodsHs('hs_code,tier,category,description\n8542.31,1,ics,CPUs\n85x,2,,bad\n')
    expect(hs.codes).toEqual([
      { prefix: '854231', tier: '1', category: 'ics', description: 'CPUs', line: 2 },
    ])
    expect(hs.errors.map((e) => e.line)).toEqual([3])
    const lx = parseGoodsLexicon(
      'term,lang,category,tier,generic\nWälzlager,de,bearings,3.B,\nspare parts,en,generic,,true\n',
    )
    expect(lx.terms.map((t) => [t.term, t.generic])).toEqual([
      ['walzlager', false],
      ['spare parts', true],
    ])
  })

  it('detects the format from the first line, or says which formats exist', () => {
    expect(detectListFormat('{"id": "x"}', 'f')).toBe('ftm')
    expect(detectListFormat('id,schema,name,aliases,countries\n', 'f')).toBe('targets-simple')
    expect(detectListFormat('name,aliases,country,list\n', 'f')).toBe('plain-csv')
    expect(detectListFormat('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \n', 'f')).toBe('ofac-sdn')
    expect(detectListFormat('hs_code,tier,description\n', 'f')).toBe('goods-hs')
    expect(detectListFormat('term,lang,category,tier\n', 'f')).toBe('goods-lexicon')
    expect(() => detectListFormat('foo;bar\n', 'f')).toThrow(BadInputError)
  })
})
