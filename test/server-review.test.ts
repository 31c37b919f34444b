// The review step through the API: a false-positive closure of an alert with a strong watch-list
// hit needs a confirmation and a sentence (from the proposer and the approver); the alert page's
// review block (the proposal with its reason and cited evidence, the decision in a line that reads
// well); messages in plain words; assignment to a colleague through the list of assignees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { Review } from '../src/schema/review.ts'
import { addUser, disableUser } from '../src/server/index.ts'
import { alert, HUB, RING, seed, testApp } from './server-fixture.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let store: Store
let keys: Record<Role, string>
let app: ReturnType<typeof testApp>
let n = 0
const HIT = `H-${RING[1]}-os-123`
const SENTENCE = 'The listed Gulf Precision is a different company in another emirate'

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  await addUser(store, 'sid', 'supervisor')
  await addUser(store, 'gone', 'analyst')
  await disableUser(store, 'gone')
  app = testApp(store)
})
afterAll(async () => store.close())

const post = (id: string, body: unknown, key: string) =>
  app.request(`/api/alerts/${id}/actions`, {
    method: 'POST',
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const get = async (path: string, key: string) =>
  (await (await app.request(`/api/${path}`, { headers: { 'X-API-Key': key } })).json()) as Json
const message = async (res: Response) => ((await res.json()) as Json).error.message as string

/** A fresh alert in review: on the ring (whose AE party is a 93 % watch-list hit) or elsewhere. */
async function inReview(onRing: boolean): Promise<string> {
  const id = `A-e0${(++n).toString(16).padStart(6, '0')}`
  await alert(store, {
    id,
    typology: 'cycle',
    score: 70,
    status: 'in_review',
    accounts: onRing ? RING : [HUB, 'FRCP00000000000001'],
    first: '2026-03-02T00:00:00Z',
    last: '2026-03-06T00:00:00Z',
    amount: '1000.00',
    created: '2026-03-12T00:00:00Z',
    reason: 'test',
  })
  for (const tx of onRing ? ['T-R1', 'T-R2'] : ['T-H1'])
    await store.run('fixture/insert-alert-transfer', {
      alert_id: id,
      tx_id: tx,
      run_id: 'run-scan-1',
    })
  return id
}

describe('closing as false positive despite a strong watch-list hit', () => {
  it('needs the proposer to confirm and to give a sentence', async () => {
    const id = await inReview(true)
    const propose = (extra: Json) =>
      post(id, { type: 'propose', outcome: 'closed_false_positive', ...extra }, keys.analyst)
    const unconfirmed = await propose({ reason: SENTENCE })
    expect(unconfirmed.status).toBe(400)
    const m = await message(unconfirmed)
    expect(m).toContain('GULF PRECISION TRADING')
    expect(m).toContain('os-123')
    expect(m).toContain('93%')
    expect(m).toMatch(/confirm/)
    const short = await propose({ reason: 'not him', confirm: true })
    expect(short.status).toBe(400)
    expect(await message(short)).toMatch(/at least a sentence/)
    expect((await propose({ reason: SENTENCE, confirm: true })).status).toBe(200)
  })

  it('needs the approver to confirm and to give a sentence too', async () => {
    const id = await inReview(true)
    await post(
      id,
      { type: 'propose', outcome: 'closed_false_positive', reason: SENTENCE, confirm: true },
      keys.analyst,
    )
    const bare = await post(id, { type: 'approve' }, keys.supervisor)
    expect(bare.status).toBe(400)
    expect(await message(bare)).toMatch(/confirm/)
    const short = await post(id, { type: 'approve', confirm: true, reason: 'ok' }, keys.supervisor)
    expect(short.status).toBe(400)
    const ok = await post(
      id,
      { type: 'approve', confirm: true, reason: 'Agreed: the registry shows another company' },
      keys.supervisor,
    )
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as Json).alert.status).toBe('closed_false_positive')
  })

  it('asks nothing more for other outcomes or alerts without a strong hit', async () => {
    const benign = await inReview(true)
    expect(
      (
        await post(
          benign,
          { type: 'propose', outcome: 'closed_benign', reason: 'ok' },
          keys.analyst,
        )
      ).status,
    ).toBe(200)
    const plain = await inReview(false)
    expect(
      (
        await post(
          plain,
          { type: 'propose', outcome: 'closed_false_positive', reason: 'ok' },
          keys.analyst,
        )
      ).status,
    ).toBe(200)
    expect((await post(plain, { type: 'approve' }, keys.supervisor)).status).toBe(200)
  })
})

