// Users and their API keys: created by `ringwatch users add` (or the admin API), the key printed
// once and stored only as a scrypt hash. Every change is an audit row (entity_type 'user') written
// in the same transaction.
import { userInfo } from 'node:os'
import { z } from 'zod'
import type { Queries, Store } from '../../store/index.ts'
import { Role, type Actor } from '../../schema/alert.ts'
import { appendAudit } from '../../cases/index.ts'
import { BadInputError, ConflictError, NotFoundError } from '../../util/errors.ts'
import { hashKey, newKey } from './keys.ts'

export const UserId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'letters, digits and . _ @ - (at most 64)')

export const UserRow = z.object({
  id: z.string(),
  role: Role,
  created_at: z.string(),
  disabled: z.boolean(),
  key_id: z.string().optional(),
})
export type UserRow = z.infer<typeof UserRow>

export interface NewUser {
  id: string
  role: Role
  key: string
}

function check(id: string, role: string): Role {
  const u = UserId.safeParse(id)
  if (!u.success) throw new BadInputError(`user id '${id}': ${u.error.issues[0].message}`)
  const r = Role.safeParse(role)
  if (!r.success)
    throw new BadInputError(`role '${role}': must be one of ${Role.options.join(', ')}`)
  return r.data
}

export interface UserOptions {
  now?: () => Date
  /** Who makes the change, for the audit log; default the operating-system user, as admin. */
  actor?: Actor
}

/** The command line's actor: the operating-system user running it, acting as admin. */
export function cliActor(): Actor {
  let name = 'unknown'
  try {
    name = userInfo().username
  } catch {
    name = process.env.USER ?? 'unknown'
  }
  return { id: `cli:${name}`, role: 'admin' }
}

async function audited<T>(
  store: Store,
  opts: UserOptions,
  entry: { action: string; id: string; after?: unknown },
  fn: (tx: Queries) => Promise<T>,
): Promise<T> {
  const at = (opts.now ?? (() => new Date()))().toISOString()
  return store.transaction(async (tx) => {
    const out = await fn(tx)
    await appendAudit(tx, {
      actor: opts.actor ?? cliActor(),
      action: entry.action,
      entity_type: 'user',
      entity_id: entry.id,
      after: entry.after,
      at,
    })
    return out
  })
}

/** Creates a user with a fresh API key; the key is returned once and stored hashed. */
export async function addUser(
  store: Store,
  id: string,
  role: string,
  opts: UserOptions = {},
): Promise<NewUser> {
  const r = check(id, role)
  if (await store.one('server/user-get', { id }))
    throw new ConflictError(`user '${id}' already exists`, { id })
  const { key } = newKey()
  const key_hash = await hashKey(key)
  const now = (opts.now ?? (() => new Date()))().toISOString()
  await audited(store, opts, { action: 'user.create', id, after: { role: r } }, (tx) =>
    tx.run('server/user-insert', { id, role: r, key_hash, now }),
  )
  return { id, role: r, key }
}

/** Gives an existing user a new key (the old one stops working) and re-enables them. */
export async function reissueKey(
  store: Store,
  id: string,
  role: string,
  opts: UserOptions = {},
): Promise<NewUser> {
  const r = check(id, role)
  const { key } = newKey()
  const key_hash = await hashKey(key)
  await audited(store, opts, { action: 'user.rekey', id, after: { role: r } }, async (tx) => {
    if ((await tx.run('server/user-rekey', { id, role: r, key_hash })) === 0)
      throw new NotFoundError(`no user '${id}'`, { id })
  })
  return { id, role: r, key }
}

export async function listUsers(store: Queries): Promise<UserRow[]> {
  return z.array(UserRow).parse(await store.all('server/user-list'))
}

export async function disableUser(store: Store, id: string, opts: UserOptions = {}): Promise<void> {
  await audited(store, opts, { action: 'user.disable', id }, async (tx) => {
    if ((await tx.run('server/user-disable', { id })) === 0)
      throw new NotFoundError(`no user '${id}'`, { id })
  })
}
