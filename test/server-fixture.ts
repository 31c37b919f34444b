// A small hand-built world for the server tests: a 4-account ring with an alert, a hub with 30
// counterparties linked to the ring, a dozen more alerts for paging, runs, files, quarantined rows,
// communities and one user per role. Seeded through queries/server/test-*.sql.
import type { Store } from '../src/store/index.ts'
import type { Role } from '../src/schema/alert.ts'
import { addUser } from '../src/server/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { createApp, type AppDeps } from '../src/server/index.ts'

export const RING = [
  'DE89RING0000000001',
  'AE07RING0000000002',
  'TR33RING0000000003',
  'CN12RING0000000004',
]
export const HUB = 'NLHUB0000000000000'
export const RING_ALERT = 'A-00000000000a'
export const FILE_ID = 'f'.repeat(64)

const names: Record<string, [string, string]> = {
  [RING[0]]: ['Rheinmetall Handels GmbH', 'DE'],
  [RING[1]]: ['Gulf Precision Trading FZE', 'AE'],
  [RING[2]]: ['Anatolia Makine Ltd', 'TR'],
  [RING[3]]: ['Shenzhen Bright Tech Co', 'CN'],
  [HUB]: ['Hub Holdings BV', 'NL'],
}
const nameOf = (a: string) => names[a]?.[0] ?? `Company ${a.slice(-2)}`
const countryOf = (a: string) => names[a]?.[1] ?? 'FR'

let row = 0
async function pay(
  store: Store,
  tx: string,
  ts: string,
  amount: string,
  from: string,
  to: string,
  extra: { purpose?: string; hs?: string } = {},
) {
  await store.run('fixture/insert-payment', {
    tx_id: tx,
    ts,
    amount,
    currency: 'EUR',
    debtor_account: from,
    debtor_name: nameOf(from),
    debtor_country: countryOf(from),
    creditor_account: to,
    creditor_name: nameOf(to),
    creditor_country: countryOf(to),
    purpose: extra.purpose ?? null,
    hs_code: extra.hs ?? null,
    file_id: FILE_ID,
    source_row: ++row,
  })
}

const provenance = JSON.stringify({
  run_id: 'run-scan-1',
  detector_version: 'test',
  config_hash: 'abc',
  list_versions: {},
  input_files: [FILE_ID],
})

export async function alert(
  store: Store,
  a: {
    id: string
    typology: string
    score: number
    status: string
    accounts: string[]
    first: string
    last: string
    amount: string
    /** In the base currency (EUR); default the amount itself; null: no reference rate. */
    amount_base?: string | null
    assignee?: string
    proposed_by?: string
    proposed_outcome?: string
    created: string
    reason: string
  },
) {
  await store.run('fixture/insert-alert', {
    id: a.id,
    typology: a.typology,
    score: a.score,
    status: a.status,
    accounts: JSON.stringify(a.accounts),
    first_ts: a.first,
    last_ts: a.last,
    total_amount: a.amount,
    currency: 'EUR',
    total_amount_base: a.amount_base === undefined ? a.amount : a.amount_base,
    base_currency: 'EUR',
    reasons: JSON.stringify([{ code: 'TEST', text: a.reason, weight: 40 }]),
    finding: JSON.stringify({ typology: a.typology, explanation: a.reason }),
    community: 7,
    provenance,
    assignee: a.assignee ?? null,
    proposed_by: a.proposed_by ?? null,
    proposed_outcome: a.proposed_outcome ?? null,
    created_at: a.created,
  })
}

/** A cycle alert over the ring in `status`, for a test that changes it; returns its id. */
export async function ringAlert(
  store: Store,
  id: string,
  status: string,
  extra: { proposed_by?: string; proposed_outcome?: string } = {},
): Promise<string> {
  await alert(store, {
    id,
    typology: 'cycle',
    score: 70,
    status,
    accounts: RING,
    first: '2026-03-02T00:00:00Z',
    last: '2026-03-06T00:00:00Z',
    amount: '1000.00',
    created: '2026-03-12T00:00:00Z',
    reason: 'test',
    ...extra,
  })
  return id
}

export const ROLES_USERS: Record<Role, string> = {
  analyst: 'ana',
  supervisor: 'sue',
  fiu_viewer: 'fred',
  admin: 'adam',
  batch: 'bob',
}

