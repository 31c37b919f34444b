// Screening of one scan window: every distinct debtor/creditor name against the active sanctions
// snapshots (indexed matching in TypeScript), and goods classes and route flags of every transfer
// (set-based SQL over the window). Replaces earlier results for the window's accounts and transfers.
import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Store } from '../store/index.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import type { ScreenConfig } from './config.ts'
import { lexiconRegex } from './goods-regex.ts'
import { importList } from './import-list.ts'
import { NameIndex, type IndexEntry, type NameHit } from './names/index.ts'
import type { HitExplanation, ScreenSummary, ScreenWindow } from './types.ts'

interface EntryRow {
  snapshot_id: string
  source: string
  entry_id: string
  schema: string
  caption: string
  names: string[]
  name_kinds: string[]
}

/** The name index over every active sanctions snapshot, and the source of each snapshot. */
export async function loadNameIndex(
  store: Store,
): Promise<{ index: NameIndex; sources: Map<string, string> }> {
  const rows = await store.all<EntryRow>('screen/active-entries')
  const sources = new Map<string, string>()
  const entries: IndexEntry[] = rows.map((r) => {
    sources.set(r.snapshot_id, r.source)
    return {
      id: r.entry_id,
      snapshotId: r.snapshot_id,
      schema: r.schema,
      caption: r.caption,
      names: r.names.map((name, i) => ({ name, kind: r.name_kinds[i] })),
    }
  })
  return { index: new NameIndex(entries), sources }
}

/** Plain-language explanation of one hit, kept with it. */
export function explainHit(name: string, hit: NameHit): HitExplanation {
  const tokens = hit.pairs.map((p) => ({
    query: p.a,
    list: p.b,
    sim: Math.round(p.sim * 1000) / 1000,
  }))
  const same = tokens.map((t) => (t.query === t.list ? t.query : `${t.query}≈${t.list}`)).join(', ')
  const extra = [
    hit.onlyQuery.length ? `only in payment: ${hit.onlyQuery.join(' ')}` : '',
    hit.onlyList.length ? `only on list: ${hit.onlyList.join(' ')}` : '',
  ].filter(Boolean)
  return {
    matched_name: hit.listName,
    name_kind: hit.nameKind,
    tokens,
    only_query: hit.onlyQuery,
    only_list: hit.onlyList,
    text:
      `'${name}' matches ${hit.entry.schema} '${hit.entry.caption}' (${hit.nameKind} '${hit.listName}') ` +
      `with score ${hit.score.toFixed(2)}: ${same || 'same compact form'}${extra.length ? '; ' + extra.join('; ') : ''}`,
  }
}

const REPO_ROOT = new URL('../../', import.meta.url)

/** A configured list path: as given when it exists (from the cwd), else beside the package. */
function resolveListPath(f: string): string | undefined {
  if (existsSync(f)) return f
  if (isAbsolute(f)) return undefined
  const beside = fileURLToPath(new URL(f, REPO_ROOT))
  return existsSync(beside) ? beside : undefined
}

/** Imports the configured default goods lists when no goods snapshot is active yet. */
async function ensureGoodsLists(store: Store, config: ScreenConfig): Promise<void> {
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

export async function screenWindow(
  store: Store,
  window: ScreenWindow,
  config: ScreenConfig,
  opts: { progress?: Progress; now?: () => Date } = {},
): Promise<ScreenSummary> {
  const progress = opts.progress ?? quietProgress
  const params = { from: window.from, to: window.to }
  const now = (opts.now ?? (() => new Date()))()
  await ensureGoodsLists(store, config)

  // party names
  const t0 = Date.now()
  const { index, sources } = await loadNameIndex(store)
  const parties = await store.all<{ account: string; name: string }>(
    'screen/window-parties',
    params,
  )
  progress.start('screen names', parties.length)
  const hits: Array<Record<string, unknown>> = []
  const accountsHit = new Set<string>()
  const memo = new Map<string, NameHit[]>()
  if (index.size > 0)
    parties.forEach((p, i) => {
      let found = memo.get(p.name)
      if (!found) {
        found = index.match(p.name, {
          threshold: config.match_threshold,
          maxCandidates: config.max_candidates,
        })
        memo.set(p.name, found)
      }
      for (const h of found) {
        accountsHit.add(p.account)
        hits.push({
          account: p.account,
          name: p.name,
          entry_id: h.entry.id,
          snapshot_id: h.entry.snapshotId,
          score: Math.round(h.score * 10000) / 10000,
          list_source: sources.get(h.entry.snapshotId) ?? '',
          schema: h.entry.schema,
          caption: h.entry.caption,
          matched_name: h.listName,
          explanation: JSON.stringify(explainHit(p.name, h)),
        })
      }
      if (i % 1000 === 0) progress.update(i, `${hits.length} hits`)
    })
  progress.done(`${parties.length} names, ${hits.length} hits`)
  const msNames = Date.now() - t0
  await store.transaction(async (tx) => {
    await tx.run('screen/delete-hits-window', params)
    for (let i = 0; i < hits.length; i += 5000)
      await tx.run('screen/insert-hits', {
        rows: JSON.stringify(hits.slice(i, i + 5000)),
        screened_at: now.toISOString(),
      })
  })
  const { msGoods, msRoutes } = await classifyWindow(store, window, config)
  const transfers =
    (await store.one<{ transfers: number }>('screen/counts-window', params))?.transfers ?? 0
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
    transfers: Number(transfers),
    names_screened: parties.length,
    list_entries: index.entries.length,
    party_hits: hits.length,
    accounts_hit: accountsHit.size,
    goods_flagged: Number(goods?.flagged ?? 0),
    goods_mismatches: Number(goods?.mismatches ?? 0),
    routes_sanctioned: Number(routes?.sanctioned ?? 0),
    routes_hub: Number(routes?.hub ?? 0),
    list_versions: await listVersions(store),
    ms: { names: msNames, goods: msGoods, routes: msRoutes },
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
