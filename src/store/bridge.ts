// A store for a worker thread: DuckDB instances cannot be shared with a worker (a second instance
// of the same file in one process is a second, independent database — both would write it), so the
// worker's store sends each named query over a MessagePort to the thread that owns the instance,
// which runs it on a connection of its own (one per transaction) and sends the rows back; column
// reads come back as transferred typed arrays. Named queries, transactions, readColumns and staged
// rows (stage-rows.ts, appended on the owning thread) only: sessions stay there.
// Large messages go in parts of PART rows (or strings), the owning thread's event loop given back
// between them: copying a message is synchronous on both threads, and one of a window's million
// transfer ids held the API's thread for 0.1–0.5 s (a million strings, 200,000 rows: 30–900 ms on
// this machine; bench:alert-list-job).
import type { MessagePort } from 'node:worker_threads'
import {
  Conn,
  CONN,
  INSTANCE,
  instanceOf,
  queriesOn,
  type Params,
  type Queries,
  type Store,
  type TransactionOptions,
} from './db.ts'
import { readColumns, type ColumnKind } from './columns.ts'
import { appendRows, type StagedColumn } from './stage-rows.ts'
import type { Row } from './convert.ts'
import { auditKey, type AuditKey } from '../util/audit-key.ts'
import * as errors from '../util/errors.ts'

type Op =
  | { op: 'all' | 'run'; name: string; params: Params; tx?: number }
  | {
      op: 'columns'
      name: string
      params: Params
      spec: Record<string, ColumnKind>
      rows: number
      tx?: number
    }
  | { op: 'append'; table: string; columns: readonly StagedColumn[]; tx?: number }
  | { op: 'begin'; serial: boolean }
  | { op: 'commit' | 'rollback'; tx: number }
  | { op: 'release'; tx: number }
  | { op: 'checkpoint' }

interface Request {
  id: number
  body: Op
}

interface Reply {
  id: number
  ok: boolean
  value?: unknown
  error?: { name: string; message: string; details?: Record<string, unknown> }
  /**
   * A part of the answer ahead of the final reply: rows of an 'all' (no column), or strings of a
   * text column of 'columns'; the final reply's rows (or column) come after the parts.
   */
  part?: { column?: string; values: unknown[] }
}

/** Rows (or strings of a column) per message between the threads. */
export const PART = 16_384

const yieldLoop = () => new Promise<void>((r) => setImmediate(r))

/** Sends value's parts ahead of the rest; returns what is left for the final reply. */
async function sendParts(port: MessagePort, id: number, op: Op['op'], value: unknown) {
  const head = async (values: unknown[], column?: string): Promise<unknown[]> => {
    if (values.length <= PART) return values
    let at = 0
    for (; values.length - at > PART; at += PART) {
      port.postMessage({
        id,
        ok: true,
        part: { column, values: values.slice(at, at + PART) },
      } satisfies Reply)
      await yieldLoop()
    }
    return values.slice(at)
  }
  if (op === 'all' && Array.isArray(value)) return head(value)
  if (op === 'columns' && value && typeof value === 'object') {
    const cols = { ...(value as Record<string, unknown>) }
    for (const [k, v] of Object.entries(cols)) if (Array.isArray(v)) cols[k] = await head(v, k)
    return cols
  }
  return value
}

