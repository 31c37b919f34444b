// The in-memory alert queue answers exactly as the SQL queue does: same pages, same order, same
// cursors, same totals, for random filters and sorts over random alerts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openStore, type Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { alert, HUB, RING, seed, testApp } from './server-fixture.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let store: Store
let keys: Record<Role, string>
const TYP = ['cycle', 'layering', 'fan_in', 'structuring']
const ST = ['new', 'in_review', 'escalated', 'closed_benign']

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  // 150 more alerts with many ties in score and dates, so that paging crosses equal keys.
  for (let i = 0; i < 150; i++)
    await alert(store, {
      id: `A-ff${i.toString(16).padStart(4, '0')}`,
      typology: TYP[i % 4],
      score: 40 + (i % 7) * 5,
      status: ST[i % 4],
      accounts: [`ACC${i % 9}`, `ACC${(i + 1) % 9}`],
      first: `2026-03-${String(1 + (i % 20)).padStart(2, '0')}T0${i % 3}:00:00Z`,
      last: `2026-03-${String(2 + (i % 20)).padStart(2, '0')}T00:00:00Z`,
      amount: `${1000 + (i % 11) * 250}.00`,
      // base amounts in another order than the amounts, and some without a rate
      amount_base:
        i % 8 === 3 ? null : `${((1000 + (i % 11) * 250) * (1 + (i % 3) * 0.7)).toFixed(2)}`,
      assignee: i % 5 === 0 ? 'ana' : undefined,
      created: `2026-03-2${i % 3}T00:00:00Z`,
      reason: i % 6 === 0 ? 'Payments through Dubai' : 'pattern',
    })
})
afterAll(async () => store.close())

