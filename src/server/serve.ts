// Starts the HTTP server on an open store: builds the dashboards, opens a read-connection pool, and
// resolves once listening. Used by `ringwatch serve` and `ringwatch demo`.
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { announceUrl, openReadPool, type Store } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import type { Logger } from '../util/progress.ts'
import { createApp } from './app.ts'
import { buildDashboards } from './dashboards.ts'
import { JwtConfig } from './auth/jwt.ts'
import { BadInputError, ConflictError } from '../util/errors.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { setCheckpointErrorHandler } from '../cases/index.ts'
import { JobRunner } from './jobs/runner.ts'
import { Uploads } from './jobs/uploads.ts'
import { Inbox } from './jobs/inbox.ts'

export interface Running {
  url: string
  jobs?: { runner: JobRunner; uploads: Uploads; inbox?: Inbox }
  close(): Promise<void>
}

/** JWT settings from the environment, when RINGWATCH_JWT_ISSUER is set. */
export function jwtFromEnv(env: NodeJS.ProcessEnv): JwtConfig | undefined {
  if (!env.RINGWATCH_JWT_ISSUER) return undefined
  const r = JwtConfig.safeParse({
    issuer: env.RINGWATCH_JWT_ISSUER,
    audience: env.RINGWATCH_JWT_AUDIENCE ?? 'ringwatch',
    secret: env.RINGWATCH_JWT_SECRET,
    publicKey: env.RINGWATCH_JWT_PUBLIC_KEY,
    leeway: 30,
    roleClaim: env.RINGWATCH_JWT_ROLE_CLAIM ?? 'role',
    externalSubjects: ['1', 'true', 'yes'].includes(env.RINGWATCH_JWT_EXTERNAL ?? ''),
    allowedRoles: (env.RINGWATCH_JWT_ROLES ?? 'analyst,supervisor,fiu_viewer')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    maxLifetime: Number(env.RINGWATCH_JWT_MAX_LIFETIME ?? 12 * 3600),
  })
  if (!r.success) {
    const issue = r.error.issues[0]
    throw new BadInputError(`JWT settings: ${issue.path.join('.')}: ${issue.message}`, {
      field: issue.path.join('.'),
    })
  }
  return r.data
}

export async function startServer(opts: {
  store: Store
  config: Config
  configHash?: string
  host: string
  port: number
  logger: Logger
  jwt?: JwtConfig
  readers?: number
  /** Batch work in the server (jobs, inbox, schedule); default on. */
  jobs?: boolean
}): Promise<Running> {
  await buildDashboards()
  const reads = await openReadPool(opts.store, opts.readers ?? 4)
  setCheckpointErrorHandler((e, file) =>
    opts.logger.error('could not write the audit checkpoint', { file, error: String(e) }),
  )
  let jobs: { runner: JobRunner; uploads: Uploads; inbox?: Inbox } | undefined
  if (opts.jobs !== false) {
    const runner = new JobRunner({
      store: opts.store,
      config: opts.config,
      configHash: opts.configHash ?? 'unknown',
      logger: opts.logger,
    })
    await runner.start()
    const base =
      opts.store.path === ':memory:'
        ? mkdtempSync(join(tmpdir(), 'rw-up-'))
        : dirname(opts.store.path)
    const uploads = new Uploads(join(base, 'uploads'), opts.config.batch.max_upload_bytes)
    uploads.sweep()
    const inbox = opts.config.batch.inbox
      ? new Inbox(runner, opts.config.batch, { logger: opts.logger })
      : undefined
    jobs = { runner, uploads, inbox }
  }
  const app = createApp({
    store: opts.store,
    config: opts.config,
    reads,
    logger: opts.logger,
    auth: { jwt: opts.jwt },
    jobs,
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, () => resolve(s))
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new ConflictError(
              `cannot listen on ${opts.host}:${opts.port} (${e.code}); choose another with --port N`,
              { host: opts.host, port: opts.port },
            )
          : e,
      ),
    )
  }).catch((e: unknown) => {
    reads.close()
    throw e
  })
  const addr = server.address() as AddressInfo
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  const url = `http://${host}:${addr.port}/`
  if (opts.store.path !== ':memory:') announceUrl(opts.store.path, url)
  jobs?.inbox?.start()
  const sweeper = setInterval(() => jobs?.uploads.sweep(), 3600_000)
  sweeper.unref()
  return {
    url,
    jobs,
    close: async () => {
      clearInterval(sweeper)
      jobs?.inbox?.stop()
      await jobs?.runner.stop()
      await new Promise<void>((resolve) => {
        server.close(() => {
          reads.close()
          resolve()
        })
      })
    },
  }
}
