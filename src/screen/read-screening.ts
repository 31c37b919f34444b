// What scoring reads: the screening results of a window, flagged entries only.
import type { Store } from '../store/index.ts'
import { listVersions } from './screen-window.ts'
import {
  GoodsFlag,
  PartyHit,
  RouteFlags,
  type ScreeningContext,
  type ScreenWindow,
} from './types.ts'

export async function readScreening(
  store: Store,
  window: ScreenWindow,
  opts: { baseCurrency?: string } = {},
): Promise<ScreeningContext> {
  const params = { from: window.from, to: window.to }
  const hitsByAccount = new Map<string, PartyHit[]>()
  for (const r of await store.all<Record<string, unknown>>('screen/read-hits', params)) {
    const hit = PartyHit.parse({
      ...r,
      explanation: typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation,
    })
    const list = hitsByAccount.get(hit.account)
    if (list) list.push(hit)
    else hitsByAccount.set(hit.account, [hit])
  }
  const goodsByTx = new Map<string, GoodsFlag>()
  for (const r of await store.all('screen/read-goods', params)) {
    const g = GoodsFlag.parse(r)
    goodsByTx.set(g.tx_id, g)
  }
  const routesByTx = new Map<string, RouteFlags>()
  for (const r of await store.all('screen/read-routes', params)) {
    const f = RouteFlags.parse(r)
    routesByTx.set(f.tx_id, f)
  }
  const newAccounts = new Set(
    (await store.all<{ account: string }>('screen/new-accounts', params)).map((r) => r.account),
  )
  return {
    hitsByAccount,
    goodsByTx,
    routesByTx,
    newAccounts,
    listVersions: await listVersions(store),
    baseCurrency: opts.baseCurrency ?? 'EUR',
  }
}
