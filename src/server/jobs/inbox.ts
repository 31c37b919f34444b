// The inbox (config batch.inbox): files dropped there are taken once their size and modification
// time have stood still for batch.settle_seconds (a file still being copied is left alone), moved
// to <inbox>/.work/<job>/, landed and scanned by one batch job, then moved to <inbox>/done/<day>/
// or <inbox>/failed/<day>/ (with <name>.error.txt saying why). The schedule (batch.schedule, cron)
// runs the same batch over whatever has settled, lists and a scan even when nothing has.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { Cron } from 'croner'
import type { Actor } from '../../schema/alert.ts'
import { listSpec } from '../../pipeline/batch.ts'
import { BadInputError } from '../../util/errors.ts'
import { quietLogger, type Logger } from '../../util/progress.ts'
import type { BatchConfig } from './config.ts'
import type { JobRunner, JobView } from './runner.ts'

/** The server's own actor for the jobs it starts. */
export const INBOX_ACTOR: Actor = { id: 'ringwatch:inbox', role: 'batch' }
export const SCHEDULE_ACTOR: Actor = { id: 'ringwatch:schedule', role: 'batch' }

const SKIP = /^\.|\.(part|partial|tmp|crdownload|error\.txt)$/i

interface Seen {
  size: number
  mtime: number
  since: number
}

export class Inbox {
  readonly dir: string
  private seen = new Map<string, Seen>()
  private timer: NodeJS.Timeout | undefined
  private cron: Cron | undefined
  private taking = false

  constructor(
    private readonly runner: JobRunner,
    private readonly config: BatchConfig,
    private readonly opts: { logger?: Logger; clock?: () => number } = {},
  ) {
    if (!config.inbox) throw new BadInputError('batch.inbox is not set')
    this.dir = resolve(config.inbox)
    for (const d of [
      this.dir,
      join(this.dir, 'done'),
      join(this.dir, 'failed'),
      join(this.dir, '.work'),
    ])
      mkdirSync(d, { recursive: true })
  }

  private get logger(): Logger {
    return this.opts.logger ?? quietLogger
  }

  private now(): number {
    return (this.opts.clock ?? Date.now)()
  }

  start(): void {
    const every = this.config.poll_seconds * 1000
    const tick = () => {
      this.poll().catch((e) => this.logger.error('inbox', { error: String(e) }))
      this.timer = setTimeout(tick, every)
      this.timer.unref()
    }
    tick()
    if (this.config.schedule)
      this.cron = new Cron(this.config.schedule, { timezone: this.config.timezone }, () => {
        this.scheduled().catch((e) => this.logger.error('scheduled batch', { error: String(e) }))
      })
  }

  stop(): void {
    clearTimeout(this.timer)
    this.cron?.stop()
  }

  /** When the schedule runs next (null without one). */
  nextRun(): Date | null {
    return this.cron?.nextRun() ?? null
  }

  /** Files that have stood still long enough. */
  private settled(): string[] {
    const now = this.now()
    const ready: string[] = []
    const present = new Set<string>()
    for (const name of readdirSync(this.dir)) {
      if (SKIP.test(name)) continue
      const path = join(this.dir, name)
      let st
      try {
        st = statSync(path)
      } catch {
        continue // gone meanwhile
      }
      if (!st.isFile()) continue
      present.add(name)
      const s = this.seen.get(name)
      if (!s || s.size !== st.size || s.mtime !== st.mtimeMs)
        this.seen.set(name, { size: st.size, mtime: st.mtimeMs, since: now })
      else if (now - s.since >= this.config.settle_seconds * 1000) ready.push(name)
    }
    for (const k of this.seen.keys()) if (!present.has(k)) this.seen.delete(k)
    return ready.sort()
  }

  /** Looks once; queues a batch of the settled files unless an inbox job is still pending. */
  async poll(): Promise<JobView | null> {
    if (this.taking || this.runner.pending().some((j) => j.source === 'inbox')) return null
    const ready = this.settled()
    if (!ready.length) return null
    return this.take(ready, INBOX_ACTOR, 'inbox')
  }

  /** The scheduled batch: the settled files (maybe none), the configured lists, a scan. */
  async scheduled(): Promise<JobView> {
    return this.take(this.settled(), SCHEDULE_ACTOR, 'schedule')
  }

  private async take(
    names: string[],
    actor: Actor,
    source: 'inbox' | 'schedule',
  ): Promise<JobView> {
    this.taking = true
    try {
      const work = join(this.dir, '.work', `${source}-${this.now()}`)
      mkdirSync(work, { recursive: true })
      const moved: string[] = []
      for (const name of names) {
        try {
          renameSync(join(this.dir, name), join(work, name))
          moved.push(name)
          this.seen.delete(name)
        } catch (e) {
          this.logger.warn('inbox: could not take a file', { file: name, error: String(e) })
        }
      }
      const lists = this.config.lists.map((l) => {
        const s = listSpec(l)
        return { ...s, file: resolve(s.file) }
      })
      return await this.runner.submit({ kind: 'batch', dir: work, lists }, actor, source, {
        after: (job) => this.settle(job, work, moved),
      })
    } finally {
      this.taking = false
    }
  }

  /** Moves each file to done/ or failed/ by its ingest status; removes the work folder. */
  private settle(job: JobView, work: string, names: string[]): void {
    const day = new Date(this.now()).toISOString().slice(0, 10)
    const report = job.result as {
      ingest?: { per_file?: Array<{ path: string; status: string; error?: string }> } | null
      failures?: Array<{ stage: string; message: string }>
    } | null
    const byName = new Map((report?.ingest?.per_file ?? []).map((f) => [basename(f.path), f]))
    for (const name of names) {
      const f = byName.get(name)
      const ok = f && f.status !== 'failed'
      const to = join(this.dir, ok ? 'done' : 'failed', day)
      mkdirSync(to, { recursive: true })
      let target = join(to, name)
      if (existsSync(target)) target = join(to, `${job.id}-${name}`)
      try {
        renameSync(join(work, name), target)
        if (!ok)
          writeFileSync(
            `${target}.error.txt`,
            `${f?.error ?? job.error ?? report?.failures?.map((x) => `${x.stage}: ${x.message}`).join('\n') ?? 'not landed'}\njob ${job.id}\n`,
          )
      } catch (e) {
        this.logger.error('inbox: could not move a file', { file: name, error: String(e) })
      }
    }
    rmSync(work, { recursive: true, force: true })
  }
}
