// Alert-list latency while a batch job runs (npm run bench:alert-list-job, under
// `flock /tmp/ringwatch-bench.lock`; without `nice`, which would measure how the scheduler treats a
// niced server on a busy machine rather than the server): serves a copy of a prepared database with
// the built `ringwatch serve`, asks for the alert list at a fixed 100 requests/s, first with no job
// (ALERTBENCH_IDLE_SECONDS, default 20, after a 10 s warm-up), then while BENCH_ROWS transfers
// (default 1,000,000, in 30 day files) moved into the server's inbox at once are landed and scanned
// as one batch job. Each of ALERTBENCH_RUNS rounds (default 2) serves once per variant of the job's
// settings (ALERTBENCH_VARIANTS, default 'defaults,budget', order alternating): `defaults`
// (DuckDB's threads as they are, the scan thread at the API's priority) and `budget` (one DuckDB
// thread fewer than the cores, the scan thread at nice 10: batch.threads, batch.nice). Prints per
// run and as medians per variant: p50/p99/max of the alert list with and without the job, the server's event-loop delay (GET /api/health), its main thread's CPU
// per request, the job's time and the load average. The prepared data (generated files, the
// database after the base batch) is kept in ALERTBENCH_CACHE (default
// /tmp/ringwatch-alertbench-<rows>) and reused.
// ALERTBENCH_NODE_ARGS: more Node options for the server (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof').
import { spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { availableParallelism, loadavg } from 'node:os'
import { openStore } from '../src/store/index.ts'
import { addUser } from '../src/server/index.ts'
import { generate } from '../src/generate/index.ts'
import { auditKey } from '../src/util/audit-key.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const RUNS = Number(process.env.ALERTBENCH_RUNS ?? 2)
const IDLE_S = Number(process.env.ALERTBENCH_IDLE_SECONDS ?? 20)
const CACHE = resolve(process.env.ALERTBENCH_CACHE ?? `/tmp/ringwatch-alertbench-${ROWS}`)
const NODE_ARGS = process.env.ALERTBENCH_NODE_ARGS ?? ''
const KEY = 'b2'.repeat(32)
const BIN = resolve('bin/ringwatch')
const DAY = /^\d{4}-\d{2}-\d{2}\.csv$/
const env = { ...process.env, RINGWATCH_AUDIT_KEY: KEY }
const PATHS = [
  '/api/alerts?limit=50',
  '/api/alerts?status=new,in_review&limit=50',
  '/api/alerts?sort=total_amount&limit=50',
]

function cli(db: string, args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db], { env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ringwatch ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

/** The base database (a week of 5,000 transfers a day, scanned) and the big day files, once. */
async function prepare(): Promise<{ key: string; big: string; db: string }> {
  const stamp = join(CACHE, `ready-${ROWS}.json`)
  const db = join(CACHE, 'base.duckdb')
  if (existsSync(stamp))
    return { key: JSON.parse(readFileSync(stamp, 'utf8')).key, big: join(CACHE, 'big'), db }
  rmSync(CACHE, { recursive: true, force: true })
  mkdirSync(CACHE, { recursive: true })
  const t0 = performance.now()
  await generate({ out: join(CACHE, 'base'), seed: 11, days: 7, perDay: 5000, start: '2026-06-01' })
  await generate({
    out: join(CACHE, 'big'),
    seed: 13,
    days: 30,
    perDay: Math.ceil(ROWS / 30),
    start: '2026-08-01',
  })
  renameSync(join(CACHE, 'base', 'watchlist.csv'), join(CACHE, 'watchlist.csv'))
  cli(db, ['batch', join(CACHE, 'base'), '--lists', join(CACHE, 'watchlist.csv')])
  const store = await openStore({
    path: db,
    auditKey: auditKey(Buffer.from(KEY, 'hex'), `${db}.audit-checkpoints`, 'bench'),
  })
  const key = (await addUser(store, 'ana', 'analyst')).key
  await store.close()
  writeFileSync(stamp, JSON.stringify({ key }))
  console.log(`prepared ${CACHE} in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  return { key, big: join(CACHE, 'big'), db }
}

const q = (xs: number[], p: number) => {
  const v = Float64Array.from(xs).sort()
  return v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))] : NaN
}
const median = (xs: number[]) => q(xs, 0.5)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface Phase {
  p50: number
  p99: number
  max: number
  n: number
  bad: number
  loopP99: number
  loopMax: number
  /** The server's main thread's CPU per request answered (ms): its work, job included. */
  cpuPerRequest: number
}

interface RunResult {
  variant: Variant
  idle: Phase
  job: Phase
  jobSeconds: number
  load: number
}

/** The job's settings compared: the defaults, and a budget of DuckDB threads with the scan thread lowered. */
const VARIANTS = {
  defaults: {},
  budget: { threads: Math.max(1, availableParallelism() - 1), nice: 10 },
} as const
type Variant = keyof typeof VARIANTS

/** CPU time (ms) of the server's main thread so far (its task's utime + stime). */
function mainThreadCpuMs(pid: number): number {
  const s = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ')
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100
}

async function oneRun(
  prep: { key: string; big: string; db: string },
  run: number,
  variant: Variant,
) {
  const dir = join(CACHE, `run-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'inbox'), { recursive: true })
  const db = join(dir, 'bench.duckdb')
  copyFileSync(prep.db, db)
  copyFileSync(`${prep.db}.audit-checkpoints`, `${db}.audit-checkpoints`)
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      batch: {
        inbox: join(dir, 'inbox'),
        poll_seconds: 1,
        settle_seconds: 1,
        ...VARIANTS[variant],
      },
    }),
  )
  const port = 20000 + Math.floor(Math.random() * 1000)
  const server = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      ...NODE_ARGS.split(' ').filter(Boolean),
      BIN,
      'serve',
      '--db',
      db,
      '--port',
      String(port),
      '--config',
      join(dir, 'config.json'),
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
  )
  let err = ''
  server.stderr.on('data', (d) => (err = (err + String(d)).slice(-5000)))
  await new Promise<void>((ok, fail) => {
    server.stdout.on('data', (d) => String(d).includes('serving') && ok())
    server.on('exit', () => fail(new Error(`serve ended: ${err}`)))
  })
  const base = `http://127.0.0.1:${port}`
  const headers = { 'X-API-Key': prep.key }
  const get = async (path: string) => {
    const r = await fetch(base + path, { headers, signal: AbortSignal.timeout(60_000) })
    const body = await r.text()
    return { status: r.status, body }
  }
  /** The jobs, asked again until the server answers. */
  const jobsNow = async (): Promise<Array<{ status: string }>> => {
    for (;;) {
      try {
        const r = await get('/api/jobs?limit=5')
        if (r.status === 200) return JSON.parse(r.body).jobs
      } catch {
        // asked again below
      }
      await sleep(500)
    }
  }
  const loop = async () => JSON.parse((await get('/api/health')).body).event_loop
  /** The alert list at 100/s until `until` resolves. */
  const drive = async (until: Promise<unknown>): Promise<Phase> => {
    let done = false
    void until.then(() => (done = true))
    const ms: number[] = []
    let bad = 0
    const inflight = new Set<Promise<unknown>>()
    await loop() // resets the server's loop histogram
    const cpu0 = mainThreadCpuMs(server.pid!)
    let next = performance.now()
    let i = 0
    while (!done) {
      next += 10
      const t = performance.now()
      const p = get(PATHS[i++ % PATHS.length]).then(
        (r) => {
          ms.push(performance.now() - t)
          if (r.status !== 200) bad++
        },
        () => bad++,
      )
      inflight.add(p)
      void p.finally(() => inflight.delete(p))
      const wait = next - performance.now()
      if (wait > 0) await sleep(wait)
    }
    await Promise.all(inflight)
    const l = await loop()
    const cpu = mainThreadCpuMs(server.pid!) - cpu0
    return {
      cpuPerRequest: cpu / Math.max(1, ms.length),
      p50: q(ms, 0.5),
      p99: q(ms, 0.99),
      max: q(ms, 1),
      n: ms.length,
      bad,
      loopP99: l.p99_ms,
      loopMax: l.max_ms,
    }
  }
  try {
    await drive(sleep(10_000)) // warm-up: the first load of the queue, the key's scrypt check
    const idle = await drive(sleep(IDLE_S * 1000))
    const t0 = performance.now()
    // copied beside the inbox, then moved in at once: one job takes them all
    mkdirSync(join(dir, 'drop'))
    const days = readdirSync(prep.big).filter((x) => DAY.test(x))
    for (const f of days) copyFileSync(join(prep.big, f), join(dir, 'drop', `big-${f}`))
    for (const f of days) renameSync(join(dir, 'drop', `big-${f}`), join(dir, 'inbox', `big-${f}`))
    const jobDone = (async () => {
      let seen = false
      for (;;) {
        await sleep(500)
        const jobs = await jobsNow()
        const open = jobs.some((j) => j.status === 'queued' || j.status === 'running')
        if (open) seen = true
        else if (seen) {
          const failed = jobs.filter((j) => j.status === 'failed')
          if (failed.length) throw new Error(`the job failed: ${JSON.stringify(failed[0])}`)
          return
        }
      }
    })()
    const started = (async () => {
      for (;;) {
        const jobs = await jobsNow()
        if (jobs.some((j) => j.status === 'running')) return
        await sleep(100)
      }
    })()
    await started
    const load = loadavg()[0]
    const job = await drive(jobDone)
    await jobDone
    const r: RunResult = {
      variant,
      idle,
      job,
      jobSeconds: (performance.now() - t0) / 1000,
      load: (load + loadavg()[0]) / 2,
    }
    const f = (p: Phase) =>
      `p50 ${p.p50.toFixed(1)} p99 ${p.p99.toFixed(1)} max ${p.max.toFixed(0)} ms (n ${p.n}, non-200 ${p.bad}; loop delay p99 ${p.loopP99.toFixed(1)} max ${p.loopMax.toFixed(0)} ms; main thread ${p.cpuPerRequest.toFixed(2)} ms CPU a request)`
    console.log(
      `run ${run} (${variant}): no job: ${f(r.idle)}\n       job:    ${f(r.job)}; job ${r.jobSeconds.toFixed(0)} s, load ${r.load.toFixed(1)}`,
    )
    return r
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.on('exit', r))
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  // the built CLI serves: rebuild it when stale
  spawnSync(process.execPath, ['bin/build', '--if-stale'], { stdio: 'inherit' })
  const prep = await prepare()
  const results: RunResult[] = []
  const variants = (process.env.ALERTBENCH_VARIANTS ?? 'defaults,budget').split(',') as Variant[]
  for (const v of variants) if (!(v in VARIANTS)) throw new Error(`no variant ${v}`)
  let n = 0
  for (let i = 1; i <= RUNS; i++)
    for (const v of i % 2 ? variants : [...variants].reverse())
      results.push(await oneRun(prep, ++n, v))
  console.log(
    `\nmedians of ${RUNS} runs each, alert list at 100 requests/s, ${ROWS.toLocaleString('en')} transfers landed and scanned as one inbox job:`,
  )
  for (const v of variants) {
    const rs = results.filter((r) => r.variant === v)
    const m = (f: (r: RunResult) => number) => median(rs.map(f)).toFixed(1)
    console.log(`  ${v} (batch ${JSON.stringify(VARIANTS[v])}):`)
    console.log(
      `    no job:     p50 ${m((r) => r.idle.p50)} ms, p99 ${m((r) => r.idle.p99)} ms; loop delay p99 ${m((r) => r.idle.loopP99)} ms`,
    )
    console.log(
      `    during job: p50 ${m((r) => r.job.p50)} ms, p99 ${m((r) => r.job.p99)} ms; loop delay p99 ${m((r) => r.job.loopP99)} ms, max ${m((r) => r.job.loopMax)} ms; job ${m((r) => r.jobSeconds)} s; load average ${m((r) => r.load)}`,
    )
  }
  console.log(`  target: p99 < 100 ms during the job`)
}

await main()
