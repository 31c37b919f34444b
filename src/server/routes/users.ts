// Who am I (every role), and user management for admins.
import { Hono } from 'hono'
import { z } from 'zod'
import { Role } from '../../schema/alert.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { addUser, disableUser, listUsers, UserId } from '../auth/users.ts'
import { actionsFor, can, demand, PERMISSIONS, type Permission } from '../roles.ts'
import { valid } from '../validate.ts'
import type { RouteDeps } from './deps.ts'

const NewUserBody = z.object({ id: UserId, role: Role }).strict()

export function userRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()
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
    const user = await addUser(d.store, id, role, {
      now: () => new Date(d.clock()),
      actor: c.get('actor'),
    })
    return c.json(user, 201)
  })
  app.post('/users/:id/disable', valid('param', z.object({ id: UserId })), async (c) => {
    demand(c.get('actor').role, 'users:manage')
    await disableUser(d.store, c.req.valid('param').id, {
      now: () => new Date(d.clock()),
      actor: c.get('actor'),
    })
    d.keyCache.clear()
    return c.json({ id: c.req.valid('param').id, disabled: true })
  })
  return app
}
