// Cases: the case page (its alerts with what links them, their transfers, parties' hits and goods
// flags, the case's notes, history and review), one graph of all its alerts, case actions (the
// cases module applies the transitions, four eyes and the audit log), linking two alerts and
// taking one out of its case.
import { Hono } from 'hono'
import { z } from 'zod'
import {
  applyCaseActionToCase,
  CaseAction,
  getCase,
  linkAlerts,
  LinkAlerts,
  unlinkAlert,
  UnlinkAlert,
  UNLINK_ROLES,
} from '../../cases/index.ts'
import { CaseId, type AlertCase, type CaseAlertSummary } from '../../schema/case.ts'
import type { Queries } from '../../store/index.ts'
import { ForbiddenError } from '../../util/errors.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { canAct, demand } from '../roles.ts'
import { valid } from '../validate.ts'
import { sendGraph } from '../arrow.ts'
import { hopSource } from '../network/graph-index.ts'
import type { Graph } from '../../schema/graph.ts'
import type { HopSource } from '../network/hop.ts'
import type { RouteDeps } from './deps.ts'
import { alertDetail } from './alert-detail.ts'
import { alertSubgraph } from './alert-subgraph.ts'
import { alertReview } from './alert-review.ts'
import { actOn, availableActions, custodyOf } from './cases.ts'
import { parseJson } from '../json.ts'

const CaseIdParam = z.object({ id: CaseId })
type Row = Record<string, unknown>

/** The case of an alert, with all its alerts, or null. */
export async function caseOfAlert(reads: Queries, alertId: string): Promise<AlertCase | null> {
  const rows = await reads.all<Row>('server/case-of-alert', { id: alertId })
  if (!rows.length) return null
  const r = rows[0]
  return {
    id: String(r.case_id),
    status: r.case_status as AlertCase['status'],
    assignee: (r.case_assignee as string | null) ?? null,
    proposed_by: (r.case_proposed_by as string | null) ?? null,
    proposed_outcome: (r.case_proposed_outcome as string | null) ?? null,
    alerts: rows.map(summary),
  }
}

function summary(r: Row): CaseAlertSummary {
  return {
    id: String(r.id),
    typology: String(r.typology),
    score: Number(r.score),
    status: String(r.status),
    accounts: r.accounts as string[],
    total_amount: String(r.total_amount),
    currency: String(r.currency),
    first_ts: String(r.first_ts),
    last_ts: String(r.last_ts),
    tx_count: Number(r.tx_count),
    why: String(r.why),
    linked_by: (r.linked_by as string | null) ?? null,
  }
}

/** One graph of all the case's alerts: each alert's pattern and context, merged. */
export async function caseGraph(reads: Queries, hops: HopSource, id: string): Promise<Graph> {
  const c = await getCase(reads, id)
  const nodes = new Map<string, Graph['nodes'][number]>()
  const edges = new Map<string, Graph['edges'][number]>()
  for (const alertId of c.alert_ids) {
    const g = await alertSubgraph(reads, hops, alertId)
    for (const n of g.nodes) {
      const old = nodes.get(n.id)
      nodes.set(n.id, old ? { ...old, focus: old.focus || n.focus } : n)
    }
    for (const e of g.edges) {
      const old = edges.get(e.id)
      // a payment in one alert's pattern stays in the pattern; hop order is per alert, so dropped
      if (!old || (!old.in_pattern && e.in_pattern)) edges.set(e.id, e)
    }
  }
  const ordered = [...edges.values()].sort((a, b) => (a.first_ts < b.first_ts ? -1 : 1))
  let hop = 0
  for (const e of ordered) e.order = e.in_pattern ? ++hop : null
  return { nodes: [...nodes.values()], edges: ordered, meta: { case_id: id, alerts: c.alert_ids } }
}

