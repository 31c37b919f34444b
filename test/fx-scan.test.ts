// A scan in the base currency: the default sample rates come in by themselves and are recorded in
// every alert's provenance; a currency without a rate is reported once; alerts carry
// total_amount_base and base_currency through scoring, merging, the export and the API.
import { describe, it, expect } from 'vitest'
import { PassThrough } from 'node:stream'
import { withStore, type Store } from '../src/store/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { importList } from '../src/screen/index.ts'
import { runScan, runScanWith } from '../src/pipeline/index.ts'
import { fixedEngines } from './fixtures/scan-engines.ts'
import { seedPayments, type FlowPayment as FixturePayment } from './fixtures/payments.ts'
import { exportAlerts, listAlerts } from '../src/cases/index.ts'
import { AlertRecord } from '../src/schema/alert.ts'
import type { CycleFinding } from '../src/schema/finding.ts'
import { EMPTY_RISK } from '../src/score/index.ts'
import { samplePerEur } from '../src/generate/sample-rates.ts'
import type { Logger } from '../src/util/progress.ts'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

async function exported(store: Store, format: 'jsonl' | 'csv') {
  const out = new PassThrough()
  const chunks: string[] = []
  out.on('data', (c) => chunks.push(String(c)))
  await exportAlerts(store, { id: 'tester', role: 'admin' }, { format, out })
  return chunks.join('')
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return {
    warnings,
    info: () => undefined,
    warn: (m) => void warnings.push(m),
    error: () => undefined,
  }
}

// Business days of January 2026 (the sample rates cover 2025–2027).
const PAYMENTS: FixturePayment[] = [
  {
    tx_id: 'p1',
    ts: '2026-01-05T10:00:00Z',
    amount: 12_000,
    currency: 'USD',
    debtor: 'DE01',
    creditor: 'AE02',
  },
  {
    tx_id: 'p2',
    ts: '2026-01-06T10:00:00Z',
    amount: 30_000,
    currency: 'AED',
    debtor: 'AE02',
    creditor: 'TR03',
  },
  {
    tx_id: 'p3',
    ts: '2026-01-07T10:00:00Z',
    amount: 5_000,
    currency: 'EUR',
    debtor: 'DE01',
    creditor: 'AE02',
  },
  // KPW: a currency the sample rates leave out (its official rate says nothing of its value)
  {
    tx_id: 'p4',
    ts: '2026-01-07T11:00:00Z',
    amount: 7_000,
    currency: 'KPW',
    debtor: 'SE05',
    creditor: 'DE01',
  },
]

describe('scan with reference rates', () => {
  it('records the fx snapshot in provenance, reports missing currencies once, carries base amounts', async () => {
    await withStore(async (store) => {
      const dir = mkdtempSync(join(tmpdir(), 'rw-fxscan-'))
      try {
        const list = join(dir, 'watch.csv')
        // AE02's creditor name in the fixture payments is 'AE02 Trading'
        writeFileSync(list, 'name,aliases,country,list\nAE02 Trading,,AE,EU\n')
        await importList(store, list, { kind: 'sanctions' })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      await seedPayments(store, PAYMENTS)
      const { config, hash } = parseConfig({})
      const logger = recordingLogger()
      const s = await runScan({ store, config, configHash: hash, logger })
      expect(s.status).toBe('ok')
      expect(s.base_currency).toBe('EUR')
      expect(s.fx_missing).toEqual(['KPW'])
      expect(logger.warnings.filter((w) => w.includes('KPW'))).toHaveLength(1)
      expect(s.list_versions['fx:fx-rates.csv']).toMatch(/^L-[0-9a-f]{16}$/)

      const records = (await exported(store, 'jsonl'))
        .trim()
        .split('\n')
        .map((l) => AlertRecord.parse(JSON.parse(l)))
      expect(records.length).toBeGreaterThan(0)
      for (const r of records)
        expect(r.provenance.list_versions['fx:fx-rates.csv']).toBe(
          s.list_versions['fx:fx-rates.csv'],
        )
      // AE02 is listed: its sanctions alert sums p1 (USD), p2 (AED) and p3 (EUR) in EUR
      const hit = records.find((r) => r.typology === 'sanctions')!
      expect(hit.tx_ids).toEqual(['p1', 'p2', 'p3'])
      expect(hit.base_currency).toBe('EUR')
      const expected =
        12_000 / samplePerEur('USD', '2026-01-05') +
        30_000 / samplePerEur('AED', '2026-01-06') +
        5_000
      expect(hit.total_amount_base).toBeCloseTo(expected, 0)
      expect(hit.total_amount).toBe(47_000) // the original amounts, as before
    })
  })

  it('an alert whose transfers include a currency without a rate has no base amount', async () => {
    await withStore(async (store) => {
      const dir = mkdtempSync(join(tmpdir(), 'rw-fxscan-'))
      try {
        const list = join(dir, 'watch.csv')
        writeFileSync(list, 'name,aliases,country,list\nSE05 Holding,,SE,EU\n')
        await importList(store, list, { kind: 'sanctions' })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      await seedPayments(store, PAYMENTS)
      const { config, hash } = parseConfig({})
      await runScan({ store, config, configHash: hash })
      const hit = (await listAlerts(store, { typology: 'sanctions' })).find((a) =>
        a.accounts.includes('SE05'),
      )!
      expect(hit.total_amount_base).toBeNull()
      expect(hit.base_currency).toBe('EUR')
    })
  })

  it('findings with amount_base become alerts with total_amount_base, on insert and on update', async () => {
    await withStore(async (store) => {
      const ring = (txs: string[], amountBase: number | null): CycleFinding => ({
        typology: 'cycle',
        key: `cycle:${txs.join(',')}`,
        tx_ids: txs,
        accounts: ['AE02', 'DE01', 'TR03'],
        first_ts: '2026-01-05T10:00:00Z',
        last_ts: '2026-01-07T10:00:00Z',
        amount_in: 12_000,
        amount_out: 11_500,
        currency: 'USD',
        amount_base: amountBase,
        span_hours: 48,
        explanation: 'ring',
        truncated: false,
        measures: { hops: 3, retention: 0.96, min_hop_ratio: 0.95 },
        signals: { history_days: 30, dedicated: 1, passing: 1, value_spread: 0.04 },
      })
      await seedPayments(store, PAYMENTS)
      const config = parseConfig({
        fx: { base_currency: 'USD' },
        alerts: { max_per_10k_transfers: null },
      })
      const risk = { ...EMPTY_RISK, baseCurrency: 'USD' }
      const engines = fixedEngines(
        [[ring(['p1', 'p2'], 12_000.456)], [ring(['p1', 'p2', 'p3'], 17_500)]],
        risk,
      )
      await runScanWith(engines, { store, config: config.config, configHash: config.hash })
      let [a] = await listAlerts(store, {})
      expect(a.total_amount_base).toBe(12_000.46)
      expect(a.base_currency).toBe('USD')
      await runScanWith(engines, { store, config: config.config, configHash: config.hash })
      ;[a] = await listAlerts(store, {})
      expect(a.version).toBe(2)
      expect(a.total_amount_base).toBe(17_500)
      const csv = (await exported(store, 'csv')).trim().split('\n')
      const head = csv[0].split(',')
      const row = csv[1].split(',')
      expect(row[head.indexOf('total_amount_base')]).toBe('17500.00')
      expect(row[head.indexOf('base_currency')]).toBe('USD')
      expect(row[head.indexOf('total_amount')]).toBe('12000.00')
    })
  })
})