/** Seeds the world; returns each role's API key. */
export async function seed(store: Store): Promise<Record<Role, string>> {
  row = 0
  const ring = [
    ['T-R1', '2026-03-02T09:00:00Z', '100000.00'],
    ['T-R2', '2026-03-03T10:00:00Z', '96000.00'],
    ['T-R3', '2026-03-04T11:00:00Z', '93000.00'],
    ['T-R4', '2026-03-06T12:00:00Z', '90000.00'],
  ]
  for (let i = 0; i < 4; i++)
    await pay(
      store,
      ring[i][0],
      ring[i][1],
      ring[i][2],
      RING[i],
      RING[(i + 1) % 4],
      i === 0 ? { purpose: 'CNC machine parts', hs: '8457' } : {},
    )
  await pay(store, 'T-CTX', '2026-03-01T08:00:00Z', '500.00', RING[0], RING[2])
  for (let i = 1; i <= 30; i++) {
    const c = `FRCP${String(i).padStart(14, '0')}`
    await pay(
      store,
      `T-H${i}`,
      `2026-03-10T${String(i % 24).padStart(2, '0')}:00:00Z`,
      `${i * 100}.00`,
      c,
      HUB,
    )
  }
  await pay(store, 'T-HR', '2026-03-11T09:00:00Z', '5000.00', HUB, RING[0])
  await alert(store, {
    id: RING_ALERT,
    typology: 'cycle',
    score: 88,
    status: 'new',
    accounts: RING,
    first: ring[0][1],
    last: ring[3][1],
    amount: '379000.00',
    created: '2026-03-12T00:00:00Z',
    reason: '4-hop cycle closed in 4.1 days',
  })
  for (const t of ring)
    await store.run('fixture/insert-alert-transfer', {
      alert_id: RING_ALERT,
      tx_id: t[0],
      run_id: 'run-scan-1',
    })
  const typologies = ['fan_in', 'structuring', 'layering', 'fan_out']
  for (let i = 1; i <= 12; i++) {
    await alert(store, {
      id: `A-0000000001${i.toString(16).padStart(2, '0')}`,
      typology: typologies[i % 4],
      score: 20 + i * 5,
      status: i === 3 ? 'in_review' : 'new',
      accounts: [HUB, `FRCP${String(i).padStart(14, '0')}`],
      first: `2026-03-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
      last: `2026-03-${String(i + 2).padStart(2, '0')}T00:00:00Z`,
      amount: `${i * 1000}.00`,
      assignee: i === 3 ? 'ana' : undefined,
      created: `2026-03-12T00:${String(i).padStart(2, '0')}:00Z`,
      reason: i === 5 ? 'many new counterparties in Dubai' : `pattern ${i}`,
    })
  }
  for (const a of RING)
    await store.run('fixture/insert-community', {
      account: a,
      community: 7,
      run_id: 'run-scan-1',
    })
  await store.run('fixture/insert-run', {
    run_id: 'run-ingest-1',
    kind: 'ingest',
    started_at: '2026-03-12T00:00:00Z',
    finished_at: '2026-03-12T00:00:05Z',
    status: 'ok',
    summary: JSON.stringify({ files: 1 }),
  })
  await store.run('fixture/insert-run', {
    run_id: 'run-scan-1',
    kind: 'scan',
    started_at: '2026-03-12T00:01:00Z',
    finished_at: '2026-03-12T00:01:09Z',
    status: 'ok',
    summary: JSON.stringify({ alerts: 13 }),
  })
  await store.run('fixture/insert-file', {
    file_id: FILE_ID,
    path: 'samples/days/2026-03-01.csv',
    rows_read: 39,
    rows_accepted: 36,
    rows_quarantined: 3,
    run_id: 'run-ingest-1',
    ingested_at: '2026-03-12T00:00:05Z',
  })
  for (const [i, code] of ['bad_iban', 'bad_iban', 'bad_amount'].entries())
    await store.run('fixture/insert-quarantine', {
      file_id: FILE_ID,
      path: 'samples/days/2026-03-01.csv',
      source_row: 100 + i,
      column_name: code === 'bad_iban' ? 'debtor_account' : 'amount',
      raw_value: 'x',
      reason_code: code,
      reason: `test ${code}`,
      raw_row: 'x,y',
    })
  await store.run('fixture/insert-hit', {
    account: RING[1],
    name: 'GULF PRECISION TRADING',
    entry_id: 'os-123',
    score: 0.93,
  })
  await store.run('fixture/insert-goods', { tx_id: 'T-R1', category: 'machine_tools' })
  const keys = {} as Record<Role, string>
  for (const [role, id] of Object.entries(ROLES_USERS) as [Role, string][])
    keys[role] = (await addUser(store, id, role)).key
  return keys
}

export function testApp(store: Store, extra: Partial<AppDeps> = {}) {
  return createApp({ store, config: parseConfig({}).config, dashboards: false, ...extra })
}
