// The server's batch work, one job at a time, in the server process that owns the database: jobs
// posted by the batch role, the inbox and the schedule. Ingest and list imports run on this thread
// (DuckDB does the heavy part on its own threads); a scan, alone or in a batch, runs on a worker
// thread (worker-scan.ts). Each job is a row of `jobs`; its progress is kept in memory while it runs.
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { JobView } from '../../schema/job.ts'
import type { Store } from '../../store/index.ts'
import { PROCESS_ID } from '../../store/index.ts'
import type { Config } from '../../config/index.ts'
import type { Actor } from '../../schema/alert.ts'
import { ingestPaths } from '../../ingest/index.ts'
import { importList, LIST_KINDS } from '../../screen/index.ts'
import { runBatch, type ScanOptions } from '../../pipeline/index.ts'
import { isRingwatchError, NotFoundError } from '../../util/errors.ts'
import { quietLogger, type Logger, type Progress } from '../../util/progress.ts'
import { INPUT_FORMATS } from '../../schema/transfer.ts'
import { scanOnWorker } from './worker-scan.ts'
import { parseJson } from '../json.ts'

const Dates = { from: z.string().max(40).optional(), to: z.string().max(40).optional() }
const ListRef = z.object({
  file: z.string().min(1),
  kind: z.enum(LIST_KINDS),
  format: z.string().optional(),
})

/** What a job does; paths are the server's own (uploads, the inbox, configured lists). */
export const JobParams = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scan'), ...Dates, full: z.boolean().optional() }).strict(),
  z
    .object({
      kind: z.literal('ingest'),
      files: z.array(z.string()).min(1),
      format: z.enum(INPUT_FORMATS).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('lists'), list: ListRef, alt: z.string().optional() }).strict(),
  z
    .object({
      kind: z.literal('batch'),
      dir: z.string(),
      lists: z.array(ListRef).default([]),
      require_lists: z.boolean().optional(),
      ...Dates,
    })
    .strict(),
])
export type JobParams = z.infer<typeof JobParams>

export { JobProgress, JobView } from '../../schema/job.ts'

export interface JobHooks {
  /** After the job, whatever its end (the inbox moves its files, uploads are removed). */
  after?: (job: JobView) => void | Promise<void>
}

export interface RunnerDeps {
  store: Store
  config: Config
  configHash: string
  logger?: Logger
  clock?: () => number
  /** Runs a scan; default on a worker thread. */
  scan?: typeof scanOnWorker
  /** Told when a job has changed the data (the API's in-memory indexes look again). */
  changed?: () => void
}

interface Active {
  view: JobView
  params: JobParams
  hooks: JobHooks
}

export class JobRunner {
  private queue: Active[] = []
  private current: Active | undefined
  private idle: Promise<void> = Promise.resolve()
  private stopped = false
  private readonly clock: () => number
  private readonly logger: Logger

  constructor(private readonly deps: RunnerDeps) {
    this.clock = deps.clock ?? Date.now
    this.logger = deps.logger ?? quietLogger
  }

  /** Marks jobs an earlier server process left queued or running as interrupted. */
  async start(): Promise<void> {
    await this.deps.store.run('server/jobs-interrupted', { owner: PROCESS_ID, now: this.now() })
  }

  private now(): string {
    return new Date(this.clock()).toISOString()
  }

  /** Queues a job; it runs after those before it. */
  async submit(
    params: JobParams,
    actor: Actor,
    source: JobView['source'],
    hooks: JobHooks = {},
  ): Promise<JobView> {
    const p = JobParams.parse(params)
    const id = `J-${new Date(this.clock()).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`
    const view: JobView = {
      id,
      kind: p.kind,
      source,
      status: 'queued',
      params: p,
      created_by: actor.id,
      created_at: this.now(),
      started_at: null,
      finished_at: null,
      progress: null,
      error: null,
    }
    await this.deps.store.run('server/job-insert', {
      id,
      kind: p.kind,
      source,
      params: JSON.stringify(p),
      created_by: actor.id,
      now: view.created_at,
      owner: PROCESS_ID,
    })
    this.queue.push({ view, params: p, hooks })
    this.kick()
    return { ...view }
  }

  /** Jobs waiting or running now. */
  pending(): JobView[] {
    return [...(this.current ? [this.current] : []), ...this.queue].map((a) => ({ ...a.view }))
  }

  busy(): boolean {
    return this.current !== undefined || this.queue.length > 0
  }

  async get(id: string): Promise<JobView> {
    const live = [this.current, ...this.queue].find((a) => a?.view.id === id)
    if (live) return { ...live.view }
    const row = await this.deps.store.one<Record<string, unknown>>('server/job-get', { id })
    if (!row) throw new NotFoundError(`no job ${id}`, { id })
    return viewOf(row, true)
  }

  async list(limit = 50): Promise<JobView[]> {
    const rows = await this.deps.store.all<Record<string, unknown>>('server/jobs-list', { limit })
    const live = new Map(this.pending().map((v) => [v.id, v]))
    return rows.map((r) => live.get(String(r.id)) ?? viewOf(r, false))
  }

