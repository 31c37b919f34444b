// Cases over real alerts written as a scan writes them: alerts linked by a shared account or payment
// become one case after the scan's grouping; the case has one state that its open alerts follow;
// four eyes and the audit trail hold for cases as for alerts; an alert of a case is decided through
// its case; a later alert joining withdraws a pending proposal or reopens a closed case; an analyst
// links an unrelated alert with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import type { Actor } from '../src/schema/alert.ts'
import {
  applyCaseAction,
  applyCaseActionToCase,
  auditFor,
  getAlert,
  getCase,
  groupCases,
  linkAlerts,
  verifyAudit,
} from '../src/cases/index.ts'
import { addUser } from '../src/server/index.ts'
import { cycleFinding, scored, writeScanned } from './fixtures/alerts.ts'
import { BadInputError, ConflictError, ForbiddenError } from '../src/util/errors.ts'

let store: Store
const ana: Actor = { id: 'ana', role: 'analyst' }
const bob: Actor = { id: 'bob', role: 'analyst' }
const sue: Actor = { id: 'sue', role: 'supervisor' }
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
/** The audit rows of an entity, as actor and action. */
const trail = async (type: string, id: string) =>
  (await auditFor(store, type, id)) as unknown as Array<{ actor: string; action: string }>
const caseOf = async (alertId: string) =>
  (await store.one<{ case_id: string }>('cases/case-of-alert', { alert_id: alertId }))?.case_id

let a1: string, a2: string, a3: string, caseId: string
beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  const setup = { actor: { id: 'setup', role: 'admin' } as Actor }
  for (const u of [ana, bob, sue]) await addUser(store, u.id, u.role, setup)
  a1 = await scanAlert('r1', ['X-A', 'X-B', 'X-C'], ['X-1', 'X-2', 'X-3'])
  a2 = await scanAlert('r2', ['X-A', 'Y-B', 'Y-C'], ['Y-1', 'Y-2', 'Y-3']) // shares account X-A
  a3 = await scanAlert('r3', ['Z-A', 'Z-B', 'Z-C'], ['Z-1', 'Z-2', 'Z-3']) // unrelated
})
afterAll(() => store.close())

