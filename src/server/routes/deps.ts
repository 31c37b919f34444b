// What every route module receives from createApp.
import type { Queries, Store } from '../../store/index.ts'
import type { Config } from '../../config/index.ts'
import type { Logger } from '../../util/progress.ts'
import type { KeyCache } from '../auth/middleware.ts'
import type { AlertQueue } from '../queue/alert-queue.ts'
import type { NetworkIndex } from '../network/graph-index.ts'

export interface RouteDeps {
  store: Store
  reads: Queries
  config: Config
  clock: () => number
  logger: Logger
  keyCache: KeyCache
  /** The in-memory alert queue; absent → the queue is read with SQL. */
  queue?: AlertQueue
  /** The in-memory payment graph for ego networks; absent → SQL. */
  network?: NetworkIndex
}
