// What the queue rows show (party names, countries, goods, the strongest hit) and how the queue is
// searched (party names without accents or case, accounts with spaces, list entries, reason text),
// the same from the in-memory queue and from SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { AlertQueuePage } from '../src/schema/queue.ts'
import { alert, FILE_ID, RING_ALERT, seed, testApp } from './server-fixture.ts'

let store: Store
let keys: Record<Role, string>
const IBAN = 'DE89370400440532013000'
const IBAN_AE = 'AE070331234567890123456'
const SALEH_1 = 'A-5a1e00000001'
const SALEH_2 = 'A-5a1e00000002'
const OTHER = 'A-5a1e00000003'

async function pay(tx: string, from: string, fromName: string, to: string, toName: string) {
  await store.run('fixture/insert-payment', {
    tx_id: tx,
    ts: '2026-03-20T10:00:00Z',
    amount: '5000.00',
    currency: 'EUR',
    debtor_account: from,
    debtor_name: fromName,
    debtor_country: from.slice(0, 2),
    creditor_account: to,
    creditor_name: toName,
    creditor_country: to.slice(0, 2),
    purpose: 'parts',
    hs_code: tx === 'T-S1' ? '8542.31' : null,
    file_id: FILE_ID,
    source_row: 1000 + Number(tx.slice(3)),
  })
}

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  await pay('T-S1', IBAN, 'Ahméd SALEH', IBAN_AE, 'Nour Trading LLC')
  await pay('T-S2', 'TR330006100519786457841326', 'AHMED  saleh', 'CN1200000000000042', 'Wei Ltd')
  await pay(
    'T-S3',
    'FR7630006000011234567890189',
    'Maison Dupont',
    'NL91ABNA0417164300',
    'Jansen BV',
  )
  const mk = async (id: string, tx: string, accounts: string[], reason: string) => {
    await alert(store, {
      id,
      typology: 'sanctions',
      score: 61,
      status: 'new',
      accounts,
      first: '2026-03-20T10:00:00Z',
      last: '2026-03-20T10:00:00Z',
      amount: '5000.00',
      created: '2026-03-21T00:00:00Z',
      reason,
    })
    await store.run('fixture/insert-alert-transfer', {
      alert_id: id,
      tx_id: tx,
      run_id: 'run-scan-1',
    })
  }
  await mk(SALEH_1, 'T-S1', [IBAN, IBAN_AE], 'party on a watch list')
  await mk(SALEH_2, 'T-S2', ['TR330006100519786457841326', 'CN1200000000000042'], 'new route')
  await mk(OTHER, 'T-S3', ['FR7630006000011234567890189', 'NL91ABNA0417164300'], 'new route')
  // a listed entity whose names differ from the payment's
  await store.run('fixture/insert-listed-hit', {
    account: IBAN,
    name: 'Ahméd SALEH',
    entry_id: 'OFAC-36102',
    snapshot_id: 'L-ofac',
    score: 0.97,
    list_source: 'sdn.csv',
    schema: 'Person',
    caption: 'SALIH, Ahmad Muhammad',
    matched_name: 'Ahmad Salih',
    at: '2026-03-21',
    hit_id: 'H-s1',
    name_kind: 'alias',
  })
  for (const [name, name_kind] of [
    ['SALIH, Ahmad Muhammad', 'name'],
    ['Abu Ahmad al-Iraqi', 'alias'],
  ])
    await store.run('fixture/insert-list-name', {
      snapshot_id: 'L-ofac',
      entry_id: 'OFAC-36102',
      name,
      name_kind,
    })
  // the goods categories of an active goods list: 8542 is integrated circuits, 8457 machine tools
  await store.run('fixture/insert-snapshot', {
    snapshot_id: 'L-goods',
    kind: 'goods',
    format: 'goods-categories',
    source: 'goods-categories.csv',
    entries: 2,
  })
  for (const [category, label, prefix] of [
    ['integrated-circuits', 'integrated circuits and semiconductors', '8542'],
    ['machine-tools', 'machine tools', '84'],
    ['machine-tools', 'machining centres', '8457'],
  ])
    await store.run('fixture/insert-goods-category-code', {
      snapshot_id: 'L-goods',
      category,
      kind: 'controlled',
      label,
      prefix,
    })
})
afterAll(async () => store.close())

const apps = () =>
  [
    ['memory', testApp(store)],
    ['sql', testApp(store, { queueIndex: false })],
  ] as const

