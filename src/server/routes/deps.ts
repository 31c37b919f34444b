// What every route module receives from createApp.
import type { Queries, Store } from '../../store/index.ts'
import type { Config } from '../../config/index.ts'
import type { Logger } from '../../util/progress.ts'
import type { KeyCache } from '../auth/middleware.ts'

export interface RouteDeps {
  store: Store
  reads: Queries
  config: Config
  clock: () => number
  logger: Logger
  keyCache: KeyCache
}
