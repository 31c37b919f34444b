// Imports the real OFAC SDN list and OpenSanctions FtM entities from ../shared/data and checks that
// listed parties are found under realistic variants of their names, and look-alikes are not.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import { importList, loadNameIndex, type NameIndex } from '../src/screen/index.ts'
import { sharedFiles } from './required.ts'

const [sdn, ftm] = sharedFiles('screen-real-lists', ['sdn/sdn.csv', 'ftm/zala-entities.ftm.json'])

describe.skipIf(!sdn || !ftm)('screening against the real lists', () => {
  let store: Store
  let index: NameIndex
  beforeAll(async () => {
    store = await openStore({ path: ':memory:' })
    const a = await importList(store, sdn!, { kind: 'sanctions' })
    expect(a).toMatchObject({ format: 'ofac-sdn', status: 'imported', bad_rows: 0 })
    expect(a.entries).toBeGreaterThan(14_000)
    expect(a.skipped.aircraft).toBeGreaterThan(0)
    const b = await importList(store, ftm!, { kind: 'sanctions' })
    expect(b).toMatchObject({ format: 'ftm', entries: 17 })
    expect(b.skipped).toMatchObject({ Sanction: 41, Address: 11, Ownership: 14 })
    index = (await loadNameIndex(store)).index
  })
  afterAll(() => store?.close())

  const found = (name: string, id: string) =>
    index.match(name, { threshold: 0.82 }).some((h) => h.entry.id === id)

  it.each([
    ['Korea Mining Development Trading Corp.', '9345'],
    ['KOREA MINNING DEVELOPMENT TRDG CORPORATION', '9345'],
    ['Banco Nacional de Cuba S.A.', '306'],
    ['Mahan Air Co Ltd', '12927'],
    ['Kalashnikov Concern JSC', 'NK-nR5AXM9AVPq4pQaSPSaVam'],
    ['АО Концерн Калашников', 'NK-nR5AXM9AVPq4pQaSPSaVam'],
    ['OOO Aeroskan', 'NK-iE6m5ryPeTAMZozfECVSL7'],
    ['ООО Аэроскан', 'NK-iE6m5ryPeTAMZozfECVSL7'],
    ['Unmanned Systems LLC', 'NK-cWSvGMvufNH5KwEV88FwTA'],
    ['Maria Osetrova', 'NK-2Tbri3s6GgNtAwsSXh4qpL'],
    ['Захарова Мария', 'NK-2Tbri3s6GgNtAwsSXh4qpL'],
    ['Zakharov Nikita', 'NK-JseaPJctnK9o8wrmz8xmoT'],
  ])('finds %s as entry %s', (name, id) => {
    expect(found(name, id)).toBe(true)
  })

  it('does not match look-alikes that share only generic words', () => {
    expect(found('Korea Trading Corporation', '9345')).toBe(false)
    expect(found('Mahan Logistics GmbH', '12927')).toBe(false)
    expect(index.match('Global Trading LLC', { threshold: 0.82 })).toEqual([])
  })

  it('explains a hit: entry, name or alias, tokens', () => {
    const hits = index.match('Kalashnikov Concern JSC', { threshold: 0.82 })
    const hit = hits.find((h) => h.entry.id === 'NK-nR5AXM9AVPq4pQaSPSaVam')!
    expect(hit.entry.caption).toBe('JSC Kalashnikov Concern')
    expect(hit.entry.topics).toEqual(expect.arrayContaining(['sanction', 'export.control']))
    expect(hits.some((h) => h.entry.snapshotId !== hit.entry.snapshotId)).toBe(true) // OFAC lists it too
    expect(hit.pairs.map((p) => p.a).sort()).toEqual(['concern', 'kalashnikov'])
  })
})
