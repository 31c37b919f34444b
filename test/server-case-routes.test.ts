// Cases through the API: an analyst links two alerts into a case; the alert page names the case and
// lists its other alerts with what links them, and offers the case's actions; alert-level moves of a
// case's alert are refused (409) in words naming the case; the case page lists its alerts, their
// transfers and the case's history; one graph holds every alert's pattern; four eyes holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { RING_ALERT, seed, testApp } from './server-fixture.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let store: Store
let keys: Record<Role, string>
let app: ReturnType<typeof testApp>
const OTHER = 'A-000000000105'

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  app = testApp(store)
})
afterAll(async () => store.close())

const post = (path: string, body: unknown, key: string) =>
  app.request(`/api/${path}`, {
    method: 'POST',
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const get = async (path: string, key: string) => {
  const res = await app.request(`/api/${path}`, {
    headers: { 'X-API-Key': key, Accept: 'application/json' },
  })
  expect(res.status).toBe(200)
  return (await res.json()) as Json
}

describe('cases API', () => {
  let caseId: string
  it('links two alerts into a case with a reason; a viewer may not', async () => {
    const body = { alert_id: OTHER, with: RING_ALERT, reason: 'the hub pays the ring back' }
    expect((await post('cases/link', body, keys.fiu_viewer)).status).toBe(403)
    expect((await post('cases/link', { ...body, reason: '' }, keys.analyst)).status).toBe(400)
    const res = await post('cases/link', body, keys.analyst)
    expect(res.status).toBe(200)
    const c = ((await res.json()) as Json).case
    expect(c.alert_ids).toEqual([RING_ALERT, OTHER].sort())
    caseId = c.id
  })

  it('the alert page names the case, its other alerts and what links them, and offers the case’s actions', async () => {
    const d = await get(`alerts/${RING_ALERT}`, keys.analyst)
    expect(d.case.id).toBe(caseId)
    expect(d.case.alerts.map((a: Json) => a.id).sort()).toEqual([RING_ALERT, OTHER].sort())
    expect(d.case.alerts.find((a: Json) => a.id === OTHER).why).toBe(
      'linked by ana: the hub pays the ring back',
    )
    expect(d.case.available_actions).toContain('start_review')
    expect(d.available_actions).toEqual(['note'])
    const refused = await post(
      `alerts/${RING_ALERT}/actions`,
      { type: 'start_review' },
      keys.analyst,
    )
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as Json).error.message).toContain(`Act on case ${caseId}`)
  })

  it('the case moves as one through the API, four eyes included; its page shows alerts, transfers and history', async () => {
    expect(
      (await post(`cases/${caseId}/actions`, { type: 'start_review' }, keys.analyst)).status,
    ).toBe(200)
    const propose = {
      type: 'propose',
      outcome: 'reported',
      reason: 'one ring with the hub',
      evidence: ['T-R1'],
    }
    expect((await post(`cases/${caseId}/actions`, propose, keys.analyst)).status).toBe(200)
    // the queue shows both alerts awaiting the decision
    const q = await get('alerts?status=proposed_report', keys.supervisor)
    expect(q.alerts.map((a: Json) => a.id).sort()).toEqual([RING_ALERT, OTHER].sort())
    const page = await get(`cases/${caseId}`, keys.supervisor)
    expect(page.case.status).toBe('proposed_report')
    expect(page.alerts).toHaveLength(2)
    expect(page.transfers.map((t: Json) => t.tx_id)).toContain('T-R1')
    expect(page.review.proposal).toMatchObject({ by: 'ana', reason: 'one ring with the hub' })
    expect(page.review.proposal.evidence[0]).toMatchObject({ kind: 'transfer', id: 'T-R1' })
    expect(page.available_actions).toContain('approve')
    expect((await post(`cases/${caseId}/actions`, { type: 'approve' }, keys.analyst)).status).toBe(
      403,
    )
    const ok = await post(`cases/${caseId}/actions`, { type: 'approve' }, keys.supervisor)
    expect(ok.status).toBe(200)
    const after = await get(`cases/${caseId}`, keys.supervisor)
    expect(after.review.decision.line).toBe("Reported to the FIU by sue on ana's proposal")
    expect(after.audit.map((x: Json) => x.action)).toEqual([
      'case.create',
      'case.start_review',
      'case.propose',
      'case.approve',
    ])
    expect((await get(`alerts/${OTHER}`, keys.analyst)).alert.status).toBe('reported')
  })

  it('one graph holds the patterns of all the case’s alerts', async () => {
    const g = await get(`cases/${caseId}/graph`, keys.analyst)
    expect(g.meta.case_id).toBe(caseId)
    const inPattern = g.edges.filter((e: Json) => e.in_pattern).map((e: Json) => e.id)
    expect(inPattern).toEqual(expect.arrayContaining(['T-R1', 'T-R2', 'T-R3', 'T-R4']))
    expect(g.nodes.filter((n: Json) => n.focus).length).toBeGreaterThanOrEqual(5)
  })

  it('an unknown case is a 404, a malformed id a 400', async () => {
    const res = await app.request('/api/cases/C-00ff', { headers: { 'X-API-Key': keys.analyst } })
    expect(res.status).toBe(404)
    const bad = await app.request('/api/cases/nope', { headers: { 'X-API-Key': keys.analyst } })
    expect(bad.status).toBe(400)
  })
})
