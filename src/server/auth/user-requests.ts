// Creating or promoting a supervisor or admin through the API takes two admins: one requests it
// (a new user's key is shown to them once, and works only after approval), a second approves it.
// The second is neither the requester, nor the user concerned, nor related to the requester by the
// chain of custody (an admin's own creation cannot approve for them).
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { Queries, Store } from '../../store/index.ts'
import { Role, type Actor } from '../../schema/alert.ts'
import { appendAudit } from '../../cases/index.ts'
import { sameCustody } from '../../cases/custody.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../util/errors.ts'
import { hashKey, newKey } from './keys.ts'
import { addCustody, checkUser, nowOf, type UserOptions } from './users.ts'

/** Roles whose creation or promotion needs a second admin. */
export const GUARDED_ROLES: readonly Role[] = ['supervisor', 'admin']

export function needsSecondAdmin(role: Role): boolean {
  return GUARDED_ROLES.includes(role)
}

export const UserRequest = z.object({
  id: z.string(),
  user_id: z.string(),
  role: Role,
  kind: z.enum(['create', 'promote']),
  requested_by: z.string(),
  requested_at: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
})
export type UserRequest = z.infer<typeof UserRequest>

async function getRequest(q: Queries, id: string) {
  const r = await q.one<Record<string, unknown>>('server/user-request-get', { id })
  if (!r) throw new NotFoundError(`no user request ${id}`, { id })
  const { key_hash, ...rest } = r
  return { request: UserRequest.parse(rest), keyHash: (key_hash as string | null) ?? null }
}

/**
 * Requests a new user (kind create: a key is made now, shown once, valid after approval) or a
 * promotion of an existing one (kind promote).
 */
export async function requestUser(
  store: Store,
  kind: 'create' | 'promote',
  userId: string,
  role: string,
  opts: UserOptions & { actor: Actor },
): Promise<{ request: UserRequest; key?: string }> {
  const r = checkUser(userId, role)
  const exists = await store.one('server/user-get', { id: userId })
  if (kind === 'create' && exists)
    throw new ConflictError(`user '${userId}' already exists`, { id: userId })
  if (kind === 'promote' && !exists) throw new NotFoundError(`no user '${userId}'`, { id: userId })
  const fresh = kind === 'create' ? newKey() : undefined
  const keyHash = fresh ? await hashKey(fresh.key) : null
  const id = `UR-${randomBytes(6).toString('hex')}`
  const now = nowOf(opts)
  await store.transaction(
    async (tx) => {
      if (await tx.one('server/user-request-pending-for', { user_id: userId }))
        throw new ConflictError(`a request for user '${userId}' is already pending`, { id: userId })
      await tx.run('server/user-request-insert', {
        id,
        user_id: userId,
        role: r,
        kind,
        key_hash: keyHash,
        requested_by: opts.actor.id,
        now,
      })
      await appendAudit(tx, {
        actor: opts.actor,
        action: 'user.request',
        entity_type: 'user',
        entity_id: userId,
        after: { request: id, kind, role: r },
        at: now,
      })
    },
    { serial: true },
  )
  const { request } = await getRequest(store, id)
  return fresh ? { request, key: fresh.key } : { request }
}

/** A second admin approves (the user is created or promoted) or rejects a pending request. */
export async function decideRequest(
  store: Store,
  id: string,
  decision: 'approve' | 'reject',
  opts: UserOptions & { actor: Actor },
): Promise<UserRequest> {
  const now = nowOf(opts)
  const me = opts.actor.id
  await store.transaction(
    async (tx) => {
      const { request, keyHash } = await getRequest(tx, id)
      if (request.status !== 'pending')
        throw new ConflictError(`user request ${id} is already ${request.status}`)
      if (decision === 'approve') {
        if (request.requested_by === me)
          throw new ForbiddenError(
            `${me} requested this and may not approve it (a second admin must)`,
          )
        if (request.user_id === me)
          throw new ForbiddenError(`${me} may not approve a request about themself`)
        if (await sameCustody(tx, request.requested_by, me))
          throw new ForbiddenError(
            `${me} and ${request.requested_by}, who requested this, are one chain of custody ` +
              '(one created, approved, promoted or re-keyed the other); another admin must approve it',
          )
      }
      const status = decision === 'approve' ? 'approved' : 'rejected'
      if ((await tx.run('server/user-request-decide', { id, status, decided_by: me, now })) !== 1)
        throw new ConflictError(`user request ${id} was decided meanwhile`)
      if (decision === 'approve') {
        if (request.kind === 'create') {
          if (await tx.one('server/user-get', { id: request.user_id }))
            throw new ConflictError(`user '${request.user_id}' exists by now`)
          await tx.run('server/user-insert', {
            id: request.user_id,
            role: request.role,
            key_hash: keyHash!,
            now,
          })
          await addCustody(tx, request.user_id, request.requested_by, 'create', now)
        } else {
          if (
            (await tx.run('server/user-set-role', { id: request.user_id, role: request.role })) !==
            1
          )
            throw new NotFoundError(`no user '${request.user_id}'`)
          await addCustody(tx, request.user_id, request.requested_by, 'promote', now)
        }
        await addCustody(tx, request.user_id, me, 'approve', now)
      }
      await appendAudit(tx, {
        actor: opts.actor,
        action: `user.${decision}`,
        entity_type: 'user',
        entity_id: request.user_id,
        after: {
          request: id,
          kind: request.kind,
          role: request.role,
          requested_by: request.requested_by,
        },
        at: now,
      })
    },
    { serial: true },
  )
  return (await getRequest(store, id)).request
}

export async function listRequests(q: Queries, limit = 200): Promise<UserRequest[]> {
  return z.array(UserRequest).parse(await q.all('server/user-requests-list', { limit }))
}
