// Account profiles, ego networks and search, for analysts and the FIU's network explorer.
import { Hono } from 'hono'
import type { AccountMatch, SearchResult } from '../../schema/search.ts'
import { z } from 'zod'
import { NotFoundError } from '../../util/errors.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { demand } from '../roles.ts'
import { valid } from '../validate.ts'
import { sendGraph } from '../arrow.ts'
import { EgoQuery, egoNetwork } from '../network/ego.ts'
import { hopSource } from '../network/graph-index.ts'
import type { RouteDeps } from './deps.ts'
import { parseJson } from './alerts.ts'

const AccountParam = z.object({ account: z.string().min(1).max(100) })
const SearchQuery = z.object({
  q: z.string().trim().min(2, 'at least 2 characters').max(100),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

export function networkRoutes(d: RouteDeps) {
  const app = new Hono<AuthEnv>()

  app.get('/accounts/:account', valid('param', AccountParam), async (c) => {
    demand(c.get('actor').role, 'network:read')
    const { account } = c.req.valid('param')
    const summary = await d.reads.one<{ tx_count: number }>('server/account-summary', { account })
    if (!summary || !summary.tx_count) throw new NotFoundError(`no transfers of account ${account}`)
    const [activity, counterparties, context, hits, alerts, amounts] = await Promise.all([
      d.reads.all('server/account-activity', { account }),
      d.reads.all('server/account-counterparties', { account, limit: 50 }),
      d.reads.one('server/account-context', { account }),
      d.reads.all<Record<string, unknown>>('server/account-hits', { account }),
      d.reads.all('server/account-alerts', { account }),
      d.reads.all('server/account-amounts', { account }),
    ])
    const parsed = hits.map((h) => ({
      ...h,
      explanation: parseJson(h.explanation),
      parts: parseJson(h.parts),
    }))
    // summary.amount_in / amount_out add every currency's amounts: the panel shows `amounts`
    return c.json({
      account,
      summary,
      amounts,
      ...context,
      activity,
      counterparties,
      hits: parsed,
      alerts,
    })
  })

  app.get('/network', valid('query', EgoQuery), async (c) => {
    demand(c.get('actor').role, 'network:read')
    return sendGraph(
      c,
      await egoNetwork(d.reads, await hopSource(d.network, d.reads), c.req.valid('query')),
    )
  })

  app.get('/search', valid('query', SearchQuery), async (c) => {
    demand(c.get('actor').role, 'network:read')
    const { q, limit } = c.req.valid('query')
    const inMemory = d.network && (await d.network.ready())
    const [accounts, transfers, alerts] = await Promise.all([
      inMemory
        ? d.network!.searchAccounts(q, limit)
        : d.reads.all<AccountMatch>('server/search-accounts', { q, limit }),
      d.reads.all<SearchResult['transfers'][number]>('server/search-tx', { q }),
      d.reads.all<SearchResult['alerts'][number]>('server/search-alerts', { q }),
    ])
    const body: SearchResult = { accounts, transfers, alerts }
    return c.json(body)
  })

  return app
}
