// Authentication for every /api route: an API key (X-API-Key or Authorization: Bearer rw_…) or a
// bearer JWT. A verified key is trusted from memory for a short TTL; after it the user row is read
// again, and scrypt runs only when the stored hash changed. An unknown key id costs the same scrypt
// as a known one; failed credentials are throttled per key id and per client address. A JWT's
// subject is a known, enabled local user (its role at most the user's own), or, where configured,
// an external identity `jwt:<sub>`; its role must be on the configured allow-list.
import type { Context, MiddlewareHandler } from 'hono'
import type { Queries } from '../../store/index.ts'
import { Role, type Actor } from '../../schema/alert.ts'
import { UserId } from '../../schema/user.ts'
import { UnauthorizedError } from '../../util/errors.ts'
import { cacheKey, keyIdOf, NO_SUCH_KEY, verifyKey } from './keys.ts'
import type { JwtVerifier } from './jwt.ts'
import { FailureThrottle, type ThrottleOptions } from './throttle.ts'

export interface AuthDeps {
  reads: Queries
  jwt?: JwtVerifier
  clock: () => number
  /** How long a verified key stays trusted without a new database check (ms). */
  cacheTtlMs?: number
  /** Checks a key against its stored hash (scrypt); passed in so tests can count the calls. */
  verify?: (key: string, stored: string) => Promise<boolean>
  throttle?: ThrottleOptions
  /** scrypt checks under way at once (the rest wait): a flood of keys cannot hold every thread. */
  maxConcurrentChecks?: number
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

interface UserRecord {
  id: string
  role: string
  key_hash: string
  disabled: boolean
}

/** The client's address from the Node server's socket ('local' when there is none: tests). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'local'
}

/** At most n tasks at a time; the others queue. */
function limiter(n: number) {
  let running = 0
  const waiting: Array<() => void> = []
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((r) => waiting.push(r))
    running++
    try {
      return await fn()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}

export function authenticate(deps: AuthDeps): {
  middleware: MiddlewareHandler<AuthEnv>
  cache: KeyCache
} {
  const ttl = deps.cacheTtlMs ?? 30_000
  const verify = deps.verify ?? verifyKey
  const throttle = new FailureThrottle(deps.throttle ?? {}, deps.clock)
  const limit = limiter(deps.maxConcurrentChecks ?? 2)
  const cache = new Map<string, Trusted>()
  // One check per key at a time: concurrent requests with the same key share it.
  const inflight = new Map<string, Promise<Actor>>()
  // JWT subjects that are local users, re-read after the TTL (disabled, role changed).
  const subjects = new Map<string, { row: UserRecord | undefined; until: number }>()

  async function check(
    key: string,
    keyId: string,
    ck: string,
    prior: Trusted | undefined,
    address: string,
  ): Promise<Actor> {
    const row = await deps.reads.one<UserRecord>('server/user-by-key-id', { key_id: keyId })
    // The user row is read again after every TTL (disabled, re-keyed, role changed); scrypt runs
    // again only when the stored hash is not the one this very key was verified against.
    const known = prior !== undefined && row !== undefined && prior.keyHash === row.key_hash
    const ok = known || (await limit(() => verify(key, row?.key_hash ?? NO_SUCH_KEY)))
    if (!row || row.disabled || !ok) {
      cache.delete(ck)
      throttle.failed(keyId, address)
      throw new UnauthorizedError('invalid API key')
    }
    throttle.succeeded(keyId)
    const actor = { id: row.id, role: Role.parse(row.role) }
    if (cache.size > 10_000) cache.clear()
    cache.set(ck, { actor, keyHash: row.key_hash, until: deps.clock() + ttl })
    return actor
  }

  function byKey(key: string, address: string): Promise<Actor> {
    const ck = cacheKey(key)
    const hit = cache.get(ck)
    if (hit && hit.until > deps.clock()) return Promise.resolve(hit.actor)
    const keyId = keyIdOf(key)
    if (!keyId) {
      throttle.failed(undefined, address)
      return Promise.reject(new UnauthorizedError('invalid API key'))
    }
    try {
      throttle.check(keyId, address)
    } catch (e) {
      return Promise.reject(e)
    }
    let pending = inflight.get(ck)
    if (!pending) {
      pending = check(key, keyId, ck, hit, address).finally(() => inflight.delete(ck))
      inflight.set(ck, pending)
    }
    return pending
  }

  async function localSubject(id: string): Promise<UserRecord | undefined> {
    const now = deps.clock()
    const hit = subjects.get(id)
    if (hit && hit.until > now) return hit.row
    if (!UserId.safeParse(id).success) return undefined
    const row = await deps.reads.one<UserRecord>('server/user-get-auth', { id })
    if (subjects.size > 10_000) subjects.clear()
    subjects.set(id, { row, until: now + ttl })
    return row
  }

  async function byToken(jwt: JwtVerifier, token: string): Promise<Actor> {
    const claims = jwt.verify(token, Math.floor(deps.clock() / 1000))
    const allowed = jwt.config.allowedRoles
    if (jwt.config.externalSubjects) {
      if (!claims.role) throw new UnauthorizedError('invalid token: no role claim')
      return { id: `jwt:${claims.sub}`, role: claims.role }
    }
    const user = await localSubject(claims.sub)
    if (!user || user.disabled)
      throw new UnauthorizedError('invalid token: the subject is no enabled user')
    const role = Role.parse(user.role)
    if (claims.role && claims.role !== role)
      throw new UnauthorizedError(`invalid token: role ${claims.role} is not the user's role`)
    if (!allowed.includes(role))
      throw new UnauthorizedError(`invalid token: role ${role} may not come from a token`)
    return { id: user.id, role }
  }

  const middleware: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const header = c.req.header('x-api-key')
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const credential = header ?? bearer
    if (!credential)
      throw new UnauthorizedError('an API key (X-API-Key) or a bearer token is required')
    const address = clientAddress(c)
    let actor: Actor
    if (credential.startsWith('rw_')) actor = await byKey(credential, address)
    else if (deps.jwt && !header) {
      throttle.check(undefined, address)
      try {
        actor = await byToken(deps.jwt, credential)
      } catch (e) {
        throttle.failed(undefined, address)
        throw e
      }
    } else {
      throttle.check(undefined, address)
      throttle.failed(undefined, address)
      throw new UnauthorizedError('invalid API key')
    }
    c.set('actor', actor)
    await next()
  }
  return {
    middleware,
    cache: {
      clear: () => {
        cache.clear()
        subjects.clear()
      },
    },
  }
}
