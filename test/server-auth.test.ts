// Security of the API: keys and JWTs, the role × route matrix, headers, content types and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHmac, generateKeyPairSync, sign } from 'node:crypto'
import { openStore, type Store } from '../src/store/index.ts'
import { ROLES, type Role } from '../src/schema/alert.ts'
import { addUser, listUsers, reissueKey } from '../src/server/index.ts'
import { BadInputError, ConflictError } from '../src/util/errors.ts'
import { auditFor, verifyAudit } from '../src/cases/index.ts'
import { HUB, RING_ALERT, seed, testApp } from './server-fixture.ts'

let store: Store
let keys: Record<Role, string>
const errors: string[] = []
const SECRET = 'a-test-secret-that-is-long-enough-123456'
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const NOW = Date.parse('2026-03-12T12:00:00Z')

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
})
afterAll(async () => store.close())

const app = (jwt?: Record<string, unknown>) =>
  testApp(store, {
    clock: () => NOW,
    auth: jwt
      ? {
          jwt: {
            issuer: 'https://idp.bank',
            audience: 'ringwatch',
            externalSubjects: true,
            ...jwt,
          } as never,
        }
      : undefined,
    logger: { info() {}, warn() {}, error: (m, c) => errors.push(m + JSON.stringify(c)) },
  })

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
function token(claims: Record<string, unknown>, alg = 'HS256', key: unknown = SECRET): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64({ iss: 'https://idp.bank', aud: 'ringwatch', sub: 'jwt-user', role: 'analyst', exp: NOW / 1000 + 600, ...claims })}`
  let sig = ''
  if (alg === 'HS256')
    sig = createHmac('sha256', key as string)
      .update(head)
      .digest('base64url')
  else if (alg === 'RS256')
    sig = sign('sha256', Buffer.from(head), key as never).toString('base64url')
  else if (alg === 'ES256')
    sig = sign('sha256', Buffer.from(head), {
      key: key as never,
      dsaEncoding: 'ieee-p1363',
    }).toString('base64url')
  return `${head}.${sig}`
}

describe('authentication', () => {
  it('leaves /health open and closes every /api route', async () => {
    const a = app()
    expect((await a.request('/health')).status).toBe(200)
    expect((await a.request('/api/health')).status).toBe(200)
    const anon = await a.request('/api/exports', { method: 'POST', body: 'x' })
    expect(anon.status).toBe(401) // credentials are checked before anything else
    expect(anon.headers.get('cache-control')).toBe('no-store')
    for (const path of [
      '/api/alerts',
      `/api/alerts/${RING_ALERT}`,
      '/api/runs',
      '/api/me',
      `/api/network?account=${HUB}`,
    ])
      expect((await a.request(path)).status, path).toBe(401)
  })

  it('accepts a key in X-API-Key or as a bearer token, and refuses wrong ones', async () => {
    const a = app()
    expect((await a.request('/api/me', { headers: { 'X-API-Key': keys.analyst } })).status).toBe(
      200,
    )
    const me = await a.request('/api/me', {
      headers: { Authorization: `Bearer ${keys.supervisor}` },
    })
    expect(await me.json()).toMatchObject({ id: 'sue', role: 'supervisor' })
    const forged = keys.analyst.slice(0, -4) + 'AAAA'
    for (const k of [forged, 'rw_000000000000_' + 'x'.repeat(32), 'nonsense'])
      expect((await a.request('/api/me', { headers: { 'X-API-Key': k } })).status, k).toBe(401)
  })

  it('stores keys hashed, refuses duplicates and bad roles, and reissues keys', async () => {
    const u = await addUser(store, 'carol', 'analyst')
    expect((await listUsers(store)).find((x) => x.id === 'carol')?.role).toBe('analyst')
    const raw = await store.one<{ key_hash: string }>('server/user-by-key-id', {
      key_id: u.key.slice(3, 15),
    })
    expect(raw?.key_hash).toMatch(/^scrypt\$/)
    expect(raw?.key_hash).not.toContain(u.key.slice(16))
    await expect(addUser(store, 'carol', 'analyst')).rejects.toBeInstanceOf(ConflictError)
    await expect(addUser(store, 'dave', 'root')).rejects.toBeInstanceOf(BadInputError)
    await expect(addUser(store, 'bad name!', 'analyst')).rejects.toBeInstanceOf(BadInputError)
    const again = await reissueKey(store, 'carol', 'analyst')
    const a = app()
    expect((await a.request('/api/me', { headers: { 'X-API-Key': u.key } })).status).toBe(401)
    expect((await a.request('/api/me', { headers: { 'X-API-Key': again.key } })).status).toBe(200)
  })

  it('stops a disabled user at once (admin API clears the key cache)', async () => {
    const u = await addUser(store, 'erin', 'analyst')
    const a = app()
    expect((await a.request('/api/me', { headers: { 'X-API-Key': u.key } })).status).toBe(200)
    const res = await a.request('/api/users/erin/disable', {
      method: 'POST',
      headers: { 'X-API-Key': keys.admin, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect((await a.request('/api/me', { headers: { 'X-API-Key': u.key } })).status).toBe(401)
  })
})

describe('JWT', () => {
  const call = async (a: ReturnType<typeof app>, t: string) =>
    (await a.request('/api/me', { headers: { Authorization: `Bearer ${t}` } })).status

  it('accepts a valid HS256 token and takes the role from its claims', async () => {
    const a = app({ secret: SECRET })
    const res = await a.request('/api/me', {
      headers: { Authorization: `Bearer ${token({ role: 'fiu_viewer' })}` },
    })
    expect(await res.json()).toMatchObject({ id: 'jwt:jwt-user', role: 'fiu_viewer' })
  })

  it('refuses wrong issuer, audience, expiry, nbf, signature, role and alg none', async () => {
    const a = app({ secret: SECRET })
    expect(await call(a, token({ iss: 'https://evil' }))).toBe(401)
    expect(await call(a, token({ aud: 'other' }))).toBe(401)
    expect(await call(a, token({ exp: NOW / 1000 - 120 }))).toBe(401)
    expect(await call(a, token({ exp: undefined }))).toBe(401)
    expect(await call(a, token({ nbf: NOW / 1000 + 600 }))).toBe(401)
    expect(await call(a, token({ role: 'root' }))).toBe(401)
    expect(await call(a, token({}, 'HS256', 'another-secret-another-secret-1234'))).toBe(401)
    const none = `${b64({ alg: 'none' })}.${b64({ iss: 'https://idp.bank', aud: 'ringwatch', sub: 'x', role: 'admin', exp: NOW / 1000 + 60 })}.`
    expect(await call(a, none)).toBe(401)
    expect(await call(a, token({ aud: ['x', 'ringwatch'] }))).toBe(200)
  })

  it('verifies RS256 and ES256 with a public key and refuses HS256 signed with that key', async () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string
    const a = app({ publicKey: pem })
    expect(await call(a, token({}, 'RS256', rsa.privateKey))).toBe(200)
    expect(await call(a, token({}, 'HS256', pem))).toBe(401) // algorithm confusion
    const e = app({ publicKey: ec.publicKey.export({ type: 'spki', format: 'pem' }) as string })
    expect(await call(e, token({}, 'ES256', ec.privateKey))).toBe(200)
    expect(await call(e, token({}, 'RS256', rsa.privateKey))).toBe(401)
  })
})

describe('roles × routes', () => {
  const routes: Array<[string, string, Role[]]> = [
    ['GET', '/api/alerts', ['analyst', 'supervisor', 'fiu_viewer']],
    ['GET', `/api/alerts/${RING_ALERT}`, ['analyst', 'supervisor', 'fiu_viewer']],
    ['GET', `/api/alerts/${RING_ALERT}/graph`, ['analyst', 'supervisor', 'fiu_viewer']],
    ['GET', `/api/accounts/${HUB}`, ['analyst', 'supervisor', 'fiu_viewer']],
    ['GET', `/api/network?account=${HUB}&hops=2`, ['analyst', 'supervisor', 'fiu_viewer']],
    ['GET', '/api/search?q=Gulf', ['analyst', 'supervisor', 'fiu_viewer']],
    ['GET', '/api/runs', ['analyst', 'supervisor', 'fiu_viewer', 'admin', 'batch']],
    ['GET', '/api/users', ['admin']],
    ['GET', '/api/me', [...ROLES]],
  ]
  for (const [method, path, allowed] of routes)
    for (const role of ROLES)
      it(`${role} ${method} ${path.split('?')[0]} → ${allowed.includes(role) ? 200 : 403}`, async () => {
        const res = await app().request(path, { method, headers: { 'X-API-Key': keys[role] } })
        expect(res.status).toBe(allowed.includes(role) ? 200 : 403)
      })

  it('lets only admins create users', async () => {
    for (const role of ROLES) {
      const res = await app().request('/api/users', {
        method: 'POST',
        headers: { 'X-API-Key': keys[role], 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: `new-${role}`, role: 'analyst' }),
      })
      expect(res.status, role).toBe(role === 'admin' ? 201 : 403)
    }
    const trail = await auditFor(store, 'user', 'new-admin')
    expect(trail.map((r: Record<string, unknown>) => [r.action, r.actor])).toEqual([
      ['user.create', 'adam'],
    ])
    expect(await auditFor(store, 'user', 'new-analyst')).toEqual([])
    expect((await verifyAudit(store)).ok).toBe(true)
  })
})

describe('headers, content types and errors', () => {
  it('sends security headers with a strict CSP', async () => {
    const res = await app().request('/api/alerts', { headers: { 'X-API-Key': keys.analyst } })
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('refuses non-JSON bodies with 415 and malformed JSON with 400', async () => {
    const headers = { 'X-API-Key': keys.admin }
    const text = await app().request('/api/users', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/plain' },
      body: 'id=x',
    })
    expect(text.status).toBe(415)
    const form = await app().request('/api/users', {
      method: 'POST',
      headers,
      body: new URLSearchParams({ id: 'x' }),
    })
    expect(form.status).toBe(415)
    const bad = await app().request('/api/users', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"id":',
    })
    expect(bad.status).toBe(400)
  })

  it('answers unknown errors with a generic 500, logging the details', async () => {
    errors.length = 0
    const broken = testApp(store, {
      logger: { info() {}, warn() {}, error: (m, c) => errors.push(m + JSON.stringify(c)) },
      reads: new Proxy(store, {
        get: (t, p) =>
          p === 'all'
            ? async () => {
                throw new Error('Binder Error: select secret from alerts')
              }
            : Reflect.get(t, p),
      }),
    })
    const res = await broken.request('/api/alerts', { headers: { 'X-API-Key': keys.analyst } })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toMatch(/Binder|select|at .*\.ts/)
    expect(JSON.parse(text).error.code).toBe('InternalError')
    expect(errors.join()).toContain('Binder Error')
  })

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app().request('/api/nothing', { headers: { 'X-API-Key': keys.analyst } })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NotFoundError')
  })
})