  /** Waits for the jobs queued so far (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.busy()) await this.idle
  }

  /** Stops taking jobs; the one running finishes. */
  async stop(): Promise<void> {
    this.stopped = true
    this.queue = []
    await this.idle
  }

  private kick(): void {
    if (this.current || this.stopped) return
    const next = this.queue.shift()
    if (!next) return
    this.current = next
    this.idle = this.run(next).finally(() => {
      this.current = undefined
      this.kick()
    })
  }

  private async run(a: Active): Promise<void> {
    const { store } = this.deps
    const v = a.view
    v.status = 'running'
    v.started_at = this.now()
    v.progress = { stage: 'starting', done: 0, total: null, info: null, log: [] }
    let result: unknown = null
    let restoreThreads: (() => Promise<void>) | undefined
    try {
      await store.run('server/job-start', { id: v.id, now: v.started_at })
      restoreThreads = await this.threadBudget()
      result = await this.execute(a.params, this.progressOf(v))
      v.status = failedResult(result) ? 'failed' : 'ok'
    } catch (e) {
      v.status = 'failed'
      v.error = (e as Error)?.message ?? String(e)
      if (!isRingwatchError(e))
        this.logger.error('job failed', { job: v.id, error: String((e as Error)?.stack ?? e) })
    }
    try {
      await restoreThreads?.()
    } catch (e) {
      this.logger.error('could not give DuckDB its threads back', { job: v.id, error: String(e) })
    }
    v.finished_at = this.now()
    v.result = result
    try {
      await store.run('server/job-finish', {
        id: v.id,
        status: v.status,
        now: v.finished_at,
        result: JSON.stringify(result),
        error: v.error,
        progress: JSON.stringify(v.progress),
      })
    } catch (e) {
      this.logger.error('could not record the end of a job', { job: v.id, error: String(e) })
    }
    this.deps.changed?.()
    try {
      await a.hooks.after?.({ ...v })
    } catch (e) {
      this.logger.error('after a job', { job: v.id, error: String(e) })
    }
  }

  /**
   * Limits DuckDB's threads for the job to batch.threads (none when null); returns what gives
   * them back after it. The setting is the instance's: the API's own queries run with the same
   * number meanwhile.
   */
  private async threadBudget(): Promise<(() => Promise<void>) | undefined> {
    const { store, config } = this.deps
    const budget = config.batch.threads
    if (budget === null) return undefined
    const before = (await store.one<{ threads: number }>('server/duckdb-threads-get'))?.threads
    if (!before || budget >= before) return undefined
    await store.run('server/duckdb-threads-set', { threads: budget })
    return async () => {
      await store.run('server/duckdb-threads-set', { threads: before })
    }
  }

  private progressOf(v: JobView): Progress {
    return {
      start: (label, total) => {
        v.progress = { ...v.progress!, stage: label, done: 0, total: total ?? null, info: null }
      },
      update: (done, info) => {
        v.progress = { ...v.progress!, done, info: info ?? v.progress!.info }
      },
      done: (summary) => {
        const p = v.progress!
        v.progress = { ...p, log: [...p.log, `${p.stage}${summary ? ': ' + summary : ''}`] }
      },
    }
  }

  private async execute(p: JobParams, progress: Progress): Promise<unknown> {
    const { store, config, configHash } = this.deps
    const scan = (o: ScanOptions) =>
      (this.deps.scan ?? scanOnWorker)(
        { store, config, configHash, progress, logger: this.logger, nice: config.batch.nice },
        o,
      )
    switch (p.kind) {
      case 'scan':
        return scan({ from: p.from, to: p.to, full: p.full })
      case 'ingest':
        return ingestPaths(store, p.files, { format: p.format, config: config.ingest, progress })
      case 'lists':
        return importList(store, p.list.file, {
          kind: p.list.kind,
          format: p.list.format,
          alt: p.alt,
        })
      case 'batch':
        return runBatch(
          { store, config, configHash, progress, logger: this.logger },
          {
            dir: p.dir,
            lists: p.lists,
            from: p.from,
            to: p.to,
            requireLists: p.require_lists,
            scan: (_deps, o) => scan(o),
          },
        )
    }
  }
}

/** A result that says it failed (a batch report with a non-zero exit, an ingest with failed files). */
function failedResult(r: unknown): boolean {
  const o = r as { exit_code?: number; totals?: { failed?: number }; status?: string }
  return (o?.exit_code ?? 0) !== 0 || (o?.totals?.failed ?? 0) > 0 || o?.status === 'failed'
}

function viewOf(r: Record<string, unknown>, withResult: boolean): JobView {
  return JobView.parse({
    ...r,
    params: parseJson(r.params),
    progress: parseJson(r.progress) ?? null,
    ...(withResult ? { result: parseJson(r.result) } : {}),
  })
}
