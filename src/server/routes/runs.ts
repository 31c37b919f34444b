// Ingest and scan history, quarantine counts, transfers per day and alerts per day by typology.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AuthEnv } from '../auth/middleware.ts'
import { demand } from '../roles.ts'
import { valid } from '../validate.ts'
import type { RouteDeps } from './deps.ts'
import { parseJson } from './alerts.ts'
import { pathsFor } from '../paths.ts'

const RunsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) })

export function runRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()
  app.get('/runs', valid('query', RunsQuery), async (c) => {
    const role = c.get('actor').role
    demand(role, 'runs:read')
    const { limit } = c.req.valid('query')
    const [runs, files, quarantine, transfersPerDay, alertsPerDay, alertStatus] = await Promise.all(
      [
        d.reads.all<Record<string, unknown>>('server/runs-list', { limit }),
        d.reads.all('server/runs-files', { limit }),
        d.reads.all('server/runs-quarantine'),
        d.reads.all('server/runs-transfers-per-day'),
        d.reads.all('server/runs-alerts-per-day'),
        d.reads.all('server/runs-alert-status'),
      ],
    )
    // absolute paths (files, report, database, messages) only for admins
    return c.json({
      runs: pathsFor(
        role,
        runs.map((r) => ({ ...r, summary: parseJson(r.summary) })),
      ),
      files: pathsFor(role, files),
      quarantine,
      transfers_per_day: transfersPerDay,
      alerts_per_day: alertsPerDay,
      alert_status: alertStatus,
    })
  })
  return app
}
