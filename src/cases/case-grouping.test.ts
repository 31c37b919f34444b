import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { groupLinkedAlerts, linkText, type GroupableAlert } from './case-grouping.ts'
import { initialCaseState, stateOnOpenAlert } from './case-state.ts'

const A = (id: string, accounts: string[], tx_ids: string[]) => ({ id, accounts, tx_ids })

describe('groupLinkedAlerts', () => {
  it('links alerts by a shared payment or account, transitively, and says what they share', () => {
    const groups = groupLinkedAlerts(
      [
        A('A-1', ['x', 'y', 'z'], ['t1', 't2', 't3']),
        A('A-2', ['y', 'q'], ['t2']), // shares payment t2 (and account y) with A-1
        A('A-3', ['q', 'r'], ['t9']), // shares account q with A-2 only
        A('A-4', ['m', 'n'], ['t7']), // alone
      ],
      { maxAlertsPerAccount: 6 },
    )
    expect(groups.map((g) => g.alerts)).toEqual([['A-1', 'A-2', 'A-3']])
    const g = groups[0]
    expect(g.links.get('A-2')).toEqual([
      { with: 'A-1', transfers: ['t2'], accounts: ['y'] },
      { with: 'A-3', transfers: [], accounts: ['q'] },
    ])
    expect(linkText(g.links.get('A-3')!)).toBe('shares account q with A-2')
    expect(linkText(g.links.get('A-2')!)).toBe(
      'shares payment t2 and account y with A-1; shares account q with A-3',
    )
  })

  it('an alert taken out of a case links to none of that case’s alerts, only to others', () => {
    const alerts: GroupableAlert[] = [
      { ...A('A-1', ['x', 'y'], ['t1']), case_id: 'C-1' },
      { ...A('A-2', ['y', 'q'], ['t2']), case_id: 'C-2', unlinked_from: ['C-1'] },
      A('A-3', ['q'], ['t3']), // shares q with A-2 only
    ]
    const groups = groupLinkedAlerts(alerts, { maxAlertsPerAccount: 6 })
    expect(groups.map((g) => g.alerts)).toEqual([['A-2', 'A-3']])
    expect(groups[0].links.get('A-2')).toEqual([{ with: 'A-3', transfers: [], accounts: ['q'] }])
    // without the unlink all three are one group
    alerts[1] = { ...alerts[1], unlinked_from: [] }
    expect(groupLinkedAlerts(alerts, { maxAlertsPerAccount: 6 }).map((g) => g.alerts)).toEqual([
      ['A-1', 'A-2', 'A-3'],
    ])
  })

  it('an account in more alerts than the hub limit links none of them; a shared payment still does', () => {
    const hubbed = ['A-1', 'A-2', 'A-3'].map((id, i) => A(id, ['hub', `own${i}`], [`t${i}`]))
    expect(groupLinkedAlerts(hubbed, { maxAlertsPerAccount: 2 })).toEqual([])
    expect(groupLinkedAlerts(hubbed, { maxAlertsPerAccount: 3 }).map((g) => g.alerts)).toEqual([
      ['A-1', 'A-2', 'A-3'],
    ])
    hubbed.push(A('A-4', ['hub', 'own9'], ['t1']))
    expect(groupLinkedAlerts(hubbed, { maxAlertsPerAccount: 2 }).map((g) => g.alerts)).toEqual([
      ['A-2', 'A-4'],
    ])
  })

  it('groups do not depend on the order of the alerts, and every linked pair is in one group', () => {
    const alert = fc.record({
      accounts: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), {
        minLength: 1,
        maxLength: 3,
      }),
      tx_ids: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6'), {
        minLength: 1,
        maxLength: 2,
      }),
    })
    fc.assert(
      fc.property(fc.array(alert, { maxLength: 9 }), fc.nat(), (raw, seed) => {
        const alerts = raw.map((a, i) => ({ id: `A-${i}`, ...a }))
        const o = { maxAlertsPerAccount: 3 }
        const groups = groupLinkedAlerts(alerts, o)
        const shuffled = [...alerts].sort(
          (x, y) =>
            ((Number(x.id.slice(2)) * 7919 + seed) % 13) -
            ((Number(y.id.slice(2)) * 7919 + seed) % 13),
        )
        expect(groupLinkedAlerts(shuffled, o).map((g) => g.alerts)).toEqual(
          groups.map((g) => g.alerts),
        )
        const groupOf = new Map<string, number>()
        groups.forEach((g, i) => g.alerts.forEach((id) => groupOf.set(id, i)))
        const uses = new Map<string, number>()
        for (const a of alerts) for (const x of a.accounts) uses.set(x, (uses.get(x) ?? 0) + 1)
        for (const a of alerts)
          for (const b of alerts) {
            if (a.id >= b.id) continue
            const tx = a.tx_ids.some((t) => b.tx_ids.includes(t))
            const acc = a.accounts.some((x) => b.accounts.includes(x) && uses.get(x)! <= 3)
            if (tx || acc) {
              expect(groupOf.get(a.id)).toBeDefined()
              expect(groupOf.get(a.id)).toBe(groupOf.get(b.id))
            }
          }
      }),
    )
  })
})

const S = (status: string, assignee: string | null = null, proposed_by: string | null = null) =>
  ({
    status,
    assignee,
    proposed_by,
    proposed_outcome: proposed_by ? 'closed_benign' : null,
  }) as Parameters<typeof initialCaseState>[0][number]

describe('case state', () => {
  it('starts from its alerts: escalated over in review over new; one assignee kept; no proposal carried', () => {
    expect(initialCaseState([S('new'), S('new')]).status).toBe('new')
    expect(initialCaseState([S('new'), S('in_review', 'ana')])).toEqual(S('in_review', 'ana'))
    expect(initialCaseState([S('in_review', 'ana'), S('in_review', 'bob')])).toEqual(S('in_review'))
    expect(initialCaseState([S('proposed_close', 'ana', 'ana'), S('new')])).toEqual(
      S('in_review', 'ana'),
    )
    expect(initialCaseState([S('escalated'), S('in_review')]).status).toBe('escalated')
    // closed alerts do not set the state of a case with open ones
    expect(initialCaseState([S('reported'), S('new')]).status).toBe('new')
    expect(initialCaseState([S('closed_false_positive'), S('reported')]).status).toBe('reported')
  })

  it('an open alert joining withdraws a pending proposal and reopens a closed case', () => {
    expect(stateOnOpenAlert(S('proposed_close', 'ana', 'ana'))).toEqual({
      next: S('in_review', 'ana'),
      what: 'withdraw',
    })
    expect(stateOnOpenAlert(S('reported', 'ana'))).toEqual({
      next: S('in_review', 'ana'),
      what: 'reopen',
    })
    expect(stateOnOpenAlert(S('closed_benign'))).toEqual({ next: S('new'), what: 'reopen' })
    expect(stateOnOpenAlert(S('escalated', 'sue'))).toEqual({
      next: S('escalated', 'sue'),
      what: null,
    })
  })
})
