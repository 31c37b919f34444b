// Taking an alert out of its case through the API: who may (analyst, supervisor; not a viewer nor
// the admin), a reason in plain words, the audit rows of the case and the alert on their pages, the
// alert's own case on the alert page; an alert not in the case or the case's last alert is a 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { RING_ALERT, seed, testApp } from './server-fixture.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let store: Store
let keys: Record<Role, string>
let app: ReturnType<typeof testApp>
const A = 'A-000000000105'
const B = 'A-000000000106'

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

describe('POST /api/cases/:id/unlink', () => {
  let caseId: string
  beforeAll(async () => {
    for (const other of [A, B]) {
      const res = await post(
        'cases/link',
        { alert_id: other, with: RING_ALERT, reason: 'the hub pays the ring back' },
        keys.analyst,
      )
      expect(res.status).toBe(200)
      caseId = ((await res.json()) as Json).case.id
    }
    expect((await get(`cases/${caseId}`, keys.analyst)).alerts).toHaveLength(3)
  })

  it('refuses a viewer and the admin (403), an empty reason (400, in words), an alert not in the case (409)', async () => {
    const body = { alert_id: B, reason: 'a different counterparty' }
    expect((await post(`cases/${caseId}/unlink`, body, keys.fiu_viewer)).status).toBe(403)
    expect((await post(`cases/${caseId}/unlink`, body, keys.admin)).status).toBe(403)
    const empty = await post(`cases/${caseId}/unlink`, { ...body, reason: '' }, keys.analyst)
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as Json).error.message).not.toMatch(/json field|Too small/)
    const stranger = await post(
      `cases/${caseId}/unlink`,
      { ...body, alert_id: 'A-000000000107' },
      keys.analyst,
    )
    expect(stranger.status).toBe(409)
    expect((await get(`cases/${caseId}`, keys.analyst)).alerts).toHaveLength(3)
  })

  it('a supervisor takes an alert out: it gets its own case; both pages show who did it and why', async () => {
    const res = await post(
      `cases/${caseId}/unlink`,
      { alert_id: B, reason: 'a different counterparty, paid for its own goods' },
      keys.supervisor,
    )
    expect(res.status).toBe(200)
    const out = (await res.json()) as Json
    expect(out.case.alert_ids).toEqual([RING_ALERT, A].sort())
    expect(out.alert_case.alert_ids).toEqual([B])
    const page = await get(`cases/${caseId}`, keys.analyst)
    expect(page.alerts.map((a: Json) => a.id).sort()).toEqual([RING_ALERT, A].sort())
    const row = (page.audit as Json[]).find((x) => x.action === 'case.unlink')
    expect(row).toMatchObject({
      actor: 'sue',
      reason: 'a different counterparty, paid for its own goods',
    })
    const alert = await get(`alerts/${B}`, keys.analyst)
    expect(alert.case.id).toBe(out.alert_case.id)
    expect(alert.case.alerts.map((a: Json) => a.id)).toEqual([B])
    expect((alert.audit as Json[]).map((x) => x.action)).toContain('case.unlink')
    // the case it left is not on the alert's page any more; the other alert still shares it
    expect((await get(`alerts/${A}`, keys.analyst)).case.id).toBe(caseId)
  })

  it('the last alert of a case stays in it (409)', async () => {
    const own = (await get(`alerts/${B}`, keys.analyst)).case.id
    const res = await post(`cases/${own}/unlink`, { alert_id: B, reason: 'alone' }, keys.analyst)
    expect(res.status).toBe(409)
  })
})
