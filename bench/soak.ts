// Soak (npm run soak; on a shared machine under `flock /tmp/ringwatch-bench.lock`): serves a fresh
// database with `ringwatch serve` (core dumps on, --report-on-fatalerror) and drives it for
// SOAK_MINUTES (default 5) with what a working day brings at once:
//   - the alert list at a fixed 100 requests/s (its p99 reported apart while a job runs);
//   - browser-like reads: queue pages and filters, alert pages and graphs, accounts, 2-hop networks,
//     search, runs and jobs;
//   - case actions by two users: review, note, propose, approve (four eyes);
//   - exports (CSV, JSON lines, FtM, goAML of a reported alert);
//   - batch work: a small day file dropped in the inbox every SOAK_DROP_SECONDS (180), and once,
//     after a minute, SOAK_BIG_ROWS transfers (default 1,000,000 in 30 day files) landed and
//     scanned as one inbox job.
// It prints errors by status, p50/p99 per route, the alert list's p99 with and without a job under
// way, the server's memory over time, and writes soak-report.json; it exits 1 on a crash or a 5xx.
// SOAK_DIR (default /tmp/ringwatch-soak) holds everything, diagnostic reports and cores included.
// SOAK_NODE_ARGS: more Node options for the server (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'; a
// profile is written when the server stops, after the job under way).
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
import { cpus, loadavg, totalmem } from 'node:os'
import { openStore } from '../src/store/index.ts'
import { addUser } from '../src/server/index.ts'
import { generate } from '../src/generate/index.ts'
import { auditKey } from '../src/util/audit-key.ts'
import { maxOf } from '../src/util/array.ts'

const MINUTES = Number(process.env.SOAK_MINUTES ?? 5)
const DIR = resolve(process.env.SOAK_DIR ?? '/tmp/ringwatch-soak')
const BIG = Number(process.env.SOAK_BIG_ROWS ?? 1_000_000)
const DROP = Number(process.env.SOAK_DROP_SECONDS ?? 180)
const PORT = 19000 + Math.floor(Math.random() * 1000)
const KEY = 'a1'.repeat(32)
const DB = join(DIR, 'soak.duckdb')
const INBOX = join(DIR, 'inbox')
const BIN = resolve('bin/ringwatch')
const DAY = /^\d{4}-\d{2}-\d{2}\.csv$/
const env = { ...process.env, RINGWATCH_AUDIT_KEY: KEY }
// The heap limit bin/ringwatch would give serve, set here so that it serves in this very process
// (the launcher re-spawns only when no limit is given): the memory column is the server's own.
const HEAP_MIB = Math.max(4096, Math.floor((totalmem() / 1048576) * 0.75))
const NODE_ARGS = process.env.SOAK_NODE_ARGS ?? ''

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', DB], { env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ringwatch ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