describe('cases', () => {
  it('a scan groups alerts sharing an account into one case, saying what they share', async () => {
    expect(await group()).toEqual({ created: 1, joined: 0, reopened: 0 })
    caseId = (await caseOf(a1))!
    expect(caseId).toMatch(/^C-[0-9a-f]{16}$/)
    expect(await caseOf(a2)).toBe(caseId)
    expect(await caseOf(a3)).toBeUndefined()
    const c = await getCase(store, caseId)
    expect(c).toMatchObject({ status: 'new', assignee: null, alert_ids: [a1, a2].sort() })
    const why = await store.one<{ why: string }>('fixture/case-why', { alert_id: a2 })
    expect(why?.why).toBe(`shares account X-A with ${a1}`)
    // grouping again changes nothing
    expect(await group()).toEqual({ created: 0, joined: 0, reopened: 0 })
  })

  it('an alert of a case is assigned and decided through its case; notes stay possible', async () => {
    await expect(applyCaseAction(store, ana, a1, { type: 'start_review' })).rejects.toThrow(
      ConflictError,
    )
    await expect(
      applyCaseAction(store, ana, a1, { type: 'assign', assignee: 'ana' }),
    ).rejects.toThrow(ConflictError)
    await applyCaseAction(store, ana, a1, { type: 'note', text: 'looked at the first payment' })
  })

  it('the case moves as one: its open alerts follow, four eyes holds, every step is audited', async () => {
    let c = await applyCaseActionToCase(store, ana, caseId, { type: 'start_review' })
    expect(c).toMatchObject({ status: 'in_review', assignee: 'ana' })
    for (const id of [a1, a2])
      expect(await getAlert(store, id)).toMatchObject({ status: 'in_review', assignee: 'ana' })
    c = await applyCaseActionToCase(store, ana, caseId, {
      type: 'propose',
      outcome: 'closed_benign',
      reason: 'the two companies trade machine parts under a known contract',
      evidence: ['X-1', 'Y-2'],
    })
    expect(c).toMatchObject({ status: 'proposed_close', proposed_by: 'ana' })
    c = await applyCaseActionToCase(store, sue, caseId, { type: 'reject', reason: 'not yet' })
    expect(c).toMatchObject({ status: 'in_review', proposed_by: null })
    // the evidence a proposal cites is the case's own
    await expect(
      applyCaseActionToCase(store, ana, caseId, {
        type: 'propose',
        outcome: 'closed_benign',
        reason: 'known contract',
        evidence: ['Z-1'],
      }),
    ).rejects.toThrow(BadInputError)
    await applyCaseActionToCase(store, ana, caseId, {
      type: 'propose',
      outcome: 'closed_benign',
      reason: 'the two companies trade machine parts under a known contract',
    })
    await expect(applyCaseActionToCase(store, ana, caseId, { type: 'approve' })).rejects.toThrow(
      ForbiddenError,
    )
    await expect(applyCaseActionToCase(store, bob, caseId, { type: 'approve' })).rejects.toThrow(
      ForbiddenError,
    )
    c = await applyCaseActionToCase(store, sue, caseId, { type: 'approve' })
    expect(c.status).toBe('closed_benign')
    for (const id of [a1, a2]) expect((await getAlert(store, id)).status).toBe('closed_benign')
    const caseTrail = (await trail('case', caseId)).map((r) => `${r.actor} ${r.action}`)
    expect(caseTrail).toEqual([
      'scan case.create',
      'ana case.start_review',
      'ana case.propose',
      'sue case.reject',
      'ana case.propose',
      'sue case.approve',
    ])
    const alertTrail = (await trail('alert', a2)).map((r) => `${r.actor} ${r.action}`)
    expect(alertTrail.slice(-5)).toEqual([
      'ana case.start_review',
      'ana case.propose',
      'sue case.reject',
      'ana case.propose',
      'sue case.approve',
    ])
    expect((await verifyAudit(store)).ok).toBe(true)
  })

  it('an alert sharing nothing with others is in no case', async () => {
    const other = await scanAlert('r9', ['W-A', 'W-B', 'W-C'], ['W-1', 'W-2', 'W-3'])
    await group()
    expect(await caseOf(other)).toBeUndefined()
  })

  it('a later alert sharing an account reopens the closed case; one joining a proposal withdraws it', async () => {
    const a4 = await scanAlert('r4', ['Y-B', 'Q-A', 'Q-C'], ['Q-1', 'Q-2']) // shares account Y-B
    expect(await group()).toMatchObject({ created: 0, joined: 1 })
    expect(await caseOf(a4)).toBe(caseId)
    expect(await getCase(store, caseId)).toMatchObject({ status: 'in_review', assignee: 'ana' })
    expect(await getAlert(store, a4)).toMatchObject({ status: 'in_review', assignee: 'ana' })
    // the decided alerts keep their decision
    expect((await getAlert(store, a1)).status).toBe('closed_benign')
    await applyCaseActionToCase(store, ana, caseId, {
      type: 'propose',
      outcome: 'reported',
      reason: 'the ring goes on with a new payment',
    })
    const a5 = await scanAlert('r5', ['Q-A', 'P-B', 'P-C'], ['P-1', 'P-2']) // shares account Q-A
    await group()
    expect(await caseOf(a5)).toBe(caseId)
    expect(await getCase(store, caseId)).toMatchObject({
      status: 'in_review',
      proposed_by: null,
      proposed_outcome: null,
    })
    for (const id of [a4, a5]) expect((await getAlert(store, id)).status).toBe('in_review')
    const actions = (await trail('case', caseId)).map((r) => r.action)
    expect(actions.slice(-5)).toEqual([
      'case.reopen',
      'case.join',
      'case.propose',
      'case.withdraw',
      'case.join',
    ])
    // a scan reopens a decided alert of the case with a new payment: it follows the case again
    await scanAlert('r1', ['X-A', 'X-B', 'X-C'], ['X-1', 'X-2', 'X-3', 'X-4'])
    expect((await getAlert(store, a1)).status).not.toBe('closed_benign')
    await group()
    expect(await getAlert(store, a1)).toMatchObject({ status: 'in_review', assignee: 'ana' })
  })

  it('an analyst links an unrelated alert into the case with a reason; the audit names who and why', async () => {
    await expect(
      linkAlerts(
        store,
        { id: 'fred', role: 'fiu_viewer' },
        { alert_id: a3, with: a1, reason: 'x' },
      ),
    ).rejects.toThrow(ForbiddenError)
    const c = await linkAlerts(store, bob, {
      alert_id: a3,
      with: a1,
      reason: 'same director as the ring companies',
    })
    expect(c.id).toBe(caseId)
    expect(c.alert_ids).toContain(a3)
    expect(await getAlert(store, a3)).toMatchObject({ status: 'in_review', assignee: 'ana' })
    const link = (await trail('case', caseId)).at(-1)!
    expect(link).toMatchObject({ actor: 'bob', action: 'case.link' })
    await expect(
      linkAlerts(store, bob, { alert_id: a3, with: a2, reason: 'again' }),
    ).rejects.toThrow(ConflictError)
    expect((await verifyAudit(store)).ok).toBe(true)
  })
})
