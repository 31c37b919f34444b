// Authentication for every /api route: an API key (X-API-Key or Authorization: Bearer rw_…) or a
// bearer JWT. Verified keys are cached in memory for a short time so that scrypt runs once per key
// per TTL, not per request; disabling a user through this process clears the cache.
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
}

export interface KeyCache {
  clear(): void
}

export type AuthEnv = { Variables: { actor: Actor; requestId: string } }

export function authenticate(deps: AuthDeps): {
  middleware: MiddlewareHandler<AuthEnv>
  cache: KeyCache
} {
  const ttl = deps.cacheTtlMs ?? 30_000
  const cache = new Map<string, { actor: Actor; until: number }>()

  async function byKey(key: string): Promise<Actor> {
    const ck = cacheKey(key)
    const hit = cache.get(ck)
    const now = deps.clock()
    if (hit && hit.until > now) return hit.actor
    const keyId = keyIdOf(key)
    if (!keyId) throw new UnauthorizedError('invalid API key')
    const row = await deps.reads.one<{
      id: string
      role: string
      key_hash: string
      disabled: boolean
    }>('server/user-by-key-id', { key_id: keyId })
    if (!row || row.disabled || !(await verifyKey(key, row.key_hash)))
      throw new UnauthorizedError('invalid API key')
    const actor = { id: row.id, role: Role.parse(row.role) }
    if (cache.size > 10_000) cache.clear()
    cache.set(ck, { actor, until: now + ttl })
    return actor
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
