// The JSON API through app.request(): queue paging and filters, alert detail and graph, accounts,
// ego network (JSON and Arrow IPC), search, runs, users, and the error presentation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RecordBatchReader } from 'apache-arrow'
import { openStore, type Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { ARROW_STREAM } from '../src/server/index.ts'
import { HUB, RING, RING_ALERT, seed, testApp } from './server-fixture.ts'

let store: Store
let keys: Record<Role, string>
let app: ReturnType<typeof testApp>
let sqlApp: ReturnType<typeof testApp>
const logged: string[] = []

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  app = testApp(store, {
    logger: { info() {}, warn() {}, error: (m, c) => logged.push(m + JSON.stringify(c)) },
  })
  sqlApp = testApp(store, { queueIndex: false, networkIndex: false })
})
afterAll(async () => store.close())

let useSql = false
const get = (path: string, role: Role = 'analyst', headers: Record<string, string> = {}) =>
  (useSql ? sqlApp : app).request(path, { headers: { 'X-API-Key': keys[role], ...headers } })

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each([
  ['in memory', false],
  ['with SQL', true],
])('alert queue (%s)', (_name, sql) => {
  beforeAll(() => {
    useSql = sql
  })
  afterAll(() => {
    useSql = false
  })

  it('lists by score, highest first, and pages with a keyset cursor without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let scores: number[] = []
    do {
      const res = await get(`/api/alerts?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as Json
      expect(body.total).toBe(13)
      seen.push(...body.alerts.map((a: Json) => a.id))
      scores = scores.concat(body.alerts.map((a: Json) => a.score))
      cursor = body.next_cursor
    } while (cursor)
    expect(seen).toHaveLength(13)
    expect(new Set(seen).size).toBe(13)
    expect(seen[0]).toBe(RING_ALERT)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('sorts ascending by first_ts', async () => {
    const body = (await (await get('/api/alerts?sort=first_ts&order=asc&limit=50')).json()) as Json
    const ts = body.alerts.map((a: Json) => a.first_ts)
    expect(ts).toEqual([...ts].sort())
  })

  it('filters by status, typology, score range, assignee, dates and text', async () => {
    const ids = async (q: string) =>
      ((await (await get(`/api/alerts?${q}`)).json()) as Json).alerts.map((a: Json) => a.id)
    expect(await ids('status=in_review')).toEqual(['A-000000000103'])
    expect(await ids('assignee=ana')).toEqual(['A-000000000103'])
    expect(await ids('typology=cycle')).toEqual([RING_ALERT])
    expect((await ids('typology=fan_in,fan_out')).length).toBe(6)
    expect((await ids('score_min=70&score_max=80')).sort()).toEqual([
      'A-00000000010a',
      'A-00000000010b',
      'A-00000000010c',
    ])
    expect(await ids('q=Dubai')).toEqual(['A-000000000105'])
    expect(await ids(`q=${RING[2]}`)).toEqual([RING_ALERT])
    expect((await ids('from=2026-03-12&to=2026-03-31')).sort()).toEqual([
      'A-00000000010a',
      'A-00000000010b',
      'A-00000000010c',
    ])
  })

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const q of [
      'status=open',
      'score_min=-1', // scores are not capped at 100 (a score above it is a real score), but never below 0
      'sort=name',
      'limit=0',
      'cursor=zzz',
      'bogus=1',
    ]) {
      const res = await get(`/api/alerts?${q}`)
      expect(res.status, q).toBe(400)
      const body = (await res.json()) as Json
      expect(body.error.code).toBe('BadInputError')
    }
  })
})

describe('alert detail and graph', () => {
  it('returns the alert with its transfers in hop order, parties and allowed actions', async () => {
    const res = await get(`/api/alerts/${RING_ALERT}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body.alert.reasons[0].text).toContain('cycle')
    expect(body.transfers.map((t: Json) => t.tx_id)).toEqual(['T-R1', 'T-R2', 'T-R3', 'T-R4'])
    expect(body.transfers.map((t: Json) => t.hop)).toEqual([1, 2, 3, 4])
    expect(body.transfers[0].amount).toBe('100000.00')
    expect(body.parties.map((p: Json) => p.account).sort()).toEqual([...RING].sort())
    expect(body.parties.find((p: Json) => p.account === RING[1]).country).toBe('AE')
    expect(body.parties[0].community).toBe(7)
    expect(body.hits.map((h: Json) => h.account)).toEqual([RING[1]])
    expect(body.goods.map((g: Json) => [g.tx_id, g.category])).toEqual([['T-R1', 'machine_tools']])
    expect(body.allowed_actions).toContain('propose')
    expect(body.allowed_actions).not.toContain('approve')
  })

  it('404s an unknown alert and 400s a malformed id', async () => {
    expect((await get('/api/alerts/A-ffff')).status).toBe(404)
    expect((await get('/api/alerts/robert')).status).toBe(400)
  })

  it.each([
    ['in memory', false],
    ['with SQL', true],
  ])(
    'serves the subgraph: the ring as ordered pattern edges plus context (%s)',
    async (_n, sql) => {
      useSql = sql
      const g = (await (await get(`/api/alerts/${RING_ALERT}/graph`)).json()) as Json
      useSql = false
      const ring = g.edges.filter((e: Json) => e.in_pattern)
      expect(ring.map((e: Json) => e.order)).toEqual([1, 2, 3, 4])
      expect(ring[3].target).toBe(RING[0])
      // context: the other transfer among the ring's accounts, and the one-hop context within 7 days
      // of the ring's span: the hub's 5,000 EUR into RING[0] (03-11); the hub's own senders are 2 hops
      expect(g.edges.filter((e: Json) => !e.in_pattern).map((e: Json) => e.id)).toEqual([
        'T-CTX',
        `${HUB}>${RING[0]}>EUR`,
      ])
      const hubEdge = g.edges.find((e: Json) => e.source === HUB)
      expect([hubEdge.amount, hubEdge.currency, hubEdge.count]).toEqual(['5000.00', 'EUR', 1])
      const hub = g.nodes.find((n: Json) => n.id === HUB)
      expect([hub.focus, hub.hop, hub.name]).toEqual([false, 1, 'Hub Holdings BV'])
      expect(g.nodes).toHaveLength(5)
      expect(g.meta).toMatchObject({ typology: 'cycle', context_limit: 5, context_days: 7 })
      expect(g.nodes.filter((n: Json) => n.focus)).toHaveLength(4)
      expect(g.nodes.find((n: Json) => n.id === RING[3]).country).toBe('CN')
      expect(g.nodes.find((n: Json) => n.id === RING[1]).hit_score).toBeCloseTo(0.93)
      expect(ring[0].goods).toBe('machine_tools')
      expect(g.nodes.find((n: Json) => n.id === RING[0]).community).toBe(7)
    },
  )
})