async function prepare() {
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(INBOX, { recursive: true })
  const t0 = performance.now()
  await generate({ out: join(DIR, 'base'), seed: 11, days: 7, perDay: 5000, start: '2026-06-01' })
  await generate({ out: join(DIR, 'drops'), seed: 12, days: 30, perDay: 3000, start: '2026-07-01' })
  if (BIG > 0)
    await generate({
      out: join(DIR, 'big'),
      seed: 13,
      days: 30,
      perDay: Math.ceil(BIG / 30),
      start: '2026-08-01',
    })
  renameSync(join(DIR, 'base', 'watchlist.csv'), join(DIR, 'watchlist.csv'))
  cli(['batch', join(DIR, 'base'), '--lists', join(DIR, 'watchlist.csv')])
  const store = await openStore({
    path: DB,
    auditKey: auditKey(Buffer.from(KEY, 'hex'), `${DB}.audit-checkpoints`, 'soak'),
  })
  const keys: Record<string, string> = {}
  for (const [id, role] of [
    ['ana', 'analyst'],
    ['sue', 'supervisor'],
    ['fred', 'fiu_viewer'],
    ['job', 'batch'],
  ] as const)
    keys[id] = (await addUser(store, id, role)).key
  await store.close()
  writeFileSync(
    join(DIR, 'config.json'),
    JSON.stringify({ batch: { inbox: INBOX, poll_seconds: 2, settle_seconds: 2 } }),
  )
  console.log(`prepared ${DIR} in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  return keys
}

interface Sample {
  route: string
  ms: number
  status: number
  job: boolean
}

async function main() {
  const keys = await prepare()
  mkdirSync(join(DIR, 'reports'), { recursive: true })
  const server = spawn(
    'bash',
    [
      '-c',
      `ulimit -c unlimited; cd ${DIR}; exec ${process.execPath} --max-old-space-size=${HEAP_MIB} ${NODE_ARGS} --report-on-fatalerror --report-directory=${DIR}/reports ${BIN} serve --db ${DB} --port ${PORT} --config ${DIR}/config.json`,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let exit: string | null = null
  let serverErr = ''
  server.stderr.on('data', (d) => (serverErr = (serverErr + String(d)).slice(-20000)))
  server.on('exit', (code, signal) => (exit = `exit code ${code}, signal ${signal}`))
  await new Promise<void>((ok, fail) => {
    server.stdout.on('data', (d) => String(d).includes('serving') && ok())
    server.on('exit', () => fail(new Error(`serve ended: ${serverErr}`)))
  })
  // what the server runs under, read back from the process itself: core dumps and fatal-error reports
  const limits = readFileSync(`/proc/${server.pid}/limits`, 'utf8')
  const coreLimit = /^Max core file size\s+(\S+)\s+(\S+)/m.exec(limits)
  const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0')
  const corePattern = readFileSync('/proc/sys/kernel/core_pattern', 'utf8').trim()
  const safety = {
    core_limit_soft: coreLimit?.[1] ?? '?',
    core_limit_hard: coreLimit?.[2] ?? '?',
    core_pattern: corePattern,
    report_on_fatalerror: cmdline.includes('--report-on-fatalerror'),
  }
  console.log(
    `server pid ${server.pid}: core file size ${safety.core_limit_soft} (hard ${safety.core_limit_hard}), core_pattern '${corePattern}' (cores land in ${DIR} when it is a plain name); --report-on-fatalerror ${safety.report_on_fatalerror ? 'on' : 'OFF'}, reports in ${DIR}/reports`,
  )
  if (safety.core_limit_soft !== 'unlimited' || !safety.report_on_fatalerror)
    throw new Error(`the server runs without core dumps or fatal-error reports: ${limits}`)
  const base = `http://127.0.0.1:${PORT}`
  const samples: Sample[] = []
  let jobRunning = false
  const call = async (route: string, key: string, path: string, init: RequestInit = {}) => {
    const t = performance.now()
    let status = 0
    try {
      const res = await fetch(base + path, {
        ...init,
        headers: { 'X-API-Key': key, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
        // a request that hangs is a failure (status 0), not a stuck soak
        signal: AbortSignal.timeout(60_000),
      })
      status = res.status
      const body = await res.arrayBuffer()
      samples.push({ route, ms: performance.now() - t, status, job: jobRunning })
      return { status, body }
    } catch {
      samples.push({ route, ms: performance.now() - t, status: 0, job: jobRunning })
      return { status: 0, body: new ArrayBuffer(0) }
    }
  }
  const json = (b: ArrayBuffer) => JSON.parse(Buffer.from(b).toString('utf8'))
  const end = Date.now() + MINUTES * 60_000
  const live = () => Date.now() < end && !exit
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]

  // who is the job runner busy with
  const jobsWatch = (async () => {
    while (live()) {
      const r = await call('GET /api/jobs', keys.job, '/api/jobs?limit=5')
      if (r.status === 200)
        jobRunning = json(r.body).jobs.some((j: { status: string }) =>
          ['queued', 'running'].includes(j.status),
        )
      await sleep(1000)
    }
  })()
  // the alert list at 100 requests/s, at a fixed rate
  const queueLoad = (async () => {
    const inflight = new Set<Promise<unknown>>()
    const paths = [
      '/api/alerts?limit=50',
      '/api/alerts?status=new,in_review&limit=50',
      '/api/alerts?sort=total_amount&limit=50',
    ]
    let next = performance.now()
    while (live()) {
      next += 10
      const p = call('GET /api/alerts (100/s)', keys.ana, pick(paths))
      inflight.add(p)
      void p.finally(() => inflight.delete(p))
      const wait = next - performance.now()
      if (wait > 0) await sleep(wait)
    }
    await Promise.all(inflight)
  })()
  // browser-like reads
  const reads = (async () => {
    while (live()) {
      const list = await call(
        'GET /api/alerts',
        keys.sue,
        '/api/alerts?limit=50&typology=cycle,layering,fan_in',
      )
      const alerts: Array<{ id: string; accounts: string[] }> =
        list.status === 200 ? json(list.body).alerts : []
      const a = alerts.length ? pick(alerts) : undefined
      if (a) {
        await call('GET /api/alerts/:id', keys.ana, `/api/alerts/${a.id}`)
        await call('GET /api/alerts/:id/graph', keys.ana, `/api/alerts/${a.id}/graph`)
        const acct = pick(a.accounts as string[])
        await call('GET /api/accounts/:a', keys.fred, `/api/accounts/${encodeURIComponent(acct)}`)
        await call(
          'GET /api/network',
          keys.fred,
          `/api/network?account=${encodeURIComponent(acct)}&hops=2&limit=25`,
        )
      }
      await call(
        'GET /api/search',
        keys.fred,
        `/api/search?q=${pick(['Gulf', 'GmbH', 'Trading', 'DE', 'Ltd'])}`,
      )
      await call('GET /api/runs', keys.sue, '/api/runs')
      await call('GET /api/me', keys.ana, '/api/me')
      await sleep(200)
    }
  })()
  // four eyes: the analyst reviews and proposes, the supervisor approves; notes
  const cases = (async () => {
    while (live()) {
      const r = await call('GET /api/alerts', keys.ana, '/api/alerts?status=new&limit=20')
      const a = r.status === 200 ? pick(json(r.body).alerts as Array<{ id: string }>) : undefined
      if (a) {
        const act = (key: string, body: unknown) =>
          call('POST /api/alerts/:id/actions', key, `/api/alerts/${a.id}/actions`, {
            method: 'POST',
            body: JSON.stringify(body),
          })
        await act(keys.ana, { type: 'start_review' })
        await act(keys.ana, { type: 'note', text: 'soak: looked at the counterparties' })
        await act(keys.ana, {
          type: 'propose',
          outcome: Math.random() < 0.5 ? 'reported' : 'closed_benign',
          reason: 'soak',
        })
        await act(keys.sue, { type: 'approve', reason: 'agreed' })
      }
      await sleep(3000)
    }
  })()
  // exports
  const exports = (async () => {
    while (live()) {
      for (const format of ['csv', 'jsonl', 'ftm']) {
        await call(`POST /api/exports ${format}`, keys.sue, '/api/exports', {
          method: 'POST',
          body: JSON.stringify({ format, status: 'new' }),
        })
      }
      const rep = await call('GET /api/alerts', keys.sue, '/api/alerts?status=reported&limit=1')
      const id = rep.status === 200 ? json(rep.body).alerts[0]?.id : undefined
      if (id)
        await call('POST /api/exports goaml', keys.sue, '/api/exports', {
          method: 'POST',
          body: JSON.stringify({ format: 'goaml', ids: [id] }),
        })
      await sleep(20_000)
    }
  })()
  // batch files in the inbox
  const drops = (async () => {
    const days = readdirSync(join(DIR, 'drops'))
      .filter((f) => DAY.test(f))
      .sort()
    let i = 0
    let bigDone = BIG <= 0
    const bigAt = Date.now() + 60_000
    while (live()) {
      if (!bigDone && Date.now() >= bigAt) {
        for (const f of readdirSync(join(DIR, 'big')).filter((x) => DAY.test(x)))
          copyFileSync(join(DIR, 'big', f), join(INBOX, `big-${f}`))
        bigDone = true
        console.log(
          `${new Date().toISOString()} dropped ${BIG.toLocaleString('en')} transfers in the inbox`,
        )
      }
      if (i < days.length && (i === 0 || Date.now() % (DROP * 1000) < 5000)) {
        copyFileSync(join(DIR, 'drops', days[i]), join(INBOX, days[i]))
        i++
        await sleep(5000)
      }
      await sleep(1000)
    }
  })()
  // memory of the server over time
  const memory: Array<{ t: number; rss_mb: number; job: boolean; load: number }> = []
  const t0 = Date.now()
  const mem = (async () => {
    while (live()) {
      const r = spawnSync('ps', ['-o', 'rss=', '-p', String(server.pid)], { encoding: 'utf8' })
      const kb = Number(r.stdout.trim())
      if (kb)
        memory.push({
          t: Math.round((Date.now() - t0) / 1000),
          rss_mb: Math.round(kb / 1024),
          job: jobRunning,
          load: loadavg()[0],
        })
      await sleep(10_000)
    }
  })()
  await Promise.all([jobsWatch, queueLoad, reads, cases, exports, drops, mem])
  const jobs = exit
    ? []
    : json((await call('GET /api/jobs', keys.job, '/api/jobs?limit=100')).body).jobs
  const crashed = exit
  if (!exit) server.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 3000))

  // report
  const byRoute = new Map<string, Sample[]>()
  for (const s of samples) {
    const xs = byRoute.get(s.route)
    if (xs) xs.push(s)
    else byRoute.set(s.route, [s])
  }
  const q = (xs: number[], p: number) => {
    const v = [...xs].sort((a, b) => a - b)
    return v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))] : NaN
  }
  const statuses: Record<string, number> = {}
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1
  console.log(
    `\nsoak ${MINUTES} min: ${samples.length.toLocaleString('en')} requests; statuses ${JSON.stringify(statuses)}; server ${crashed ?? 'alive until stopped'}`,
  )
  console.log(
    `${'route'.padEnd(36)} ${'n'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  non-2xx`,
  )
  const routes: Record<string, unknown> = {}
  for (const [route, xs] of [...byRoute].sort()) {
    const ms = xs.map((x) => x.ms)
    const bad = xs.filter((x) => x.status < 200 || x.status >= 300).length
    routes[route] = { n: xs.length, p50: q(ms, 0.5), p99: q(ms, 0.99), max: q(ms, 1), non2xx: bad }
    console.log(
      `${route.padEnd(36)} ${String(xs.length).padStart(7)} ${q(ms, 0.5).toFixed(1).padStart(8)} ${q(ms, 0.99).toFixed(1).padStart(8)} ${q(ms, 1).toFixed(1).padStart(8)}  ${bad}`,
    )
  }
  const ql = byRoute.get('GET /api/alerts (100/s)') ?? []
  const during = ql.filter((s) => s.job).map((s) => s.ms)
  const idle = ql.filter((s) => !s.job).map((s) => s.ms)
  console.log(
    `\nalert list at 100/s: p99 ${q(during, 0.99).toFixed(1)} ms while a job ran (${during.length} requests), ${q(idle, 0.99).toFixed(1)} ms otherwise (${idle.length}); target < 100 ms`,
  )
  console.log('\njobs:')
  for (const j of jobs)
    console.log(
      `  ${j.id} ${j.kind} ${j.source} ${j.status} ${j.started_at ?? ''} → ${j.finished_at ?? ''}${j.error ? ' ' + j.error : ''}`,
    )
  console.log('\nserver memory (RSS MB) every 10 s, * = a job under way:')
  console.log('  ' + memory.map((m) => `${m.t}s:${m.rss_mb}${m.job ? '*' : ''}`).join(' '))
  const calm = memory.filter((m) => !m.job)
  const warm = calm.filter((m) => m.t >= 120)
  if (warm.length >= 2)
    console.log(
      `  without a job, after warm-up (2 min): first ${warm[0].rss_mb} MB, last ${warm[warm.length - 1].rss_mb} MB (${(((warm[warm.length - 1].rss_mb - warm[0].rss_mb) / warm[0].rss_mb) * 100).toFixed(1)}%; target ≤ 10%), max ${maxOf(warm, (m) => m.rss_mb)} MB`,
    )
  const loads = memory.map((m) => m.load).sort((a, b) => a - b)
  if (loads.length)
    console.log(
      `load average (1 min) over the run: median ${loads[Math.floor(loads.length / 2)].toFixed(1)}, min ${loads[0].toFixed(1)}, max ${loads[loads.length - 1].toFixed(1)} (${cpus().length} cores)`,
    )
  const reports = readdirSync(join(DIR, 'reports')).filter(
    (f) => f.endsWith('.json') && f.startsWith('report'),
  )
  const cores = readdirSync(DIR).filter((f) => /^core/.test(f))
  console.log(`diagnostic reports: ${reports.length}; core files: ${cores.length}`)
  writeFileSync(
    join(DIR, 'soak-report.json'),
    JSON.stringify(
      {
        minutes: MINUTES,
        safety,
        statuses,
        routes,
        alert_list_100: {
          p99_during_job: q(during, 0.99),
          p99_idle: q(idle, 0.99),
          n_during: during.length,
          n_idle: idle.length,
        },
        jobs,
        memory,
        exit,
        reports,
        cores,
      },
      null,
      2,
    ),
  )
  const fivexx = samples.filter((s) => s.status >= 500 || s.status === 0).length
  if (crashed || fivexx) {
    console.log(
      `FAILED: ${crashed ? 'the server ended: ' + crashed : ''} ${fivexx} 5xx or failed requests\n${serverErr.slice(-3000)}`,
    )
    process.exitCode = 1
  }
  if (existsSync(join(DIR, 'big'))) rmSync(join(DIR, 'big'), { recursive: true, force: true })
}

await main()
