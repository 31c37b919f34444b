// A scan runs under config scan.memory_limit (DuckDB's memory limit) and puts the database's own
// limit back after it, whether it succeeds or fails; a limit that is no memory size is refused
// when the config is read.
import { describe, it, expect } from 'vitest'
import { withStore, type Store } from '../src/store/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { runScanWith, ScanStageError } from '../src/pipeline/index.ts'
import { fixedEngines } from './fixtures/scan-engines.ts'
import { seedPayments } from './fixtures/payments.ts'
import { BadInputError } from '../src/util/errors.ts'

const payments = [1, 2, 3].map((n) => ({
  tx_id: `t${n}`,
  ts: `2026-01-0${n}T10:00:00Z`,
  amount: 1_000 * n,
  debtor: `DE0${n}`,
  creditor: `DE0${n + 1}`,
}))

const limitOf = async (store: Store) =>
  (await store.one<{ value: string }>('fixture/setting', { name: 'memory_limit' }))!.value

describe('the scan memory limit', () => {
  it('holds while the scan runs and is restored after it, also after a failure', async () => {
    await withStore(async (store) => {
      await seedPayments(store, payments)
      const before = await limitOf(store)
      const { config, hash } = parseConfig({ scan: { memory_limit: '700MB' } })
      const seen: string[] = []
      const engines = fixedEngines([[]])
      engines.screenWindow = async () => {
        seen.push(await limitOf(store))
      }
      await runScanWith(engines, { store, config, configHash: hash })
      // DuckDB prints the limit in its own unit: 700 MB is 667.5 MiB
      expect(seen).toHaveLength(1)
      expect(seen[0]).not.toBe(before)
      expect(seen[0]).toMatch(/^667\.5 MiB$/)
      expect(await limitOf(store)).toBe(before)

      engines.screenWindow = async () => {
        seen.push(await limitOf(store))
        throw new Error('injected failure in screening')
      }
      const err = await runScanWith(engines, { store, config, configHash: hash }).catch(
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(ScanStageError)
      expect(seen[1]).toBe(seen[0])
      expect(await limitOf(store)).toBe(before)
    })
  })

  it('refuses a limit that is no memory size, naming the field', () => {
    expect(() => parseConfig({ scan: { memory_limit: 'lots' } })).toThrow(BadInputError)
    expect(() => parseConfig({ scan: { memory_limit: 'lots' } })).toThrow(/scan\.memory_limit/)
  })
})
