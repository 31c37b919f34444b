// A scan that fails in any stage says which, with the cause's stack, in the error and in its run's
// row (marked failed), and leaves nothing of itself behind: no alert, version, transfer link,
// audit row, community or exposure row of that run; alerts of earlier runs stay as they were.
// Failures are injected through the scan's seams (ScanEngines, and ScanDeps' store).
import { describe, it, expect } from 'vitest'
import { withStore, type Store } from '../src/store/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { runScanWith, ScanStageError, type ScanEngines } from '../src/pipeline/index.ts'
import { fixedEngines } from './fixtures/scan-engines.ts'
import { seedPayments, type FlowPayment as FixturePayment } from './fixtures/payments.ts'
import { verifyAudit } from '../src/cases/index.ts'
import { EMPTY_RISK, type RiskContext } from '../src/score/index.ts'
import type { CycleFinding } from '../src/schema/finding.ts'
import { BadInputError } from '../src/util/errors.ts'
import { runRows, tableCounts } from './fixtures/reads.ts'
import { ringFinding } from './fixtures/alerts.ts'

const { config, hash } = parseConfig({ alerts: { max_per_10k_transfers: null } })
const ACCOUNTS = ['DE01', 'AE02', 'TR03', 'CY04']
const pay = (n: number): FixturePayment => ({
  tx_id: `t${n}`,
  ts: `2026-01-${String(n + 1).padStart(2, '0')}T10:00:00Z`,
  amount: 100_000 - n * 1_000,
  debtor: ACCOUNTS[(n - 1) % 4],
  creditor: ACCOUNTS[n % 4],
})
const payments = [1, 2, 3, 4, 5, 6, 7, 8].map(pay)

function cycle(txs: number[], accounts = ACCOUNTS): CycleFinding {
  const rows = txs.map((n) => payments[n - 1])
  return ringFinding(`cycle:${txs.join(',')}`, rows, accounts, {
    retention: 0.95,
    value_spread: 0.05,
  })
}

/** The store with one named query failing: through all/one/run, or inside the write transaction. */
function failing(store: Store, where: 'all' | 'one' | 'tx', query: string): Store {
  const boom = () => Promise.reject(new Error(`injected failure in ${query}`))
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'all' && where === 'all')
        return (n: string, p?: object) => (n === query ? boom() : target.all(n, p as never))
      if (key === 'one' && where === 'one')
        return (n: string, p?: object) => (n === query ? boom() : target.one(n, p as never))
      if (key === 'transaction' && where === 'tx')
        return (
          fn: Parameters<Store['transaction']>[0],
          opts?: Parameters<Store['transaction']>[1],
        ) =>
          target.transaction(
            (tx) =>
              fn({
                ...tx,
                run: (n, p) => (n === query ? boom() : tx.run(n, p)),
              }),
            opts,
          )
      return Reflect.get(target, key, receiver)
    },
  })
}

/** A detector that overflows the stack the way push(...xs) of millions of items does. */
function overflowingDetector(): never {
  const xs = new Array<number>(3_000_000).fill(1)
  Math.max(...xs)
  throw new Error('the spread did not overflow')
}

type Injection = (store: Store, engines: ScanEngines) => { store: Store; engines: ScanEngines }

const STAGES: Record<string, { inject: Injection; cause: RegExp }> = {
  window: {
    inject: (store, engines) => ({
      store: failing(store, 'one', 'graph/window-count'),
      engines,
    }),
    cause: /Error: injected failure in graph\/window-count\n\s+at /,
  },
  screen: {
    inject: (store, engines) => ({
      store,
      engines: {
        ...engines,
        screenWindow: async function listsUnreadable() {
          throw new Error('the list snapshot is unreadable')
        },
      },
    }),
    cause: /Error: the list snapshot is unreadable\n\s+at .*listsUnreadable/,
  },
  graph: {
    inject: (store, engines) => ({
      store,
      engines: {
        ...engines,
        loadWindow: async function graphTooBig() {
          throw new RangeError('Array buffer allocation failed')
        },
      },
    }),
    cause: /RangeError: Array buffer allocation failed\n\s+at .*graphTooBig/,
  },
  detect: {
    inject: (store, engines) => ({
      store,
      engines: { ...engines, runDetectors: overflowingDetector },
    }),
    cause: /RangeError: Maximum call stack size exceeded\n\s+at .*overflowingDetector/,
  },
  score: {
    // a goods mismatch makes the score stage read the flagged transfers: that read fails
    inject: (store, engines) => {
      const ctx: RiskContext = {
        ...EMPTY_RISK,
        goodsByTx: new Map([['t5', { mismatch: true }]]) as RiskContext['goodsByTx'],
      }
      return {
        store: failing(store, 'all', 'pipeline/payments-of-txs'),
        engines: { ...engines, readScreening: async () => ctx },
      }
    },
    cause: /Error: injected failure in pipeline\/payments-of-txs\n\s+at /,
  },
  write: {
    // after the alerts, their versions, transfer links and audit rows are written
    inject: (store, engines) => ({
      store: failing(store, 'tx', 'pipeline/communities-insert'),
      engines,
    }),
    cause: /Error: injected failure in pipeline\/communities-insert\n\s+at /,
  },
}