async function list(app: ReturnType<typeof testApp>, query: string) {
  const res = await app.request(`/api/alerts?${query}`, {
    headers: { 'X-API-Key': keys.analyst },
  })
  expect(res.status).toBe(200)
  return AlertQueuePage.parse(await res.json())
}
const idsFor = async (app: ReturnType<typeof testApp>, q: string) =>
  (await list(app, `q=${encodeURIComponent(q)}&limit=500`)).alerts.map((a) => a.id).sort()

describe('queue rows', () => {
  it('show party names (a few, with the count), countries, goods categories and the hit', async () => {
    for (const [name, app] of apps()) {
      const page = await list(app, 'limit=500')
      const ring = page.alerts.find((a) => a.id === RING_ALERT)!
      // the listed party first, then alphabetical
      expect(ring.parties, name).toEqual([
        'Gulf Precision Trading FZE',
        'Anatolia Makine Ltd',
        'Rheinmetall Handels GmbH',
      ])
      expect(ring.party_count, name).toBe(4)
      expect(ring.countries, name).toEqual(['AE', 'CN', 'DE', 'TR'])
      // HS 8457 on T-R1: the longest matching prefix of the goods list wins
      expect(ring.goods, name).toEqual(['machining centres'])
      expect(ring.hit_score, name).toBe(0.93)
      const saleh = page.alerts.find((a) => a.id === SALEH_1)!
      expect(saleh.parties, name).toEqual(['Ahméd SALEH', 'Nour Trading LLC'])
      expect(saleh.party_count, name).toBe(2)
      expect(saleh.goods, name).toEqual(['integrated circuits and semiconductors'])
      const other = page.alerts.find((a) => a.id === OTHER)!
      expect(other.goods, name).toEqual([])
      expect(other.hit_score, name).toBeNull()
    }
  })

  it('name a code no goods list covers by its heading', async () => {
    const goodsList = (active: boolean) =>
      store.run('fixture/snapshot-set-active', { snapshot_id: 'L-goods', active })
    await goodsList(false)
    try {
      const app = testApp(store, { queueIndex: false })
      const ring = (await list(app, 'limit=500')).alerts.find((a) => a.id === RING_ALERT)!
      expect(ring.goods).toEqual(['HS 8457'])
    } finally {
      await goodsList(true)
    }
  })
})

describe('queue search', () => {
  it('finds a party by name whatever the accents, case and spaces', async () => {
    for (const [name, app] of apps()) {
      const want = [SALEH_1, SALEH_2]
      for (const q of ['ahmed saleh', 'Ahméd SALEH', '  AHMED   Saleh ', 'SALÉH'])
        expect(await idsFor(app, q), `${name}: ${q}`).toEqual(want)
      expect(await idsFor(app, 'nour trading'), name).toEqual([SALEH_1])
      expect(await idsFor(app, 'ahmed salehx'), name).toEqual([])
    }
  })

  it('finds an account typed with or without spaces, whole or in part', async () => {
    for (const [name, app] of apps()) {
      for (const q of [IBAN, 'DE89 3704 0044 0532 0130 00', 'de89 3704', '0532-0130'])
        expect(await idsFor(app, q), `${name}: ${q}`).toEqual([SALEH_1])
    }
  })

  it('finds a watch-list entry by its id or a listed name', async () => {
    for (const [name, app] of apps()) {
      expect(await idsFor(app, 'ofac-36102'), name).toEqual([SALEH_1])
      expect(await idsFor(app, 'Ahmad Muhammad'), name).toEqual([SALEH_1])
      // any name the list gives the entry, not only the one that matched
      expect(await idsFor(app, 'abu ahmad al-iraqi'), name).toEqual([SALEH_1])
      expect(await idsFor(app, 'os-123'), name).toEqual([RING_ALERT])
    }
  })

  it("searches the reasons' text, not the JSON around it", async () => {
    for (const [name, app] of apps()) {
      expect(await idsFor(app, 'closed in 4.1'), name).toEqual([RING_ALERT])
      expect(await idsFor(app, 'watch list'), name).toEqual([SALEH_1])
      expect(await idsFor(app, 'weight'), name).toEqual([])
    }
  })

  it('combines the search with filters and counts what it finds', async () => {
    for (const [name, app] of apps()) {
      const page = await list(app, 'q=saleh&typology=sanctions&sort=score&limit=1')
      expect(page.total, name).toBe(2)
      expect(page.alerts, name).toHaveLength(1)
      expect(page.next_cursor, name).not.toBeNull()
      const rest = await list(
        app,
        `q=saleh&typology=sanctions&sort=score&limit=1&cursor=${page.next_cursor}`,
      )
      expect([page.alerts[0].id, rest.alerts[0].id].sort(), name).toEqual([SALEH_1, SALEH_2])
      expect((await list(app, 'q=saleh&status=closed_benign')).total, name).toBe(0)
    }
  })
})
