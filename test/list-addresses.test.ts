// List entries keep their addresses where the list has them: OFAC add.csv (beside sdn.csv or given),
// FtM `address` values and the Address entities an entry names (by id or a merged referent, before
// or after the entry), targets.simple's `addresses` and a plain CSV's `address` column; they are
// stored with the list version, and the alert and account APIs give them with each hit's entry.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, withStore, type Store } from '../src/store/index.ts'
import { importList, screenWindow } from '../src/screen/index.ts'
import { parseFtm } from '../src/screen/lists/ftm.ts'
import { parseOfacSdn } from '../src/screen/lists/ofac.ts'
import { parseConfig } from '../src/config/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { RING, RING_ALERT, seed, testApp } from './server-fixture.ts'
import { sharedData } from './required.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const SDN =
  '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n' +
  '7,"DOE, John",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
const ADD =
  '306,200,"Avenida Independencia y Calle 23","Havana",Cuba,-0- \n' +
  '306,201,-0- ,-0- ,"Panama",-0- \n' +
  '7,202,-0- ,-0- ,-0- ,-0- \n' +
  '99,203,"Nowhere St 1","Atlantis","Atlantis",-0- \n'

const ZALA = sharedData('ftm/zala-entities.ftm.json')
const entriesOf = (store: Store) =>
  store.all<{ entry_id: string; addresses: string[] | null }>('fixture/list-entry-addresses')

describe('list readers keep addresses', () => {
  it('OFAC add.csv: one line per address, empty parts and rows left out, unknown entries counted', () => {
    const r = parseOfacSdn(SDN, undefined, ADD)
    expect(r.entries.find((e) => e.id === '306')?.addresses).toEqual([
      'Avenida Independencia y Calle 23, Havana, Cuba',
      'Panama',
    ])
    expect(r.entries.find((e) => e.id === '7')?.addresses).toBeUndefined()
    expect(r.skipped['add.csv without sdn entry']).toBe(1)
    const bad = parseOfacSdn(SDN, undefined, 'x,1,a\n')
    expect(bad.errors[0].message).toMatch(/^add\.csv: expected ent_num/)
  })

  it('FtM: address values and Address entities by id or referent, in any order, each once', () => {
    const lines = [
      JSON.stringify({
        id: 'co-1',
        schema: 'Company',
        caption: 'Kupol JSC',
        properties: {
          name: ['Kupol JSC'],
          address: ['222 Pesochnaya St, Izhevsk'],
          addressEntity: ['addr-a', 'NK-b', 'addr-missing'],
        },
      }),
      JSON.stringify({
        id: 'NK-a',
        schema: 'Address',
        caption: 'x',
        referents: ['addr-a'],
        properties: { full: ['222 Pesochnaya St, Izhevsk'] },
      }),
      JSON.stringify({
        id: 'NK-b',
        schema: 'Address',
        caption: 'P.O. Box 9050',
        properties: { postOfficeBox: ['P.O. Box 9050'], city: ['Izhevsk'], country: ['ru'] },
      }),
    ]
    const r = parseFtm(lines.join('\n'))
    expect(r.entries).toHaveLength(1)
    expect(r.entries[0].addresses).toEqual([
      '222 Pesochnaya St, Izhevsk',
      'P.O. Box 9050, Izhevsk, ru',
    ])
    expect(r.skipped.Address).toBe(2)
  })

  it.skipIf(!ZALA)(
    'FtM: in the OpenSanctions Zala file every entry naming a known Address entity gets its text',
    () => {
      const text = readFileSync(ZALA!, 'utf8')
      const records = text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Json)
      const fullOf = new Map<string, string>()
      for (const r of records)
        if (r.schema === 'Address' && r.properties.full?.[0])
          for (const id of [r.id, ...(r.referents ?? [])]) fullOf.set(id, r.properties.full[0])
      const byId = new Map(parseFtm(text).entries.map((e) => [e.id, e]))
      let checked = 0
      for (const r of records) {
        const e = byId.get(r.id)
        if (!e) continue
        const own: string[] = r.properties.address ?? []
        const kept = (e.addresses ?? []).map((a) => a.toLowerCase())
        for (const a of own) expect(e.addresses).toContain(a)
        for (const id of r.properties.addressEntity ?? []) {
          const full = fullOf.get(id)
          if (!full) continue
          expect(kept).toContain(full.toLowerCase())
          checked++
        }
      }
      expect(checked).toBeGreaterThan(0)
    },
  )
})

