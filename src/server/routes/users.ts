// Who am I (every role), and user management for admins: analysts, FIU viewers and batch jobs are
// made at once; a supervisor or admin (made or promoted) waits for a second admin's approval.
import { Hono } from 'hono'
import { z } from 'zod'
import { Role } from '../../schema/alert.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { addUser, disableUser, listUsers, setRole, UserId } from '../auth/users.ts'
import {
  decideRequest,
  listRequests,
  needsSecondAdmin,
  requestUser,
} from '../auth/user-requests.ts'
import { actionsFor, can, demand, PERMISSIONS, type Permission } from '../roles.ts'
import { valid } from '../validate.ts'
import type { RouteDeps } from './deps.ts'

const NewUserBody = z.object({ id: UserId, role: Role }).strict()
const RoleBody = z.object({ role: Role }).strict()
const IdParam = z.object({ id: UserId })
const RequestParam = z.object({ rid: z.string().regex(/^UR-[0-9a-f]{12}$/, 'a request id UR-…') })

export function userRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()
  const opts = (c: { get: (k: 'actor') => AuthEnv['Variables']['actor'] }) => ({
    now: () => new Date(d.clock()),
    actor: c.get('actor'),
  })
  app.get('/me', (c) => {
    const actor = c.get('actor')
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor.role, p))
    return c.json({ ...actor, permissions, case_actions: actionsFor(actor.role) })
  })
  app.get('/users', async (c) => {
    demand(c.get('actor').role, 'users:manage')
    return c.json({ users: await listUsers(d.reads) })
  })
  app.post('/users', valid('json', NewUserBody), async (c) => {
    demand(c.get('actor').role, 'users:manage')
    const { id, role } = c.req.valid('json')
    if (needsSecondAdmin(role)) {
      const r = await requestUser(d.store, 'create', id, role, opts(c))
      return c.json({ ...r, note: 'the key works once a second admin approves the request' }, 202)
    }
    return c.json(await addUser(d.store, id, role, opts(c)), 201)
  })
  app.post('/users/:id/role', valid('param', IdParam), valid('json', RoleBody), async (c) => {
    demand(c.get('actor').role, 'users:manage')
    const { id } = c.req.valid('param')
    const { role } = c.req.valid('json')
    d.keyCache.clear()
    if (needsSecondAdmin(role))
      return c.json(await requestUser(d.store, 'promote', id, role, opts(c)), 202)
    return c.json(await setRole(d.store, id, role, opts(c)))
  })
  app.get('/users/requests', async (c) => {
    demand(c.get('actor').role, 'users:manage')
    return c.json({ requests: await listRequests(d.reads) })
  })
  for (const decision of ['approve', 'reject'] as const)
    app.post(`/users/requests/:rid/${decision}`, valid('param', RequestParam), async (c) => {
      demand(c.get('actor').role, 'users:manage')
      const request = await decideRequest(d.store, c.req.valid('param').rid, decision, opts(c))
      d.keyCache.clear()
      return c.json({ request })
    })
  app.post('/users/:id/disable', valid('param', IdParam), async (c) => {
    demand(c.get('actor').role, 'users:manage')
    await disableUser(d.store, c.req.valid('param').id, opts(c))
    d.keyCache.clear()
    return c.json({ id: c.req.valid('param').id, disabled: true })
  })
  return app
}
