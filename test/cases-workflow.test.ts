// The case workflow: the transition table checked for every (from, to, role) against an independent
// statement of the rules; every action tried from every status by every role through
// applyCaseAction (refused exactly when the table says so); maker ≠ checker for every role.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import { ALERT_STATUSES, ROLES, type AlertStatus, type Role } from '../src/schema/alert.ts'
import {
  applyCaseAction,
  canTransition,
  getAlert,
  verifyAudit,
  type CaseAction,
} from '../src/cases/index.ts'
import { mergeAlerts } from '../src/pipeline/merge-alerts.ts'
import { addUser } from '../src/server/index.ts'
import { scoreAll, EMPTY_DETECT, EMPTY_RISK } from '../src/score/index.ts'
import { ScoreConfig } from '../src/score/config.ts'
import { ConflictError, ForbiddenError, NotFoundError, BadInputError } from '../src/util/errors.ts'

// The rules, written out on their own: "from>to" → [the action that makes it, roles].
const workers = ['analyst', 'supervisor', 'admin']
const checkers = ['supervisor', 'admin']
const RULES: Record<string, [string, string[]]> = {
  'new>in_review': ['start_review', workers],
  'new>escalated': ['escalate', workers],
  'in_review>escalated': ['escalate', workers],
  'escalated>in_review': ['start_review', checkers],
  'in_review>proposed_close': ['propose', workers],
  'in_review>proposed_report': ['propose', workers],
  'escalated>proposed_close': ['propose', checkers],
  'escalated>proposed_report': ['propose', checkers],
  'proposed_close>closed_false_positive': ['approve', checkers],
  'proposed_close>closed_benign': ['approve', checkers],
  'proposed_report>reported': ['approve', checkers],
  'proposed_close>in_review': ['reject', checkers],
  'proposed_report>in_review': ['reject', checkers],
  'closed_false_positive>new': ['reopen', ['batch']],
  'closed_false_positive>in_review': ['reopen', ['batch']],
  'closed_benign>new': ['reopen', ['batch']],
  'closed_benign>in_review': ['reopen', ['batch']],
  'reported>new': ['reopen', ['batch']],
  'reported>in_review': ['reopen', ['batch']],
}
const EXPECTED: Record<string, string[]> = Object.fromEntries(
  Object.entries(RULES).map(([k, [, roles]]) => [k, roles]),
)

let store: Store
let alertId: string
const MAKER = 'maker'

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  for (const [id, role] of [
    ['ana', 'analyst'],
    ['bob', 'analyst'],
  ] as const)
    await addUser(store, id, role)
  const [alert] = scoreAll(
    [
      {
        typology: 'cycle',
        key: 'cycle:x',
        tx_ids: ['x1', 'x2', 'x3'],
        accounts: ['A', 'B', 'C'],
        first_ts: '2026-01-01T00:00:00Z',
        last_ts: '2026-01-02T00:00:00Z',
        amount_in: 1000,
        amount_out: 990,
        currency: 'EUR',
        span_hours: 24,
        explanation: 'x',
        truncated: false,
        measures: { hops: 3, retention: 0.99, min_hop_ratio: 0.99 },
      },
    ],
    EMPTY_RISK,
    EMPTY_DETECT,
    ScoreConfig.parse({}),
  )
  alertId = alert.id
  await store.transaction(
    (tx) =>
      mergeAlerts(tx, [alert], {
        runId: 'r1',
        now: '2026-01-03T00:00:00.000Z',
        actor: { id: 'scan', role: 'batch' },
        provenance: {
          run_id: 'r1',
          detector_version: 'x',
          config_hash: 'h',
          list_versions: {},
          input_files: [],
        },
      }),
    { serial: true },
  )
})
afterAll(() => store.close())