describe('importList stores addresses with the list version', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rw-addr-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('OFAC add.csv beside sdn.csv (part of the version), or given explicitly', async () => {
    await withStore(async (store) => {
      writeFileSync(join(dir, 'sdn.csv'), SDN)
      const plain = await importList(store, join(dir, 'sdn.csv'), { kind: 'sanctions' })
      writeFileSync(join(dir, 'add.csv'), ADD)
      const withAdd = await importList(store, join(dir, 'sdn.csv'), { kind: 'sanctions' })
      expect(withAdd.status).toBe('imported')
      expect(withAdd.snapshot_id).not.toBe(plain.snapshot_id)
      const rows = await entriesOf(store)
      const of = (snap: string, id: string) =>
        rows.find((r) => r.entry_id === id && (r as Json).snapshot_id === snap)?.addresses
      expect(of(plain.snapshot_id, '306')).toEqual([])
      expect(of(withAdd.snapshot_id, '306')).toEqual([
        'Avenida Independencia y Calle 23, Havana, Cuba',
        'Panama',
      ])
      rmSync(join(dir, 'add.csv'))
      writeFileSync(join(dir, 'addresses-2024.csv'), ADD)
      writeFileSync(join(dir, 'sdn.csv'), SDN + '\n')
      const given = await importList(store, join(dir, 'sdn.csv'), {
        kind: 'sanctions',
        add: join(dir, 'addresses-2024.csv'),
      })
      expect(of(given.snapshot_id, '306')).toBeUndefined() // rows read before this import
      expect(
        (await entriesOf(store)).find(
          (r) => r.entry_id === '306' && (r as Json).snapshot_id === given.snapshot_id,
        )?.addresses,
      ).toHaveLength(2)
      await expect(
        importList(store, join(dir, 'sdn.csv'), { kind: 'sanctions', add: join(dir, 'none.csv') }),
      ).rejects.toThrow(/none\.csv: no such file/)
    })
  })

  it('targets.simple addresses and a plain CSV address column', async () => {
    await withStore(async (store) => {
      writeFileSync(
        join(dir, 'targets.simple.csv'),
        'id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions\n' +
          'NK-1,Company,Kupol JSC,,,ru,"222 Pesochnaya St, Izhevsk;P.O. Box 9050, Izhevsk",,EU\n',
      )
      writeFileSync(
        join(dir, 'plain.csv'),
        'id,name,aliases,country,list,address\nP-1,Orion Avia LLC,,RU,test,"Leninsky Ave 1, Moscow"\n',
      )
      await importList(store, join(dir, 'targets.simple.csv'), { kind: 'sanctions' })
      await importList(store, join(dir, 'plain.csv'), { kind: 'sanctions' })
      const rows = await entriesOf(store)
      expect(rows.find((r) => r.entry_id === 'NK-1')?.addresses).toEqual([
        '222 Pesochnaya St, Izhevsk',
        'P.O. Box 9050, Izhevsk',
      ])
      expect(rows.find((r) => r.entry_id === 'P-1')?.addresses).toEqual(['Leninsky Ave 1, Moscow'])
    })
  })
})

describe('the alert and account APIs give each hit its entry’s addresses', () => {
  let store: Store
  let keys: Record<Role, string>
  let dir: string
  const { config } = parseConfig({})
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rw-addr-api-'))
    store = await openStore({ path: ':memory:' })
    keys = await seed(store)
    // RING[1] pays and is paid as 'Gulf Precision Trading FZE'
    const entity = {
      id: 'NK-gulf',
      schema: 'Company',
      caption: 'Gulf Precision Trading FZE',
      properties: {
        name: ['Gulf Precision Trading FZE'],
        country: ['ae'],
        topics: ['sanction'],
        address: ['Warehouse 7, Jebel Ali Free Zone, Dubai'],
        addressEntity: ['addr-1'],
      },
    }
    const address = {
      id: 'NK-addr',
      schema: 'Address',
      referents: ['addr-1'],
      properties: { full: ['P.O. Box 17000, Dubai, United Arab Emirates'] },
    }
    writeFileSync(
      join(dir, 'entities.ftm.json'),
      JSON.stringify(address) + '\n' + JSON.stringify(entity) + '\n',
    )
    await importList(store, join(dir, 'entities.ftm.json'), { kind: 'sanctions' })
    await screenWindow(store, { from: '2026-03-01', to: '2026-03-31' }, config.screen)
  }, 60_000)
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const get = async (path: string) => {
    const res = await testApp(store).request(`/api/${path}`, {
      headers: { 'X-API-Key': keys.analyst, Accept: 'application/json' },
    })
    expect(res.status).toBe(200)
    return (await res.json()) as Json
  }
  const ADDRESSES = [
    'Warehouse 7, Jebel Ali Free Zone, Dubai',
    'P.O. Box 17000, Dubai, United Arab Emirates',
  ]

  it('alert detail', async () => {
    const d = await get(`alerts/${RING_ALERT}`)
    const hit = (d.hits as Json[]).find((h) => h.entry_id === 'NK-gulf')
    expect(hit).toMatchObject({ account: RING[1], entry_addresses: ADDRESSES })
  })

  it('account panel', async () => {
    const d = await get(`accounts/${RING[1]}`)
    const hits = (d.hits as Json[]).filter((h) => h.entry_id === 'NK-gulf')
    expect(hits.map((h) => h.entry_addresses)).toEqual([ADDRESSES])
  })
})