/** Serves `store` to the worker at the other end of `port`; returns a function that stops it. */
export function serveStore(store: Store, port: MessagePort): () => void {
  let jobConn: Conn | undefined
  // a worker's transactions are the scan's (its window snapshot, its screening, its alert writes
  // with their audit rows). A serial one (the alert writes) holds the store's serial lock, as audit
  // writers do here, from BEGIN to after the worker has run its after-commit functions (the audit
  // checkpoint): the worker says so with 'release'. The others take no lock: a long read of the
  // window must not hold up the analysts' case actions.
  const txs = new Map<number, Conn>()
  const releases = new Map<number, () => void>()
  let nextTx = 1
  const unlock = (tx: number) => {
    releases.get(tx)?.()
    releases.delete(tx)
  }
  const conn = async (tx?: number): Promise<Conn> => {
    if (tx !== undefined) {
      const c = txs.get(tx)
      if (!c) throw new Error(`no transaction ${tx}`)
      return c
    }
    jobConn ??= new Conn(await instanceOf(store).connect())
    return jobConn
  }
  const handle = async (b: Op): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> => {
    switch (b.op) {
      case 'all':
        return { value: await (await conn(b.tx)).all(b.name, b.params) }
      case 'run':
        return { value: await (await conn(b.tx)).run(b.name, b.params) }
      case 'columns': {
        const c = await conn(b.tx)
        const cols = await readColumns(queriesOn(c, undefined), b.name, b.params, b.spec, b.rows)
        const transfer: ArrayBuffer[] = []
        for (const v of Object.values(cols))
          if (ArrayBuffer.isView(v)) transfer.push(v.buffer as ArrayBuffer)
        return { value: cols, transfer }
      }
      case 'append':
        return {
          value: await appendRows(queriesOn(await conn(b.tx), undefined), b.table, b.columns),
        }
      case 'begin': {
        const release = b.serial ? await store.serialLock() : undefined
        const c = new Conn(await instanceOf(store).connect())
        try {
          await c.raw.run('begin transaction')
        } catch (e) {
          c.close()
          release?.()
          throw e
        }
        const id = nextTx++
        txs.set(id, c)
        if (release) releases.set(id, release)
        return { value: id }
      }
      case 'commit':
      case 'rollback': {
        const c = await conn(b.tx)
        txs.delete(b.tx)
        let committed = false
        try {
          await c.raw.run(b.op)
          committed = b.op === 'commit'
        } finally {
          c.close()
          // committed: the lock waits for the worker's 'release', after its after-commit functions
          if (!committed) unlock(b.tx)
        }
        return { value: null }
      }
      case 'release':
        unlock(b.tx)
        return { value: null }
      case 'checkpoint':
        await store.checkpoint()
        return { value: null }
    }
  }
  const onMessage = (m: Request) => {
    handle(m.body)
      .then(async ({ value, transfer }) => ({
        value: await sendParts(port, m.id, m.body.op, value),
        transfer,
      }))
      .then(
        ({ value, transfer }) =>
          port.postMessage({ id: m.id, ok: true, value } satisfies Reply, transfer ?? []),
        (e: unknown) => {
          const err = e as Error & { details?: Record<string, unknown> }
          port.postMessage({
            id: m.id,
            ok: false,
            error: {
              name: err?.name ?? 'Error',
              message: err?.message ?? String(e),
              details: err?.details,
            },
          } satisfies Reply)
        },
      )
  }
  port.on('message', onMessage)
  return () => {
    port.off('message', onMessage)
    // committed, the worker gone before its 'release'
    for (const id of [...releases.keys()]) if (!txs.has(id)) unlock(id)
    for (const [id, c] of txs) {
      void c.raw
        .run('rollback')
        .catch(() => undefined) // the worker is gone: its transaction with it
        .finally(() => {
          c.close()
          unlock(id)
        })
    }
    txs.clear()
    jobConn?.close()
    jobConn = undefined
  }
}

/** The ringwatch error class of a name sent back (DuckDB's own errors stay plain Errors). */
function revive(e: NonNullable<Reply['error']>): Error {
  const classes: Record<string, new (m: string, d?: Record<string, unknown>) => Error> = {
    BadInputError: errors.BadInputError,
    NotFoundError: errors.NotFoundError,
    ConflictError: errors.ConflictError,
    ForbiddenError: errors.ForbiddenError,
    DatabaseLockedError: errors.DatabaseLockedError,
  }
  const C = classes[e.name]
  if (C) return new C(e.message, e.details ?? {})
  const out = new Error(e.message)
  out.name = e.name
  return out
}

export interface BridgedKey {
  secret: Uint8Array
  checkpoints: string | null
  source: string
}

/** What the owning thread hands the worker about the store (with the port). */
export function bridgeInfo(store: Store): { path: string; key: BridgedKey | null } {
  const k = store.auditKey
  return {
    path: store.path,
    key: k
      ? { secret: new Uint8Array(k.secret), checkpoints: k.checkpoints, source: k.source }
      : null,
  }
}

