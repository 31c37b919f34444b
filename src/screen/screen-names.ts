// Party-name screening: the distinct debtor and creditor names not yet screened against the current
// active sanctions snapshots are matched through the name index (in TypeScript, over distinct names
// only); results are cached per name and list versions (screened_names, name_hits), and the party
// hits of the period's accounts are brought in line with them (party-hits.ts). A scan screens its
// window; a new list version re-screens every party already known (rescreenKnownParties).
import { windowBounds, type ScanWindow } from '../graph/index.ts'
import type { Store } from '../store/index.ts'
import { canonicalJson, sha256 } from '../util/hash.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import { ensureGoodsLists } from './classify.ts'
import type { ScreenConfig } from './config.ts'
import { MATCHER_VERSION, NameIndex, type IndexEntry, type NameHit } from './names/index.ts'
import { ALL_TIME, refreshPartyHits, type HitChanges } from './party-hits.ts'
import type { HitExplanation, RescreenSummary } from './types.ts'

interface EntryRow {
  topics: string[]
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
      topics: r.topics,
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
    parts: hit.parts,
    topics: hit.entry.topics ?? [],
    tokens,
    only_query: hit.onlyQuery,
    only_list: hit.onlyList,
    text:
      `'${name}' matches ${hit.entry.schema} '${hit.entry.caption}' (${hit.nameKind} '${hit.listName}') ` +
      `with score ${hit.score.toFixed(2)}: ${same || 'same compact form'}${extra.length ? '; ' + extra.join('; ') : ''}`,
  }
}

/** Identifies one matching setup: active sanctions snapshots, threshold, matcher version. */
async function listsKey(store: Store, config: ScreenConfig): Promise<string> {
  const rows = await store.all<{ kind: string; snapshot_id: string }>('screen/active-versions')
  const ids = rows.filter((r) => r.kind === 'sanctions').map((r) => r.snapshot_id)
  return sha256(
    canonicalJson({
      ids: ids.sort(),
      threshold: config.match_threshold,
      max: config.max_candidates,
      matcher: MATCHER_VERSION,
    }),
  ).slice(0, 16)
}

export interface NameScreening {
  names_screened: number
  names_new: number
  list_entries: number
  party_hits: number
  accounts_hit: number
  /** How the kept hits changed: opened, refreshed, reopened, closed, suppressed by a rule. */
  hits: HitChanges
  ms: number
}

/**
 * Matches the names of a period not yet screened under the current lists and settings, caches the
 * results, and refreshes the party hits of the period's accounts (one transaction).
 */
async function screenPeriod(
  store: Store,
  period: ScanWindow,
  config: ScreenConfig,
  opts: { progress?: Progress; now?: () => Date; reason: 'screening' | 'list_change' },
): Promise<{ fresh: number; entries: number; hits: HitChanges }> {
  const progress = opts.progress ?? quietProgress
  const now = (opts.now ?? (() => new Date()))().toISOString()
  const key = await listsKey(store, config)
  const fresh = (
    await store.all<{ name: string }>('screen/window-new-names', {
      ...windowBounds(period),
      lists_key: key,
    })
  ).map((r) => r.name)
  let entries = 0
  const rows: Array<Record<string, unknown>> = []
  if (fresh.length > 0) {
    const { index, sources } = await loadNameIndex(store)
    entries = index.entries.length
    progress.start('screen names', fresh.length)
    fresh.forEach((name, i) => {
      if (index.size > 0)
        for (const h of index.match(name, {
          threshold: config.match_threshold,
          maxCandidates: config.max_candidates,
        }))
          rows.push({
            name,
            entry_id: h.entry.id,
            snapshot_id: h.entry.snapshotId,
            score: Math.round(h.score * 10000) / 10000,
            list_source: sources.get(h.entry.snapshotId) ?? '',
            schema: h.entry.schema,
            caption: h.entry.caption,
            matched_name: h.listName,
            name_kind: h.nameKind,
            parts: JSON.stringify(h.parts),
            explanation: JSON.stringify(explainHit(name, h)),
          })
      if (i % 1000 === 0) progress.update(i, `${rows.length} hits`)
    })
    progress.done(`${fresh.length} new names, ${rows.length} hits`)
  }
  const hits = await store.transaction(async (tx) => {
    await tx.run('screen/drop-stale-names', { lists_key: key })
    await tx.run('screen/drop-stale-name-hits', { lists_key: key })
    for (let i = 0; i < fresh.length; i += 20_000)
      await tx.run('screen/insert-screened-names', {
        lists_key: key,
        names: JSON.stringify(fresh.slice(i, i + 20_000)),
      })
    for (let i = 0; i < rows.length; i += 5000)
      await tx.run('screen/insert-name-hits', {
        lists_key: key,
        rows: JSON.stringify(rows.slice(i, i + 5000)),
      })
    return refreshPartyHits(tx, period, key, config.match_threshold, { now, reason: opts.reason })
  })
  return { fresh: fresh.length, entries, hits }
}

export async function screenNames(
  store: Store,
  window: ScanWindow,
  config: ScreenConfig,
  opts: { progress?: Progress; now?: () => Date } = {},
): Promise<NameScreening> {
  const t0 = Date.now()
  const params = windowBounds(window)
  const r = await screenPeriod(store, params, config, { ...opts, reason: 'screening' })
  const counts = await store.one<{ hits: number; accounts: number }>(
    'screen/count-hits-window',
    params,
  )
  const names = await store.one<{ names: number }>('screen/count-window-names', params)
  return {
    names_screened: Number(names?.names ?? 0),
    names_new: r.fresh,
    list_entries: r.entries,
    party_hits: Number(counts?.hits ?? 0),
    accounts_hit: Number(counts?.accounts ?? 0),
    hits: r.hits,
    ms: Date.now() - t0,
  }
}

/**
 * After a new list version: every party name the payments ever carried is screened against the
 * active lists; parties newly listed get hits opened with the list change as their reason (the next
 * scan alerts on them; 'screening' when the list is new to the store), hits whose entity left the
 * list close with a note.
 */
export async function rescreenKnownParties(
  store: Store,
  config: ScreenConfig,
  opts: { progress?: Progress; now?: () => Date; reason?: 'screening' | 'list_change' } = {},
): Promise<RescreenSummary> {
  const t0 = Date.now()
  // the goods lists first, as a scan does: importing them right after this screening's writes
  // crashed DuckDB (a segfault copying strings, 1 run in 3; not understood, see the report)
  await ensureGoodsLists(store, config)
  const r = await screenPeriod(store, ALL_TIME, config, {
    ...opts,
    reason: opts.reason ?? 'list_change',
  })
  return { names_screened: r.fresh, ...r.hits, ms: Date.now() - t0 }
}

/** Forgets every cached name screening, so that the next scan matches every name again. */
export async function clearNameCache(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.run('screen/clear-screened-names')
    await tx.run('screen/clear-name-hits')
  })
}
