// Taking an alert out of its case: the alert gets a case of its own, the old case keeps the others,
// both cases and the alert get audit rows; a pending proposal of the old case is withdrawn (four
// eyes unchanged: the proposal is made and approved again); later scans keep the alert apart from
// the old case's alerts — neither putting it back nor pulling a new alert linked to it alone into
// the old case — until someone links them again by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import type { Actor } from '../src/schema/alert.ts'
import {
  applyCaseActionToCase,
  auditFor,
  getAlert,
  getCase,
  groupCases,
  linkAlerts,
  unlinkAlert,
  verifyAudit,
} from '../src/cases/index.ts'
import { addUser } from '../src/server/index.ts'
import { cycleFinding, scored, writeScanned } from './fixtures/alerts.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../src/util/errors.ts'

let store: Store
const ana: Actor = { id: 'ana', role: 'analyst' }
const sue: Actor = { id: 'sue', role: 'supervisor' }
const adam: Actor = { id: 'adam', role: 'admin' }
const fred: Actor = { id: 'fred', role: 'fiu_viewer' }
const SCAN: Actor = { id: 'scan', role: 'batch' }

async function scanAlert(key: string, accounts: string[], txIds: string[]): Promise<string> {
  const [a] = scored([cycleFinding(`cycle:${key}`, txIds, accounts)])
  await writeScanned(store, [a], `run-${key}`)
  return a.id
}
const group = () =>
  store.transaction(
    (tx) =>
      groupCases(tx, { actor: SCAN, now: '2026-01-03T00:00:01.000Z', maxAlertsPerAccount: 6 }),
    { serial: true },
  )
const trail = async (type: string, id: string) =>
  (await auditFor(store, type, id)) as unknown as Array<{
    actor: string
    action: string
    reason: string | null
  }>
const caseOf = async (alertId: string) =>
  (await store.one<{ case_id: string }>('cases/case-of-alert', { alert_id: alertId }))?.case_id

let x: string, y: string, z: string, ring: string
beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  const setup = { actor: { id: 'setup', role: 'admin' } as Actor }
  for (const u of [ana, sue, adam, fred]) await addUser(store, u.id, u.role, setup)
  // one ring: x and z share account R-A; y shares account R-B with x
  x = await scanAlert('x', ['R-A', 'R-B', 'R-C'], ['R-1', 'R-2', 'R-3'])
  z = await scanAlert('z', ['R-A', 'Z-B', 'Z-C'], ['Z-1', 'Z-2', 'Z-3'])
  y = await scanAlert('y', ['R-B', 'Y-B', 'Y-C'], ['Y-1', 'Y-2', 'Y-3'])
  expect(await group()).toEqual({ created: 1, joined: 0, reopened: 0 })
  ring = (await caseOf(x))!
  expect((await getCase(store, ring)).alert_ids).toEqual([x, y, z].sort())
})
afterAll(() => store.close())

