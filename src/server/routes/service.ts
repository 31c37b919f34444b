// What the command line asks of a server that owns the database, beside jobs: the quarantined
// rows (counts, rows, every row for repair), the list snapshots, and the audit chain's verdict.
import { Hono } from 'hono'
import { z } from 'zod'
import {
  eachQuarantined,
  listQuarantine,
  REASON_CODES,
  summarizeQuarantine,
} from '../../ingest/index.ts'
import { listSnapshots } from '../../screen/index.ts'
import { verifyAudit } from '../../cases/index.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { demand } from '../roles.ts'
import { valid } from '../validate.ts'
import { pathsFor } from '../paths.ts'
import type { RouteDeps } from './deps.ts'

const QuarantineQuery = z
  .object({
    view: z.enum(['summary', 'list', 'export']).default('summary'),
    file: z.string().min(1).max(4096).optional(),
    run: z.string().min(1).max(200).optional(),
    reason: z.enum(REASON_CODES as unknown as [string, ...string[]]).optional(),
    limit: z.coerce.number().int().min(0).max(1_000_000).default(50),
  })
  .strict()

export function serviceRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()

  app.get('/quarantine', valid('query', QuarantineQuery), async (c) => {
    const role = c.get('actor').role
    demand(role, 'quarantine:read')
    const q = c.req.valid('query')
    const filter = { file: q.file, run: q.run, reason: q.reason }
    if (q.view === 'summary')
      return c.json({ counts: pathsFor(role, await summarizeQuarantine(d.reads, filter)) })
    if (q.view === 'list')
      return c.json({
        rows: pathsFor(
          role,
          await listQuarantine(d.reads, { ...filter, limit: q.limit === 0 ? undefined : q.limit }),
        ),
      })
    // every row, as JSON lines, a page at a time
    const reads = d.reads
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const enc = new TextEncoder()
        try {
          for await (const r of eachQuarantined(reads, filter))
            controller.enqueue(enc.encode(JSON.stringify(pathsFor(role, r)) + '\n'))
          controller.close()
        } catch (e) {
          controller.error(e)
        }
      },
    })
    return c.body(stream, 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' })
  })

  app.get('/lists', async (c) => {
    const role = c.get('actor').role
    demand(role, 'runs:read')
    return c.json({ snapshots: pathsFor(role, await listSnapshots(d.store)) })
  })

  app.get('/audit/verify', async (c) => {
    demand(c.get('actor').role, 'audit:verify')
    return c.json(await verifyAudit(d.store))
  })

  return app
}
