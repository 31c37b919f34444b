// The store bridged to a worker (store/bridge.ts) over a message channel, both ends on this thread:
// answers larger than a part (rows, text columns, staged rows) arrive whole and in order, and go
// in several messages, so that the owning thread's event loop is given back between them.
import { describe, expect, it } from 'vitest'
import { MessageChannel } from 'node:worker_threads'
import {
  appendRows,
  readColumns,
  remoteStore,
  serveStore,
  withStore,
  type Store,
} from '../src/store/index.ts'
import { PART } from '../src/store/bridge.ts'

const ROWS = PART * 2 + 123

async function bridged<T>(
  fn: (store: Store, remote: Store, parts: () => number, appends: () => number) => Promise<T>,
) {
  return withStore(async (store) => {
    const { port1, port2 } = new MessageChannel()
    const stop = serveStore(store, port1)
    let parts = 0
    let appends = 0
    port2.on('message', (m: { part?: unknown }) => {
      if (m.part) parts++
    })
    port1.on('message', (m: { body?: { op?: string } }) => {
      if (m.body?.op === 'append') appends++
    })
    const remote = remoteStore(port2, { path: store.path, key: null })
    try {
      return await fn(
        store,
        remote,
        () => parts,
        () => appends,
      )
    } finally {
      stop()
      port1.close()
      await remote.close()
    }
  })
}

describe('the bridged store', () => {
  it('answers a query of more rows than a part with every row, in order, in several messages', async () => {
    await bridged(async (store, remote, parts) => {
      await store.run('fixture/bridge-rows-create', { rows: ROWS })
      const here = await store.all<{ n: number; label: string }>('fixture/bridge-rows')
      const there = await remote.all<{ n: number; label: string }>('fixture/bridge-rows')
      expect(there.length).toBe(ROWS)
      expect(there).toEqual(here)
      expect(parts()).toBe(2)
    })
  })

  it('reads text columns longer than a part whole, numbers beside them', async () => {
    await bridged(async (store, remote, parts) => {
      await store.run('fixture/bridge-rows-create', { rows: ROWS })
      const spec = { n: 'i32', label: 'str' } as const
      const here = await readColumns(store, 'fixture/bridge-rows', {}, spec)
      const there = await readColumns(remote, 'fixture/bridge-rows', {}, spec)
      expect(there.length).toBe(ROWS)
      expect(Array.from(there.n)).toEqual(Array.from(here.n))
      expect(there.label).toEqual(here.label)
      expect(parts()).toBe(2)
    })
  })

  it('stages more rows than a part in one transaction, every row once, in several messages', async () => {
    await bridged(async (_store, remote, _parts, appends) => {
      const labels = Array.from({ length: ROWS }, (_, i) => `staged ${i}`)
      const ns = Int32Array.from({ length: ROWS }, (_, i) => i)
      const got = await remote.transaction(async (tx) => {
        await tx.run('fixture/bridge-staged-create')
        const n = await appendRows(tx, 'bridge_staged', [
          { kind: 'str', values: labels },
          { kind: 'i32', values: ns },
        ])
        return { n, ...(await tx.one<Record<string, number>>('fixture/bridge-staged-count')) }
      })
      expect(got).toEqual({ n: ROWS, rows: ROWS, labels: ROWS, total: (ROWS * (ROWS - 1)) / 2 })
      expect(appends()).toBe(3)
    })
  })
})
