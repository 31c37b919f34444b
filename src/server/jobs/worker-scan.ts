// Runs a scan on a worker thread (scan-thread.ts) with the store bridged to this thread: the API
// keeps answering while the scan's JavaScript runs. DuckDB work still runs on DuckDB's own threads,
// asked for by this thread. A fresh thread per scan: its memory (the window graph) goes with it.
import { MessageChannel, Worker } from 'node:worker_threads'
import { bridgeInfo, serveStore } from '../../store/index.ts'
import type { Store } from '../../store/index.ts'
import type { Config } from '../../config/index.ts'
import { ScanSummary, type ScanOptions } from '../../pipeline/index.ts'
import { BadInputError, ConflictError, NotFoundError, RingwatchError } from '../../util/errors.ts'
import { quietLogger, quietProgress, type Logger, type Progress } from '../../util/progress.ts'
import type { ScanThreadData, ScanThreadMessage } from './scan-thread.ts'

/** A worker on a module of this folder: through tsx when running from the TypeScript sources. */
export function moduleWorker(
  name: string,
  workerData: Record<string, unknown>,
  transfer: readonly unknown[] = [],
): Worker {
  const here = import.meta.url
  const fromSources = here.endsWith('.ts')
  const module = new URL(`./${name}.${fromSources ? 'ts' : 'js'}`, here)
  return fromSources
    ? new Worker(new URL('./thread-entry.mjs', here), {
        workerData: { ...workerData, module: module.href },
        transferList: transfer as never,
      })
    : new Worker(module, { workerData, transferList: transfer as never })
}

export interface WorkerScanDeps {
  store: Store
  config: Config
  configHash: string
  progress?: Progress
  logger?: Logger
  /** The scan thread's priority below this thread's (a nice increment; 0: the same). */
  nice?: number
}

const CLASSES: Record<string, new (m: string) => Error> = {
  BadInputError,
  NotFoundError,
  ConflictError,
}

export function scanOnWorker(
  deps: WorkerScanDeps,
  options: ScanOptions = {},
): Promise<ScanSummary> {
  const progress = deps.progress ?? quietProgress
  const logger = deps.logger ?? quietLogger
  const { port1, port2 } = new MessageChannel()
  const stop = serveStore(deps.store, port1)
  const data: ScanThreadData = {
    port: port2,
    store: bridgeInfo(deps.store),
    config: deps.config,
    configHash: deps.configHash,
    options,
    nice: deps.nice ?? 0,
  }
  const worker = moduleWorker('scan-thread', data as unknown as Record<string, unknown>, [port2])
  return new Promise<ScanSummary>((resolve, reject) => {
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      stop()
      port1.close()
      fn()
    }
    worker.on('message', (m: ScanThreadMessage) => {
      if (m.type === 'progress') {
        if (m.label) progress.start(m.label, m.total)
        else if (m.done !== undefined) progress.update(m.done, m.info)
        else progress.done(m.info)
      } else if (m.type === 'log') logger[m.level](m.msg, m.ctx)
      else if (m.type === 'done') finish(() => resolve(ScanSummary.parse(m.summary)))
      else if (m.type === 'failed') {
        const C = CLASSES[m.error.name]
        const e = C ? new C(m.error.message) : new RingwatchError(m.error.message)
        if (m.error.stack) e.stack = m.error.stack
        finish(() => reject(e))
      }
    })
    worker.on('error', (e) => finish(() => reject(e)))
    worker.on('exit', (code) =>
      finish(() => reject(new RingwatchError(`the scan thread stopped (exit code ${code})`))),
    )
  })
}
