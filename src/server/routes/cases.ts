// Case actions on an alert (assign, note, start_review, escalate, propose, approve, reject) through
// the cases module, which applies the transition table, four eyes and the audit log; and alert
// exports (JSONL, CSV, goAML, FtM) through its exportAlerts, audited there.
import { Writable } from 'node:stream'
import { Hono } from 'hono'
import { z } from 'zod'
import { AlertStatus, type Actor, type AlertStatus as Status } from '../../schema/alert.ts'
import {
  applyCaseAction,
  ASSIGNEE_ROLES,
  CaseAction,
  exportAlerts,
  type CaseOptions,
  EXPORT_FORMATS,
  isClosed,
  TRANSITIONS,
  type CaseVerb,
} from '../../cases/index.ts'
import { ForbiddenError } from '../../util/errors.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { can, canAct, demand, type CaseActionType } from '../roles.ts'
import { sameCustody } from '../../cases/custody.ts'
import type { Queries } from '../../store/index.ts'
import { valid } from '../validate.ts'
import type { RouteDeps } from './deps.ts'
import { AlertIdParam } from './alerts.ts'

/**
 * The actions this actor may take on an alert in its current state (for the dashboard's buttons).
 * `related`: the actor and the proposer are one chain of custody (custodyOf), so four eyes bars
 * them from approving or rejecting as it bars the proposer.
 */
export function availableActions(
  actor: Actor,
  alert: { status: Status; proposed_by: string | null },
  related = false,
): CaseActionType[] {
  const out: CaseActionType[] = []
  if (canAct(actor.role, 'assign') && !isClosed(alert.status)) out.push('assign')
  if (canAct(actor.role, 'note')) out.push('note')
  const verbs: Array<CaseActionType & CaseVerb> = [
    'start_review',
    'escalate',
    'propose',
    'approve',
    'reject',
  ]
  for (const v of verbs) {
    if (!canAct(actor.role, v)) continue
    const ok = TRANSITIONS.some(
      (t) => t.verb === v && t.from === alert.status && t.roles.includes(actor.role),
    )
    const fourEyes =
      (v === 'approve' || v === 'reject') && (alert.proposed_by === actor.id || related)
    if (ok && !fourEyes) out.push(v)
  }
  return out
}

/** Whether the actor and the alert's proposer are one chain of custody (see cases/custody.ts). */
export async function custodyOf(
  reads: Queries,
  actor: Actor,
  alert: { proposed_by: string | null },
): Promise<boolean> {
  return alert.proposed_by !== null && (await sameCustody(reads, alert.proposed_by, actor.id))
}

/**
 * A case action on an alert or a case (`apply`): refused unless the actor's role may take it; the
 * queue shows the change before the answer goes out (the caller's next page has it; others'
 * requests meanwhile are answered from the queue in hand). The answer carries only what the
 * caller's role may read: without alerts:read, the id and the new status, not the record.
 */
export async function actOn<T extends { id: string; status: Status; proposed_by: string | null }>(
  d: RouteDeps,
  actor: Actor,
  action: CaseAction,
  what: 'alerts' | 'cases',
  apply: (opts: CaseOptions) => Promise<T>,
): Promise<{ record: T | { id: string; status: Status }; available_actions: CaseActionType[] }> {
  if (!canAct(actor.role, action.type))
    throw new ForbiddenError(`role ${actor.role} may not ${action.type} ${what}`, {
      role: actor.role,
      action: action.type,
    })
  const record = await apply({
    now: new Date(d.clock()).toISOString(),
    strongHitScore: d.config.screen.match_threshold,
  })
  await d.queue
    ?.changed()
    .catch((e: unknown) => d.logger.error('alert queue after a case action', { error: String(e) }))
  const available_actions = availableActions(actor, record, await custodyOf(d.reads, actor, record))
  if (!can(actor.role, 'alerts:read'))
    return { record: { id: record.id, status: record.status }, available_actions }
  return { record, available_actions }
}

const ExportBody = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    status: AlertStatus.optional(),
    ids: z
      .array(z.string().regex(/^A-[0-9a-f]+$/))
      .max(10_000)
      .optional(),
  })
  .strict()

const CONTENT_TYPES: Record<(typeof EXPORT_FORMATS)[number], [string, string]> = {
  jsonl: ['application/x-ndjson; charset=utf-8', 'jsonl'],
  csv: ['text/csv; charset=utf-8', 'csv'],
  goaml: ['application/xml; charset=utf-8', 'xml'],
  ftm: ['application/x-ndjson; charset=utf-8', 'ftm.json'],
}

export function caseRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()

  app.post(
    '/alerts/:id/actions',
    valid('param', AlertIdParam),
    valid('json', CaseAction),
    async (c) => {
      const id = c.req.valid('param').id
      const body = await actOn(d, c.get('actor'), c.req.valid('json'), 'alerts', (opts) =>
        applyCaseAction(d.store, c.get('actor'), id, c.req.valid('json'), opts),
      )
      return c.json({ alert: body.record, available_actions: body.available_actions })
    },
  )

  // Who an alert may be assigned to (the assignment picker): enabled analysts and supervisors.
  app.get('/assignees', async (c) => {
    const actor = c.get('actor')
    if (!canAct(actor.role, 'assign'))
      throw new ForbiddenError(`role ${actor.role} may not assign alerts`, { role: actor.role })
    const users = await d.reads.all<{ id: string; role: string }>('server/assignees', {
      roles: JSON.stringify(ASSIGNEE_ROLES),
    })
    return c.json({ users })
  })

  app.post('/exports', valid('json', ExportBody), async (c) => {
    const actor = c.get('actor')
    demand(actor.role, 'alerts:export')
    const body = c.req.valid('json')
    const chunks: Buffer[] = []
    const out = new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk))
        done()
      },
    })
    const { count } = await exportAlerts(d.store, actor, {
      format: body.format,
      status: body.status,
      ids: body.ids,
      out,
      now: new Date(d.clock()).toISOString(),
      goaml: d.config.cases.goaml,
    })
    const [type, ext] = CONTENT_TYPES[body.format]
    c.header('Content-Type', type)
    c.header('Content-Disposition', `attachment; filename="ringwatch-alerts.${ext}"`)
    c.header('X-Alert-Count', String(count))
    return c.body(Buffer.concat(chunks))
  })

  return app
}
