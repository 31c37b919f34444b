// Users and their API keys: created by `ringwatch users add` (or the admin API), the key printed
// once and stored only as a scrypt hash.
import { z } from 'zod'
import type { Queries } from '../../store/index.ts'
import { Role } from '../../schema/alert.ts'
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

/** Creates a user with a fresh API key; the key is returned once and stored hashed. */
export async function addUser(
  store: Queries,
  id: string,
  role: string,
  opts: { now?: () => Date } = {},
): Promise<NewUser> {
  const r = check(id, role)
  if (await store.one('server/user-get', { id }))
    throw new ConflictError(`user '${id}' already exists`, { id })
  const { key } = newKey()
  const now = (opts.now ?? (() => new Date()))().toISOString()
  await store.run('server/user-insert', { id, role: r, key_hash: await hashKey(key), now })
  return { id, role: r, key }
}

/** Gives an existing user a new key (the old one stops working) and re-enables them. */
export async function reissueKey(store: Queries, id: string, role: string): Promise<NewUser> {
  const r = check(id, role)
  const { key } = newKey()
  const n = await store.run('server/user-rekey', { id, role: r, key_hash: await hashKey(key) })
  if (n === 0) throw new NotFoundError(`no user '${id}'`, { id })
  return { id, role: r, key }
}

export async function listUsers(store: Queries): Promise<UserRow[]> {
  return z.array(UserRow).parse(await store.all('server/user-list'))
}

export async function disableUser(store: Queries, id: string): Promise<void> {
  if ((await store.run('server/user-disable', { id })) === 0)
    throw new NotFoundError(`no user '${id}'`, { id })
}
