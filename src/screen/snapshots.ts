// The list snapshots kept in the store, oldest first, and what changed between two of them.
import { z } from 'zod'
import type { Store } from '../store/index.ts'
import { NotFoundError } from '../util/errors.ts'
import { ListSnapshot } from './types.ts'

export async function listSnapshots(store: Store): Promise<ListSnapshot[]> {
  return (await store.all('screen/list-snapshots')).map((r) => ListSnapshot.parse(r))
}

const NameChange = z.string().transform((s) => {
  const i = s.indexOf(':')
  return { kind: s.slice(0, i), name: s.slice(i + 1) }
})

export const EntryChange = z.object({
  entry_id: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  caption: z.string(),
  schema: z.string(),
  caption_before: z.string().nullable(),
  names_added: z.array(NameChange),
  names_removed: z.array(NameChange),
  countries_before: z.array(z.string()).nullable(),
  countries_after: z.array(z.string()).nullable(),
})
export type EntryChange = z.infer<typeof EntryChange>

export interface SnapshotDiff {
  a: ListSnapshot
  b: ListSnapshot
  added: EntryChange[]
  removed: EntryChange[]
  changed: EntryChange[]
}

/** What changed from snapshot `a` to snapshot `b` (ids as `lists list` shows them). */
export async function diffSnapshots(store: Store, a: string, b: string): Promise<SnapshotDiff> {
  const snaps = await listSnapshots(store)
  const find = (id: string) => {
    const s = snaps.find((x) => x.snapshot_id === id)
    if (!s) throw new NotFoundError(`no list snapshot ${id} (see ringwatch lists list)`, { id })
    return s
  }
  const sa = find(a)
  const sb = find(b)
  const rows = (await store.all('screen/snapshot-diff', { a, b })).map((r) => EntryChange.parse(r))
  return {
    a: sa,
    b: sb,
    added: rows.filter((r) => r.change === 'added'),
    removed: rows.filter((r) => r.change === 'removed'),
    changed: rows.filter((r) => r.change === 'changed'),
  }
}
