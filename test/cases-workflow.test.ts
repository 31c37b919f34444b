// The case workflow as properties of the real code: random sequences of case actions by random
// users (every role the product defines, users of one chain of custody among them) against
// applyCaseAction on real alerts written by a scan. Properties: no sequence of actions by one user
// closes an alert; every closed alert has a maker and a checker who are two people (not one chain of
// custody) in its audit trail; every status change in the audit trail is one of the product's
// transitions (src/cases/transitions.ts) for the actor's role; a closed alert takes no case action but
// a note, and only a scan with new transfers reopens it. Then single cases: self-approval, racing
// checkers, the admin's own proposal, assignment and notes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import fc from 'fast-check'
import { openStore, type Store } from '../src/store/index.ts'
import { ROLES, type Actor, type AlertStatus } from '../src/schema/alert.ts'
import {
  applyCaseAction,
  auditFor,
  caseState,
  type AlertRow,
  CLOSED_STATUSES,
  findTransition,
  getAlert,
  OUTCOMES,
  verifyAudit,
  type CaseAction,
} from '../src/cases/index.ts'
import { addUser } from '../src/server/index.ts'
import { cycleFinding, scored, writeScanned } from './fixtures/alerts.ts'
import { ConflictError, ForbiddenError, NotFoundError, BadInputError } from '../src/util/errors.ts'

let store: Store
let alertId: string
const MAKER = 'maker'

/** The users of the property runs: every role; kim was created by adm (one chain of custody). */
const USERS: readonly Actor[] = [
  { id: 'ana', role: 'analyst' },
  { id: 'bob', role: 'analyst' },
  { id: 'sue', role: 'supervisor' },
  { id: 'kim', role: 'supervisor' },
  { id: 'adm', role: 'admin' },
  { id: 'fiu', role: 'fiu_viewer' },
  { id: 'svc', role: 'batch' },
]
const WORKERS: readonly string[] = ['analyst', 'supervisor', 'admin']
const ONE_CUSTODY = new Set(['adm kim', 'kim adm'])

/** Writes a cycle alert over three accounts of its own as scan `runId` does; its id and counts. */
async function scanAlert(key: string, txIds: string[], runId = `run-${key}`) {
  const [alert] = scored([
    cycleFinding(`cycle:${key}`, txIds, [`${key}-A`, `${key}-B`, `${key}-C`]),
  ])
  return { id: alert.id, counts: await writeScanned(store, [alert], runId) }
}

let fresh = 0
const txs = (key: string) => [`${key}-1`, `${key}-2`, `${key}-3`]
/** A new alert of its own (its own accounts and transfers), as a scan writes it. */
async function newAlert(): Promise<{ id: string; key: string }> {
  const key = `p${++fresh}`
  const { id, counts } = await scanAlert(key, txs(key))
  expect(counts.new).toBe(1)
  return { id, key }
}

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  const setup = { actor: { id: 'setup', role: 'admin' } as Actor }
  for (const u of USERS) if (u.id !== 'kim') await addUser(store, u.id, u.role, setup)
  await addUser(store, 'kim', 'supervisor', { actor: { id: 'adm', role: 'admin' } })
  alertId = (await newAlert()).id
})
afterAll(() => store.close())

const closed = (s: AlertStatus) => CLOSED_STATUSES.includes(s)

// Mostly well-formed actions, with now and then an empty reason (refused as bad input).
const text = fc.oneof(
  {
    arbitrary: fc.constantFrom('looked at the invoices', 'needs a senior look', 'agreed'),
    weight: 6,
  },
  { arbitrary: fc.constant(''), weight: 1 },
)
const ACTION: fc.Arbitrary<CaseAction> = fc.oneof(
  { arbitrary: fc.constant({ type: 'start_review' } as const), weight: 3 },
  { arbitrary: text.map((reason) => ({ type: 'escalate', reason }) as const), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...OUTCOMES), text)
      .map(([outcome, reason]) => ({ type: 'propose', outcome, reason }) as const),
    weight: 3,
  },
  {
    arbitrary: fc
      .option(text, { nil: undefined })
      .map(
        (reason) =>
          (reason === undefined ? { type: 'approve' } : { type: 'approve', reason }) as CaseAction,
      ),
    weight: 4,
  },
  { arbitrary: text.map((reason) => ({ type: 'reject', reason }) as const), weight: 1 },
  {
    arbitrary: fc
      .constantFrom(null, ...USERS.map((u) => u.id))
      .map((assignee) => ({ type: 'assign', assignee }) as const),
    weight: 1,
  },
  { arbitrary: fc.constant({ type: 'note', text: 'called the bank' } as const), weight: 1 },
)
// Users who work cases more often than the read-only and service roles (whose every action fails).
const USER = fc.oneof(
  { arbitrary: fc.constantFrom(...USERS.filter((u) => WORKERS.includes(u.role))), weight: 4 },
  { arbitrary: fc.constantFrom(...USERS.filter((u) => !WORKERS.includes(u.role))), weight: 1 },
)

