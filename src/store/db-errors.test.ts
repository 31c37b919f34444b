import { describe, it, expect } from 'vitest'
import { OutOfMemoryError, WriteConflictError, startRun, withStore } from './index.ts'
import { ConflictError } from '../util/errors.ts'

describe('DuckDB errors become ringwatch errors by their type', () => {
  it('two transactions writing one row at once: the second gets a WriteConflictError, the first commits', async () => {
    await withStore(async (store) => {
      await startRun(store, 'R1', 'scan', '2026-01-01T00:00:00Z')
      let firstWrote!: () => void
      const wrote = new Promise<void>((r) => (firstWrote = r))
      let secondDone!: () => void
      const done = new Promise<void>((r) => (secondDone = r))
      const first = store.transaction(async (tx) => {
        await tx.run('fixture/run-summary-set', { run_id: 'R1', summary: '{"by": "first"}' })
        firstWrote()
        await done
      })
      const second = (async () => {
        await wrote
        try {
          await store.transaction((tx) =>
            tx.run('fixture/run-summary-set', { run_id: 'R1', summary: '{"by": "second"}' }),
          )
        } finally {
          secondDone()
        }
      })()
      const err = await second.then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(WriteConflictError)
      expect(err).toBeInstanceOf(ConflictError)
      expect((err as Error).cause).toBeInstanceOf(Error)
      await first
      const rows = await store.all<{ run_id: string; summary: unknown }>('server/runs-list', {
        limit: 10,
      })
      const r1 = rows.find((r) => r.run_id === 'R1')
      expect(typeof r1?.summary === 'string' ? JSON.parse(r1.summary) : r1?.summary).toEqual({
        by: 'first',
      })
    })
  })

  it('running out of memory is an OutOfMemoryError (HTTP 503), the connection usable after it', async () => {
    await withStore(async (store) => {
      await store.run('fixture/memory-tiny')
      const err = await store.one('fixture/list-of-millions').then(
        () => null,
        (e: unknown) => e,
      )
      expect(err).toBeInstanceOf(OutOfMemoryError)
      expect((err as OutOfMemoryError).status).toBe(503)
      expect(await store.one<{ n: number }>('store/migrations')).toBeDefined()
    })
  })
})
