// The list snapshots kept in the store, oldest first.
import type { Store } from '../store/index.ts'
import { ListSnapshot } from './types.ts'

export async function listSnapshots(store: Store): Promise<ListSnapshot[]> {
  return (await store.all('screen/list-snapshots')).map((r) => ListSnapshot.parse(r))
}
