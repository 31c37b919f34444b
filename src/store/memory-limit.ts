// DuckDB's memory limit for one run (an ingest, a scan): set for the run, and the database's own
// limit put back after it, also when the run fails.
import type { Store } from './db.ts'

/** Runs fn under `limit` (e.g. '2GB'), and puts the database's limit back after it. */
export async function withMemoryLimit<T>(
  store: Store,
  limit: string,
  fn: () => Promise<T>,
): Promise<T> {
  const before = await store.one<{ memory_limit: string }>('store/memory-limit-get')
  await store.run('store/memory-limit-set', { memory_limit: limit })
  try {
    return await fn()
  } finally {
    if (before) {
      // the printed limit is rounded ('18.8 GiB'): the default comes back exactly by a reset
      await store.run('store/memory-limit-reset')
      const current = await store.one<{ memory_limit: string }>('store/memory-limit-get')
      if (current?.memory_limit !== before.memory_limit)
        await store.run('store/memory-limit-set', { memory_limit: before.memory_limit })
    }
  }
}
