// A scan on a worker thread, its store bridged to this thread, writes what the same scan on this
// thread writes: the same alerts, a verifying audit chain; a failing query fails the job.
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { getPriority } from 'node:os'
import { join } from 'node:path'
import { withStore, type Store } from '../../store/index.ts'
import { loadConfig } from '../../config/index.ts'
import { ingestPaths } from '../../ingest/index.ts'
import { importList } from '../../screen/index.ts'
import { runScan } from '../../pipeline/index.ts'
import { verifyAudit } from '../../cases/index.ts'
import { scanOnWorker } from './worker-scan.ts'

const days = readdirSync('samples/days')
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .slice(0, 2)
  .map((f) => join('samples/days', f))

async function load(store: Store) {
  const { config } = loadConfig('samples/config.json')
  await importList(store, 'samples/lists/watchlist.csv', { kind: 'sanctions' })
  await ingestPaths(store, days, { config: config.ingest })
}

const alertsOf = (store: Store) =>
  store.all<{ id: string; score: number; status: string }>('eval/alerts')

describe('scan on a worker thread', () => {
  it('writes the same alerts as the scan on this thread, with its progress and a sound chain', async () => {
    const { config, hash } = loadConfig('samples/config.json')
    const here = await withStore(async (store) => {
      await load(store)
      await runScan({ store, config, configHash: hash })
      return alertsOf(store)
    })
    await withStore(async (store) => {
      await load(store)
      const stages: string[] = []
      const summary = await scanOnWorker(
        {
          store,
          config,
          configHash: hash,
          progress: { start: (l) => stages.push(l), update() {}, done() {} },
        },
        {},
      )
      expect(summary.status).toBe('ok')
      expect(stages).toEqual(
        expect.arrayContaining(['screen', 'graph', 'detect', 'score', 'write']),
      )
      const there = await alertsOf(store)
      expect(there.length).toBeGreaterThan(0)
      expect(there).toEqual(here)
      expect((await verifyAudit(store)).ok).toBe(true)
      const runs = await store.all<{ kind: string; status: string }>('server/runs-list', {
        limit: 5,
      })
      expect(runs.filter((r) => r.kind === 'scan').map((r) => r.status)).toEqual(['ok'])
    })
  }, 120_000)

  it.runIf(process.platform === 'linux')(
    'runs below the priority of this thread, which keeps its own',
    async () => {
      await withStore(async (store) => {
        await load(store)
        const { config, hash } = loadConfig('samples/config.json')
        const logged: Array<{ msg: string; ctx?: Record<string, unknown> }> = []
        const log = (msg: string, ctx?: Record<string, unknown>) => logged.push({ msg, ctx })
        const mine = getPriority()
        await scanOnWorker(
          {
            store,
            config,
            configHash: hash,
            nice: 7,
            logger: { info: log, warn: log, error: log },
          },
          {},
        )
        expect(logged.find((l) => /priority/.test(l.msg))?.ctx).toEqual({
          nice: Math.min(19, mine + 7),
        })
        expect(getPriority()).toBe(mine)
      })
    },
    60_000,
  )

  it('a scan that fails on its thread fails the promise with the error', async () => {
    await withStore(async (store) => {
      await load(store)
      const { config, hash } = loadConfig('samples/config.json')
      await expect(
        scanOnWorker({ store, config, configHash: hash }, { from: 'not-a-date' }),
      ).rejects.toThrow()
    })
  }, 60_000)
})