export function caseWorkRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()

  app.get('/cases/:id', valid('param', CaseIdParam), async (c) => {
    const actor = c.get('actor')
    demand(actor.role, 'alerts:read')
    const id = c.req.valid('param').id
    const kase = await getCase(d.reads, id)
    const [alerts, notes, audit] = await Promise.all([
      d.reads.all<Row>('server/case-alerts', { id }),
      d.reads.all<Row>('server/case-notes', { id }),
      d.reads.all<Row>('server/case-audit', { id }),
    ])
    // the transfers, hits and goods flags of every alert, each once
    const transfers = new Map<string, Row>()
    const hits = new Map<string, Row>()
    const goods = new Map<string, Row>()
    const parties = new Map<string, Row>()
    for (const a of alerts) {
      const detail = await alertDetail(d.reads, String(a.id))
      for (const t of detail.transfers as Row[]) {
        const old = transfers.get(String(t.tx_id))
        if (old) (old.alerts as string[]).push(String(a.id))
        else transfers.set(String(t.tx_id), { ...t, alerts: [String(a.id)] })
      }
      for (const h of detail.hits as Row[])
        hits.set(String(h.hit_id ?? `${h.account}:${h.entry_id}`), h)
      for (const g of detail.goods as Row[]) goods.set(String(g.tx_id), g)
      for (const p of detail.parties as Row[]) parties.set(String(p.account), p)
    }
    const txs = [...transfers.values()].sort((x, y) =>
      String(x.ts) < String(y.ts) ? -1 : String(x.ts) > String(y.ts) ? 1 : 0,
    )
    txs.forEach((t, i) => (t.hop = i + 1))
    const parsedAudit = audit.map((x) => ({
      ...x,
      before: parseJson(x.before),
      after: parseJson(x.after),
    }))
    const hitList = [...hits.values()]
    return c.json({
      case: kase,
      alerts: alerts.map((a) => ({ ...summary(a), reasons: parseJson(a.reasons) })),
      transfers: txs,
      parties: [...parties.values()],
      hits: hitList,
      goods: [...goods.values()],
      notes,
      audit: parsedAudit,
      review: alertReview(kase, parsedAudit, txs, hitList, d.config.screen.match_threshold),
      available_actions: availableActions(actor, kase, await custodyOf(d.reads, actor, kase)),
    })
  })

  app.get('/cases/:id/graph', valid('param', CaseIdParam), async (c) => {
    demand(c.get('actor').role, 'alerts:read')
    return sendGraph(
      c,
      await caseGraph(d.reads, await hopSource(d.network, d.reads), c.req.valid('param').id),
    )
  })

  app.post(
    '/cases/:id/actions',
    valid('param', CaseIdParam),
    valid('json', CaseAction),
    async (c) => {
      const id = c.req.valid('param').id
      const body = await actOn(d, c.get('actor'), c.req.valid('json'), 'cases', (opts) =>
        applyCaseActionToCase(d.store, c.get('actor'), id, c.req.valid('json'), opts),
      )
      return c.json({ case: body.record, available_actions: body.available_actions })
    },
  )

  app.post('/cases/link', valid('json', LinkAlerts), async (c) => {
    const actor = c.get('actor')
    if (!canAct(actor.role, 'assign'))
      throw new ForbiddenError(`role ${actor.role} may not link alerts into cases`, {
        role: actor.role,
      })
    const kase = await linkAlerts(d.store, actor, c.req.valid('json'), {
      now: new Date(d.clock()).toISOString(),
    })
    await d.queue
      ?.changed()
      .catch((e: unknown) => d.logger.error('alert queue after a case link', { error: String(e) }))
    return c.json({ case: kase })
  })

  // an analyst or supervisor takes an alert out of the case, saying why (src/cases/case-unlink.ts)
  app.post(
    '/cases/:id/unlink',
    valid('param', CaseIdParam),
    valid('json', UnlinkAlert),
    async (c) => {
      const actor = c.get('actor')
      if (!UNLINK_ROLES.includes(actor.role))
        throw new ForbiddenError(`role ${actor.role} may not take alerts out of cases`, {
          role: actor.role,
        })
      const out = await unlinkAlert(d.store, actor, c.req.valid('param').id, c.req.valid('json'), {
        now: new Date(d.clock()).toISOString(),
      })
      await d.queue
        ?.changed()
        .catch((e: unknown) =>
          d.logger.error('alert queue after a case unlink', { error: String(e) }),
        )
      return c.json(out)
    },
  )

  return app
}