describe.each([
  ['in memory', false],
  ['with SQL', true],
])('accounts, network, search (%s)', (_name, sql) => {
  beforeAll(() => {
    useSql = sql
  })
  afterAll(() => {
    useSql = false
  })

  it('profiles an account', async () => {
    const body = (await (await get(`/api/accounts/${RING[0]}`, 'fiu_viewer')).json()) as Json
    expect(body.summary.tx_out).toBe(2)
    expect(body.summary.tx_in).toBe(2)
    expect(body.summary.amount_in).toBe('95000.00')
    expect(body.amounts).toEqual([
      { dir: 'in', currency: 'EUR', n: 2, amount: '95000.00' },
      { dir: 'out', currency: 'EUR', n: 2, amount: '100500.00' },
    ])
    expect(body.community).toBe(7)
    expect(body.alerts.map((a: Json) => a.id)).toEqual([RING_ALERT])
    expect(body.counterparties[0].account).toBe(RING[1])
    expect((await get('/api/accounts/NOSUCH', 'fiu_viewer')).status).toBe(404)
  })

  it('caps an ego network per node and counts the rest', async () => {
    const g = (await (
      await get(`/api/network?account=${HUB}&hops=1&limit=10`, 'fiu_viewer')
    ).json()) as Json
    expect(g.nodes).toHaveLength(11)
    const hub = g.nodes.find((n: Json) => n.id === HUB)
    expect(hub.more).toBe(21)
    expect(hub.expanded).toBe(true)
    // top counterparties by amount: the ring account (5000) and the 2,900 … 2,100 senders
    expect(g.edges.some((e: Json) => e.source === HUB && e.target === RING[0])).toBe(true)
    expect(g.edges.some((e: Json) => e.source === 'FRCP00000000000001')).toBe(false)
  })

  it('walks two hops and filters by date and amount', async () => {
    const g = (await (
      await get(`/api/network?account=${RING[2]}&hops=2&limit=50`, 'fiu_viewer')
    ).json()) as Json
    const ids = g.nodes.map((n: Json) => n.id)
    expect(ids).toContain(HUB) // RING[2] ← RING[0]/RING[1] … RING[0] ← HUB
    expect(g.nodes.find((n: Json) => n.id === HUB).hop).toBe(2)
    const f = (await (
      await get(`/api/network?account=${RING[2]}&hops=1&min_amount=1000`, 'fiu_viewer')
    ).json()) as Json
    expect(f.edges.some((e: Json) => e.id === `${RING[0]}>${RING[2]}>EUR`)).toBe(false) // the 500.00 one
    expect(g.edges.some((e: Json) => e.id === `${RING[0]}>${RING[2]}>EUR`)).toBe(true)
    expect(g.edges.every((e: Json) => e.currency === 'EUR')).toBe(true)
    const d = (await (
      await get(`/api/network?account=${RING[2]}&hops=1&from=2026-03-04`, 'fiu_viewer')
    ).json()) as Json
    expect(d.nodes.map((n: Json) => n.id).sort()).toEqual([RING[2], RING[3]].sort())
  })

  it('says which filter left the account without a link', async () => {
    const ask = async (q: string) =>
      (
        (await (
          await get(`/api/network?account=${RING[2]}&hops=1${q}`, 'fiu_viewer')
        ).json()) as Json
      ).meta
    // RING[2] has 3 transfers: 96,000 in (03-03), 93,000 out (03-04), 500 in (03-01)
    expect(await ask('&from=2026-04-01')).toMatchObject({
      unfiltered_transfers: 3,
      emptied_by: ['dates'],
    })
    expect(await ask('&min_amount=200000')).toMatchObject({ emptied_by: ['amounts'] })
    // each alone leaves some (the 500 on 03-01; the large ones after 03-02): only both empty it
    expect(await ask('&to=2026-03-02&min_amount=1000')).toMatchObject({
      emptied_by: ['dates', 'amounts'],
    })
    // dropping either filter alone still leaves none: both are named
    expect(await ask('&from=2026-04-01&min_amount=200000')).toMatchObject({
      emptied_by: ['dates', 'amounts'],
    })
    expect(await ask('&from=2026-03-04')).not.toHaveProperty('emptied_by')
  })

  it('serves the network as two Arrow IPC streams when asked', async () => {
    const res = await get(`/api/network?account=${HUB}&hops=1&limit=5`, 'fiu_viewer', {
      Accept: ARROW_STREAM,
    })
    expect(res.headers.get('content-type')).toBe(ARROW_STREAM)
    const bytes = new Uint8Array(await res.arrayBuffer())
    // Two IPC streams back to back: each reader must be drained before the next is read.
    const tables: Json[][] = []
    for (const reader of RecordBatchReader.readAll(bytes))
      tables.push([...reader].flatMap((b) => b.toArray().map((r: Json) => r.toJSON())))
    expect(tables).toHaveLength(2)
    const [nodes, edges] = tables
    expect(nodes.map((n) => n.id)).toContain(HUB)
    expect(nodes.find((n) => n.id === HUB)?.more).toBe(26)
    expect(edges).toHaveLength(5)
  })

  it('searches accounts by prefix and name, transfers and alerts by id', async () => {
    const s = (await (await get('/api/search?q=Gulf', 'fiu_viewer')).json()) as Json
    expect(s.accounts.map((a: Json) => a.account)).toEqual([RING[1]])
    const t = (await (await get('/api/search?q=T-R3', 'fiu_viewer')).json()) as Json
    expect(t.transfers[0].debtor_account).toBe(RING[2])
    const a = (await (await get(`/api/search?q=${RING_ALERT}`, 'fiu_viewer')).json()) as Json
    expect(a.alerts.map((x: Json) => x.id)).toEqual([RING_ALERT])
    expect((await get('/api/search?q=x', 'fiu_viewer')).status).toBe(400)
  })
})

describe('runs', () => {
  it('reports runs, files, quarantine and per-day series', async () => {
    const body = (await (await get('/api/runs', 'supervisor')).json()) as Json
    expect(body.runs.map((r: Json) => r.run_id)).toEqual(['run-scan-1', 'run-ingest-1'])
    expect(body.runs[0].duration_ms).toBe(9000)
    expect(body.quarantine).toEqual([
      { reason_code: 'bad_iban', n: 2, files: 1 },
      { reason_code: 'bad_amount', n: 1, files: 1 },
    ])
    expect(body.transfers_per_day.find((d: Json) => d.day === '2026-03-10').n).toBe(30)
    expect(body.alerts_per_day.find((d: Json) => d.typology === 'cycle').day).toBe('2026-03-02')
    expect(body.files[0].rows_quarantined).toBe(3)
  })
})
