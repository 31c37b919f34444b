// OFAC's weak a.k.a.s (quoted in the remarks of ../shared/data/sdn/sdn.csv, low quality by OFAC's
// own word) never raise an alert alone: 1,000 payments to parties named exactly as a weak alias
// (whose text matches no primary name or strong alias), from and to German accounts, give no
// sanctions alert; the same names with the listed party's country do (the test can fail).
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { openStore, type Store } from '../src/store/index.ts'
import { importList, NameIndex, readScreening } from '../src/screen/index.ts'
import { insertFixturePayments, type FixturePayment } from './fixtures/payments.ts'
import { sharedFiles } from './required.ts'
import { parseConfig } from '../src/config/index.ts'
import { runScan } from '../src/pipeline/index.ts'
import { listAlerts } from '../src/cases/index.ts'
import { sdnEntries } from '../bench/screen-sets.ts'
import { parseOfacSdn } from '../src/screen/lists/ofac.ts'
import { readFileSync } from 'node:fs'

const [file] = sharedFiles('screen-weak-aliases', ['sdn/sdn.csv'])
// Screening on its own: every alert the lists raise, not the budget's cut of them.
const { config, hash } = parseConfig({ alerts: { max_per_10k_transfers: null } })

/** 'KARIMI, Ali' → 'Ali KARIMI', as a payment writes a person. */
const spoken = (n: string) => {
  const [family, given] = n.split(',').map((s) => s.trim())
  return given ? `${given} ${family}` : n
}

describe.skipIf(!file)('weak aliases alone', () => {
  let store: Store
  const chosen: Array<{ name: string; country: string | undefined }> = []

  beforeAll(async () => {
    const entries = sdnEntries(file!)
    const countries = new Map(
      parseOfacSdn(readFileSync(file!, 'utf8')).entries.map((e) => [e.id, e.countries]),
    )
    const index = new NameIndex(entries)
    const seen = new Set<string>()
    for (const e of entries)
      for (const n of e.names) {
        if (n.kind !== 'weakAlias' || chosen.length >= 1000) continue
        const name = spoken(n.name)
        if (seen.has(name)) continue
        seen.add(name)
        const hits = index.match(name, { threshold: config.screen.match_threshold })
        // names equal to a weak alias that no primary name or strong alias matches
        if (!hits.length || hits.some((h) => h.nameKind !== 'weakAlias')) continue
        if (hits.some((h) => (countries.get(h.entry.id) ?? []).includes('DE'))) continue
        chosen.push({ name, country: countries.get(e.id)?.[0] })
      }
    store = await openStore({ path: ':memory:' })
    await importList(store, file!, { kind: 'sanctions' })
    const rows: FixturePayment[] = chosen.map((c, i) => ({
      tx_id: `w${i}`,
      ts: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
      debtor_account: 'DE89370400440532013000',
      debtor_name: 'Ringwatch Testzahler GmbH',
      debtor_country: 'DE',
      debtor_bank: 'COBADEFFXXX',
      creditor_account: `DEWA${i}`,
      creditor_name: c.name,
      creditor_country: 'DE',
      creditor_bank: 'DEUTDEFFXXX',
      purpose: 'Rechnung',
    }))
    await insertFixturePayments(store, rows)
  }, 120_000)
  afterAll(() => store?.close())

  it('gives no alert for 1,000 common names equal to OFAC weak aliases', async () => {
    expect(chosen).toHaveLength(1000)
    await runScan({ store, config, configHash: hash }, { from: '2026-03-01', to: '2026-03-31' })
    const matched = await store.one<{ n: number }>('fixture/weak-alias-names')
    // every name matched its weak alias; none became a hit or an alert
    expect(matched?.n).toBeGreaterThanOrEqual(1000)
    const ctx = await readScreening(store, { from: '2026-03-01', to: '2026-03-31' })
    expect(ctx.hitsByAccount.size).toBe(0)
    const alerts = await listAlerts(store, { status: undefined, ids: null })
    expect(alerts.filter((a) => a.typology === 'sanctions')).toHaveLength(0)
  }, 120_000)

  it('alerts on the same names paid with the listed party’s country', async () => {
    const withCountry = chosen.filter((c) => c.country).slice(0, 50)
    expect(withCountry.length).toBe(50)
    await insertFixturePayments(
      store,
      withCountry.map((c, i) => ({
        tx_id: `c${i}`,
        ts: '2026-04-02T10:00:00Z',
        debtor_account: 'DE89370400440532013000',
        debtor_name: 'Ringwatch Testzahler GmbH',
        creditor_account: `XXWA${i}`,
        creditor_name: c.name,
        creditor_country: c.country,
      })),
    )
    await runScan({ store, config, configHash: hash }, { from: '2026-04-01', to: '2026-04-30' })
    const alerts = (await listAlerts(store, { status: undefined, ids: null })).filter(
      (a) => a.typology === 'sanctions',
    )
    expect(alerts.length).toBeGreaterThanOrEqual(45)
  }, 120_000)
})