/** Applies an action; a refusal must be one of the workflow's errors and change nothing. */
async function attempt(
  before: AlertRow,
  actor: Actor,
  action: CaseAction,
): Promise<{ done: boolean; after: AlertRow }> {
  try {
    return { done: true, after: await applyCaseAction(store, actor, before.id, action) }
  } catch (e) {
    if (!(e instanceof ForbiddenError || e instanceof ConflictError || e instanceof BadInputError))
      throw e
    const after = await getAlert(store, before.id)
    expect(caseState(after)).toEqual(caseState(before))
    return { done: false, after }
  }
}

type Row = Awaited<ReturnType<typeof auditFor>>[number] & {
  actor: string
  role: string
  action: string
}
type State = { status: AlertStatus; proposed_by: string | null } | null

/** Checks an alert's audit trail: each status change is a product transition for the actor's role
 *  and verb, and each closing row names a checker who is neither the maker nor of their custody. */
async function checkTrail(id: string): Promise<number> {
  const rows = (await auditFor(store, 'alert', id)) as Row[]
  let closings = 0
  let lastProposer: string | null = null
  for (const r of rows) {
    const before = r.before as State
    const after = r.after as State
    if (r.action.startsWith('case.')) expect(['fiu_viewer', 'batch']).not.toContain(r.role)
    if (r.action === 'case.propose') lastProposer = r.actor
    if (!before || !after || before.status === after.status) continue
    const t = findTransition(before.status, after.status)
    expect(t, `${before.status} → ${after.status} by ${r.role}`).toBeDefined()
    expect(t!.roles).toContain(r.role)
    expect(`${r.action.replace(/^(case|alert)\./, '')}`).toBe(t!.verb)
    if (closed(after.status)) {
      closings++
      expect(r.action).toBe('case.approve')
      expect(lastProposer).not.toBeNull()
      expect(before.proposed_by).toBe(lastProposer)
      expect(r.actor).not.toBe(lastProposer)
      expect(ONE_CUSTODY.has(`${r.actor} ${lastProposer}`)).toBe(false)
    }
  }
  return closings
}

/** Test-only: puts the alert in a given state directly (no audit row, as a fixture). */
async function setState(status: AlertStatus, proposedBy: string | null, outcome: string | null) {
  await store.run('fixture/alert-set-state', {
    id: alertId,
    status,
    proposed_by: proposedBy,
    proposed_outcome: outcome,
  })
}

const outcomeOf = (s: AlertStatus) =>
  s === 'proposed_close' ? 'closed_false_positive' : s === 'proposed_report' ? 'reported' : null

describe('the workflow under random actions', () => {
  it('draws its users from every role the product defines', () => {
    expect(new Set(USERS.map((u) => u.role))).toEqual(new Set(ROLES))
  })

  it('no sequence of actions by one user closes an alert', async () => {
    let proposals = 0
    await fc.assert(
      fc.asyncProperty(
        USER,
        fc.array(ACTION, { minLength: 1, maxLength: 16 }),
        async (user, actions) => {
          const { id } = await newAlert()
          let a = await getAlert(store, id)
          for (const action of actions) {
            a = (await attempt(a, user, action)).after
            expect(closed(a.status), `${user.id} (${user.role}) closed ${id}`).toBe(false)
            if (a.proposed_by) proposals++
          }
          expect(await checkTrail(id)).toBe(0)
        },
      ),
      { numRuns: 40, seed: 1604 },
    )
    // the runs got as far as a pending proposal: the property was put to the test
    expect(proposals).toBeGreaterThan(10)
  })

  it('closes only with a maker and a distinct checker; a closed alert takes only notes until a scan reopens it', async () => {
    let closures = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(USER, ACTION), { minLength: 4, maxLength: 24, size: 'max' }),
        async (steps) => {
          const { id, key } = await newAlert()
          let closedAs: AlertStatus | null = null
          let a = await getAlert(store, id)
          for (const [user, action] of steps) {
            const r = await attempt(a, user, action)
            const done = r.done
            a = r.after
            if (closedAs) {
              // closed: nothing moves it, only a note is taken
              expect(a.status).toBe(closedAs)
              expect(done).toBe(action.type === 'note' && WORKERS.includes(user.role))
            } else if (closed(a.status)) closedAs = a.status
          }
          const closings = await checkTrail(id)
          expect(closings).toBe(closedAs ? 1 : 0)
          if (!closedAs) return
          closures++
          const trail = (await auditFor(store, 'alert', id)) as Row[]
          const people = new Set(
            trail.filter((r) => r.action.startsWith('case.')).map((r) => r.actor),
          )
          expect(people.size).toBeGreaterThanOrEqual(2)
          // a scan finding the same transfers again leaves it closed …
          expect((await scanAlert(key, txs(key), `again-${key}`)).counts.unchanged).toBe(1)
          expect((await getAlert(store, id)).status).toBe(closedAs)
          // … and one with a new transfer reopens it, for whoever had it, without the old proposal
          const before = await getAlert(store, id)
          const reopen = await scanAlert(key, [...txs(key), `${key}-4`], `new-${key}`)
          expect(reopen.counts.reopened).toBe(1)
          const after = await getAlert(store, id)
          expect(after.status).toBe(before.assignee ? 'in_review' : 'new')
          expect([after.proposed_by, after.proposed_outcome]).toEqual([null, null])
          const last = ((await auditFor(store, 'alert', id)) as Row[]).at(-1)!
          expect([last.action, last.actor, last.role]).toEqual(['alert.reopen', 'scan', 'batch'])
          await checkTrail(id)
        },
      ),
      { numRuns: 40, seed: 2026 },
    )
    expect(closures).toBeGreaterThan(5)
    expect((await verifyAudit(store)).ok).toBe(true)
  })
})

