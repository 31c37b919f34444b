// Users and their API keys: created by `ringwatch users add` (or the admin API), the key printed
// once and stored only as a scrypt hash. Every change is an audit row (entity_type 'user') written
// in the same transaction, and a link in the user's chain of custody (who created, promoted or
// re-keyed them), which four eyes compares (cases/custody.ts).
import { userInfo } from 'node:os'
import { z } from 'zod'
import type { Queries, Store } from '../../store/index.ts'
import { Role, type Actor } from '../../schema/alert.ts'
import { UserId } from '../../schema/user.ts'
import { appendAudit } from '../../cases/index.ts'
import { BadInputError, ConflictError, NotFoundError } from '../../util/errors.ts'
import { hashKey, newKey } from './keys.ts'

export { UserId }

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

export type CustodyKind = 'create' | 'approve' | 'promote' | 'rekey'

export function checkUser(id: string, role: string): Role {
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

/**
 * The command line's actor, acting as admin: `$RINGWATCH_ACTOR` when set (a batch job's or an
 * operator's name for the audit log), else the operating-system user running it.
 */
export function cliActor(env: NodeJS.ProcessEnv = process.env): Actor {
  if (env.RINGWATCH_ACTOR) return { id: env.RINGWATCH_ACTOR, role: 'admin' }
  let name = 'unknown'
  try {
    name = userInfo().username
  } catch {
    name = env.USER ?? 'unknown'
  }
  return { id: `cli:${name}`, role: 'admin' }
}

export function nowOf(opts: UserOptions): string {
  return (opts.now ?? (() => new Date()))().toISOString()
}

/** Records that `by` held power over `user` (created, approved, promoted or re-keyed them). */
export async function addCustody(
  tx: Queries,
  user: string,
  by: string,
  kind: CustodyKind,
  now: string,
): Promise<void> {
  await tx.run('server/custody-insert', { user_id: user, by_id: by, kind, now })
}

/** A change to a user as its audit row records it, and the custody it gives the actor. */
interface AuditEntry {
  action: string
  id: string
  after?: unknown
  custody?: CustodyKind
}

async function audited<T>(
  store: Store,
  opts: UserOptions,
  entry: AuditEntry,
  fn: (tx: Queries) => Promise<T>,
): Promise<T> {
  const at = nowOf(opts)
  const actor = opts.actor ?? cliActor()
  return store.transaction(
    async (tx) => {
      const out = await fn(tx)
      if (entry.custody) await addCustody(tx, entry.id, actor.id, entry.custody, at)
      await appendAudit(tx, {
        actor,
        action: entry.action,
        entity_type: 'user',
        entity_id: entry.id,
        after: entry.after,
        at,
      })
      return out
    },
    { serial: true },
  )
}

/** Runs the named update of an existing user (`$id` and params), audited; NotFoundError when none. */
async function changeUser(
  store: Store,
  opts: UserOptions,
  entry: AuditEntry,
  query: string,
  params: Record<string, string> = {},
): Promise<void> {
  await audited(store, opts, entry, async (tx) => {
    if ((await tx.run(query, { ...params, id: entry.id })) === 0)
      throw new NotFoundError(`no user '${entry.id}'`, { id: entry.id })
  })
}

/** A new key (with the role given again) or a new role: audited, and custody for the actor. */
async function changeRole(
  store: Store,
  opts: UserOptions,
  kind: 'rekey' | 'promote',
  id: string,
  role: Role,
  params: Record<string, string> = {},
): Promise<void> {
  const [action, query] =
    kind === 'rekey' ? ['user.rekey', 'server/user-rekey'] : ['user.role', 'server/user-set-role']
  await changeUser(store, opts, { action, id, after: { role }, custody: kind }, query, {
    ...params,
    role,
  })
}

/**
 * Creates a user with a fresh API key; the key is returned once and stored hashed. This is the
 * operator's path (the command line on the database file, the demo); through the API a
 * supervisor or admin is only requested here and made by a second admin (user-requests.ts).
 */
export async function addUser(
  store: Store,
  id: string,
  role: string,
  opts: UserOptions = {},
): Promise<NewUser> {
  const r = checkUser(id, role)
  if (await store.one('server/user-get', { id }))
    throw new ConflictError(`user '${id}' already exists`, { id })
  const { key } = newKey()
  const key_hash = await hashKey(key)
  const now = nowOf(opts)
  await audited(
    store,
    opts,
    { action: 'user.create', id, after: { role: r }, custody: 'create' },
    (tx) => tx.run('server/user-insert', { id, role: r, key_hash, now }),
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
  const r = checkUser(id, role)
  const { key } = newKey()
  await changeRole(store, opts, 'rekey', id, r, { key_hash: await hashKey(key) })
  return { id, role: r, key }
}

/** Changes a user's role at once (the API asks a second admin first for supervisor and admin). */
export async function setRole(
  store: Store,
  id: string,
  role: string,
  opts: UserOptions = {},
): Promise<{ id: string; role: Role }> {
  const r = checkUser(id, role)
  await changeRole(store, opts, 'promote', id, r)
  return { id, role: r }
}

export async function listUsers(store: Queries): Promise<UserRow[]> {
  return z.array(UserRow).parse(await store.all('server/user-list'))
}

export async function disableUser(store: Store, id: string, opts: UserOptions = {}): Promise<void> {
  await changeUser(store, opts, { action: 'user.disable', id }, 'server/user-disable')
}
