// What scoring reads: the screening results of a window, flagged entries only: the open party hits
// of the window's accounts, and of accounts newly listed by a list change within LIST_CHANGE_DAYS
// (with their latest payments when they did not pay in the window).
import { windowBounds, type ScanWindow } from '../graph/index.ts'
import type { Store } from '../store/index.ts'
import { listVersions } from './screen-window.ts'
import {
  GoodsFlag,
  PartyHit,
  RouteFlags,
  type ListChangePayment,
  type ScreeningContext,
} from './types.ts'

/**
 * How long after a list version arrives a newly listed party is raised for the list change alone,
 * paying or not: a month covers the monthly review cycle of most screening programmes (Wolfsberg
 * Guidance on Sanctions Screening, 2019, "Frequency of screening").
 */
export const LIST_CHANGE_DAYS = 30
/** How far back the payments of a newly listed party are taken when it did not pay in the window. */
export const LIST_CHANGE_LOOKBACK_DAYS = 365

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v)

export async function readScreening(
  store: Store,
  window: ScanWindow,
  opts: { baseCurrency?: string } = {},
): Promise<ScreeningContext> {
  const params = windowBounds(window)
  const hitsByAccount = new Map<string, PartyHit[]>()
  const outside = new Set<string>()
  for (const r of await store.all<Record<string, unknown>>('screen/read-hits', {
    ...params,
    list_change_days: LIST_CHANGE_DAYS,
  })) {
    const hit = PartyHit.parse({
      ...r,
      explanation: json(r.explanation),
      parts: json(r.parts) ?? null,
      signals: r.signals ?? [],
    })
    const list = hitsByAccount.get(hit.account)
    if (list) list.push(hit)
    else hitsByAccount.set(hit.account, [hit])
    if (!hit.in_window) outside.add(hit.account)
  }
  const listChangePayments = new Map<string, ListChangePayment[]>()
  if (outside.size)
    for (const p of await store.all<ListChangePayment>('screen/list-change-payments', {
      to: params.to,
      accounts: JSON.stringify([...outside]),
      lookback_days: LIST_CHANGE_LOOKBACK_DAYS,
    }))
      for (const a of [p.debtor_account, p.creditor_account])
        if (outside.has(a)) {
          const l = listChangePayments.get(a)
          if (l) l.push(p)
          else listChangePayments.set(a, [p])
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
    listChangePayments,
    goodsByTx,
    routesByTx,
    newAccounts,
    listVersions: await listVersions(store),
    baseCurrency: opts.baseCurrency ?? 'EUR',
  }
}