describe('single cases', () => {
  it('refuses every self-approval and self-rejection, whatever the role (maker ≠ checker)', async () => {
    for (const status of ['proposed_close', 'proposed_report'] as const)
      for (const role of ROLES)
        for (const action of [
          { type: 'approve' },
          { type: 'reject', reason: 'mine' },
        ] as CaseAction[]) {
          const me = `${role}-self`
          await setState(status, me, outcomeOf(status))
          await expect(
            applyCaseAction(store, { id: me, role }, alertId, action),
          ).rejects.toBeInstanceOf(ForbiddenError)
          expect((await getAlert(store, alertId)).status).toBe(status)
        }
  })

  it('of two checkers approving at once, one wins and the other gets a ConflictError', async () => {
    await setState('proposed_report', MAKER, 'reported')
    const results = await Promise.allSettled(
      ['sup-a', 'sup-b'].map((id) =>
        applyCaseAction(store, { id, role: 'supervisor' }, alertId, { type: 'approve' }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(lost.reason).toBeInstanceOf(ConflictError)
    expect((await getAlert(store, alertId)).status).toBe('reported')
    expect((await verifyAudit(store)).ok).toBe(true)
  })

  it('a proposal made by the admin still needs another checker', async () => {
    await setState('in_review', null, null)
    const admin = { id: 'root', role: 'admin' } as const
    const p = await applyCaseAction(store, admin, alertId, {
      type: 'propose',
      outcome: 'reported',
      reason: 'r',
    })
    expect(p.proposed_by).toBe('root')
    await expect(
      applyCaseAction(store, admin, alertId, { type: 'approve' }),
    ).rejects.toBeInstanceOf(ForbiddenError)
    const done = await applyCaseAction(store, { id: 'sup', role: 'supervisor' }, alertId, {
      type: 'approve',
      reason: 'agreed',
    })
    expect(done.status).toBe('reported')
  })

  it('assignment and notes follow the roles; bad input and unknown alerts are refused', async () => {
    await setState('new', null, null)
    const analyst = { id: 'ana', role: 'analyst' } as const
    expect(
      (await applyCaseAction(store, analyst, alertId, { type: 'assign', assignee: 'ana' }))
        .assignee,
    ).toBe('ana')
    // anyone who works alerts assigns to any colleague who does; never to a user who does not
    expect(
      (await applyCaseAction(store, analyst, alertId, { type: 'assign', assignee: 'bob' }))
        .assignee,
    ).toBe('bob')
    await addUser(store, 'audrey', 'admin')
    await expect(
      applyCaseAction(store, analyst, alertId, { type: 'assign', assignee: 'audrey' }),
    ).rejects.toBeInstanceOf(BadInputError)
    const sup = { id: 'sup', role: 'supervisor' } as const
    expect(
      (await applyCaseAction(store, sup, alertId, { type: 'assign', assignee: 'ana' })).assignee,
    ).toBe('ana')
    await applyCaseAction(store, analyst, alertId, { type: 'note', text: 'called the bank' })
    for (const role of ['fiu_viewer', 'batch'] as const) {
      await expect(
        applyCaseAction(store, { id: 'v', role }, alertId, { type: 'note', text: 'x' }),
      ).rejects.toBeInstanceOf(ForbiddenError)
      await expect(
        applyCaseAction(store, { id: 'v', role }, alertId, { type: 'assign', assignee: 'v' }),
      ).rejects.toBeInstanceOf(ForbiddenError)
    }
    await expect(
      applyCaseAction(store, analyst, alertId, { type: 'escalate', reason: '' }),
    ).rejects.toBeInstanceOf(BadInputError)
    await expect(
      applyCaseAction(store, analyst, 'A-00', { type: 'start_review' }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await setState('closed_benign', null, null)
    await expect(
      applyCaseAction(store, sup, alertId, { type: 'assign', assignee: 'x' }),
    ).rejects.toBeInstanceOf(ConflictError)
  })
})
