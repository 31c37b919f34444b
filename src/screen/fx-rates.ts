// The reference rates in force: the configured default rates file is imported when no fx snapshot
// is active, so that a first scan (demo, batch, tests) converts amounts with no extra step.
import type { Store } from '../store/index.ts'
import { resolveListPath } from './classify.ts'
import type { FxConfig } from './fx-config.ts'
import { importList } from './import-list.ts'

export interface ActiveFx {
  snapshot_id: string
  reference_currency: string
  source: string
  first_day: string
  last_day: string
}

export async function activeFx(store: Store): Promise<ActiveFx | undefined> {
  return store.one<ActiveFx>('screen/fx-active')
}

/** Imports config fx.default_rates when no fx snapshot is active; returns the one in force. */
export async function ensureFxRates(store: Store, config: FxConfig): Promise<ActiveFx | undefined> {
  const active = await activeFx(store)
  if (active || !config.default_rates) return active
  const path = resolveListPath(config.default_rates.file)
  if (!path) return undefined
  await importList(store, path, { kind: 'fx', base: config.default_rates.base_currency })
  return activeFx(store)
}
