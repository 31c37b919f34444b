// The demo's users, one of each working role: created on the first `ringwatch demo`, given new keys
// (shown once) on every later one instead of being created twice.
import type { Store } from '../../store/index.ts'
import { addUser, reissueKey, type NewUser } from './users.ts'

export const DEMO_USERS = [
  ['demo-analyst', 'analyst'],
  ['demo-supervisor', 'supervisor'],
  ['demo-fiu', 'fiu_viewer'],
  ['demo-batch', 'batch'],
] as const

export async function ensureDemoUsers(store: Store): Promise<NewUser[]> {
  const users: NewUser[] = []
  for (const [id, role] of DEMO_USERS) {
    const exists = await store.one('server/user-get', { id })
    users.push(exists ? await reissueKey(store, id, role) : await addUser(store, id, role))
  }
  return users
}