/** Test-only: puts the alert in a given state directly (no audit row, as a fixture). */
async function setState(status: AlertStatus, proposedBy: string | null, outcome: string | null) {
  await store.conn.exclusive((raw) =>
    raw.run(
      `update alerts set status = $s, proposed_by = $p::varchar, proposed_outcome = $o::varchar, assignee = null where id = $id`,
      { s: status, p: proposedBy, o: outcome, id: alertId },
    ),
  )
}

const outcomeOf = (s: AlertStatus) =>
  s === 'proposed_close' ? 'closed_false_positive' : s === 'proposed_report' ? 'reported' : null

describe('transition table', () => {
  it('canTransition agrees with the rules for every status pair and role', () => {
    let allowed = 0
    for (const from of ALERT_STATUSES)
      for (const to of ALERT_STATUSES)
        for (const role of ROLES) {
          const want = (EXPECTED[`${from}>${to}`] ?? []).includes(role)
          expect(canTransition(from, to, role), `${from} → ${to} as ${role}`).toBe(want)
          if (want) allowed++
        }
    expect(allowed).toBe(Object.values(EXPECTED).reduce((n, r) => n + r.length, 0))
  })

  it('fiu_viewer can do nothing, batch only reopens', () => {
    for (const from of ALERT_STATUSES)
      for (const to of ALERT_STATUSES) {
        expect(canTransition(from, to, 'fiu_viewer')).toBe(false)
        if (canTransition(from, to, 'batch')) expect(['new', 'in_review']).toContain(to)
      }
  })
})

describe('applyCaseAction', () => {
  const ACTIONS: Array<{ action: CaseAction; to: (from: AlertStatus) => AlertStatus }> = [
    { action: { type: 'start_review' }, to: () => 'in_review' },
    { action: { type: 'escalate', reason: 'needs a senior look' }, to: () => 'escalated' },
    {
      action: { type: 'propose', outcome: 'closed_benign', reason: 'benign' },
      to: () => 'proposed_close',
    },
    {
      action: { type: 'propose', outcome: 'reported', reason: 'suspicious' },
      to: () => 'proposed_report',
    },
    {
      action: { type: 'approve' },
      to: (from) => (from === 'proposed_close' ? 'closed_false_positive' : 'reported'),
    },
    { action: { type: 'reject', reason: 'more evidence needed' }, to: () => 'in_review' },
  ]

  it('allows exactly the table’s transitions for every status × action × role', async () => {
    let ok = 0
    for (const from of ALERT_STATUSES)
      for (const { action, to } of ACTIONS)
        for (const role of ROLES) {
          await setState(from, outcomeOf(from) ? MAKER : null, outcomeOf(from))
          const target = to(from)
          const pending = action.type === 'approve' && !outcomeOf(from)
          const rule = RULES[`${from}>${target}`]
          const want = !pending && rule?.[0] === action.type && rule[1].includes(role)
          const actor = { id: `${role}-user`, role: role as Role }
          const run = applyCaseAction(store, actor, alertId, action)
          if (want) {
            const after = await run
            expect(after.status, `${from} ${action.type} as ${role}`).toBe(target)
            ok++
          } else {
            const err = await run.then(
              () => null,
              (e: unknown) => e,
            )
            expect(err, `${from} ${action.type} as ${role} must be refused`).not.toBeNull()
            expect(err instanceof ForbiddenError || err instanceof ConflictError).toBe(true)
            expect((await getAlert(store, alertId)).status).toBe(from)
          }
        }
    expect(ok).toBeGreaterThan(10)
    expect((await verifyAudit(store)).ok).toBe(true)
  })

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
    await expect(
      applyCaseAction(store, analyst, alertId, { type: 'assign', assignee: 'bob' }),
    ).rejects.toBeInstanceOf(ForbiddenError)
    const sup = { id: 'sup', role: 'supervisor' } as const
    expect(
      (await applyCaseAction(store, sup, alertId, { type: 'assign', assignee: 'bob' })).assignee,
    ).toBe('bob')
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
