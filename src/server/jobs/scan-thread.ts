// The worker thread of a scan job: runs the scan (runScan, unchanged) on a store bridged to the
// server's thread (store/bridge.ts), so that the scan's JavaScript (screening, graph, detectors,
// scoring) never holds up the API; progress and log lines go back as messages.
import { parentPort, workerData } from 'node:worker_threads'
import { getPriority, setPriority } from 'node:os'
import type { MessagePort } from 'node:worker_threads'
import { remoteStore, type BridgedKey } from '../../store/index.ts'
import { runScan } from '../../pipeline/index.ts'
import type { Config } from '../../config/index.ts'
import type { ScanOptions } from '../../pipeline/index.ts'

export interface ScanThreadData {
  port: MessagePort
  store: { path: string; key: BridgedKey | null }
  config: Config
  configHash: string
  options: ScanOptions
  /** How much lower this thread's priority is than the API's (a nice increment). */
  nice: number
}

export type ScanThreadMessage =
  | { type: 'progress'; label: string; total?: number; done?: number; info?: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; msg: string; ctx?: Record<string, unknown> }
  | { type: 'done'; summary: unknown }
  | { type: 'failed'; error: { name: string; message: string; stack?: string } }

const data = workerData as ScanThreadData & { module?: string }
const post = (m: ScanThreadMessage) => parentPort!.postMessage(m)
let last = 0
// Below the API's thread: on Linux a priority set with pid 0 is this thread's alone (elsewhere it
// would be the whole server's, so it is left alone there). Refused, the scan runs at the server's.
if (data.nice > 0 && process.platform === 'linux')
  try {
    setPriority(Math.min(19, getPriority() + data.nice))
    post({ type: 'log', level: 'info', msg: 'scan thread priority', ctx: { nice: getPriority() } })
  } catch (e) {
    post({
      type: 'log',
      level: 'warn',
      msg: 'the scan thread runs at the server priority (could not lower it)',
      ctx: { error: String(e) },
    })
  }
const store = remoteStore(data.port, data.store)
try {
  const summary = await runScan(
    {
      store,
      config: data.config,
      configHash: data.configHash,
      progress: {
        start: (label, total) => post({ type: 'progress', label, total, done: 0 }),
        update: (done, info) => {
          const now = Date.now()
          if (now - last < 250) return
          last = now
          post({ type: 'progress', label: '', done, info })
        },
        done: (info) => post({ type: 'progress', label: '', info }),
      },
      logger: {
        info: (msg, ctx) => post({ type: 'log', level: 'info', msg, ctx }),
        warn: (msg, ctx) => post({ type: 'log', level: 'warn', msg, ctx }),
        error: (msg, ctx) => post({ type: 'log', level: 'error', msg, ctx }),
      },
    },
    data.options,
  )
  post({ type: 'done', summary })
} catch (e) {
  const err = e as Error
  post({
    type: 'failed',
    error: { name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack },
  })
} finally {
  await store.close()
}