describe('unlinking an alert from its case', () => {
  it('needs an analyst or supervisor, a reason, and an alert of the case', async () => {
    const body = { alert_id: y, reason: 'the shared payment is a salary run, not the ring' }
    await expect(unlinkAlert(store, fred, ring, body)).rejects.toThrow(ForbiddenError)
    await expect(unlinkAlert(store, adam, ring, body)).rejects.toThrow(ForbiddenError)
    await expect(unlinkAlert(store, ana, ring, { ...body, reason: ' ' })).rejects.toThrow(
      BadInputError,
    )
    const outsider = await scanAlert('o', ['O-A', 'O-B', 'O-C'], ['O-1', 'O-2', 'O-3'])
    await expect(unlinkAlert(store, ana, ring, { ...body, alert_id: outsider })).rejects.toThrow(
      ConflictError,
    )
    expect((await getCase(store, ring)).alert_ids).toEqual([x, y, z].sort())
  })

  it('withdraws a pending proposal of the case; the alert gets its own case; audit rows for both cases and the alert', async () => {
    await applyCaseActionToCase(store, ana, ring, { type: 'assign', assignee: 'ana' })
    await applyCaseActionToCase(store, ana, ring, { type: 'start_review' })
    await applyCaseActionToCase(store, ana, ring, {
      type: 'propose',
      outcome: 'closed_benign',
      reason: 'a known trade cycle of one group',
    })
    expect((await getAlert(store, y)).status).toBe('proposed_close')
    const out = await unlinkAlert(store, ana, ring, {
      alert_id: y,
      reason: 'the shared payment is a salary run, not the ring',
    })
    // the old case: its other alerts, its proposal withdrawn (made again without y), still ana's
    expect(out.case).toMatchObject({
      id: ring,
      status: 'in_review',
      assignee: 'ana',
      proposed_by: null,
      alert_ids: [x, z].sort(),
    })
    for (const id of [x, z]) expect((await getAlert(store, id)).status).toBe('in_review')
    // y's own case: in review with its assignee, no proposal carried over
    expect(out.alert_case.id).not.toBe(ring)
    expect(out.alert_case).toMatchObject({
      status: 'in_review',
      assignee: 'ana',
      proposed_by: null,
      alert_ids: [y],
    })
    expect(await caseOf(y)).toBe(out.alert_case.id)
    expect(await getAlert(store, y)).toMatchObject({ status: 'in_review', proposed_by: null })
    const ringTrail = await trail('case', ring)
    expect(ringTrail.slice(-2).map((r) => [r.actor, r.action])).toEqual([
      ['ana', 'case.unlink'],
      ['ana', 'case.withdraw'],
    ])
    expect(ringTrail.at(-2)!.reason).toBe('the shared payment is a salary run, not the ring')
    const yTrail = await trail('alert', y)
    expect(yTrail.map((r) => r.action)).toContain('case.unlink')
    expect((await trail('case', out.alert_case.id)).map((r) => r.action)).toEqual(['case.create'])
    expect((await verifyAudit(store)).ok).toBe(true)
  })

  it('four eyes unchanged: the proposal is made again and the maker may not approve it', async () => {
    await applyCaseActionToCase(store, ana, ring, {
      type: 'propose',
      outcome: 'closed_benign',
      reason: 'a known trade cycle of one group',
    })
    await expect(applyCaseActionToCase(store, ana, ring, { type: 'approve' })).rejects.toThrow(
      ForbiddenError,
    )
    await applyCaseActionToCase(store, sue, ring, { type: 'reject', reason: 'look again' })
  })

  it('the last alert of a case cannot be taken out of it', async () => {
    const own = (await caseOf(y))!
    await expect(unlinkAlert(store, ana, own, { alert_id: y, reason: 'alone' })).rejects.toThrow(
      ConflictError,
    )
  })

  it('later scans keep it apart: it is not put back, and a new alert linked to it alone joins its case', async () => {
    const own = (await caseOf(y))!
    expect(await group()).toEqual({ created: 0, joined: 0, reopened: 0 })
    expect(await caseOf(y)).toBe(own)
    // n shares account Y-B with y only; through y the ring's case (two alerts) would outweigh
    // y's (one) if the unlink were not respected
    const n = await scanAlert('n', ['Y-B', 'N-B', 'N-C'], ['N-1', 'N-2', 'N-3'])
    expect(await group()).toEqual({ created: 0, joined: 1, reopened: 0 })
    expect(await caseOf(n)).toBe(own)
    expect((await getCase(store, ring)).alert_ids).toEqual([x, z].sort())
    const why = await store.one<{ why: string }>('fixture/case-why', { alert_id: n })
    expect(why?.why).toBe(`shares account Y-B with ${y}`)
  })

  it('linking it back by hand is an analyst’s decision; the unlink no longer holds', async () => {
    const c = await linkAlerts(store, ana, { alert_id: y, with: x, reason: 'same ring after all' })
    expect(c.id).toBe(ring)
    expect(c.alert_ids).toEqual([x, y, z].sort())
    expect(await group()).toEqual({ created: 0, joined: 0, reopened: 0 })
    expect((await verifyAudit(store)).ok).toBe(true)
  })
})
