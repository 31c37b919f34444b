// Ingest and scan history, quarantine counts, transfers per day and alerts per day by typology.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AuthEnv } from '../auth/middleware.ts'
import { demand } from '../roles.ts'
import { valid } from '../validate.ts'
import type { RouteDeps } from './deps.ts'
import type { FileRow, RunRow, RunsOverview } from '../../schema/runs.ts'
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
        d.reads.all<RunRow>('server/runs-list', { limit }),
        d.reads.all<FileRow>('server/runs-files', { limit }),
        d.reads.all<RunsOverview['quarantine'][number]>('server/runs-quarantine'),
        d.reads.all<RunsOverview['transfers_per_day'][number]>('server/runs-transfers-per-day'),
        d.reads.all<RunsOverview['alerts_per_day'][number]>('server/runs-alerts-per-day'),
        d.reads.all<RunsOverview['alert_status'][number]>('server/runs-alert-status'),
      ],
    )
    // absolute paths (files, report, database, messages) only for admins
    const body: RunsOverview = {
      runs: pathsFor(
        role,
        runs.map((r) => ({ ...r, summary: parseJson(r.summary as string | null) })),
      ),
      files: pathsFor(role, files),
      quarantine,
      transfers_per_day: transfersPerDay,
      alerts_per_day: alertsPerDay,
      alert_status: alertStatus,
    }
    return c.json(body)
  })
  return app
}
