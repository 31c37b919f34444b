// Authentication for every /api route: an API key (X-API-Key or Authorization: Bearer rw_…) or a
// bearer JWT. A verified key is trusted from memory for a short TTL; after it the user row is read
// again, and scrypt runs only when the stored hash changed. Disabling a user here clears the cache.
import type { MiddlewareHandler } from 'hono'
import type { Queries } from '../../store/index.ts'
import { Role, type Actor } from '../../schema/alert.ts'
import { UnauthorizedError } from '../../util/errors.ts'
import { cacheKey, keyIdOf, verifyKey } from './keys.ts'
import type { JwtVerifier } from './jwt.ts'

export interface AuthDeps {
  reads: Queries
  jwt?: JwtVerifier
  clock: () => number
  /** How long a verified key stays trusted without a new database check (ms). */
  cacheTtlMs?: number
  /** Checks a key against its stored hash (scrypt); passed in so tests can count the calls. */
  verify?: (key: string, stored: string) => Promise<boolean>
}

export interface KeyCache {
  clear(): void
}

export type AuthEnv = { Variables: { actor: Actor; requestId: string } }

interface Trusted {
  actor: Actor
  /** The stored hash this exact key was verified against. */
  keyHash: string
  until: number
}

export function authenticate(deps: AuthDeps): {
  middleware: MiddlewareHandler<AuthEnv>
  cache: KeyCache
} {
  const ttl = deps.cacheTtlMs ?? 30_000
  const verify = deps.verify ?? verifyKey
  const cache = new Map<string, Trusted>()
  // One check per key at a time: concurrent requests with the same key share it.
  const inflight = new Map<string, Promise<Actor>>()

  async function check(key: string, ck: string, prior: Trusted | undefined): Promise<Actor> {
    const keyId = keyIdOf(key)
    if (!keyId) throw new UnauthorizedError('invalid API key')
    const row = await deps.reads.one<{
      id: string
      role: string
      key_hash: string
      disabled: boolean
    }>('server/user-by-key-id', { key_id: keyId })
    // The user row is read again after every TTL (disabled, re-keyed, role changed); scrypt runs
    // again only when the stored hash is not the one this very key was verified against.
    const known = prior !== undefined && prior.keyHash === row?.key_hash
    if (!row || row.disabled || !(known || (await verify(key, row.key_hash)))) {
      cache.delete(ck)
      throw new UnauthorizedError('invalid API key')
    }
    const actor = { id: row.id, role: Role.parse(row.role) }
    if (cache.size > 10_000) cache.clear()
    cache.set(ck, { actor, keyHash: row.key_hash, until: deps.clock() + ttl })
    return actor
  }

  function byKey(key: string): Promise<Actor> {
    const ck = cacheKey(key)
    const hit = cache.get(ck)
    if (hit && hit.until > deps.clock()) return Promise.resolve(hit.actor)
    let pending = inflight.get(ck)
    if (!pending) {
      pending = check(key, ck, hit).finally(() => inflight.delete(ck))
      inflight.set(ck, pending)
    }
    return pending
  }

  const middleware: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const header = c.req.header('x-api-key')
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const credential = header ?? bearer
    if (!credential)
      throw new UnauthorizedError('an API key (X-API-Key) or a bearer token is required')
    let actor: Actor
    if (credential.startsWith('rw_')) actor = await byKey(credential)
    else if (deps.jwt && !header)
      actor = deps.jwt.verify(credential, Math.floor(deps.clock() / 1000))
    else throw new UnauthorizedError('invalid API key')
    c.set('actor', actor)
    await next()
  }
  return { middleware, cache: { clear: () => cache.clear() } }
}
