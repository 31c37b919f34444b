// The Hono app: security headers, request ids, authentication on /api, the JSON routes and the
// dashboards. Dependencies come in through createApp(deps); nothing here opens a database.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { Store, Queries } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import { RingwatchError } from '../util/errors.ts'
import { quietLogger, type Logger } from '../util/progress.ts'
import { authenticate, type AuthEnv } from './auth/middleware.ts'
import { JwtConfig, jwtVerifier } from './auth/jwt.ts'
import type { ThrottleOptions } from './auth/throttle.ts'
import { errorBody, notFound, onError } from './errors.ts'
import { alertRoutes } from './routes/alerts.ts'
import { networkRoutes } from './routes/network.ts'
import { runRoutes } from './routes/runs.ts'
import { userRoutes } from './routes/users.ts'
import { caseRoutes } from './routes/cases.ts'
import { caseWorkRoutes } from './routes/case-routes.ts'
import { dashboardRoutes } from './static.ts'
import { AlertQueue } from './queue/alert-queue.ts'
import { NetworkIndex } from './network/graph-index.ts'
import type { RouteDeps } from './routes/deps.ts'
import { jobRoutes, type JobDeps } from './routes/jobs.ts'
import { serviceRoutes } from './routes/service.ts'

export interface AppDeps {
  store: Store
  config: Config
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number
  logger?: Logger
  /** Where reads go (a read-connection pool in production); default the store itself. */
  reads?: Queries
  auth?: { jwt?: JwtConfig; cacheTtlMs?: number; throttle?: ThrottleOptions }
  /** Keep the alert queue in memory (default true); false reads every page with SQL. */
  queueIndex?: boolean
  /** Keep the payment graph in memory for ego networks (default true); false uses SQL. */
  networkIndex?: boolean
  /** How often the in-memory indexes check the tables' fingerprints (ms; default 2 s / 5 s). */
  recheckMs?: number
  /** The built dashboards folder; false to serve none. */
  dashboards?: { dir: string } | false
  /** The server's job runner and uploads (batch work through the API); absent: no job routes. */
  jobs?: JobDeps
}

class UnsupportedMediaTypeError extends RingwatchError {
  override readonly status = 415
  override readonly exitCode = 2
}

export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

export function createApp(deps: AppDeps): Hono<AuthEnv> {
  const logger = deps.logger ?? quietLogger
  const clock = deps.clock ?? Date.now
  const reads = deps.reads ?? deps.store
  const jwt = deps.auth?.jwt ? jwtVerifier(JwtConfig.parse(deps.auth.jwt)) : undefined
  const auth = authenticate({
    reads,
    jwt,
    clock,
    cacheTtlMs: deps.auth?.cacheTtlMs,
    throttle: deps.auth?.throttle,
  })
  const queue =
    deps.queueIndex === false
      ? undefined
      : new AlertQueue(reads, { clock, recheckMs: deps.recheckMs, logger })
  const network =
    deps.networkIndex === false
      ? undefined
      : new NetworkIndex(deps.store, reads, { clock, recheckMs: deps.recheckMs })
  const rd: RouteDeps = {
    store: deps.store,
    reads,
    config: deps.config,
    clock,
    logger,
    keyCache: auth.cache,
    queue,
    network,
  }

  const app = new Hono<AuthEnv>()
  app.onError(onError(logger))
  app.notFound(notFound)
  app.use('*', async (c, next) => {
    const id = randomUUID()
    c.set('requestId', id)
    await next()
    // on the response's own headers: c.header() after the handler rebuilds the response around a
    // stream of its body, which @hono/node-server then reads chunk by chunk instead of writing the
    // text at once
    c.res.headers.set('X-Request-Id', id)
  })
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CSP,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    }),
  )
  // The event loop's delay since the previous health request (ms): how long a request that
  // arrived had to wait for this thread; a batch job must not hold it up.
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const health = (c: { json: (v: unknown) => Response }) => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100
    const event_loop = {
      p50_ms: ms(loop.percentile(50)),
      p99_ms: ms(loop.percentile(99)),
      max_ms: ms(loop.max),
    }
    loop.reset()
    return c.json({ ok: true, event_loop })
  }
  app.get('/health', async (c) => {
    await reads.one('server/health')
    return health(c)
  })
  app.get('/api/health', async (c) => {
    await reads.one('server/health')
    return health(c)
  })

  app.use('/api/*', async (c, next) => {
    await next()
    c.res.headers.set('Cache-Control', 'no-store')
  })
  // Who is calling comes first: nothing about a request is answered to an anonymous caller.
  app.use('/api/*', auth.middleware)
  // An upload is the raw bytes of a file (routes/jobs.ts limits its size), not JSON.
  const isUpload = (c: { req: { path: string } }) => c.req.path === '/api/uploads'
  app.use('/api/*', async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !isUpload(c)) {
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase()
      if (type !== 'application/json')
        throw new UnsupportedMediaTypeError('send JSON (Content-Type: application/json)', {
          content_type: type || null,
        })
    }
    await next()
  })
  const limit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: (c) => c.json(errorBody('PayloadTooLarge', 'request body over 1 MiB'), 413),
  })
  app.use('/api/*', (c, next) => (isUpload(c) ? next() : limit(c, next)))

  app.route('/api', alertRoutes(rd))
  app.route('/api', networkRoutes(rd))
  app.route('/api', runRoutes(rd))
  app.route('/api', userRoutes(rd))
  app.route('/api', caseRoutes(rd))
  app.route('/api', caseWorkRoutes(rd))
  app.route('/api', serviceRoutes(rd))
  if (deps.jobs) app.route('/api', jobRoutes(rd, deps.jobs))
  if (deps.dashboards !== false) app.route('/', dashboardRoutes(deps.dashboards?.dir))
  return app
}
