// Screening of one scan window: party names against the active sanctions snapshots
// (screen-names.ts), goods classes and route flags of every transfer (classify.ts). Replaces earlier
// results for the window's accounts and transfers, and sums it all up.
import { windowBounds, type ScanWindow } from '../graph/index.ts'
import type { Store } from '../store/index.ts'
import type { Progress } from '../util/progress.ts'
import { classifyWindow, ensureGoodsLists } from './classify.ts'
import type { ScreenConfig } from './config.ts'
import { screenNames } from './screen-names.ts'
import type { ScreenSummary } from './types.ts'

export async function screenWindow(
  store: Store,
  window: ScanWindow,
  config: ScreenConfig,
  opts: { progress?: Progress; now?: () => Date } = {},
): Promise<ScreenSummary> {
  const params = windowBounds(window)
  await ensureGoodsLists(store, config)
  const names = await screenNames(store, window, config, opts)
  const { msGoods, msRoutes } = await classifyWindow(store, window, config)
  const transfers = await store.one<{ transfers: number }>('screen/counts-window', params)
  const goods = await store.one<{ flagged: number; mismatches: number }>(
    'screen/count-goods-window',
    params,
  )
  const routes = await store.one<{ sanctioned: number; hub: number }>(
    'screen/count-routes-window',
    params,
  )
  return {
    window: { ...window },
    transfers: Number(transfers?.transfers ?? 0),
    names_screened: names.names_screened,
    names_new: names.names_new,
    list_entries: names.list_entries,
    party_hits: names.party_hits,
    accounts_hit: names.accounts_hit,
    goods_flagged: Number(goods?.flagged ?? 0),
    goods_mismatches: Number(goods?.mismatches ?? 0),
    routes_sanctioned: Number(routes?.sanctioned ?? 0),
    routes_hub: Number(routes?.hub ?? 0),
    list_versions: await listVersions(store),
    ms: { names: names.ms, goods: msGoods, routes: msRoutes },
  }
}

/** `kind:source` → active snapshot id, for provenance. */
export async function listVersions(store: Store): Promise<Record<string, string>> {
  const rows = await store.all<{ kind: string; source: string; snapshot_id: string }>(
    'screen/active-versions',
  )
  const out: Record<string, string> = {}
  for (const r of rows) out[`${r.kind}:${r.source}`] = r.snapshot_id
  return out
}
