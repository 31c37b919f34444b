// A small pool of read connections on one store's DuckDB instance, so that concurrent API requests
// run side by side instead of queueing on the store's single connection. Reads only: writes go
// through store.run/transaction. Additive to db.ts; used by the server.
import { Conn, CONN, instanceOf, type Queries, type Store } from './db.ts'

export interface ReadPool extends Queries {
  close(): void
}

/** Opens `size` extra connections on the store's instance; each query goes to the least busy one. */
export async function openReadPool(store: Store, size = 4): Promise<ReadPool> {
  const conns: Conn[] = []
  for (let i = 0; i < size; i++) conns.push(new Conn(await instanceOf(store).connect()))
  const busy = new Array<number>(size).fill(0)
  const pick = (): number => {
    let best = 0
    for (let i = 1; i < size; i++) if (busy[i] < busy[best]) best = i
    return best
  }
  const on = async <T>(fn: (c: Conn) => Promise<T>): Promise<T> => {
    const i = pick()
    busy[i]++
    try {
      return await fn(conns[i])
    } finally {
      busy[i]--
    }
  }
  let closed = false
  return {
    get [CONN]() {
      return conns[pick()]
    },
    auditKey: store.auditKey,
    afterCommit: (fn) => fn(),
    all: (name, params) => on((c) => c.all(name, params)),
    one: async (name, params) => (await on((c) => c.all(name, params)))[0] as never,
    run: (name, params) => on((c) => c.run(name, params)),
    close() {
      if (closed) return
      closed = true
      for (const c of conns) c.close()
    },
  }
}
