// server/: the Hono app (JSON API, Arrow IPC graphs, dashboards) and the users who may call it.
export { createApp, CSP, type AppDeps } from './app.ts'
export {
  addUser,
  reissueKey,
  listUsers,
  disableUser,
  type NewUser,
  type UserRow,
} from './auth/users.ts'
export { JwtConfig } from './auth/jwt.ts'
export { buildDashboards, DASHBOARDS_DIR } from './dashboards.ts'
export { PERMISSIONS, CASE_ACTION_ROLES, can, canAct } from './roles.ts'
export { ARROW_STREAM } from './arrow.ts'