/** The worker's end: a Store whose queries run on the owning thread. */
export function remoteStore(
  port: MessagePort,
  info: { path: string; key: BridgedKey | null },
): Store {
  let next = 1
  const pending = new Map<
    number,
    {
      resolve: (v: unknown) => void
      reject: (e: Error) => void
      /** Parts received so far, by column ('' for rows). */
      parts?: Map<string, unknown[]>
    }
  >()
  port.on('message', (r: Reply) => {
    const p = pending.get(r.id)
    if (r.part) {
      if (!p) return
      p.parts ??= new Map()
      const key = r.part.column ?? ''
      let got = p.parts.get(key)
      if (!got) p.parts.set(key, (got = []))
      for (const v of r.part.values) got.push(v)
      return
    }
    pending.delete(r.id)
    if (r.ok) p?.resolve(p.parts ? joinParts(p.parts, r.value) : r.value)
    else p?.reject(revive(r.error!))
  })
  const call = <T>(body: Op): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      port.postMessage({ id, body } satisfies Request)
    })
  const key: AuditKey | undefined = info.key
    ? auditKey(Buffer.from(info.key.secret), info.key.checkpoints, info.key.source)
    : undefined

  const queries = (tx: number | undefined, hooks?: Array<() => void>, serial = false): Queries => {
    const remote: RemoteColumns = {
      columns: (name, params, spec, rows) => call({ op: 'columns', name, params, spec, rows, tx }),
      // in parts of PART rows, one after the other, into the same staged table of the transaction
      append: async (table, columns) => {
        const rows = columns.length ? columns[0].values.length : 0
        let n = 0
        for (let at = 0; at < rows; at += PART) {
          const part = columns.map((c) => sliceColumn(c, at, Math.min(rows, at + PART)))
          n += await call<number>({ op: 'append', table, columns: part, tx })
        }
        return n
      },
    }
    return {
      [CONN]: remote as unknown as Conn,
      auditKey: key,
      serial,
      all: <T = Row>(name: string, params: Params = {}) =>
        call<T[]>({ op: 'all', name, params, tx }),
      one: async <T = Row>(name: string, params: Params = {}) =>
        (await call<T[]>({ op: 'all', name, params, tx }))[0],
      run: (name, params = {}) => call<number>({ op: 'run', name, params, tx }),
      afterCommit: (fn) => (hooks ? hooks.push(fn) : fn()),
    }
  }
  const transaction = async <T>(
    fn: (tx: Queries) => Promise<T>,
    opts: TransactionOptions = {},
  ): Promise<T> => {
    const serial = opts.serial ?? false
    const tx = await call<number>({ op: 'begin', serial })
    const hooks: Array<() => void> = []
    let out: T
    try {
      out = await fn(queries(tx, hooks, serial))
      await call({ op: 'commit', tx })
    } catch (e) {
      await call({ op: 'rollback', tx }).catch(() => undefined) // the first error is the one to tell
      throw e
    }
    try {
      for (const h of hooks) h()
    } finally {
      if (serial) await call({ op: 'release', tx })
    }
    return out
  }
  return {
    ...queries(undefined),
    path: info.path,
    get [INSTANCE](): never {
      throw new Error('a bridged store has no DuckDB instance of its own')
    },
    transaction,
    serialLock: () =>
      Promise.reject(new Error('a bridged store takes the lock on its owning thread')),
    session: () =>
      Promise.reject(
        new Error('a bridged store has no sessions (ingest runs on the owning thread)'),
      ),
    checkpoint: () => call({ op: 'checkpoint' }),
    close: async () => {
      port.close()
    },
  }
}

/** The final reply with the parts sent ahead of it put in front. */
function joinParts(parts: Map<string, unknown[]>, value: unknown): unknown {
  const join = (head: unknown[], tail: unknown[]) => {
    for (const v of tail) head.push(v)
    return head
  }
  const rows = parts.get('')
  if (rows) return join(rows, value as unknown[])
  const cols = value as Record<string, unknown>
  for (const [k, head] of parts) cols[k] = join(head, cols[k] as unknown[])
  return cols
}

function sliceColumn(c: StagedColumn, from: number, to: number): StagedColumn {
  const v = c.values as ArrayLike<unknown> & { slice?: (a: number, b: number) => unknown }
  if (from === 0 && to === v.length) return c
  const values =
    typeof v.slice === 'function'
      ? v.slice(from, to)
      : Array.from({ length: to - from }, (_, i) => v[from + i])
  return { kind: c.kind, values } as StagedColumn
}

/** Implemented by a bridged store's connection (connOf): readColumns asks the owning thread for the columns. */
export interface RemoteColumns {
  columns(
    name: string,
    params: Params,
    spec: Record<string, ColumnKind>,
    rows: number,
  ): Promise<unknown>
  /** appendRows on the owning thread (store/stage-rows.ts). */
  append?(table: string, columns: readonly StagedColumn[]): Promise<number>
}

export function isRemoteColumns(c: unknown): c is RemoteColumns {
  return typeof (c as RemoteColumns)?.columns === 'function'
}
