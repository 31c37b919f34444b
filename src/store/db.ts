// Opens the DuckDB database (one instance per file per process), applies migrations, and runs named
// queries through prepared statements. The only module that talks to DuckDB.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import {
  DuckDBInstanceCache,
  type DuckDBConnection,
  type DuckDBInstance,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api'
import { queryText } from './queries.ts'
import { rowsOf, type Row } from './convert.ts'
import { translateDbError } from './db-errors.ts'
import { claimOwner, PROCESS_ID, releaseOwner, translateOpenError } from './lock.ts'
import { migrate } from './migrate.ts'
import { ephemeralAuditKey, type AuditKey } from '../util/audit-key.ts'

export type Param = string | number | bigint | boolean | null
export type Params = Record<string, Param>

export const DEFAULT_DB = './data/ringwatch.duckdb'

export { PROCESS_ID }

/** A serialised connection: one statement at a time, prepared statements cached by query name. */
export class Conn {
  private queue: Promise<unknown> = Promise.resolve()
  private prepared = new Map<string, DuckDBPreparedStatement>()
  constructor(readonly raw: DuckDBConnection) {}

  /** Runs fn with exclusive use of the connection. */
  exclusive<T>(fn: (raw: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(() =>
      fn(this.raw).catch((e: unknown) => {
        throw translateDbError(e)
      }),
    )
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * The prepared statement of a named query, kept for reuse when it has parameters. A statement
   * without parameters is planned once and for all when prepared, with the tables' statistics of
   * that moment: DuckDB folds `where id = 1` over an empty table into an empty result and never
   * plans it again, so rows committed later by another connection stay unseen. Such statements
   * are prepared afresh each time (`fresh`; the caller destroys them).
   */
  async prepare(name: string): Promise<DuckDBPreparedStatement> {
    return (await this.statement(name)).p
  }

  private async statement(name: string): Promise<{ p: DuckDBPreparedStatement; fresh: boolean }> {
    const cached = this.prepared.get(name)
    if (cached) return { p: cached, fresh: false }
    const p = await this.raw.prepare(queryText(name))
    if (p.parameterCount === 0) return { p, fresh: true }
    this.prepared.set(name, p)
    return { p, fresh: false }
  }

  private async withStatement<T>(
    name: string,
    params: Params,
    fn: (p: DuckDBPreparedStatement) => Promise<T>,
  ): Promise<T> {
    const { p, fresh } = await this.statement(name)
    try {
      p.clearBindings()
      if (Object.keys(params).length) p.bind(params)
      return await fn(p)
    } finally {
      if (fresh) p.destroySync()
    }
  }

  all<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    return this.exclusive(() =>
      this.withStatement(name, params, async (p) => (await rowsOf(await p.run())) as T[]),
    )
  }

  run(name: string, params: Params = {}): Promise<number> {
    return this.exclusive(() =>
      this.withStatement(name, params, async (p) => Number((await p.run()).rowsChanged)),
    )
  }

  close(): void {
    for (const p of this.prepared.values()) p.destroySync()
    this.prepared.clear()
    this.raw.closeSync()
  }
}

/**
 * The key of a Queries object's connection and a Store's DuckDB instance: exported from db.ts to the
 * other store/ modules (connOf, instanceOf), never from index.ts, so the handle stays inside store/.
 */
export const CONN: unique symbol = Symbol('ringwatch store connection')
export const INSTANCE: unique symbol = Symbol('ringwatch store instance')

/** The connection behind q, for store/ modules only (appenders, column reads, staging). */
export function connOf(q: Queries): Conn {
  return q[CONN]
}

/** The DuckDB instance behind store, for store/ modules only (extra connections). */
export function instanceOf(store: Store): DuckDBInstance {
  return store[INSTANCE]
}

export interface Queries {
  /** Rows of a named query (`module/name`), JSON-safe (see convert.ts). */
  all<T = Row>(name: string, params?: Params): Promise<T[]>
  /** The first row of a named query, or undefined. */
  one<T = Row>(name: string, params?: Params): Promise<T | undefined>
  /** Runs a named statement; returns the number of rows changed. */
  run(name: string, params?: Params): Promise<number>
  /** The underlying connection, for store/ modules only (connOf). */
  readonly [CONN]: Conn
  /** The key that seals audit rows (cases/audit.ts); absent when the store was opened without. */
  readonly auditKey?: AuditKey
  /**
   * True in a serial transaction (TransactionOptions): it holds the database's writer lock from
   * before BEGIN to after its after-commit functions, so it may append to the audit chain.
   */
  readonly serial?: boolean
  /**
   * Runs fn once the transaction these queries belong to has committed (never when it rolls back);
   * outside a transaction every statement commits on its own, so fn runs at once.
   */
  afterCommit(fn: () => void): void
}

export interface TransactionOptions {
  /**
   * One at a time with the other serial transactions on this database in this process, from
   * before BEGIN to after COMMIT and its after-commit functions: for those that append to the
   * audit chain, which reads its head and writes the next seq (two at once would both write it: a
   * duplicate key, not a conflict), and publishes a checkpoint of it after the commit. Only these
   * may append (cases/audit.ts refuses others); keep them short, every other appender waits.
   */
  serial?: boolean
}

export interface Store extends Queries {
  readonly path: string
  /** The DuckDB instance, for store/ modules only (instanceOf). */
  readonly [INSTANCE]: DuckDBInstance
  /** Runs fn inside BEGIN … COMMIT on a connection of its own; ROLLBACK when fn throws. */
  transaction<T>(fn: (tx: Queries) => Promise<T>, opts?: TransactionOptions): Promise<T>
  /**
   * Waits for the serial lock (see TransactionOptions); returns its release. Held, no audit row
   * commits in this process: what a reader sees of the chain then is all there is (audit-verify.ts).
   */
  serialLock(): Promise<() => void>
  /**
   * Runs fn on a connection of its own, closed after it (its temporary tables go with it). Its
   * statements commit one by one; `session.transaction` runs a part of them inside BEGIN … COMMIT
   * on the same connection, so that part sees the session's temporary tables.
   */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T>
  checkpoint(): Promise<void>
  close(): Promise<void>
}

export interface Session extends Queries {
  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T>
}

/** BEGIN … COMMIT around fn on conn; ROLLBACK when fn throws. After-commit hooks run in order. */
async function inTransaction<T>(
  conn: Conn,
  key: AuditKey | undefined,
  fn: (tx: Queries) => Promise<T>,
  serial = false,
): Promise<T> {
  const hooks: Array<() => void> = []
  await conn.raw.run('begin transaction')
  let out: T
  try {
    out = await fn(queriesOn(conn, key, hooks, serial))
    await conn.raw.run('commit').catch((e: unknown) => {
      throw translateDbError(e)
    })
  } catch (e) {
    await conn.raw.run('rollback')
    throw e
  }
  for (const h of hooks) h()
  return out
}

/**
 * Queries on conn; with `hooks`, after-commit functions wait there, else they run at once.
 * `serial`: they belong to a transaction that holds the serial lock.
 */
export function queriesOn(
  conn: Conn,
  key: AuditKey | undefined,
  hooks?: Array<() => void>,
  serial = false,
): Queries {
  return {
    [CONN]: conn,
    auditKey: key,
    serial,
    all: (name, params) => conn.all(name, params),
    one: async (name, params) => (await conn.all(name, params))[0] as never,
    run: (name, params) => conn.run(name, params),
    afterCommit: (fn) => (hooks ? hooks.push(fn) : fn()),
  }
}

const cache = new DuckDBInstanceCache()

/** A FIFO lock: acquire() resolves with the function that releases it. */
function mutex(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve()
  return () => {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const ready = tail.then(() => release)
    tail = tail.then(() => held)
    return ready
  }
}
/** The serial lock of each database file open in this process (in-memory ones: per store). */
const serialLocks = new Map<string, () => Promise<() => void>>()
/**
 * Files this process has open, with the configuration of their instance: a second open of the
 * same file in this process shares that instance (DuckDB refuses another configuration of an open
 * file, a read-only one included).
 */
const openFiles = new Map<string, { config: Record<string, string>; count: number }>()

export interface OpenOptions {
  /** ':memory:' for an in-memory database. */
  path?: string
  readOnly?: boolean
  /** DuckDB threads; default DuckDB's own. */
  threads?: number
  memoryLimit?: string
  /** The key that seals audit rows; an in-memory database without one gets a random key. */
  auditKey?: AuditKey
  /** Who opens a file for writing, for `<database>.owner.json` ('ringwatch ingest'). */
  owner?: string
}

/** Opens (and creates, with its folder) the database, and brings its schema up to date. */
export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const path = opts.path === ':memory:' ? ':memory:' : resolve(opts.path ?? DEFAULT_DB)
  if (path !== ':memory:' && !opts.readOnly) mkdirSync(dirname(path), { recursive: true })
  const config: Record<string, string> = {}
  if (opts.readOnly) config.access_mode = 'READ_ONLY'
  if (opts.threads) config.threads = String(opts.threads)
  if (opts.memoryLimit) config.memory_limit = opts.memoryLimit
  let instance: DuckDBInstance
  const open = path === ':memory:' ? undefined : openFiles.get(path)
  // a read-only instance is no use to a writer: that open fails with DuckDB's own message
  const shared =
    open && (opts.readOnly || open.config.access_mode !== 'READ_ONLY') ? open : undefined
  try {
    // In-memory databases are never shared: each open gets its own.
    instance =
      path === ':memory:'
        ? await (await import('@duckdb/node-api')).DuckDBInstance.create(':memory:', config)
        : await cache.getOrCreateInstance(path, shared?.config ?? config)
  } catch (e) {
    throw translateOpenError(path, e, opts.readOnly ? 'read' : 'write')
  }
  if (path !== ':memory:' && !opts.readOnly && !shared)
    claimOwner(path, opts.owner ?? 'a ringwatch process')
  if (path !== ':memory:')
    openFiles.set(path, {
      config: shared?.config ?? config,
      count: (shared?.count ?? 0) + 1,
    })
  const key = opts.auditKey ?? (path === ':memory:' ? ephemeralAuditKey() : undefined)
  let acquire = path === ':memory:' ? mutex() : serialLocks.get(path)
  if (!acquire) serialLocks.set(path, (acquire = mutex()))
  const serialLock = acquire
  const main = new Conn(await instance.connect())
  if (!opts.readOnly) {
    await main.exclusive((raw) => migrate(raw))
    // runs another process left 'running' were cut short: it can no longer be writing
    await main.run('store/runs-interrupted', { owner: PROCESS_ID, now: new Date().toISOString() })
  }
  let closed = false
  return {
    path,
    [INSTANCE]: instance,
    ...queriesOn(main, key),
    serialLock,
    async transaction(fn, topts = {}) {
      const release = topts.serial ? await serialLock() : undefined
      const conn = new Conn(await instance.connect())
      try {
        return await inTransaction(conn, key, fn, topts.serial)
      } finally {
        conn.close()
        release?.()
      }
    },
    async session(fn) {
      const conn = new Conn(await instance.connect())
      try {
        return await fn({
          ...queriesOn(conn, key),
          transaction: (f) => inTransaction(conn, key, f),
        })
      } finally {
        conn.close()
      }
    },
    async checkpoint() {
      await main.exclusive((raw) => raw.run('checkpoint'))
    },
    async close() {
      if (closed) return
      closed = true
      await main.exclusive(async () => undefined)
      main.close()
      instance.closeSync()
      const f = openFiles.get(path)
      if (f && --f.count <= 0) {
        openFiles.delete(path)
        if (f.config.access_mode !== 'READ_ONLY') releaseOwner(path)
      }
    },
  }
}

/** A fresh in-memory store for a test; closed after fn. */
export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ path: ':memory:' })
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}