describe('the review block of the alert page', () => {
  it('shows the proposal with its reason and the evidence it cites, then the decision', async () => {
    const id = await inReview(true)
    const before = Review.parse((await get(`alerts/${id}`, keys.supervisor)).review)
    expect(before.proposal).toBeNull()
    expect(before.strong_hits.map((h) => h.hit_id)).toEqual([HIT])
    expect(before.strong_hit_score).toBe(0.82)
    const p = await post(
      id,
      {
        type: 'propose',
        outcome: 'closed_false_positive',
        reason: SENTENCE,
        confirm: true,
        evidence: ['T-R2', HIT],
      },
      keys.analyst,
    )
    expect(p.status).toBe(200)
    const { proposal } = Review.parse((await get(`alerts/${id}`, keys.supervisor)).review)
    expect(proposal).toMatchObject({
      by: 'ana',
      outcome: 'closed_false_positive',
      reason: SENTENCE,
    })
    expect(proposal!.evidence).toEqual([
      expect.objectContaining({ kind: 'transfer', id: 'T-R2', hop: 2, amount: '96000.00' }),
      expect.objectContaining({ kind: 'hit', id: HIT, entry_id: 'os-123', score: 0.93 }),
    ])
    await post(
      id,
      { type: 'approve', confirm: true, reason: 'Agreed after checking the trade register' },
      keys.supervisor,
    )
    const after = Review.parse((await get(`alerts/${id}`, keys.analyst)).review)
    expect(after.proposal).toBeNull()
    expect(after.decision).toMatchObject({
      outcome: 'closed_false_positive',
      by: 'sue',
      proposed_by: 'ana',
      proposal_reason: SENTENCE,
      reason: 'Agreed after checking the trade register',
      line: "Closed as false positive by sue on ana's proposal",
    })
  })

  it('refuses evidence that is not the alert’s own', async () => {
    const id = await inReview(false)
    const res = await post(
      id,
      { type: 'propose', outcome: 'closed_benign', reason: 'ok', evidence: ['T-R1'] },
      keys.analyst,
    )
    expect(res.status).toBe(400)
    expect(await message(res)).toBe(
      'The proposal cites T-R1, which is not a transfer or watch-list hit of this alert.',
    )
  })
})

describe('messages in plain words', () => {
  it('say what is wrong with the input as a sentence', async () => {
    const id = await inReview(false)
    const cases: Array<[Json, RegExp]> = [
      [{ type: 'propose', outcome: 'closed_benign', reason: '' }, /^The reason is empty/],
      [{ type: 'propose', outcome: 'closed_benign' }, /^The reason is missing\.$/],
      [{ type: 'propose', outcome: 'closed', reason: 'x' }, /^The outcome must be one of: /],
      [{ type: 'close' }, /^The action must be one of: assign, note/],
      [
        { type: 'note', text: 'x'.repeat(4001) },
        /^The note is too long: at most 4000 characters\.$/,
      ],
      [{ type: 'assign', assignee: 'x'.repeat(65) }, /^The assignee is not valid: use letters/],
    ]
    for (const [body, want] of cases) {
      const res = await post(id, body, keys.analyst)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const m = await message(res)
      expect(m, JSON.stringify(body)).toMatch(want)
      expect(m).not.toMatch(/Too small|Invalid input|expected string|json field/)
    }
  })
})

describe('messages in plain words on the queue', () => {
  it('say what is wrong with a query as a sentence', async () => {
    const cases: Array<[string, string]> = [
      ['limit=0', 'The page size must be at least 1.'],
      [
        'sort=amount',
        'The sort column must be one of: score, first_ts, last_ts, total_amount, created_at, updated_at.',
      ],
      ['q=' + 'x'.repeat(201), 'The search text is too long: at most 200 characters.'],
      [
        'cursor=nonsense',
        'The page cursor is not one this server gave out: load the first page again.',
      ],
    ]
    for (const [query, want] of cases) {
      const res = await app.request(`/api/alerts?${query}`, {
        headers: { 'X-API-Key': keys.analyst },
      })
      expect(res.status, query).toBe(400)
      expect(await message(res), query).toBe(want)
    }
  })
})

describe('assignment to a colleague', () => {
  it('lists who may be assigned and assigns to them', async () => {
    const { users } = await get('assignees', keys.analyst)
    expect(users).toEqual([
      { id: 'ana', role: 'analyst' },
      { id: 'sid', role: 'supervisor' },
      { id: 'sue', role: 'supervisor' },
    ])
    expect(
      (await app.request('/api/assignees', { headers: { 'X-API-Key': keys.fiu_viewer } })).status,
    ).toBe(403)
    const id = await inReview(false)
    const to = (assignee: string | null) => post(id, { type: 'assign', assignee }, keys.analyst)
    const res = await to('sid')
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).alert.assignee).toBe('sid')
    const admin = await to('adam')
    expect(admin.status).toBe(400)
    expect(await message(admin)).toBe(
      'adam is an admin and does not work alerts: assign it to an analyst or a supervisor.',
    )
    expect(await message(await to('gone'))).toBe('gone is disabled and cannot be assigned alerts.')
    expect(await message(await to('nobody'))).toBe(
      'There is no user nobody to assign this alert to.',
    )
    expect((await to(null)).status).toBe(200)
  })
})
