// Goods classes and route flags of the transfers of a window, set-based in SQL; the default goods
// lists are imported when none is active.
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import { windowBounds, type ScanWindow } from '../graph/index.ts'
import type { Store } from '../store/index.ts'
import type { ScreenConfig } from './config.ts'
import { lexiconRegex } from './goods-regex.ts'
import { importList } from './import-list.ts'
import { detectListFormat } from './lists/index.ts'

const REPO_ROOT = new URL('../../', import.meta.url)

/** A configured list path: as given when it exists (from the cwd), else beside the package. */
export function resolveListPath(f: string): string | undefined {
  if (existsSync(f)) return f
  if (isAbsolute(f)) return undefined
  const beside = fileURLToPath(new URL(f, REPO_ROOT))
  return existsSync(beside) ? beside : undefined
}

/**
 * Imports each configured default goods list whose format (codes, lexicon, categories, HS
 * successors) has no active snapshot yet: a list of one's own replaces the default of its format.
 */
export async function ensureGoodsLists(store: Store, config: ScreenConfig): Promise<void> {
  const rows = await store.all<{ format: string }>('screen/active-goods-count', { kind: 'goods' })
  const active = new Set(rows.map((r) => r.format))
  for (const f of config.default_goods_lists) {
    const path = resolveListPath(f)
    if (!path) continue
    const format = detectListFormat(readFileSync(path, 'utf8'), path)
    if (!active.has(format)) await importList(store, path, { kind: 'goods', format })
  }
}

/**
 * Goods classes and route flags of every transfer in the window, set-based in SQL; replaces earlier
 * rows for those transfers.
 */
export async function classifyWindow(
  store: Store,
  window: ScanWindow,
  config: ScreenConfig,
): Promise<{ msGoods: number; msRoutes: number }> {
  const params = windowBounds(window)
  const terms = await store.all<{ term: string; generic: boolean }>('screen/active-goods-terms')
  // controlled terms are looked for everywhere, ordinary ones only where a code or word is controlled
  const regex = lexiconRegex(terms.filter((t) => !t.generic).map((t) => t.term))
  const ordinary = lexiconRegex(terms.filter((t) => t.generic).map((t) => t.term))
  return store.transaction(async (tx) => {
    let t0 = Date.now()
    await tx.run('screen/delete-goods-window', params)
    await tx.run('screen/classify-goods', {
      ...params,
      re_long: regex.long,
      re_short: regex.short,
      re_long_ordinary: ordinary.long,
      re_short_ordinary: ordinary.short,
    })
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
