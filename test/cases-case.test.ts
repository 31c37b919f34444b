// Cases over real alerts written as a scan writes them: alerts linked by a shared account or payment
// become one case after the scan's grouping; the case has one state that its open alerts follow;
// four eyes and the audit trail hold for cases as for alerts; an alert of a case is decided through
// its case; a later alert joining withdraws a pending proposal or reopens a closed case; an analyst
// links an unrelated alert with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openStore, type Store } from '../src/store/index.ts'
import type { Actor } from '../src/schema/alert.ts'
import {
  applyCaseAction,
  applyCaseActionToCase,
  auditFor,
  CLOSED_STATUSES,
  findTransition,
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

describe('cases under random work', () => {
  let s2: Store
  let n = 0
  const USERS: readonly Actor[] = [ana, bob, sue, { id: 'adm', role: 'admin' }]
  beforeAll(async () => {
    s2 = await openStore({ path: ':memory:' })
    const setup = { actor: { id: 'setup', role: 'admin' } as Actor }
    for (const u of USERS) await addUser(s2, u.id, u.role, setup)
  })
  afterAll(() => s2.close())

  /** A fresh case of two alerts sharing an account, grouped as a scan groups them. */
  async function freshCase(): Promise<{ id: string; alerts: string[] }> {
    const k = `g${++n}`
    const ids: string[] = []
    for (const [i, acc] of [
      [`${k}-A`, `${k}-B`, `${k}-C`],
      [`${k}-A`, `${k}-D`, `${k}-E`],
    ].entries()) {
      const [a] = scored([cycleFinding(`cycle:${k}${i}`, [`${k}${i}-1`, `${k}${i}-2`], acc)])
      await writeScanned(s2, [a], `run-${k}${i}`)
      ids.push(a.id)
    }
    await s2.transaction(
      (tx) =>
        groupCases(tx, { actor: SCAN, now: '2026-01-03T00:00:01.000Z', maxAlertsPerAccount: 6 }),
      { serial: true },
    )
    const c = await s2.one<{ case_id: string }>('cases/case-of-alert', { alert_id: ids[0] })
    return { id: c!.case_id, alerts: ids }
  }

  const action = fc.oneof(
    fc.constant({ type: 'start_review' as const }),
    fc.constant({ type: 'escalate' as const, reason: 'needs a senior look' }),
    fc.constantFrom(...(['closed_benign', 'reported'] as const)).map((outcome) => ({
      type: 'propose' as const,
      outcome,
      reason: 'looked at the invoices',
    })),
    fc.constant({ type: 'approve' as const }),
    fc.constant({ type: 'reject' as const, reason: 'not yet' }),
    fc.constantFrom(...USERS.map((u) => u.id)).map((assignee) => ({
      type: 'assign' as const,
      assignee,
    })),
  )

  it('no one closes a case alone; its open alerts always follow it; every move is a transition for the actor’s role', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...USERS), action), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const c = await freshCase()
          for (const [user, act] of steps)
            await applyCaseActionToCase(s2, user, c.id, act).catch((e: unknown) => {
              if (!(
                e instanceof ConflictError ||
                e instanceof ForbiddenError ||
                e instanceof BadInputError
              ))
                throw e
            })
          const kase = await getCase(s2, c.id)
          for (const id of c.alerts) {
            const a = await getAlert(s2, id)
            expect([a.status, a.assignee, a.proposed_by]).toEqual([
              kase.status,
              kase.assignee,
              kase.proposed_by,
            ])
          }
          const rows = (await auditFor(s2, 'case', c.id)) as unknown as Array<{
            actor: string
            role: Actor['role']
            action: string
            before: { status: string; proposed_by: string | null } | null
            after: { status: string } | null
          }>
          for (const r of rows) {
            if (!r.before || !r.after || r.before.status === r.after.status) continue
            const t = findTransition(
              r.before.status as Parameters<typeof findTransition>[0],
              r.after.status as Parameters<typeof findTransition>[1],
            )
            expect([r.action, t?.roles.includes(r.role)]).toEqual([r.action, true])
            if (r.action === 'case.approve') expect(r.actor).not.toBe(r.before.proposed_by)
          }
          if (CLOSED_STATUSES.includes(kase.status)) {
            const approve = rows.findLast((r) => r.action === 'case.approve')!
            expect(approve.actor).not.toBe(approve.before!.proposed_by)
          }
        },
      ),
      { numRuns: 25 },
    )
  })

  it('a scan reopening a decided alert of a closed case reopens the case', async () => {
    const c = await freshCase()
    await applyCaseActionToCase(s2, ana, c.id, { type: 'start_review' })
    await applyCaseActionToCase(s2, ana, c.id, {
      type: 'propose',
      outcome: 'closed_benign',
      reason: 'known trade',
    })
    await applyCaseActionToCase(s2, sue, c.id, { type: 'approve' })
    // the first alert's ring runs again with a new payment: the scan reopens that alert
    const k = `g${n}`
    const [again] = scored([
      cycleFinding(
        `cycle:${k}0`,
        [`${k}0-1`, `${k}0-2`, `${k}0-3`],
        [`${k}-A`, `${k}-B`, `${k}-C`],
      ),
    ])
    expect(again.id).toBe(c.alerts[0])
    expect((await writeScanned(s2, [again], `run-${k}-again`)).reopened).toBe(1)
    const counts = await s2.transaction(
      (tx) =>
        groupCases(tx, { actor: SCAN, now: '2026-01-04T00:00:00.000Z', maxAlertsPerAccount: 6 }),
      { serial: true },
    )
    expect(counts.reopened).toBe(1)
    expect(await getCase(s2, c.id)).toMatchObject({ status: 'in_review', assignee: 'ana' })
    expect((await getAlert(s2, c.alerts[0])).status).toBe('in_review')
    expect((await getAlert(s2, c.alerts[1])).status).toBe('closed_benign')
    const last = (await auditFor(s2, 'case', c.id)).at(-1) as unknown as {
      action: string
      reason: string
    }
    expect(last.action).toBe('case.reopen')
    expect(last.reason).toContain(c.alerts[0])
  })
})
