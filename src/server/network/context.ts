// Community, exposure and watch-list hit of many accounts at once, for graph nodes.
import type { Queries } from '../../store/index.ts'

export interface NodeContext {
  community: number | null
  exposure_hops: number | null
  hit_score: number | null
  hit_name: string | null
}

const NONE: NodeContext = { community: null, exposure_hops: null, hit_score: null, hit_name: null }

export async function nodeContext(
  reads: Queries,
  accounts: string[],
): Promise<(account: string) => NodeContext> {
  if (accounts.length === 0) return () => NONE
  const rows = await reads.all<NodeContext & { account: string }>('server/nodes-context', {
    accounts: JSON.stringify(accounts),
  })
  const by = new Map(rows.map(({ account, ...r }) => [account, r]))
  return (a) => by.get(a) ?? NONE
}
