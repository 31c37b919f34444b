// Alert queue (filtered, sorted, keyset-paged), alert detail and the alert's subgraph.
import { Hono } from 'hono'
import { z } from 'zod'
import { ALERT_STATUSES } from '../../schema/alert.ts'
import { TYPOLOGIES } from '../../schema/finding.ts'
import { BadInputError, NotFoundError } from '../../util/errors.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { actionsFor, demand } from '../roles.ts'
import { IsoDate, valid } from '../validate.ts'
import type { RouteDeps } from './deps.ts'
import { alertDetail } from './alert-detail.ts'
import { alertSubgraph } from './alert-subgraph.ts'
import { hopSource } from '../network/graph-index.ts'
import { alertReview } from './alert-review.ts'
import { sendGraph } from '../arrow.ts'
import { availableActions, custodyOf } from './cases.ts'
import { caseOfAlert } from './case-routes.ts'
import { parseJson } from '../json.ts'
import { textQuery } from '../queue/search-text.ts'
import { SORT_KEYS } from '../queue/alert-queue.ts'
import { queueRowParties, type QueueSummary } from '../queue/row-parties.ts'

export { parseJson }

const csvOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1))
    .transform((a) => a.join(','))
    .optional()

export const AlertListQuery = z
  .object({
    status: csvOf(ALERT_STATUSES),
    typology: csvOf(TYPOLOGIES),
    score_min: z.coerce.number().min(0).optional(),
    score_max: z.coerce.number().min(0).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    assignee: z.string().min(1).max(64).optional(),
    q: z.string().min(1).max(200).optional(),
    sort: z.enum(SORT_KEYS).default('score'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict()

export const AlertIdParam = z.object({ id: z.string().regex(/^A-[0-9a-f]+$/, 'an alert id A-…') })

/** Cursor: base64url of [sk, id] of the last row of the previous page. */
export function encodeCursor(sk: number, id: string): string {
  return Buffer.from(JSON.stringify([sk, id])).toString('base64url')
}

export function decodeCursor(cursor: string): { sk: number; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string')
      return { sk: v[0], id: v[1] }
  } catch {
    // fall through to the error below
  }
  throw new BadInputError(
    'The page cursor is not one this server gave out: load the first page again.',
    {
      field: 'cursor',
    },
  )
}

export function alertRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()

  app.get('/alerts', valid('query', AlertListQuery), async (c) => {
    demand(c.get('actor').role, 'alerts:read')
    const q = c.req.valid('query')
    const after = q.cursor ? decodeCursor(q.cursor) : undefined
    const filters = {
      status: q.status ?? null,
      typology: q.typology ?? null,
      score_min: q.score_min ?? null,
      score_max: q.score_max ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      assignee: q.assignee ?? null,
      q: q.q ?? null,
    }
    const dir = q.order === 'desc' ? -1 : 1
    if (d.queue && (await d.queue.ready())) {
      // In memory: rows are kept as JSON text, so a page is joined, not serialised again.
      const page = d.queue.page(filters, q.sort, dir, q.limit + 1, after)
      const shown = page.rows.slice(0, q.limit)
      const last = shown[shown.length - 1]
      const next = page.rows.length > q.limit && last ? encodeCursor(last.sk, last.id) : null
      return c.body(
        `{"total":${page.total},"alerts":[${shown.map((r) => r.json).join(',')}],"next_cursor":${JSON.stringify(next)}}`,
        200,
        { 'Content-Type': 'application/json' },
      )
    }
    // the SQL queue (past the in-memory queue's size): the text folded as the in-memory queue folds it
    const { q: _q, ...sqlFilters } = filters
    const text = textQuery(filters.q)
    const where = { ...sqlFilters, qn: text?.text || null, qa: text?.account || null }
    const [rows, count] = await Promise.all([
      d.reads.all<Record<string, unknown> & { sk: number; id: string }>('server/alerts-list', {
        ...where,
        sort: q.sort,
        dir,
        // as text: a whole double such as the nulls-last key 1e300 would bind as an integer
        after_sk: after ? String(after.sk) : null,
        after_id: after?.id ?? null,
        limit: q.limit + 1,
      }),
      d.reads.one<{ n: number }>('server/alerts-count', where),
    ])
    const more = rows.length > q.limit
    const page = rows.slice(0, q.limit)
    const last = page[page.length - 1]
    const summaries = new Map<string, QueueSummary>()
    if (page.length)
      for (const s of await d.reads.all<QueueSummary>('server/queue-summary', {
        ids: JSON.stringify(page.map((r) => r.id)),
      }))
        summaries.set(s.id, s)
    return c.json({
      total: count?.n ?? 0,
      alerts: page.map(({ sk: _sk, ...r }) => ({
        ...r,
        reasons: parseJson(r.reasons),
        ...queueRowParties(summaries.get(r.id)),
      })),
      next_cursor: more && last ? encodeCursor(last.sk, last.id) : null,
    })
  })

  app.get('/alerts/:id', valid('param', AlertIdParam), async (c) => {
    const actor = c.get('actor')
    demand(actor.role, 'alerts:read')
    const detail = await alertDetail(d.reads, c.req.valid('param').id)
    const review = alertReview(
      detail.alert,
      detail.audit,
      detail.transfers as Array<Record<string, unknown>>,
      detail.hits,
      d.config.screen.match_threshold,
    )
    // an alert of a case is assigned and decided through its case: its actions are the case's
    const kase = await caseOfAlert(d.reads, c.req.valid('param').id)
    return c.json({
      ...detail,
      review,
      case: kase && {
        ...kase,
        available_actions: availableActions(actor, kase, await custodyOf(d.reads, actor, kase)),
        notes: await d.reads.all('server/case-notes', { id: kase.id }),
      },
      allowed_actions: actionsFor(actor.role),
      available_actions: kase
        ? availableActions(actor, detail.alert as never).filter((a) => a === 'note')
        : availableActions(
            actor,
            detail.alert as never,
            await custodyOf(d.reads, actor, detail.alert as never),
          ),
    })
  })

  app.get('/alerts/:id/graph', valid('param', AlertIdParam), async (c) => {
    demand(c.get('actor').role, 'alerts:read')
    const graph = await alertSubgraph(
      d.reads,
      await hopSource(d.network, d.reads),
      c.req.valid('param').id,
    )
    return sendGraph(c, graph)
  })

  return app
}

export function requireRow<T>(row: T | undefined, what: string): T {
  if (!row) throw new NotFoundError(`no ${what}`)
  return row
}