async function snapshot(store: Store) {
  const n = await tableCounts(store)
  return {
    alerts: await store.all('fixture/alerts-brief'),
    versions: n.alert_versions,
    links: n.alert_transfers,
    audit: n.audit_log,
  }
}

describe('a failing scan', () => {
  for (const [stage, { inject, cause }] of Object.entries(STAGES)) {
    it(`names the ${stage} stage and its stack, is marked failed and leaves nothing behind`, async () => {
      await withStore(async (store) => {
        await seedPayments(store, payments)
        // a first scan: one alert with its version, links, audit row and communities
        const first = fixedEngines([[cycle([1, 2, 3, 4])]], EMPTY_RISK, new Map([['DE01', 1]]))
        const ok = await runScanWith(first, { store, config, configHash: hash })
        expect(ok.alerts.new).toBe(1)
        const before = await snapshot(store)

        // the second would update that alert with new transfers and open a second one
        const second = fixedEngines(
          [[cycle([1, 2, 3, 4, 5]), cycle([6, 7, 8], ['XX01', 'XX02', 'XX03'])]],
          EMPTY_RISK,
          new Map(ACCOUNTS.map((a, i) => [a, i])),
        )
        const bad = inject(store, second)
        const err = await runScanWith(bad.engines, { store: bad.store, config, configHash: hash })
          .then(() => undefined)
          .catch((e: unknown) => e)
        expect(err).toBeInstanceOf(ScanStageError)
        const e = err as ScanStageError
        expect(e.stage).toBe(stage)
        expect(e.exitCode).toBe(1)
        expect(e.message).toMatch(new RegExp(`^stage '${stage}' failed: `))
        expect(e.message).toMatch(cause)

        const runs = await runRows(store, 'scan')
        const failed = runs.filter((r) => r.run_id !== ok.run_id)
        expect(failed.map((r) => r.status)).toEqual(['failed'])
        const record = JSON.parse(failed[0].summary!)
        expect(record).toMatchObject({ status: 'failed', failed_stage: stage, error: e.message })
        expect(record.stack).toMatch(cause)

        const run = failed[0].run_id
        expect(await store.one('fixture/run-rows', { run_id: run })).toEqual({
          alerts: 0,
          alert_versions: 0,
          alert_transfers: 0,
          communities: 0,
          exposure: 0,
        })
        expect(await snapshot(store)).toEqual(before)
        expect((await verifyAudit(store)).ok).toBe(true)

        // and the next scan runs normally
        const again = await runScanWith(second, { store, config, configHash: hash })
        expect(again.alerts).toMatchObject({ new: 1, updated: 1 })
      })
    })
  }

  it('keeps the exit code of bad input and its plain message; the run keeps the stack', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments)
      const err = await runScanWith(
        fixedEngines([[]]),
        { store, config, configHash: hash },
        { from: 'soon' },
      ).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ScanStageError)
      const e = err as ScanStageError
      expect(e.cause).toBeInstanceOf(BadInputError)
      expect([e.stage, e.exitCode, e.status]).toEqual(['window', 2, 400])
      expect(e.message).toBe(
        `stage 'window' failed: --from soon: not a date (YYYY-MM-DD or ISO 8601)`,
      )
      const [row] = await runRows(store, 'scan')
      expect(row.status).toBe('failed')
      expect(JSON.parse(row.summary!).stack).toMatch(/^BadInputError: --from soon[^\n]*\n\s+at /)
    })
  })
})
