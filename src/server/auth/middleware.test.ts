// The key cache: scrypt once per key, not once per request or per TTL; concurrent first requests
// share one check; after the TTL a disabled or re-keyed user is refused.
import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { authenticate, type AuthEnv } from './middleware.ts'
import type { Queries } from '../../store/index.ts'
import { isRingwatchError } from '../../util/errors.ts'

const KEY = 'rw_0123456789ab_' + 'x'.repeat(32)

function setup() {
  const user = { id: 'ana', role: 'analyst', key_hash: 'h1', disabled: false }
  let now = 0
  let verifies = 0
  let reads = 0
  const fakeReads = {
    one: async () => {
      reads++
      return { ...user }
    },
  } as unknown as Queries
  const { middleware } = authenticate({
    reads: fakeReads,
    clock: () => now,
    cacheTtlMs: 1000,
    verify: async (_key, stored) => {
      verifies++
      await new Promise((r) => setTimeout(r, 5))
      return stored === 'h1' || stored === 'h2-for-this-key'
    },
  })
  const app = new Hono<AuthEnv>()
  app.onError((e, c) => c.json({ error: e.message }, isRingwatchError(e) ? (e.status as 401) : 500))
  app.use('*', middleware)
  app.get('/', (c) => c.json(c.get('actor')))
  const get = () => app.request('/', { headers: { 'X-API-Key': KEY } })
  return {
    user,
    get,
    tick: (ms: number) => (now += ms),
    counts: () => ({ verifies, reads }),
  }
}

describe('API key cache', () => {
  it('concurrent first requests share one scrypt check', async () => {
    const t = setup()
    const res = await Promise.all(Array.from({ length: 20 }, () => t.get()))
    expect(res.every((r) => r.status === 200)).toBe(true)
    expect(t.counts().verifies).toBe(1)
  })

  it('after the TTL the user row is read again but scrypt does not run again', async () => {
    const t = setup()
    await t.get()
    t.tick(1500)
    const res = await Promise.all(Array.from({ length: 10 }, () => t.get()))
    expect(res.every((r) => r.status === 200)).toBe(true)
    expect(t.counts()).toEqual({ verifies: 1, reads: 2 })
  })

  it('after the TTL a disabled user is refused, and a changed hash is verified again', async () => {
    const t = setup()
    await t.get()
    t.user.key_hash = 'h2-for-this-key'
    t.tick(1500)
    expect((await t.get()).status).toBe(200)
    expect(t.counts().verifies).toBe(2)
    t.user.disabled = true
    t.tick(1500)
    expect((await t.get()).status).toBe(401)
  })

  it('a role change shows after the TTL', async () => {
    const t = setup()
    expect(await (await t.get()).json()).toEqual({ id: 'ana', role: 'analyst' })
    t.user.role = 'supervisor'
    t.tick(1500)
    expect(await (await t.get()).json()).toEqual({ id: 'ana', role: 'supervisor' })
  })
})
