// Goods classes and route flags of the transfers of a window, set-based in SQL; the default goods
// lists are imported when none is active.
import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Store } from '../store/index.ts'
import type { ScreenConfig } from './config.ts'
import { lexiconRegex } from './goods-regex.ts'
import { importList } from './import-list.ts'
import type { ScreenWindow } from './types.ts'

const REPO_ROOT = new URL('../../', import.meta.url)

/** A configured list path: as given when it exists (from the cwd), else beside the package. */
export function resolveListPath(f: string): string | undefined {
  if (existsSync(f)) return f
  if (isAbsolute(f)) return undefined
  const beside = fileURLToPath(new URL(f, REPO_ROOT))
  return existsSync(beside) ? beside : undefined
}

/** Imports the configured default goods lists when no goods snapshot is active yet. */
export async function ensureGoodsLists(store: Store, config: ScreenConfig): Promise<void> {
  const active = await store.all<{ format: string }>('screen/active-goods-count')
  if (active.length > 0) return
  for (const f of config.default_goods_lists) {
    const path = resolveListPath(f)
    if (path) await importList(store, path, { kind: 'goods' })
  }
}

/**
 * Goods classes and route flags of every transfer in the window, set-based in SQL; replaces earlier
 * rows for those transfers.
 */
export async function classifyWindow(
  store: Store,
  window: ScreenWindow,
  config: ScreenConfig,
): Promise<{ msGoods: number; msRoutes: number }> {
  const params = { from: window.from, to: window.to }
  const terms = await store.all<{ term: string }>('screen/active-goods-terms')
  const regex = lexiconRegex(terms.map((t) => t.term))
  return store.transaction(async (tx) => {
    let t0 = Date.now()
    await tx.run('screen/delete-goods-window', params)
    await tx.run('screen/classify-goods', { ...params, re_long: regex.long, re_short: regex.short })
    const msGoods = Date.now() - t0
    t0 = Date.now()
    await tx.run('screen/delete-routes-window', params)
    await tx.run('screen/classify-routes', {
      ...params,
      sanctioned: config.sanctioned_countries.map((c) => c.toUpperCase()).join(','),
      hubs: config.diversion_hubs.map((c) => c.toUpperCase()).join(','),
    })
    return { msGoods, msRoutes: Date.now() - t0 }
  })
}
