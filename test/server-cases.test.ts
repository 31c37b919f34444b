// Case actions and exports through the API: the role × action matrix against the cases module,
// four eyes, conflicts, bad bodies, the audit trail on the alert page, and audited exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import { ROLES, type Role } from '../src/schema/alert.ts'
import { addUser, CASE_ACTION_ROLES } from '../src/server/index.ts'
import { RING_ALERT, ringAlert, seed, testApp } from './server-fixture.ts'
import { parseConfig } from '../src/config/index.ts'
import { GOAML_XSD, goamlSchemaErrors, goamlTestSettings } from './goaml-schema.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let store: Store
let keys: Record<Role, string>
let sam: string
let app: ReturnType<typeof testApp>
let n = 0

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  sam = (await addUser(store, 'sam', 'supervisor')).key
  app = testApp(store)
})
afterAll(async () => store.close())

const post = (path: string, body: unknown, key: string) =>
  app.request(path, {
    method: 'POST',
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

async function freshAlert(
  status: string,
  extra: { proposed_by?: string; proposed_outcome?: string } = {},
) {
  return ringAlert(store, `A-c0${(++n).toString(16).padStart(6, '0')}`, status, extra)
}

const ME: Record<Role, string> = {
  analyst: 'ana',
  supervisor: 'sue',
  fiu_viewer: 'fred',
  admin: 'adam',
  batch: 'bob',
}
const SETUP: Record<string, [string, (r: Role) => Json, Json?]> = {
  // to a colleague who works alerts (an admin reads no alerts and is never an assignee)
  assign: ['new', (r) => ({ type: 'assign', assignee: r === 'admin' ? 'ana' : ME[r] })],
  note: ['new', () => ({ type: 'note', text: 'looked at it' })],
  start_review: ['new', () => ({ type: 'start_review' })],
  escalate: ['in_review', () => ({ type: 'escalate', reason: 'goods to a listed party' })],
  propose: [
    'in_review',
    // RING[1] is a watch-list hit: a false positive is confirmed, with a sentence
    () => ({
      type: 'propose',
      outcome: 'closed_false_positive',
      reason: 'Known trade partner, the listed entity is another company',
      confirm: true,
    }),
  ],
  approve: [
    'proposed_close',
    () => ({ type: 'approve', confirm: true, reason: 'Checked the registry: a different company' }),
    { proposed_by: 'someone', proposed_outcome: 'closed_false_positive' },
  ],
  reject: [
    'proposed_close',
    () => ({ type: 'reject', reason: 'needs more work' }),
    { proposed_by: 'someone', proposed_outcome: 'closed_false_positive' },
  ],
}

describe('roles × case actions', () => {
  for (const [action, roles] of Object.entries(CASE_ACTION_ROLES))
    for (const role of ROLES) {
      const ok = (roles as readonly Role[]).includes(role)
      it(`${role} ${action} → ${ok ? 200 : 403}`, async () => {
        const [status, body, extra] = SETUP[action]
        const id = await freshAlert(status, extra)
        const res = await post(`/api/alerts/${id}/actions`, body(role), keys[role])
        expect(res.status).toBe(ok ? 200 : 403)
      })
    }
})

describe('the four-eyes flow', () => {
  it('analyst reviews and proposes, the same person cannot approve, a supervisor approves', async () => {
    const id = await freshAlert('new')
    expect(
      (await post(`/api/alerts/${id}/actions`, { type: 'start_review' }, keys.analyst)).status,
    ).toBe(200)
    const p = await post(
      `/api/alerts/${id}/actions`,
      { type: 'propose', outcome: 'closed_benign', reason: 'regular supplier' },
      keys.analyst,
    )
    expect(((await p.json()) as Json).alert.status).toBe('proposed_close')
    const detail = (await (
      await app.request(`/api/alerts/${id}`, { headers: { 'X-API-Key': keys.supervisor } })
    ).json()) as Json
    expect(detail.available_actions).toEqual(expect.arrayContaining(['approve', 'reject']))
    const a = await post(
      `/api/alerts/${id}/actions`,
      { type: 'approve', reason: 'agreed' },
      keys.supervisor,
    )
    expect(((await a.json()) as Json).alert.status).toBe('closed_benign')
    const after = (await (
      await app.request(`/api/alerts/${id}`, { headers: { 'X-API-Key': keys.analyst } })
    ).json()) as Json
    expect(after.audit.map((x: Json) => x.action)).toEqual([
      'case.start_review',
      'case.propose',
      'case.approve',
    ])
    expect(after.audit.map((x: Json) => x.actor)).toEqual(['ana', 'ana', 'sue'])
  })

  it('refuses a supervisor approving their own proposal, and lets another approve', async () => {
    const id = await freshAlert('in_review')
    await post(
      `/api/alerts/${id}/actions`,
      { type: 'propose', outcome: 'reported', reason: 'STR' },
      keys.supervisor,
    )
    const own = (await (
      await app.request(`/api/alerts/${id}`, { headers: { 'X-API-Key': keys.supervisor } })
    ).json()) as Json
    expect(own.available_actions).not.toContain('approve')
    expect(
      (await post(`/api/alerts/${id}/actions`, { type: 'approve' }, keys.supervisor)).status,
    ).toBe(403)
    const ok = await post(`/api/alerts/${id}/actions`, { type: 'approve' }, sam)
    expect(((await ok.json()) as Json).alert.status).toBe('reported')
  })

  it('answers impossible transitions with 409 and bad bodies with 400', async () => {
    const id = await freshAlert('new')
    expect(
      (await post(`/api/alerts/${id}/actions`, { type: 'approve' }, keys.supervisor)).status,
    ).toBe(409)
    expect(
      (
        await post(
          `/api/alerts/${id}/actions`,
          { type: 'propose', outcome: 'closed_benign' },
          keys.analyst,
        )
      ).status,
    ).toBe(400)
    expect((await post(`/api/alerts/${id}/actions`, { type: 'delete' }, keys.analyst)).status).toBe(
      400,
    )
    expect(
      (await post('/api/alerts/A-ffffff/actions', { type: 'note', text: 'x' }, keys.analyst))
        .status,
    ).toBe(404)
  })
})

describe('exports', () => {
  it('exports alerts as JSON lines and CSV for permitted roles, audited', async () => {
    const res = await post('/api/exports', { format: 'jsonl', ids: [RING_ALERT] }, keys.fiu_viewer)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('ndjson')
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual([RING_ALERT])
    expect(lines[0].tx_ids.sort()).toEqual(['T-R1', 'T-R2', 'T-R3', 'T-R4'])
    const csv = await post('/api/exports', { format: 'csv' }, keys.supervisor)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(Number(csv.headers.get('x-alert-count'))).toBeGreaterThan(10)
    expect((await post('/api/exports', { format: 'jsonl' }, keys.batch)).status).toBe(403)
    expect((await post('/api/exports', { format: 'pdf' }, keys.supervisor)).status).toBe(400)
  })

  it('a goAML report names the reporting entity from the config and the FIU schema accepts it', async () => {
    const id = await freshAlert('new')
    for (const tx of ['T-R1', 'T-R2', 'T-R3', 'T-R4'])
      await store.run('fixture/insert-alert-transfer', {
        alert_id: id,
        tx_id: tx,
        run_id: 'run-scan-1',
      })
    expect(
      (await post(`/api/alerts/${id}/actions`, { type: 'start_review' }, keys.analyst)).status,
    ).toBe(200)
    const why = 'Circular payments for machine parts through AE and TR with no trade behind them.'
    expect(
      (
        await post(
          `/api/alerts/${id}/actions`,
          { type: 'propose', outcome: 'reported', reason: why },
          keys.analyst,
        )
      ).status,
    ).toBe(200)
    expect(
      (await post(`/api/alerts/${id}/actions`, { type: 'approve' }, keys.supervisor)).status,
    ).toBe(200)
    const goaml = goamlTestSettings({ rentity_id: 4711, indicators: { TEST: ['ALP06'] } })
    const configured = testApp(store, { config: parseConfig({ cases: { goaml } }).config })
    const res = await configured.request('/api/exports', {
      method: 'POST',
      headers: { 'X-API-Key': keys.supervisor, 'Content-Type': 'application/json' },
      body: JSON.stringify({ format: 'goaml', ids: [id] }),
    })
    expect(res.status).toBe(200)
    const xml = await res.text()
    expect(xml).toContain('<rentity_id>4711</rentity_id>')
    expect(xml).toContain(why)
    if (GOAML_XSD) expect(await goamlSchemaErrors(xml)).toEqual([])
  })

  it('refuses a goAML report while the settings are placeholders (400, naming the setting)', async () => {
    const res = await post('/api/exports', { format: 'goaml', ids: [RING_ALERT] }, keys.supervisor)
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('cases.goaml.rentity_id')
  })
})