async function allPages(app: ReturnType<typeof testApp>, query: string, limit: number) {
  const out: Json[] = []
  let cursor: string | null = null
  let total = -1
  do {
    const res = await app.request(
      `/api/alerts?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      {
        headers: { 'X-API-Key': keys.analyst },
      },
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    total = body.total
    out.push(...body.alerts)
    cursor = body.next_cursor
  } while (cursor)
  return { total, ids: out.map((a) => a.id), first: out[0] }
}

describe('in-memory queue = SQL queue', () => {
  it('agrees on random filters, sorts and page sizes', async () => {
    const mem = testApp(store)
    const sql = testApp(store, { queueIndex: false })
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          sort: fc.constantFrom(
            'score',
            'first_ts',
            'last_ts',
            'total_amount',
            'created_at',
            'updated_at',
          ),
          order: fc.constantFrom('asc', 'desc'),
          status: fc.option(fc.subarray(ST, { minLength: 1 }), { nil: undefined }),
          typology: fc.option(fc.subarray(TYP, { minLength: 1 }), { nil: undefined }),
          score_min: fc.option(fc.constantFrom(40, 55, 70), { nil: undefined }),
          from: fc.option(fc.constantFrom('2026-03-05', '2026-03-10T12:00:00Z'), {
            nil: undefined,
          }),
          assignee: fc.option(fc.constantFrom('ana', '-'), { nil: undefined }),
          q: fc.option(fc.constantFrom('dubai', 'ACC3', 'a-ff00'), { nil: undefined }),
          limit: fc.integer({ min: 7, max: 60 }),
        }),
        async ({ limit, ...f }) => {
          const query = Object.entries(f)
            .filter(([, v]) => v !== undefined)
            .map(
              ([k, v]) => `${k}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`,
            )
            .join('&')
          const a = await allPages(mem, query, limit)
          const b = await allPages(sql, query, limit)
          expect(a.ids).toEqual(b.ids)
          expect(a.total).toBe(b.total)
          expect(a.ids.length).toBe(a.total)
          if (a.first) expect(a.first).toEqual(b.first)
        },
      ),
      { numRuns: 25 },
    )
  })
})

describe('sorting by amount', () => {
  it('sorts by the amount in the base currency, alerts without one last in both directions', async () => {
    for (const app of [testApp(store), testApp(store, { queueIndex: false })])
      for (const order of ['desc', 'asc'] as const) {
        const res = await app.request(`/api/alerts?sort=total_amount&order=${order}&limit=500`, {
          headers: { 'X-API-Key': keys.analyst },
        })
        const body = (await res.json()) as Json
        const rows = body.alerts as Json[]
        expect(rows.length).toBe(body.total)
        const withBase = rows.filter((a) => a.total_amount_base !== null)
        const without = rows.filter((a) => a.total_amount_base === null)
        expect(without.length).toBeGreaterThan(0)
        // every alert without a base amount after every alert with one
        expect(rows.slice(withBase.length).every((a) => a.total_amount_base === null)).toBe(true)
        const bases = withBase.map((a) => Number(a.total_amount_base))
        const sorted = [...bases].sort((x, y) => (order === 'desc' ? y - x : x - y))
        expect(bases).toEqual(sorted)
        // and that is not the order of the original amounts
        const amounts = withBase.map((a) => Number(a.total_amount))
        expect(amounts).not.toEqual([...amounts].sort((x, y) => (order === 'desc' ? y - x : x - y)))
        expect(withBase[0].base_currency).toBe('EUR')
        // pages of 7 cross the boundary to the alerts without a base amount with the same order
        const paged = await allPages(app, `sort=total_amount&order=${order}`, 7)
        expect(paged.ids).toEqual(rows.map((a) => a.id))
      }
  })
})

describe('in-memory search = SQL search', () => {
  it('finds the same accounts in the same order', async () => {
    const mem = testApp(store)
    const sql = testApp(store, { networkIndex: false })
    for (const q of ['Gulf', 'company', 'FRCP', 'de89', 'hub', 'zz-none']) {
      const call = async (app: ReturnType<typeof testApp>) =>
        (await (
          await app.request(`/api/search?q=${q}&limit=7`, {
            headers: { 'X-API-Key': keys.fiu_viewer },
          })
        ).json()) as Json
      const [a, b] = [await call(mem), await call(sql)]
      expect(a.accounts, q).toEqual(b.accounts)
    }
    const many = (await (
      await mem.request('/api/search?q=company&limit=7', {
        headers: { 'X-API-Key': keys.fiu_viewer },
      })
    ).json()) as Json
    expect(many.accounts).toHaveLength(7)
  })
})

describe('in-memory ego network = SQL ego network', () => {
  it('agrees on nodes, edges, amounts and "more" counts for random accounts and filters', async () => {
    const mem = testApp(store)
    const sql = testApp(store, { networkIndex: false })
    const accounts = [...RING, HUB, 'FRCP00000000000007']
    const norm = (g: Json) => ({
      nodes: g.nodes.map((n: Json) => [n.id, n.hop, n.more, n.expanded, n.country]).sort(),
      edges: g.edges.map((e: Json) => [e.id, e.count, e.amount, e.first_ts, e.last_ts]).sort(),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          account: fc.constantFrom(...accounts),
          hops: fc.integer({ min: 1, max: 3 }),
          limit: fc.integer({ min: 1, max: 12 }),
          from: fc.option(fc.constantFrom('2026-03-02', '2026-03-10T05:00:00Z'), {
            nil: undefined,
          }),
          to: fc.option(fc.constantFrom('2026-03-05', '2026-03-10T12:00:00Z'), { nil: undefined }),
          min_amount: fc.option(fc.constantFrom('500', '1000.50', '9000'), { nil: undefined }),
        }),
        async (q) => {
          const qs = Object.entries(q)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
            .join('&')
          const call = (app: ReturnType<typeof testApp>) =>
            app.request(`/api/network?${qs}`, { headers: { 'X-API-Key': keys.fiu_viewer } })
          const [a, b] = await Promise.all([call(mem), call(sql)])
          expect(a.status).toBe(b.status)
          if (a.status === 200)
            expect(norm((await a.json()) as Json)).toEqual(norm((await b.json()) as Json))
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('the in-memory queue after a case action', () => {
  it('shows the change to the one who made it at once, though rechecks run behind requests', async () => {
    // a clock that stands still: no recheck of the queue comes due during the test
    const app = testApp(store, { clock: () => 0 })
    const get = async (q: string) =>
      (await (
        await app.request(`/api/alerts?${q}&limit=500`, {
          headers: { 'X-API-Key': keys.analyst },
        })
      ).json()) as Json
    const before = await get('status=new')
    const id = (before.alerts as Json[])[0].id as string
    const res = await app.request(`/api/alerts/${id}/actions`, {
      method: 'POST',
      headers: { 'X-API-Key': keys.analyst, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'start_review' }),
    })
    expect(res.status).toBe(200)
    // the action itself brought the queue up to date
    const after = await get('status=new')
    expect(after.total).toBe(before.total - 1)
    expect((after.alerts as Json[]).map((a) => a.id)).not.toContain(id)
    expect(((await get('status=in_review')).alerts as Json[]).map((a) => a.id)).toContain(id)
  })
})
